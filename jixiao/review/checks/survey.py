"""A survey's answer distribution: counts against the sample size, percentages against
100 %, and the satisfaction rate the report states against the one its counts give."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.numbers import show
from jixiao.review.text import Block

OPTIONS = ("非常满意", "满意", "比较满意", "基本满意", "一般", "不太满意", "不满意", "非常不满意", "很满意", "很不满意")
SATISFIED = ("非常满意", "满意", "很满意", "比较满意")
SAMPLE = re.compile(r"(?:有效问卷|回收(?:问卷)?|有效回答|样本量?|共回收有效问卷)\s*(\d+)\s*份")
STATED = re.compile(r"(?:平均满意度|总体满意度|满意度|满意率)(?:为|达|是|达到)?\s*(\d+(?:\.\d+)?)\s*%")


def survey_tables(ex: Extraction) -> Iterator[tuple[Block, int, dict[str, int], int | None]]:
    """(table, header row, option → column, valid-answers column) for each answer table."""
    for table in ex.report.tables():
        for h, row in enumerate(table.rows[:2]):
            cells = [re.sub(r"\s", "", c) for c in row]
            cols = {c: i for i, c in enumerate(cells) if c in OPTIONS}
            if len(cols) >= 3:
                valid = next((i for i, c in enumerate(cells) if re.match(r"^(有效回答|有效问卷|合计|小计|样本)", c)), None)
                yield table, h, cols, valid
                break


def _count(cell: str) -> tuple[int | None, Decimal | None]:
    m = re.match(r"\s*(\d+)\s*(?:[（(]\s*(\d+(?:\.\d+)?)\s*%\s*[）)])?\s*$", cell or "")
    if m:
        return int(m.group(1)), Decimal(m.group(2)) if m.group(2) else None
    m = re.match(r"\s*(\d+(?:\.\d+)?)\s*%\s*$", cell or "")
    return (None, Decimal(m.group(1))) if m else (None, None)


def _sample(ex: Extraction, table: Block) -> int | None:
    head = table.rows[0][0] if table.rows and table.rows[0] else ""
    m = re.search(r"[—\-－]+\s*(\d+)\s*$", head)
    if m:
        return int(m.group(1))
    sizes = [int(m.group(1)) for b in ex.report.paragraphs() for m in SAMPLE.finditer(b.text)]
    return max(set(sizes), key=sizes.count) if sizes else None


@check("distribution-count", "error", "回答人数之和与样本量不符")
def distribution_count(ex: Extraction) -> Iterator[Finding]:
    for table, h, cols, valid in survey_tables(ex):
        n = _sample(ex, table)
        for r in range(h + 1, len(table.rows)):
            row = table.rows[r]
            counts = [_count(row[i])[0] for i in cols.values() if i < len(row)]
            if not counts or any(c is None for c in counts):
                continue
            total = sum(counts)  # type: ignore[arg-type]
            expected = _count(row[valid])[0] if valid is not None and valid < len(row) else n
            if expected is not None and total != expected:
                yield distribution_count.finding(table.place(r), " | ".join(x for x in row if x),
                                                 f"各选项人数 {' + '.join(str(c) for c in counts)} = {total}，"
                                                 f"而有效回答为 {expected}。", [Decimal(total), Decimal(expected)])


@check("distribution-percent", "error", "各选项百分比之和不等于 100%")
def distribution_percent(ex: Extraction) -> Iterator[Finding]:
    for table, h, cols, _ in survey_tables(ex):
        for r in range(h + 1, len(table.rows)):
            row = table.rows[r]
            shares = [_count(row[i])[1] for i in cols.values() if i < len(row)]
            if not shares or any(s is None for s in shares):
                continue
            total = sum(shares, Decimal(0))  # type: ignore[arg-type]
            places = max(len(str(s).split(".")[1]) if "." in str(s) else 0 for s in shares)  # type: ignore[union-attr]
            slack = Decimal(len(shares)) * Decimal(5) / Decimal(10) ** (places + 1)
            if abs(total - 100) > slack:
                yield distribution_percent.finding(table.place(r), " | ".join(x for x in row if x),
                                                   f"各选项百分比合计 {show(total)}%，不是 100%。", [total])


@check("satisfaction-rate", "warning", "报告的满意度与问卷统计不符或口径不明")
def satisfaction_rate(ex: Extraction) -> Iterator[Finding]:
    for table, h, cols, valid in survey_tables(ex):
        sat = base = total = 0
        for r in range(h + 1, len(table.rows)):
            row = table.rows[r]
            counts = {o: _count(row[i])[0] for o, i in cols.items() if i < len(row)}
            if any(v is None for v in counts.values()):
                continue
            total += sum(counts.values())  # type: ignore[arg-type]
            sat += sum(v for o, v in counts.items() if o in SATISFIED)  # type: ignore[misc]
            base += sum(v for o, v in counts.items() if o in ("基本满意", "一般"))  # type: ignore[misc]
        if not total:
            continue
        rate = Decimal(sat) / total * 100
        wide = Decimal(sat + base) / total * 100
        for b in ex.report.paragraphs():
            for m in STATED.finditer(b.text):
                stated = Decimal(m.group(1))
                if abs(stated - rate) <= 1:
                    continue
                if abs(stated - wide) <= 1:
                    detail = (f"按问卷表，（非常满意 + 满意）/ 有效回答 = {sat}/{total} = {rate.quantize(Decimal('0.01'))}%；"
                              f"{m.group(1)}% 只有把“基本满意”也计为满意（{sat + base}/{total} = "
                              f"{wide.quantize(Decimal('0.01'))}%）才能得到，报告未说明口径。")
                else:
                    detail = (f"按问卷表，满意率（非常满意 + 满意）为 {sat}/{total} = {rate.quantize(Decimal('0.01'))}%，"
                              f"报告写为 {m.group(1)}%。")
                yield satisfaction_rate.finding(b.place(), b.text, detail, [stated, rate.quantize(Decimal("0.01"))])
        return
