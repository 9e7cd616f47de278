"""The outline itself: headings numbered with a gap or twice (三、 then 五、; (1) then (1)),
and a heading whose code is not the one its indicators carry ("(3) 财务管理 (B2)" over B31…)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.review.claims import CODE_IN_PARENS
from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.outline import enumerator

CN = "〇一二三四五六七八九十"


def _label(rank: int, n: int) -> str:
    zh = CN[n] if n <= 10 else str(n)
    return {1: f"{zh}、", 2: f"（{zh}）", 3: f"{n}.", 4: f"（{n}）", 5: "①②③④⑤⑥⑦⑧⑨⑩"[n - 1] if n <= 10 else str(n)}[rank]


@check("heading-number", "warning", "标题序号跳号或重复")
def heading_number(ex: Extraction) -> Iterator[Finding]:
    last: dict[int, int] = {}
    for block in ex.report.headings():
        mark = enumerator(block.text)
        if mark is None:
            continue
        rank, n = mark
        for deeper in [r for r in last if r > rank]:
            del last[deeper]
        before = last.get(rank)
        last[rank] = n
        if before is None:
            continue
        if n == before:
            yield heading_number.finding(block.place(), block.text, f"序号“{_label(rank, n)}”与上一个同级标题重复。")
        elif n > before + 1 and n != 1:
            missing = "、".join(_label(rank, k) for k in range(before + 1, n))
            yield heading_number.finding(block.place(), block.text, f"上一个同级标题为“{_label(rank, before)}”，"
                                         f"此处为“{_label(rank, n)}”，缺少{missing}。")


@check("heading-code", "warning", "标题中的指标代码与其下指标代码不符")
def heading_code(ex: Extraction) -> Iterator[Finding]:
    blocks = ex.report.blocks
    for i, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        m = CODE_IN_PARENS.search(block.text)
        if not m:
            continue
        code = m.group(1)
        codes: set[str] = set()
        for b in blocks[i + 1:]:
            if b.kind == "heading":
                break
            codes |= {c.group(1) for c in CODE_IN_PARENS.finditer(b.text)}
            codes |= {re.match(r"[A-H]\d+", cell.strip()).group(0) for row in b.rows for cell in row[:2]
                      if re.match(r"[A-H]\d+\s", cell.strip() + " ")}
        children = {c for c in codes if len(c) == len(code) + 1}
        if children and not any(c.startswith(code) for c in children):
            prefixes = sorted({c[:len(code)] for c in children})
            yield heading_code.finding(block.place(), block.text, f"标题写为（{code}），其下指标代码为"
                                       f"{'、'.join(sorted(children))}，应为（{'、'.join(prefixes)}）。")


DOC = re.compile(r"《([^》]{6,80})》\s*[（(]?\s*([\u4e00-\u9fff]{1,10}\s*〔\s*\d{4}\s*〕\s*\d+\s*号)")


@check("doc-number", "warning", "同一文件的文号前后不一致")
def doc_number(ex: Extraction) -> Iterator[Finding]:
    seen: dict[str, dict[str, tuple[str, object]]] = {}
    for span in ex.report.sentences():
        for m in DOC.finditer(span.text):
            title = re.sub(r"\s", "", m.group(1))
            number = re.sub(r"\s", "", m.group(2))
            seen.setdefault(title, {}).setdefault(number, (span.text, span.place))
    for title, numbers in seen.items():
        if len(numbers) > 1:
            listed = "、".join(numbers)
            quote, place = list(numbers.values())[-1]
            yield doc_number.finding(place, quote, f"《{title}》的文号有不同写法：{listed}。")
