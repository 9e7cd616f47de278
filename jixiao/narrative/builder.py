"""Collects blocks in order and numbers tables and figures (表1, 图1 …)."""

from __future__ import annotations

from jixiao.narrative import phrases as P
from jixiao.narrative.document import Block, ChartSpec, Figure, Heading, PageBreak, Paragraph, Table


class Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.n_tables = 0
        self.n_figures = 0
        self.n_anchors = 0
        self.captions: dict[str, str] = {}  # table label → its caption, for "见表N"

    def h(self, level: int, text: str) -> None:
        self.n_anchors += 1
        self.blocks.append(Heading(level, text, f"s{self.n_anchors}"))

    def p(self, text: str, style: str = "body", label: str = "") -> None:
        if text:
            self.blocks.append(Paragraph(text, style, label))

    def table(self, caption_template: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], *,
              widths: tuple[float, ...] = (), align: str = "", label: str = "",
              bold_rows: tuple[int, ...] = (), key_value: bool = False) -> None:
        caption = ""
        if caption_template:
            self.n_tables += 1
            caption = caption_template.format(n=self.n_tables)
            self.captions.setdefault(label, caption.split(" ", 1)[0])
        self.blocks.append(Table(caption, headers, tuple(rows), widths, align, label, bold_rows, key_value))

    def figure(self, caption_template: str, chart: ChartSpec, key: str) -> str:
        self.n_figures += 1
        caption = caption_template.format(n=self.n_figures)
        self.blocks.append(Figure(caption, chart, key))
        return caption

    def page_break(self) -> None:
        self.blocks.append(PageBreak())

    def annex(self, n: int, key: str) -> None:
        self.page_break()
        self.h(1, P.ANNEX_TITLE.format(n=n, title=P.ANNEXES[key]))
