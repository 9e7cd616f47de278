"""From raw lines and tables to the Report model: which short lines are headings, their
outline rank (一、 > （一） > 1. > （1） > ①), the section each block stands in, table
captions, and paragraphs broken by page ends joined again."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.review.text import Block, Report, clean

CN_DIGITS = "〇一二三四五六七八九十"

# (rank, pattern of the enumerator at the start of a line)
MARKS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]")),
    (2, re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]")),
    (3, re.compile(r"^(\d{1,2})\s*[.．、](?!\s*\d)")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]")),
    (5, re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")),
)
APPENDIX = re.compile(r"^附件\s*\d*\s*[:：]?")
_ENDS_SENTENCE = re.compile(r"[。；;！？!?：:」”\"）)]$")
_TOC_LINE = re.compile(r"(\.{3,}|…{2,})\s*\d*$")


def enumerator(text: str) -> tuple[int, int] | None:
    """(rank, number) of the outline mark a line starts with: '（三）…' → (2, 3)."""
    for rank, pattern in MARKS:
        m = pattern.match(text)
        if m:
            return rank, number_of(m.group(1))
    return None


def number_of(token: str) -> int:
    if token.isascii() and token.isdigit():
        return int(token)
    if token[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(token[0]) + 1
    value = 0
    for ch in token:
        d = CN_DIGITS.index(ch)
        value = (value or 1) * 10 if d == 10 else value + d
    return value


def heading_rank(text: str, style_level: int | None = None) -> int | None:
    """The outline rank of a heading line, or None for body text."""
    if _TOC_LINE.search(text):
        return None
    if APPENDIX.match(text) and len(text) <= 60:
        return 1
    mark = enumerator(text)
    if style_level is not None:
        return mark[0] if mark else style_level
    if mark is None or len(text) > 42 or re.search(r"[。；;《》〔〕？?]", text):
        return None
    # a numbered list item that runs on as a sentence ("1. 科学规范：绩效评价注重…") is body text
    if re.search(r"[：:].{6,}", text) or "，" in text and len(text) > 30:
        return None
    return mark[0]


@dataclass
class Raw:
    """What a reader hands over: one paragraph line or one table, in reading order."""

    kind: str  # para | table
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    page: int | None = None
    style_level: int | None = None  # a docx heading style, when the file has one
    joinable: bool = False  # a line that may continue the paragraph before it (txt, pdf)


def assemble(file: str, raws: list[Raw]) -> Report:
    raws = _join_broken(raws)
    blocks: list[Block] = []
    stack: list[tuple[int, str]] = []  # (rank, heading text)
    paras = tables = 0
    last_short = ""
    for raw in raws:
        section = tuple(t for _, t in stack)
        if raw.kind == "table":
            rows = tuple(tuple(clean(c) for c in row) for row in raw.rows)
            rows = tuple(r for r in rows if any(r))
            if not rows:
                continue
            tables += 1
            text = " ".join(c for r in rows for c in r if c)
            blocks.append(Block("table", text, len(blocks), section, tables, rows, raw.page, last_short))
            last_short = ""
            continue
        text = clean(raw.text)
        if not text or _TOC_LINE.search(text) or re.search(r"\.{6,}|…{3,}", text):
            continue  # blank, or a table-of-contents line
        rank = heading_rank(text, raw.style_level)
        if rank is not None:
            while stack and stack[-1][0] >= rank:
                stack.pop()
            blocks.append(Block("heading", text, len(blocks), section, 0, (), raw.page))
            stack.append((rank, text))
        else:
            paras += 1
            blocks.append(Block("para", text, len(blocks), section, paras, (), raw.page))
        last_short = text if len(text) <= 40 else ""
    return Report(file, tuple(blocks))


def _join_broken(raws: list[Raw]) -> list[Raw]:
    """A paragraph cut by a page end ("…收到残" / "疾人较高的评价。") is one paragraph again."""
    out: list[Raw] = []
    for raw in raws:
        prev = out[-1] if out else None
        if (raw.kind == "para" and raw.joinable and prev is not None and prev.kind == "para"
                and prev.style_level is None and _continues(prev.text, raw.text)):
            prev.text = prev.text.rstrip() + raw.text.lstrip()
            continue
        out.append(Raw(raw.kind, raw.text, raw.rows, raw.page, raw.style_level, raw.joinable))
    return out


def _continues(before: str, after: str) -> bool:
    before, after = clean(before), clean(after)
    if not before or not after or _ENDS_SENTENCE.search(before):
        return False
    if heading_rank(before) is not None or heading_rank(after) is not None:
        return False
    return len(before) >= 20
