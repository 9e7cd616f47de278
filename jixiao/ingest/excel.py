"""Workbooks (.xlsx, .xls) read cell by cell with python-calamine: no type guessing per
column, so an ID typed as text after a thousand numeric ones stays text."""

from __future__ import annotations

from pathlib import Path

from jixiao.errors import DataError, Problem
from jixiao.ingest.grid import Grid


def read_workbook(path: Path, sheet: str | None) -> Grid:
    """The named sheet, or the first; DataError if the file or the sheet cannot be read."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise DataError(f"无法读取工作簿 {path.name}", [Problem(path.name, f"文件损坏或不是 Excel 工作簿：{exc}")]) from None
    names = list(book.sheet_names)
    if not names:
        raise DataError(f"{path.name} 中没有工作表")
    if sheet is not None and sheet not in names:
        raise DataError(f"{path.name} 中没有工作表「{sheet}」", [Problem(
            path.name, f"没有这个工作表；现有工作表：{'、'.join(names)}", where=sheet)])
    name = sheet if sheet is not None else names[0]
    try:
        data = book.get_sheet_by_name(name)
        rows = [list(r) for r in data.to_python(skip_empty_area=False)]
        merged = [tuple(map(tuple, m)) for m in (data.merged_cell_ranges or [])]
    except (CalamineError, ValueError) as exc:
        raise DataError(f"无法读取 {path.name}#{name}", [Problem(path.name, str(exc), where=name)]) from None
    finally:
        book.close()
    return Grid(rows, f"{path.name}#{name}", name, merged)  # type: ignore[arg-type]
