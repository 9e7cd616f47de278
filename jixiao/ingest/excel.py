"""Workbooks (.xlsx, .xls) read cell by cell with python-calamine: no type guessing per
column, so an ID typed as text after a thousand numeric ones stays text.

Hidden sheets are never read unless named. Two things calamine does not do are done on the
sheet's XML (xlsx) before it reads it (jixiao.ingest.xlsxscan): error cells (#N/A …) are kept
as `ExcelError` instead of reading as empty, and a stray cell far to the right of the table
(column XFD) is left out, with a note, instead of making every row 16 384 cells wide."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from jixiao.errors import DataError, Problem
from jixiao.ingest.grid import ExcelError, Grid
from jixiao.ingest.xlsxscan import SheetScan, scan_sheet, without_cells


def _open(path: Path, data: bytes | None = None):
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        if data is not None:
            return CalamineWorkbook.from_filelike(io.BytesIO(data))
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError, RuntimeError) as exc:
        raise DataError(f"无法读取工作簿 {path.name}", [Problem(path.name, f"文件损坏或不是 Excel 工作簿：{exc}")]) from None


def sheet_names(path: Path) -> tuple[list[str], list[str]]:
    """(visible sheet names, hidden ones — hidden or very hidden), in workbook order."""
    from python_calamine import SheetVisibleEnum

    book = _open(path)
    try:
        names = list(book.sheet_names)
        hidden = {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
    finally:
        book.close()
    if not names:
        raise DataError(f"{path.name} 中没有工作表")
    return [n for n in names if n not in hidden], [n for n in names if n in hidden]


def read_workbook(path: Path, sheet: str | None) -> Grid:
    """The named sheet (hidden or not), or the first visible one; DataError if the file or
    the sheet cannot be read."""
    if sheet is None:
        return next(iter_sheets(path))
    visible, hidden = sheet_names(path)
    if sheet not in visible + hidden:
        raise DataError(f"{path.name} 中没有工作表「{sheet}」", [Problem(
            path.name, f"没有这个工作表；现有工作表：{'、'.join(visible + hidden)}", where=sheet)])
    return read_sheet(path, sheet)


def iter_sheets(path: Path) -> Iterator[Grid]:
    """Every visible sheet, in workbook order, each read when asked for."""
    visible, hidden = sheet_names(path)
    if not visible:
        raise DataError(f"{path.name} 中没有可见的工作表", [Problem(
            path.name, f"所有工作表都已隐藏（{'、'.join(hidden)}）；请在 evaluation.toml 中写明工作表：文件名#工作表名")])
    for name in visible:
        yield read_sheet(path, name)


def read_sheet(path: Path, name: str) -> Grid:
    """One sheet as a grid."""
    from python_calamine import CalamineError

    scan = scan_sheet(path, name) if path.suffix.lower() in (".xlsx", ".xlsm") else SheetScan()
    data = without_cells(path, scan) if scan.outside else None
    book = _open(path, data)
    try:
        sheet = book.get_sheet_by_name(name)
        rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
        merged = [tuple(map(tuple, m)) for m in (sheet.merged_cell_ranges or [])]
    except (CalamineError, ValueError, RuntimeError) as exc:
        raise DataError(f"无法读取 {path.name}#{name}", [Problem(path.name, str(exc), where=name)]) from None
    finally:
        book.close()
    for (r, c), code in scan.errors.items():
        while len(rows) <= r:
            rows.append([])
        row = rows[r]
        row.extend([""] * (c + 1 - len(row)))
        row[c] = ExcelError(code)
    notes = [scan.outside_note(f"{path.name}#{name}")] if scan.outside else []
    return Grid(rows, f"{path.name}#{name}", name, merged, notes)  # type: ignore[arg-type]
