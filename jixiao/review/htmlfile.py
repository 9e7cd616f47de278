"""An HTML report (one page, as jixiao and many web editors write it): h1–h6 headings,
paragraphs and list items, and tables cell by cell (a cell spanning columns holds its text in
its first column, the others empty); the contents (nav, .toc), styles and scripts are skipped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from jixiao.review.outline import Raw

SKIP = {"head", "style", "script", "nav", "template", "svg", "noscript"}
BLOCKS = {"p", "li", "figcaption", "caption", "dt", "dd", "blockquote", "pre", "div", "section", "article",
          "header", "footer", "aside", "main", "figure", "ul", "ol", "dl", "body"}
HEADINGS = {f"h{i}": i for i in range(1, 7)}
VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "source", "wbr"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.raws: list[Raw] = []
        self.skip = 0  # depth inside skipped elements
        self.stack: list[str] = []
        self.text: list[str] = []
        self.level: int | None = None
        self.tables: list[list[list[str]]] = []  # rows of the tables being read (nested: innermost last)
        self.cell: list[str] | None = None
        self.pad = 0  # empty cells after the open one (its colspan − 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.stack.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if self.skip or tag in SKIP or "toc" in classes:
            self.skip += 1
            return
        if tag == "table":
            self._flush()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self.cell = []
            span = dict(attrs).get("colspan") or "1"
            self.tables[-1][-1].append("")
            self.pad = int(span) - 1 if span.isdigit() else 0
        elif tag in HEADINGS or tag in BLOCKS:
            self._flush()
            self.level = HEADINGS.get(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:  # close whatever was left open inside (<p> without </p>)
            top = self.stack.pop()
            self._close(top)
            if top == tag:
                break

    def _close(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if tag in ("td", "th") and self.cell is not None and self.tables and self.tables[-1]:
            row = self.tables[-1][-1]
            row[-1] = re.sub(r"\s+", " ", "".join(self.cell)).strip()
            row += [""] * self.pad
            self.cell = None
        elif tag == "table" and self.tables:
            rows = self.tables.pop()
            self.raws.append(Raw("table", rows=tuple(tuple(r) for r in rows)))
        elif tag in HEADINGS or tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        (self.cell if self.cell is not None else self.text).append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if text and not self.tables:
            self.raws.append(Raw("para", text, style_level=self.level))
        self.text = []
        self.level = None


def read_html(text: str) -> list[Raw]:
    """The paragraphs and tables of an HTML document's text, in reading order."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    while reader.stack:
        reader._close(reader.stack.pop())
    reader._flush()
    return reader.raws
