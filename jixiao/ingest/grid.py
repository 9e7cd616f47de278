"""A sheet as a grid of cells read in Python (Excel, small or irregular CSV), and its
staging as an all-text Arrow table for the SQL normaliser.

Row i of the grid is the row Excel shows as i + 1: grids always start at the sheet's
first row, title rows included, so `_row` is the spreadsheet row number a person sees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pyarrow as pa

Cell = object  # str | float | int | bool | date | datetime | time | timedelta | None


@dataclass
class Grid:
    rows: list[list[Cell]]
    label: str  # "花名册.xlsx#Sheet1" or "发放.csv"
    sheet: str = ""  # sheet name, for messages
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    def text_rows(self, limit: int | None = None) -> list[list[str]]:
        return [[cell_text(c) for c in row] for row in self.rows[:limit]]

    def fill_merged(self, below: int) -> None:
        """Give every cell of a merged range below the header its top-left value, as a
        person reading the sheet does (a 乡镇 merged over five rows belongs to all five)."""
        for (r0, c0), (r1, c1) in self.merged:
            if r1 <= below:
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


def stage(grid: Grid, first: int, ncols: int, id_col: int | None) -> pa.Table:
    """Rows from index `first` on as an Arrow table: _row, _idnum (the ID cell was a
    number), c0..c{ncols-1} as text (None for empty)."""
    rows = grid.rows[first:]
    columns: list[list[str | None]] = [[] for _ in range(ncols)]
    idnum: list[bool] = []
    for row in rows:
        for i in range(ncols):
            cell = row[i] if i < len(row) else None
            columns[i].append(cell_text(cell) or None)
        idnum.append(id_col is not None and id_col < len(row) and is_number(row[id_col]))
    arrays = {"_row": pa.array(range(first + 1, first + 1 + len(rows)), pa.int32()),
              "_idnum": pa.array(idnum, pa.bool_())}
    arrays.update({f"c{i}": pa.array(col, pa.string()) for i, col in enumerate(columns)})
    return pa.table(arrays)
