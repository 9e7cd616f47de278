"""A third-party report as reviewable text: headings, paragraphs and tables in reading
order, each knowing where it stands (section, paragraph or table row, page).

Every reader (.txt, .docx, .pdf) produces this one model; extraction and checks never
look at the file format."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Latex left in converted reports ("$80 \leq X < 90$"), full-width digits and signs.
_LATEX = (("\\leqslant", "≤"), ("\\geqslant", "≥"), ("\\leq", "≤"), ("\\geq", "≥"), ("\\le", "≤"),
          ("\\ge", "≥"), ("\\%", "%"), ("\\times", "×"), ("$", ""))
_WIDE = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\ufeff]")  # never text: NUL, zero-width marks
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")


def clean(text: str) -> str:
    """One line of text as the checks read it: latex symbols, full-width digits folded,
    runs of blanks collapsed (Chinese text never needs them)."""
    for old, new in _LATEX:
        text = text.replace(old, new)
    text = _CONTROL.sub("", text.translate(_WIDE)).replace("\u3000", " ").replace("\xa0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


@dataclass(frozen=True)
class Place:
    """Where a quoted text stands, for a person to find it."""

    section: str = ""  # the nearest headings: "三、绩效评价分析 › （一）绩效分析"
    what: str = ""  # "第3段", "表2 第4行"
    page: int | None = None

    def __str__(self) -> str:
        parts = [p for p in (self.section, self.what) if p]
        if self.page is not None:
            parts.append(f"第{self.page}页")
        return "，".join(parts) or "正文"


@dataclass(frozen=True)
class Block:
    kind: str  # heading | para | table
    text: str  # heading or paragraph text; for a table, its cells joined
    index: int  # position in the document
    section: tuple[str, ...] = ()  # headings above, outermost first
    number: int = 0  # paragraphs and tables are numbered separately, from 1
    rows: tuple[tuple[str, ...], ...] = ()
    page: int | None = None
    caption: str = ""  # a table's caption or the short line before it ("表1-1 …", "单位：万元")

    def place(self, row: int | None = None) -> Place:
        section = " › ".join(s[:30] for s in self.section[-2:])
        if self.kind == "table":
            name = f"表格{self.number}" + (f"「{self.caption[:24]}」" if self.caption else "")
            what = name + (f" 第{row + 1}行" if row is not None else "")
        elif self.kind == "heading":
            what = "标题"
        else:
            what = f"第{self.number}段"
        return Place(section, what, self.page)


@dataclass(frozen=True)
class Span:
    """A sentence of a paragraph or one table cell: the unit numbers are read in."""

    text: str
    block: Block
    row: int | None = None
    col: int | None = None

    @property
    def place(self) -> Place:
        return self.block.place(self.row)


@dataclass(frozen=True)
class Report:
    file: str
    blocks: tuple[Block, ...]

    def paragraphs(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind == "para")

    def tables(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind == "table")

    def headings(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind == "heading")

    def sentences(self) -> Iterator[Span]:
        """Every sentence of every paragraph and heading, then every table cell."""
        for block in self.blocks:
            if block.kind == "table":
                for r, row in enumerate(block.rows):
                    for c, cell in enumerate(row):
                        if cell:
                            yield Span(cell, block, r, c)
            else:
                for sentence in split_sentences(block.text):
                    yield Span(sentence, block)

    def title(self) -> str:
        """The report's title: the first line (of the first eight) that names a 报告, cut after
        that word, with the line before it when the title was set on two lines."""
        for i, block in enumerate(self.blocks[:8]):
            if "报告" not in block.text:
                continue
            title = block.text[:block.text.index("报告") + 2].strip()
            before = self.blocks[i - 1].text if i else ""
            if before and len(before) + len(title) <= 80 and not re.search(r"[。；：:，,]", before):
                title = before + title
            if len(title) <= 80:
                return title
        return self.blocks[0].text[:80] if self.blocks else ""


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
