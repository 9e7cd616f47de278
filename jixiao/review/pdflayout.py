"""A PDF page's geometry, as pdf.py hands it over: characters into text lines (read left to
right, a space where a gap parts two words), and ruling lines into table grids whose cells
merge where a rule is missing."""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

GAP = 0.12  # ems between two glyph advances that read as a space
SNAP = 2.0  # points: rules this close are one rule, a rule this close to a cell edge touches it


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


def lines(chars: list[Char]) -> list[Line]:
    """Characters grouped into lines by their vertical middle, each line read left to right;
    a space stands where a gap is wide and the neighbours are not both Chinese."""
    out: list[Line] = []
    for ch in sorted(chars, key=lambda c: (c.cy, c.x0)):
        line = out[-1] if out else None
        if line is not None and abs(ch.cy - line.chars[0].cy) <= 0.35 * max(line.size, ch.size):
            line.chars.append(ch)
            line.size = max(line.size, ch.size)
        else:
            out.append(Line([ch], size=ch.size))
    for line in out:
        line.chars.sort(key=lambda c: c.x0)
        line.text = joined(line.chars)
        line.x0, line.x1 = line.chars[0].x0, max(c.x1 for c in line.chars)
        line.top = min(c.top for c in line.chars)
    return out


def joined(chars: list[Char]) -> str:
    """The line's text: its own spaces, and one where a gap parts two figures or words (a
    justified line drawn without its space glyphs, columns laid out without rules); Chinese
    never needs one."""
    out: list[str] = []
    prev: Char | None = None
    for ch in chars:
        if (prev is not None and ch.x0 - prev.x1 > GAP * max(ch.size, prev.size) and " " not in (prev.text, ch.text)
                and not (wide(prev.text) and wide(ch.text))):
            out.append(" ")
        out.append(ch.text)
        prev = ch
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def wide(text: str) -> bool:
    """Chinese characters and punctuation (quotes and dashes included)."""
    return ("\u2e80" <= text <= "\u9fff" or "\uff00" <= text <= "\uffef" or "\u3000" <= text <= "\u303f"
            or "\u2010" <= text <= "\u206f")


# --- rules and tables ----------------------------------------------------------------------

def rules(page: pdfium.PdfPage, height: float) -> tuple[list, list]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) rules: thin paths, and the sides of
    stroked rectangles (filled boxes alone are shading or charts, not rules)."""
    import pypdfium2.raw as pdfium_c  # heavy: only when a PDF is read (pdf.read_pdf)

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


def grids(rules: tuple[list, list]) -> list[Grid]:
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
        xs, ys = snapped([x for x, _, _ in vs]), snapped([y for y, _, _ in hs])
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(xs, ys, vs, hs))
    return sorted(grids, key=lambda g: g.ys[0])


def snapped(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def table_rows(grid: Grid) -> tuple[tuple[str, ...], ...]:
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
            if not ruled(grid.vertical, grid.xs[c + 1], mid_y):
                a, b = find((r, c)), find((r, c + 1))
                root[max(a, b)] = min(a, b)
    for c in range(cols_n):
        mid_x = (grid.xs[c] + grid.xs[c + 1]) / 2
        for r in range(rows_n - 1):
            if not ruled(grid.horizontal, grid.ys[r + 1], mid_x):
                a, b = find((r, c)), find((r + 1, c))
                root[max(a, b)] = min(a, b)
    texts: dict[tuple[int, int], list[Char]] = {}
    for cell, chars in grid.cells.items():
        if cell in root:
            texts.setdefault(find(cell), []).extend(chars)
    return tuple(tuple(cell_text(texts.get((r, c), [])) if find((r, c)) == (r, c) else ""
                       for c in range(cols_n)) for r in range(rows_n))


def cell_text(chars: list[Char]) -> str:
    text = ""
    for line in lines(chars):
        text = glue(text, line.text)
    return text


def glue(before: str, after: str) -> str:
    """Two wrapped lines as one: the space the wrap took stands again between two words."""
    space = before and after and not wide(before[-1]) and not wide(after[0])
    return before + " " + after if space else before + after


def ruled(rules: list[tuple[float, float, float]], at: float, across: float) -> bool:
    return any(abs(pos - at) <= SNAP and lo - SNAP <= across <= hi + SNAP for pos, lo, hi in rules)
