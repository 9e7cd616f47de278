"""A PDF's text layer through pdfium (pypdfium2, compiled): every character with its box, and
the ruling lines drawn on each page. A ruled table is rebuilt from its rules as a grid whose
cells merge where a rule is missing; the characters outside tables become text lines; a table
that runs on to the next page (its header row repeated or not) is one table again.

pdfium reads a 40-page report in about a second; pdfminer (pure Python) took 4–11 s."""

from __future__ import annotations

import ctypes
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.errors import DataError
from jixiao.review.outline import Raw, heading_rank
from jixiao.review.text import clean

if TYPE_CHECKING:
    import pypdfium2 as pdfium

GAP = 0.12  # ems between two glyph advances that read as a space
SNAP = 2.0  # points: rules this close are one rule, a rule this close to a cell edge touches it
_ENDS = re.compile(r"[。；;：:！？!?）)”]$")
_TOC = re.compile(r"(\.{6,}|…{3,})\s*\d*$")  # a contents line: title, dot leaders, page
_PAGE_FOOTER = re.compile(r"^\s*(第\s*\d+\s*页(\s*/?\s*共\s*\d+\s*页)?|-?\s*\d{1,3}\s*-?)\s*$")


@dataclass
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    """One text line, as `outline` and the paragraph joiner read it."""

    chars: list[Char]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    size: float = 10.0


@dataclass
class Grid:
    """A ruled table: column and row boundaries, and which grid cells the rules leave joined."""

    xs: list[float]
    ys: list[float]
    vertical: list[tuple[float, float, float]]  # (x, y0, y1)
    horizontal: list[tuple[float, float, float]]  # (y, x0, x1)
    cells: dict[tuple[int, int], list[Char]] = field(default_factory=dict)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def holds(self, ch: Char) -> bool:
        return self.xs[0] <= ch.cx <= self.xs[-1] and self.ys[0] <= ch.cy <= self.ys[-1]


def read_pdf(path: Path) -> list[Raw]:
    """Paragraph lines and tables of every page, in reading order (ValueError if not a PDF)."""
    import pypdfium2 as pdfium  # heavy (a compiled library): only when a PDF is reviewed

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DataError(f"无法读取 {path}：PDF 已加密，请提供未加密的文件") from None
        raise ValueError(str(exc)) from None
    raws: list[Raw] = []
    try:
        for number in range(len(document)):
            page = document[number]
            try:
                raws += _join_across_pages(raws, _page(page, number + 1))
            finally:
                page.close()
    finally:
        document.close()
    return raws


def _page(page: pdfium.PdfPage, number: int) -> list[Raw]:
    height = page.get_height()
    chars = _chars(page, height)
    grids = _grids(_rules(page, height))
    items: list[tuple[float, str, object]] = []
    loose: list[Char] = []
    for ch in chars:
        grid = next((g for g in grids if g.holds(ch)), None)
        if grid is None:
            loose.append(ch)
        else:
            cell = (bisect_right(grid.ys, ch.cy) - 1, bisect_right(grid.xs, ch.cx) - 1)
            grid.cells.setdefault(cell, []).append(ch)
    for grid in grids:
        rows = _table_rows(grid)
        if any(any(c for c in row) for row in rows):
            items.append((grid.ys[0], "table", rows))
    for line in _lines(loose):
        if line.text and not _PAGE_FOOTER.match(line.text) and not _TOC.search(line.text):
            items.append((line.top, "line", line))
    items.sort(key=lambda item: item[0])
    return _blocks(items, number)


# --- characters and lines ------------------------------------------------------------------

def _chars(page: pdfium.PdfPage, height: float) -> list[Char]:
    import pypdfium2.raw as pdfium_c  # see read_pdf

    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        text = _page_text(pdfium_c, raw, count)
        loose = pdfium_c.FS_RECTF()
        box = ctypes.byref(loose)
        out = []
        for i in range(count):
            ch = text[i] if text is not None else chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0)
            if ch.isspace():
                if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
                    continue  # pdfium's own spaces and line ends; the text's own are kept
                ch = " "
            elif ch == "\0" or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, box):
                continue
            size = pdfium_c.FPDFText_GetFontSize(raw, i) or (loose.top - loose.bottom)
            out.append(Char(ch, loose.left, loose.right, height - loose.top, height - loose.bottom, size))
        return out
    finally:
        textpage.close()


def _page_text(pdfium_c, raw, count: int) -> str | None:
    """The page's characters in one call, when each is one UTF-16 unit (no character beyond
    the BMP); None otherwise, and they are read one by one."""
    buffer = (ctypes.c_uint16 * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer)
    units = bytes(buffer)[:max(written - 1, 0) * 2]
    text = units.decode("utf-16-le", errors="replace")
    return text if len(text) == count and not any("\ud800" <= c <= "\udfff" for c in text) else None


def _lines(chars: list[Char]) -> list[Line]:
    """Characters grouped into lines by their vertical middle, each line read left to right;
    a space stands where a gap is wide and the neighbours are not both Chinese."""
    lines: list[Line] = []
    for ch in sorted(chars, key=lambda c: (c.cy, c.x0)):
        line = lines[-1] if lines else None
        if line is not None and abs(ch.cy - line.chars[0].cy) <= 0.35 * max(line.size, ch.size):
            line.chars.append(ch)
            line.size = max(line.size, ch.size)
        else:
            lines.append(Line([ch], size=ch.size))
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
        line.text = _joined(line.chars)
        line.x0, line.x1 = line.chars[0].x0, max(c.x1 for c in line.chars)
        line.top = min(c.top for c in line.chars)
    return lines


def _joined(chars: list[Char]) -> str:
    """The line's text: its own spaces, and one where a gap parts two figures or words (a
    justified line drawn without its space glyphs, columns laid out without rules); Chinese
    never needs one."""
    out: list[str] = []
    prev: Char | None = None
    for ch in chars:
        if (prev is not None and ch.x0 - prev.x1 > GAP * max(ch.size, prev.size) and " " not in (prev.text, ch.text)
                and not (_wide(prev.text) and _wide(ch.text))):
            out.append(" ")
        out.append(ch.text)
        prev = ch
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def _wide(text: str) -> bool:
    """Chinese characters and punctuation (quotes and dashes included)."""
    return ("\u2e80" <= text <= "\u9fff" or "\uff00" <= text <= "\uffef" or "\u3000" <= text <= "\u303f"
            or "\u2010" <= text <= "\u206f")


# --- rules and tables ----------------------------------------------------------------------

def _rules(page: pdfium.PdfPage, height: float) -> tuple[list, list]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) rules: thin paths, and the sides of
    stroked rectangles (filled boxes alone are shading or charts, not rules)."""
    import pypdfium2.raw as pdfium_c  # see read_pdf

    horizontal, vertical = [], []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        x0, b, x1, t = obj.get_bounds()
        top, bottom = height - t, height - b
        w, h = x1 - x0, bottom - top
        if h <= SNAP and w > SNAP:
            horizontal.append(((top + bottom) / 2, x0, x1))
        elif w <= SNAP and h > SNAP:
            vertical.append(((x0 + x1) / 2, top, bottom))
        elif w > SNAP and h > SNAP:
            pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
            if stroke.value:
                horizontal += [(top, x0, x1), (bottom, x0, x1)]
                vertical += [(x0, top, bottom), (x1, top, bottom)]
    return horizontal, vertical


def _grids(rules: tuple[list, list]) -> list[Grid]:
    """Rules that cross or touch form one table; a table needs two rules each way."""
    horizontal, vertical = rules
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, hx0, hx1) in enumerate(horizontal):
        for j, (x, vy0, vy1) in enumerate(vertical):
            if hx0 - SNAP <= x <= hx1 + SNAP and vy0 - SNAP <= y <= vy1 + SNAP:
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, rule in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(rule)
    for j, rule in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(rule)
    grids = []
    for hs, vs in groups.values():
        xs, ys = _snapped([x for x, _, _ in vs]), _snapped([y for y, _, _ in hs])
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(xs, ys, vs, hs))
    return sorted(grids, key=lambda g: g.ys[0])


def _snapped(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _table_rows(grid: Grid) -> tuple[tuple[str, ...], ...]:
    """The grid's rows; a cell spanning columns or rows (no rule between) holds its text in its
    first grid cell and leaves the others empty, as a Word table reads."""
    rows_n, cols_n = len(grid.ys) - 1, len(grid.xs) - 1
    root = {(r, c): (r, c) for r in range(rows_n) for c in range(cols_n)}

    def find(cell: tuple[int, int]) -> tuple[int, int]:
        while root[cell] != cell:
            cell = root[cell]
        return cell

    for r in range(rows_n):
        mid_y = (grid.ys[r] + grid.ys[r + 1]) / 2
        for c in range(cols_n - 1):
            if not _ruled(grid.vertical, grid.xs[c + 1], mid_y):
                a, b = find((r, c)), find((r, c + 1))
                root[max(a, b)] = min(a, b)
    for c in range(cols_n):
        mid_x = (grid.xs[c] + grid.xs[c + 1]) / 2
        for r in range(rows_n - 1):
            if not _ruled(grid.horizontal, grid.ys[r + 1], mid_x):
                a, b = find((r, c)), find((r + 1, c))
                root[max(a, b)] = min(a, b)
    texts: dict[tuple[int, int], list[Char]] = {}
    for cell, chars in grid.cells.items():
        if cell in root:
            texts.setdefault(find(cell), []).extend(chars)
    return tuple(tuple(_cell(texts.get((r, c), [])) if find((r, c)) == (r, c) else ""
                       for c in range(cols_n)) for r in range(rows_n))


def _cell(chars: list[Char]) -> str:
    text = ""
    for line in _lines(chars):
        text = glue(text, line.text)
    return text


def glue(before: str, after: str) -> str:
    """Two wrapped lines as one: the space the wrap took stands again between two words."""
    space = before and after and not _wide(before[-1]) and not _wide(after[0])
    return before + " " + after if space else before + after


def _ruled(rules: list[tuple[float, float, float]], at: float, across: float) -> bool:
    return any(abs(pos - at) <= SNAP and lo - SNAP <= across <= hi + SNAP for pos, lo, hi in rules)


def _join_across_pages(before: list[Raw], page: list[Raw]) -> list[Raw]:
    """A page that opens with a table of as many columns as the table that closed the page
    before continues it; a repeated header row is dropped."""
    if not before or not page or before[-1].kind != "table" or page[0].kind != "table":
        return page
    prev, first = before[-1], page[0]
    if not prev.rows or not first.rows or len(prev.rows[0]) != len(first.rows[0]):
        return page
    repeated = 0
    while repeated < min(3, len(first.rows) - 1, len(prev.rows)) and first.rows[repeated] == prev.rows[repeated]:
        repeated += 1
    prev.rows = prev.rows + first.rows[repeated:]
    return page[1:]


def _blocks(items: list[tuple[float, str, object]], page: int) -> list[Raw]:
    """PDF lines are wrapped: a line is continued by the next unless it stops short of the
    right margin, or the next one is indented (a new paragraph) or is a heading."""
    lines: list[Line] = [obj for _, kind, obj in items if kind == "line"]  # type: ignore[misc]
    left = min((ln.x0 for ln in lines), default=0.0)
    right = max((ln.x1 for ln in lines), default=0.0)
    out: list[Raw] = []
    prev: Line | None = None
    for _, kind, obj in items:
        if kind == "table":
            out.append(Raw("table", rows=obj, page=page))  # type: ignore[arg-type]
            prev = None
            continue
        line: Line = obj  # type: ignore[assignment]
        size = line.size
        ended = prev is not None and (prev.x1 < right - 6 * size or (
            prev.x1 < right - 1.5 * size and _ENDS.search(prev.text) is not None))
        starts = (prev is None or ended or line.x0 > left + size * 0.8 or abs(size - prev.size) > 0.15 * prev.size
                  or heading_rank(clean(line.text)) is not None)
        if starts or not out or out[-1].kind != "para":
            out.append(Raw("para", line.text, page=page, joinable=prev is None))
        else:
            out[-1].text = glue(out[-1].text, line.text)
        prev = line
    return out
