"""The review report (复核意见): each finding with its quote, place, arithmetic and
severity, then the score table as the report's own figures give it — laid out with
jixiao's document model and written by jixiao's docx and html renderers."""

from __future__ import annotations

import errno
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jixiao.errors import DataError
from jixiao.narrative.document import Cover, Document, Heading, Paragraph, Table
from jixiao.report.docx_render import render_docx
from jixiao.report.html_render import render_html
from jixiao.review.findings import CHECKS, SEVERITY_ZH
from jixiao.review.numbers import show
from jixiao.review.result import Review


@dataclass(frozen=True)
class ReviewFiles:
    docx: Path
    html: Path
    json: Path


SEVERITY_MEANS = {
    "error": "报告自身的数字、合计或评分互相矛盾，按报告自己的数字即可确认，须更正",
    "warning": "很可能是笔误、口径不明或沿用了其他报告的文字，须评价机构核实说明",
}


def review_document(review: Review, today: date | None = None) -> Document:
    today = today or date.today()
    name = Path(review.file).name
    counts = Counter(f.severity for f in review.findings)
    title = review.extraction.report.title()
    lines = (("被复核报告", title if title and title != name else name),) + ((("文件", name),) if title and title != name else ())
    cover = Cover("第三方绩效评价报告复核意见", lines + (
        ("复核方式", "jixiao 自动复核"),
        ("发现问题", f"{len(review.findings)} 条（错误 {counts['error']} 条，提示 {counts['warning']} 条）")),
        f"复核日期：{today.year}年{today.month}月{today.day}日")
    blocks: list = [Heading(1, "一、复核结论"), Paragraph(_conclusion(review))]
    if review.findings:
        by_code = Counter(f.code for f in review.findings)
        order = {code: i for i, code in enumerate(CHECKS.names())}
        rows = tuple((CHECKS.get(code).title, SEVERITY_ZH[CHECKS.get(code).severity], str(n))
                     for code, n in sorted(by_code.items(), key=lambda kv: (CHECKS.get(kv[0]).severity != "error",
                                                                            order[kv[0]])))
        blocks.append(Table("表1 发现问题分类", ("问题类别", "级别", "条数"), rows, (6, 1.2, 1), "lcc", "review-summary"))
    blocks.append(Heading(1, "二、发现的问题"))
    if review.findings:
        blocks += _findings(review)
    else:
        blocks.append(Paragraph("未发现数字、结构或文字方面的问题。"))
    blocks.append(Heading(1, "三、按报告自身数字重算的评分表"))
    blocks += _scores(review)
    blocks.append(Heading(1, "四、复核范围和方法"))
    blocks.append(Paragraph("复核读取报告正文、表格和附件中的全部数字，按下表所列项目逐一核对；每条问题均注明所在位置、"
                            "报告原文和核算过程，供评价机构逐条核实更正。问题分为两级：" + "；".join(
                                f"“{SEVERITY_ZH[k]}”指{v}" for k, v in SEVERITY_MEANS.items()) + "。"))
    blocks.append(Table("表3 复核项目", ("复核项目", "级别"),
                        tuple((entry.title, SEVERITY_ZH[entry.severity]) for _, entry in CHECKS.items()),
                        (6, 1.2), "lc", "review-checks"))
    return Document(cover, tuple(blocks), footer="第 {page} 页")


def _findings(review: Review) -> list:
    """Errors first, then warnings; each finding as a numbered item: where, the report's own
    words, the arithmetic or the reason."""
    out: list = []
    number = 0
    groups = [(k, [f for f in review.findings if f.severity == k]) for k in ("error", "warning")]
    for i, (severity, items) in enumerate(g for g in groups if g[1]):
        out.append(Heading(2, f"（{'一二'[i]}）{SEVERITY_ZH[severity]}（{len(items)} 条）"))
        out.append(Paragraph(f"{SEVERITY_MEANS[severity]}。", "note"))
        for f in items:
            number += 1
            out.append(Paragraph(f"{number}. {CHECKS.get(f.code).title}", "bold"))
            out.append(Paragraph(f"位置：{f.where}", "note"))
            out.append(Paragraph(f"原文：“{f.quote}”", "note"))
            out.append(Paragraph(f"核算与说明：{f.detail}", "note"))
    return out


def _scores(review: Review) -> list:
    if not review.rows:
        return [Paragraph("报告中未找到可识别的评分表。")]
    coded = any(r.code for r in review.rows)
    out: list = [Paragraph("下表按报告所印的分值和得分列出各项指标；上级指标的“重算得分”为其下级指标得分之和，"
                           "“合计”的重算得分为一级指标得分之和，“等级”按重算总分所在档次确定。"
                           "报告得分与重算得分不同、或同一指标在正文、表格、附件中写法不一（标为“不一致”）的，"
                           "第二部分列有对应问题。")]
    rows = []
    for r in review.rows:
        cells = (r.code,) if coded else ()
        rows.append(cells + ("　" * (r.level - 1) + r.name, _n(r.weight), _n(r.score), _n(r.recomputed),
                             "不一致" if r.conflict else "一致"))
    pad = ("",) if coded else ()
    total = pad + ("合计", "", _n(review.total), _n(review.total_recomputed), "")
    grade = pad + ("等级", "", review.grade or "", review.grade_recomputed or "", "")
    headers = (("代码",) if coded else ()) + ("指标", "分值", "报告得分", "重算得分", "一致性")
    widths = ((1,) if coded else ()) + (5, 1, 1.2, 1.2, 1.2)
    out.append(Table("表2 重算评分表", headers, tuple(rows) + (total, grade), widths, ("l" if coded else "") + "lrrrc",
                     "review-scores", (len(rows), len(rows) + 1)))
    return out


def _conclusion(review: Review) -> str:
    n = len(review.findings)
    errors = sum(1 for f in review.findings if f.severity == "error")
    total = f"报告总分 {_n(review.total)} 分、等级“{review.grade}”" if review.total is not None else "报告未写明总分"
    re_total = (f"按报告自身的指标得分重算为 {_n(review.total_recomputed)} 分、等级“{review.grade_recomputed}”"
                if review.total_recomputed is not None else "报告的评分表无法重算总分")
    if not n:
        return f"{total}；{re_total}。复核未发现问题。"
    return (f"{total}；{re_total}。复核发现 {n} 条问题，其中错误 {errors} 条、提示 {n - errors} 条，"
            "详见第二部分；建议评价机构逐条核实并更正后再提交使用。")


def _n(value) -> str:
    return "" if value is None else show(value)


def write_review(review: Review, out: Path) -> ReviewFiles:
    """review.docx, review.html and review.json in `out`; a folder that cannot be written is
    a DataError naming it."""
    doc = review_document(review)
    try:
        out.mkdir(parents=True, exist_ok=True)
        docx = render_docx(doc, {}, out / "review.docx")
        html = render_html(doc, {}, out / "review.html")
        path = out / "review.json"
        path.write_text(json.dumps(review.json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except (FileExistsError, NotADirectoryError):
        raise DataError(f"无法写出复核意见：{out} 已存在且不是目录，请用 --out 指定一个目录") from None
    except PermissionError:
        raise DataError(f"无法写出复核意见：没有 {out} 的写入权限，请用 --out 指定其他目录") from None
    except OSError as exc:
        reason = "磁盘空间不足" if exc.errno == errno.ENOSPC else "写入失败"
        raise DataError(f"无法写出复核意见到 {out}：{reason}") from None
    return ReviewFiles(docx, html, path)
