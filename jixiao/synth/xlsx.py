"""A synthetic table → one .xlsx sheet, fast: xlsxwriter (constant_memory) writes the
package, the merged title, the bold header and the 合计 row; the data rows are then
spliced into the sheet's XML as one string built column by column.

The data rows are written exactly as xlsxwriter writes them cell by cell (inline strings,
`%.16G` numbers, the same escapes and xml:space="preserve"), which took ~95 % of the
demo's synthesis time; tests/synth/test_xlsx.py reads both back and compares them."""

from __future__ import annotations

import datetime as dt
import decimal
import re
import zipfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SHEET = "xl/worksheets/sheet1.xml"
_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_CONTROL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_EDGE_SPACE = re.compile(r"^\s|\s$")  # xlsxwriter's test for xml:space="preserve"
_PRESERVE = ' xml:space="preserve"'
_MAX_CHARS = 32767 // 2  # longer strings may need xlsxwriter's UTF-16 truncation


def write_xlsx(table: pa.Table, path: Path, title: str, numeric_id_rows: np.ndarray | None, total: bool) -> None:
    """Row 1 the merged bold title (if any), then the bold header, the data rows and, with
    `total`, a 合计 row summing the decimal columns. `numeric_id_rows`: positions of rows
    whose first column is written as a number (an ID whose digits Excel loses)."""
    import xlsxwriter

    r0 = 1 if title else 0
    first = r0 + 1  # 0-based sheet row of the first data row
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Sheet1")
    bold = book.add_format({"bold": True})
    if title:
        sheet.merge_range(0, 0, 0, table.num_columns - 1, title, book.add_format({"bold": True, "align": "center"}))
    sheet.write_row(r0, 0, table.column_names, bold)
    last = r0  # 0-based sheet row of the last row written
    if total:
        last = first + table.num_rows
        amount = [j for j, c in enumerate(table.column_names) if pa.types.is_decimal(table.schema.field(c).type)]
        sheet.write_string(last, 0, "合计")
        for j in amount:
            sheet.write_number(last, j, float(pc.sum(table.column(j)).as_py() or 0))
    book.close()
    rows, last_data = data_rows(table, first, numeric_id_rows)
    _splice(path, rows, r0, max(last, last_data), table.num_columns)


def data_rows(table: pa.Table, first: int, numeric_id_rows: np.ndarray | None) -> tuple[str, int]:
    """The data rows' <row> elements, as xlsxwriter writes them, and the 0-based sheet row
    of the last non-empty one (`first` - 1 if none)."""
    n = table.num_rows
    numeric = set(numeric_id_rows.tolist()) if numeric_id_rows is not None else set()
    numbers = [str(first + 1 + i) for i in range(n)]
    columns: list[list[str]] = []
    for j, name in enumerate(table.column_names):
        letter = _column_letter(j)
        refs = [f' r="{letter}{r}"' for r in numbers]
        cells = _column_cells(refs, table[name])
        if j == 0:
            for i in numeric:
                v = table[name][i].as_py()
                if v is not None:
                    cells[i] = f"<c{refs[i]}><v>{float(v):.16G}</v></c>"  # an ID typed as a number
        columns.append(cells)
    out: list[str] = []
    last = first - 1
    for i, cells in enumerate(zip(*columns, strict=True)):
        body = "".join(cells)
        if body:
            out.append(f'<row r="{numbers[i]}">{body}</row>')
            last = first + i
    return "".join(out), last


def _column_cells(refs: list[str], column: pa.ChunkedArray) -> list[str]:
    """One column's cells: decimals as numbers, dates as ISO text, strings as inline strings;
    other types value by value (`_cell`), as the cell-by-cell writer did."""
    kind = column.type
    values = column.to_pylist()
    if pa.types.is_decimal(kind):
        return ["" if v is None else f"<c{ref}><v>{float(v):.16G}</v></c>" for ref, v in zip(refs, values, strict=True)]
    if pa.types.is_date(kind):
        texts = [None if v is None else v.isoformat() for v in values]
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        texts = values
    else:
        return [_cell(ref, v) for ref, v in zip(refs, values, strict=True)]
    present = [t for t in texts if t is not None]
    if present and max(map(len, present)) > _MAX_CHARS:
        raise ValueError(f"synthetic string longer than {_MAX_CHARS} characters")
    if _ESCAPE.search("\t".join(present)):  # a tab is neither escaped nor part of an escape
        texts = [None if t is None else _escape(t) for t in texts]
    return ["" if t is None else
            f'<c{ref} t="inlineStr"><is><t{_PRESERVE if t[:1].isspace() or t[-1:].isspace() else ""}>{t}</t></is></c>'
            for ref, t in zip(refs, texts, strict=True)]


def _cell(ref: str, v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, decimal.Decimal):
        return f"<c{ref}><v>{float(v):.16G}</v></c>"
    s = v.isoformat() if isinstance(v, dt.date) else str(v)
    if len(s) > _MAX_CHARS:
        raise ValueError(f"synthetic string longer than {_MAX_CHARS} characters")
    if _ESCAPE.search(s):
        s = _escape(s)
    space = _PRESERVE if _EDGE_SPACE.search(s) else ""
    return f'<c{ref} t="inlineStr"><is><t{space}>{s}</t></is></c>'


def _escape(s: str) -> str:
    """xlsxwriter's _escape_control_characters, then its _escape_data."""
    s = _CONTROL_ESCAPE.sub(r"_x005F\1", s)
    s = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", s)
    s = s.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _column_letter(j: int) -> str:
    letters = ""
    j += 1
    while j:
        j, rem = divmod(j - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _splice(path: Path, rows: str, header: int, last_row: int, ncols: int) -> None:
    """Insert `rows` after the header row (0-based `header`) of the written sheet and set
    the sheet's dimension to A1 … the last column of `last_row`."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        parts = {i.filename: z.read(i.filename) for i in infos}
    xml = parts[SHEET].decode("utf-8")
    if rows:
        header_end = xml.index("</row>", xml.index(f'<row r="{header + 1}"')) + len("</row>")
        xml = xml[:header_end] + rows + xml[header_end:]
    end = f"{_column_letter(ncols - 1)}{last_row + 1}"
    ref = "A1" if end == "A1" else f"A1:{end}"
    xml = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', xml, count=1)
    parts[SHEET] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as z:
        for info in infos:
            z.writestr(info, parts[info.filename])
