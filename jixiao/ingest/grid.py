"""A sheet as a grid of cells read in Python (Excel, small or irregular CSV), and its
staging as an all-text Arrow table for the SQL normaliser.

Row i of the grid is the row Excel shows as i + 1: grids always start at the sheet's
first row, title rows included, so `_row` is the spreadsheet row number a person sees.

Only the columns a table reads are staged, with each row's first non-empty cell (`_first`,
for blank, 合计 and footer rows): a wide sheet costs its cells once, never a SQL column each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pyarrow as pa

Cell = object  # str | float | int | bool | date | datetime | time | timedelta | ExcelError | None
AMBIGUOUS = "〔数值〕"  # prefix of a month typed as a number that cannot be read (2022.1: January or October?)
MONTH_KINDS = ("month", "period", "date")


@dataclass(frozen=True)
class ExcelError:
    """A cell holding an Excel error value (#N/A, #REF! …): never blank, never a value."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass
class Grid:
    rows: list[list[Cell]]
    label: str  # "花名册.xlsx#Sheet1" or "发放.csv"
    sheet: str = ""  # sheet name, for messages
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader left out, in Chinese

    def text_rows(self, limit: int | None = None) -> list[list[str]]:
        return [[cell_text(c) for c in row] for row in self.rows[:limit]]

    def fill_merged(self, below: int, width: int | None = None) -> None:
        """Give every cell of a merged range below the header its top-left value, as a
        person reading the sheet does (a 乡镇 merged over five rows belongs to all five).
        `width`: columns beyond it are not part of the table and are not filled."""
        for (r0, c0), (r1, c1) in self.merged:
            if width is not None:
                c1 = min(c1, width - 1)
            if r1 <= below or c0 > c1:
                continue
            value = self.rows[r0][c0] if r0 < len(self.rows) and c0 < len(self.rows[r0]) else None
            for r in range(max(r0, below + 1), min(r1, len(self.rows) - 1) + 1):
                row = self.rows[r]
                row.extend([""] * (c1 + 1 - len(row)))
                for c in range(c0, c1 + 1):
                    row[c] = value


def cell_text(cell: Cell) -> str:
    """A cell as text, exactly: numbers without binary noise or exponents, dates in ISO."""
    if cell is None or cell == "":
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, ExcelError):
        return cell.code
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        if cell.is_integer():
            return str(int(cell))
        return format(Decimal(repr(cell)), "f")
    if isinstance(cell, dt.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, (dt.date, dt.time)):
        return cell.isoformat()
    return str(cell)


def is_number(cell: Cell) -> bool:
    return isinstance(cell, (int, float)) and not isinstance(cell, bool)


def staged_text(cell: Cell, kind: str = "") -> str | None:
    """A cell as staged text; a month typed as the number 2022.1 (2022.10 loses its 0) is
    marked ambiguous rather than read as January."""
    text = cell_text(cell)
    if kind in MONTH_KINDS and isinstance(cell, float) and _one_decimal(text):
        return AMBIGUOUS + text
    return text or None


def _one_decimal(text: str) -> bool:
    return len(text) == 6 and text[4] == "." and text[:4].isdigit() and text[5] == "1"



def first_text(row: list[Cell]) -> str | None:
    """The row's first non-empty cell as text (trimmed), or None for a blank row."""
    for cell in row:
        if cell is None or cell == "":
            continue
        text = cell_text(cell).strip(" \t\r\n\u3000\u00a0\ufeff")
        if text:
            return text
    return None


def stage(grid: Grid, first: int, columns: dict[int, str], id_col: int | None) -> pa.Table:
    """Rows from index `first` on as an Arrow table: _row, _idnum (the ID cell was a
    number), _first (the first non-empty cell) and c{i} as text (None for empty) for each
    column index i of `columns` (index → value kind)."""
    rows = grid.rows[first:]
    cells: dict[int, list[str | None]] = {i: [] for i in columns}
    idnum: list[bool] = []
    firsts: list[str | None] = []
    for row in rows:
        n = len(row)
        for i, kind in columns.items():
            cells[i].append(staged_text(row[i], kind) if i < n else None)
        idnum.append(id_col is not None and id_col < n and is_number(row[id_col]))
        firsts.append(first_text(row))
    arrays = {"_row": pa.array(range(first + 1, first + 1 + len(rows)), pa.int32()),
              "_idnum": pa.array(idnum, pa.bool_()), "_first": pa.array(firsts, pa.string())}
    arrays.update({f"c{i}": pa.array(col, pa.string()) for i, col in cells.items()})
    return pa.table(arrays)
