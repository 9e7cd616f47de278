"""Read the written report back: text and tables from the docx (python-docx), the html
(html.parser) and the pdf (pdftotext)."""

from __future__ import annotations

import html
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

Table = list[list[str]]


def docx_read(path: Path) -> tuple[str, list[Table]]:
    """All text (body paragraphs, table cells, footers) and the tables as rows of cells."""
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    tables = []
    for t in d.tables:
        rows = [[c.text for c in r.cells] for r in t.rows]
        tables.append(rows)
        parts += ["\t".join(r) for r in rows]
    for s in d.sections:
        parts += [p.text for p in s.footer.paragraphs] + [p.text for p in s.header.paragraphs]
    return "\n".join(parts), tables


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tables: list[Table] = []
        self._cell: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag in ("style", "script"):
            self._skip += 1
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "br", "figcaption", "tr"):
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            if self.tables and self.tables[-1]:
                self.tables[-1][-1].append("".join(self._cell))
            self._cell = None
            self.text.append("\t")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def html_read(path: Path) -> tuple[str, list[Table]]:
    parser = _Html()
    parser.feed(path.read_text(encoding="utf-8"))
    return html.unescape("".join(parser.text)), parser.tables


def pdf_text(path: Path, layout: bool = True) -> str:
    """The PDF's text; `layout`: as laid out on the page (table cells side by side), else in
    reading order (each cell's text whole)."""
    if shutil.which("pdftotext") is None:
        raise RuntimeError("pdftotext (poppler-utils) is needed to read the PDF back")
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
