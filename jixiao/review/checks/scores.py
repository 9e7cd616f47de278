"""The score table's own arithmetic: children against their parent, first-level scores
against the total, scores against weights, the grade against the band of the total."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.numbers import show
from jixiao.review.tree import Node, code_tree, prose_trees

TOL = Decimal("0.001")


def trees(ex: Extraction) -> list[list[Node]]:
    coded = code_tree(ex)
    return ([coded] if coded else []) + prose_trees(ex)


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for n in nodes:
        yield n
        yield from _walk(n.children)


def _sum(nodes: list[Node], attr: str) -> Decimal | None:
    values = [getattr(n, attr) for n in nodes]
    return sum(values, Decimal(0)) if values and all(v is not None for v in values) else None


def _matches(claims: list, total: Decimal) -> bool:
    return any(abs(c.value - total) <= TOL for c in claims)


def _parts(nodes: list[Node], attr: str) -> str:
    return " + ".join(f"{n.label} {show(getattr(n, attr))}" for n in nodes)


@check("weight-sum", "error", "下级指标分值之和与上级分值不符")
def weight_sum(ex: Extraction) -> Iterator[Finding]:
    for roots in trees(ex):
        for node in _walk(roots):
            total = _sum(node.children, "weight")
            if node.children and total is not None and node.weights and not _matches(node.weights, total):
                c = node.weights[0]
                yield weight_sum.finding(c.place, c.quote, f"{node.label}分值为 {show(c.value)} 分，下级指标分值合计 "
                                         f"{_parts(node.children, 'weight')} = {show(total)} 分。",
                                         [c.value, total])
        top = _sum(roots, "weight")
        if len(roots) >= 2 and top is not None and abs(top - 100) > TOL and _stated_full(ex) == 100:
            c = roots[0].weights[0]
            yield weight_sum.finding(c.place, c.quote, f"一级指标分值合计 {_parts(roots, 'weight')} = {show(top)} 分，"
                                     "不是满分 100 分。", [top, Decimal(100)])


def _stated_full(ex: Extraction) -> int:
    text = " ".join(b.text for b in ex.report.blocks[:200])
    m = re.search(r"满分\s*(\d+)\s*分", text)
    return int(m.group(1)) if m and m.group(1) in ("100", "1000") else 100


@check("score-sum", "error", "下级指标得分之和与上级得分不符")
def score_sum(ex: Extraction) -> Iterator[Finding]:
    for roots in trees(ex):
        for node in _walk(roots):
            total = _sum(node.children, "score")
            if node.children and total is not None and node.scores and not _matches(node.scores, total):
                c = node.scores[0]
                yield score_sum.finding(c.place, c.quote, f"{node.label}得分为 {show(c.value)} 分，下级指标得分合计 "
                                        f"{_parts(node.children, 'score')} = {show(total)} 分。", [c.value, total])


@check("score-above-weight", "error", "得分高于分值")
def score_above_weight(ex: Extraction) -> Iterator[Finding]:
    for roots in trees(ex)[:1]:
        for node in _walk(roots):
            weight = node.weight
            for c in node.scores:
                if weight is not None and c.value > weight + TOL:
                    yield score_above_weight.finding(c.place, c.quote, f"{node.label}得分 {show(c.value)} 分，"
                                                     f"高于其分值 {show(weight)} 分。", [c.value, weight])


@check("total-sum", "error", "总分与一级指标得分之和不符")
def total_sum(ex: Extraction) -> Iterator[Finding]:
    for roots in trees(ex):
        if len(roots) < 2:
            continue
        total = _sum(roots, "score")
        if total is None:
            continue
        for stated in ex.totals:
            value = Decimal(stated.value)
            if abs(value - total) > TOL:
                yield total_sum.finding(stated.place, stated.quote, f"报告总分 {show(value)} 分，一级指标得分合计 "
                                        f"{_parts(roots, 'score')} = {show(total)} 分。", [value, total])
        return


@check("total-conflict", "error", "不同位置的总分不一致")
def total_conflict(ex: Extraction) -> Iterator[Finding]:
    values = {Decimal(s.value).normalize() for s in ex.totals}
    if len(values) > 1:
        first = ex.totals[0]
        listed = "；".join(f"{s.place}：{s.value} 分" for s in ex.totals)
        yield total_conflict.finding(first.place, first.quote, f"报告在不同位置给出不同的总分：{listed}。", sorted(values))


@check("grade-band", "error", "评价等级与总分所在档次不符")
def grade_band(ex: Extraction) -> Iterator[Finding]:
    totals = [Decimal(s.value) for s in ex.totals]
    if not totals:
        return
    total = max(set(totals), key=totals.count)
    band = ex.band(total)
    bands = "、".join(f"{label}≥{show(low)}" for low, label in ex.bands if low > 0)
    source = "报告所列等级标准" if ex.bands_printed else "通行等级标准（报告未列出）"
    for g in ex.grades:
        if g.value != band:
            yield grade_band.finding(g.place, g.quote, f"总分 {show(total)} 分按{source}（{bands}）应为“{band}”，"
                                     f"报告写为“{g.value}”。", [total])
    yield from _first_level_claims(ex)


def _first_level_claims(ex: Extraction) -> Iterator[Finding]:
    """'各一级指标评分都达到了“优秀”水平' while a first-level rate is below the 优 band."""
    roots = code_tree(ex)
    for span in ex.report.sentences():
        m = re.search(r"各一级指标[^。；]{0,12}(?:达到|均为|属于|均达)[^。；]{0,6}[“\"]?(优秀|优|良好|良)", span.text)
        if not m or not roots:
            continue
        level = "优" if m.group(1).startswith("优") else "良"
        low = next((v for v, k in ex.bands if k == level), None)
        for node in roots:
            w, s = node.weight, node.score
            if low is not None and w and s is not None and s * 100 / w < low:
                rate = (s * 100 / w).quantize(Decimal("0.1"))
                yield grade_band.finding(span.place, span.text, f"{node.label}得分 {show(s)} / 分值 {show(w)} = "
                                         f"{rate}%，未达到“{level}”（≥{show(low)}%）。", [s, w])
