"""The report as a document model: headings, paragraphs, tables, figures.

The narrative builds it from the Evaluation; every renderer (docx, html → pdf) walks it
and adds no words of its own, so the three files say the same thing by construction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = 一、 … ; 2 = （一） … ; 3 = 1. …
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | lead (introduces the table below: kept with it) | note | center | bold
    label: str = ""  # what the paragraph states, for self-checks ("summary", "leaf:A111" …)


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths
    align: str = ""  # one letter per column: l | c | r
    label: str = ""  # "scores", "paper:A111", "findings" …
    bold_rows: tuple[int, ...] = ()  # row indexes shown bold (totals, 一级)
    key_value: bool = False  # a two-column form: first column is a label (working papers)


@dataclass(frozen=True)
class ChartSpec:
    """A chart to draw: bars grouped by category, one series per label, or lines."""

    kind: str  # grouped_bars | hbars | lines | survey
    title: str
    categories: tuple[str, ...] = ()
    series: tuple[tuple[str, tuple[float, ...]], ...] = ()
    xlabel: str = ""
    ylabel: str = ""
    payload: Any = None  # kind "survey": the SurveyResult, drawn by jixiao.survey.chart


@dataclass(frozen=True)
class Figure:
    caption: str
    chart: ChartSpec
    key: str  # file stem: "scores-by-level1"


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Toc:
    title: str


Block = Heading | Paragraph | Table | Figure | PageBreak | Toc


@dataclass(frozen=True)
class Cover:
    title: str
    lines: tuple[tuple[str, str], ...]  # (label, value)
    date: str  # 报告日期：…
    signature: tuple[tuple[str, str], ...] = ()  # (label, value): seal, signatory, date — a blank to sign on
    draft: str = ""  # （草稿） while report inputs are missing


@dataclass(frozen=True)
class Document:
    cover: Cover
    blocks: tuple[Block, ...]
    footer: str = ""  # e.g. the page number format text around the number
    meta: dict[str, str] = field(default_factory=dict)

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, Figure)]

    def tables(self, label_prefix: str = "") -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table) and b.label.startswith(label_prefix)]
