"""One indicator, one weight and one score: the same indicator stated differently in the
text, the score tables, the annex and the working papers; "得满分" said of a lower score."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.claims import NUM
from jixiao.review.extract import Extraction
from jixiao.review.findings import Check, Finding, check
from jixiao.review.numbers import show
from jixiao.review.tree import code_tree

ORIGIN = {"text": "正文", "table": "表格", "paper": "工作底稿"}


def _conflicts(ex: Extraction, attr: str, what: str, entry: Check) -> Iterator[Finding]:
    for key, claims in ex.by_key.items():
        stated = [c for c in claims if c.attr == attr]
        values = sorted({c.value.normalize() for c in stated})
        if len(values) < 2:
            continue
        firsts = [next(c for c in stated if c.value.normalize() == v) for v in values]
        odd = min(firsts, key=lambda c: sum(1 for x in stated if x.value.normalize() == c.value.normalize()))
        listed = "；".join(f"{ORIGIN[c.origin]}（{c.place}）为 {show(c.value)} 分" for c in firsts)
        yield entry.finding(odd.place, odd.quote, f"{ex.label(key)}的{what}前后不一致：{listed}。", values)


@check("weight-conflict", "error", "同一指标的分值前后不一致")
def weight_conflict(ex: Extraction) -> Iterator[Finding]:
    yield from _conflicts(ex, "weight", "分值", weight_conflict)
    yield from _derived(ex)


def _derived(ex: Extraction) -> Iterator[Finding]:
    """A parent's weight stated under its name only, against the sum of its coded children."""
    for root in code_tree(ex):
        stack = [root]
        while stack:
            node = stack.pop()
            stack += node.children
            if not node.children or node.weights:
                continue
            weights = [c.weight for c in node.children]
            if any(w is None for w in weights):
                continue
            total = sum(weights, Decimal(0))
            name = ex.names_by_code.get(node.key)
            for c in ex.by_key.get("名称:" + name, []) if name else []:
                if c.attr == "weight" and abs(c.value - total) > Decimal("0.001"):
                    yield weight_conflict.finding(c.place, c.quote, f"{ex.label(node.key)}的分值在此为 {show(c.value)} 分，"
                                                  f"而其下级指标分值合计为 {show(total)} 分。", [c.value, total])


@check("score-conflict", "error", "同一指标的得分前后不一致")
def score_conflict(ex: Extraction) -> Iterator[Finding]:
    yield from _conflicts(ex, "score", "得分", score_conflict)


FULL = re.compile(r"得满分[。，,；;]|根据评分标准[，,]?\s*得满分")
STATED = re.compile(r"满分\s*" + NUM + r"\s*分\s*[，,]\s*(?:实际)?得分(?:为)?\s*" + NUM + r"\s*分")


@check("full-marks-claim", "warning", "称“得满分”但所给得分低于分值")
def full_marks_claim(ex: Extraction) -> Iterator[Finding]:
    for text, place in _cells_and_paragraphs(ex):
        if not FULL.search(text):
            continue
        for m in STATED.finditer(text):
            weight, score = Decimal(m.group(1)), Decimal(m.group(2))
            if score < weight:
                yield full_marks_claim.finding(place, text, f"文中称“得满分”，但同处写明满分 {show(weight)} 分、"
                                               f"得分 {show(score)} 分。", [weight, score])


def _cells_and_paragraphs(ex: Extraction) -> Iterator[tuple[str, object]]:
    for block in ex.report.blocks:
        if block.kind == "table":
            for r, row in enumerate(block.rows):
                for cell in row:
                    if cell:
                        yield cell, block.place(r)
        else:
            yield block.text, block.place()
