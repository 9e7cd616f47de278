"""Every sentence the survey stage shows a user, in one place."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from jixiao.vocabulary import SATISFACTION_OPTIONS

if TYPE_CHECKING:
    from jixiao.survey.cells import TallyCell
    from jixiao.survey.counts import Rejected

KNOWN = "、".join(SATISFACTION_OPTIONS)


def points(fraction: Decimal) -> str:
    """0.0862 → '8.6' (percentage points, one place)."""
    return str((fraction * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def pct(fraction: Decimal) -> str:
    return f"{(fraction * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def rejected(r: Rejected) -> str:
    if r.kind == "option":
        return rejected_column(r)
    return (f"回答“{r.answer}”无法识别（可用：{KNOWN}），已从“{r.question}”一题剔除，"
            f"该受访者其他题目的回答照常统计")


def rejected_column(r: Rejected) -> str:
    return (f"选项列“{r.column}”无法识别或人数为负（可用：{KNOWN}），"
            f"“{r.question}”一题的 {r.answer} 个回答未计入")


def question_repeated(question: str, rows: list[int]) -> str:
    return f"问题“{question}”在第 {'、'.join(map(str, rows))} 行重复出现，各行人数已合并统计"


def total_mismatch(cell: TallyCell, counted: int) -> str:
    return (f"第{cell.row}行“{cell.question}”的{cell.option}为 {cell.count}，"
            f"而各选项人数之和为 {counted}")


def no_valid_answers(question: str) -> str:
    return f"问题“{question}”没有有效回答，不参与满意率和满意度指数的计算"


def not_weighted(questions: list[str]) -> str:
    return f"问题“{'”“'.join(questions)}”未给出权重（或权重为 0），只列示各自结果，不计入总体满意率和满意度指数"


def sample_exceeds_population(n: int, population: int) -> str:
    return f"有效问卷 {n} 份多于总体 {population} 人，未作有限总体校正，请核对总体人数"


def returned_exceeds_sent(respondents: int, sent: int) -> str:
    return f"回收问卷 {respondents} 份多于发放问卷 {sent} 份，请核对发放数"


def margin_too_wide(metric: str, margin: Decimal, needed: int, population: int | None) -> str:
    total = f"（总体 {population} 人，已作有限总体校正）" if population else "（总体人数未知，未作有限总体校正）"
    return (f"{metric}的 95% 置信区间误差约 ±{points(margin)} 个百分点，超过 ±5 个百分点；"
            f"要使每一题的{metric}误差不超过 ±5 个百分点，每题约需 {needed} 份有效回答{total}")


def rejected_summary(count: int) -> str:
    return f"{count} 个回答无法识别，已按问题个别剔除（详见 rejected）"
