"""An input file → a staged relation for the normaliser: `_row` (the row as Excel shows
it), `_idnum` (the ID cell was a number) and every column as text c0..cN.

Workbooks and irregular CSVs go through a Python grid; CSV and Parquet are otherwise
scanned by DuckDB directly, so millions of rows never pass through Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from jixiao.errors import DataError, Problem
from jixiao.ingest import csvfile
from jixiao.ingest.excel import read_workbook
from jixiao.ingest.fields import Field
from jixiao.ingest.grid import Grid, stage
from jixiao.ingest.headers import SCAN_ROWS, Header, find_header
from jixiao.ingest.wide import WideForm
from jixiao.workspace import DataSource

NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                 "UBIGINT", "FLOAT", "DOUBLE", "DECIMAL")


@dataclass
class Staged:
    relation: str  # a FROM item with _row, _idnum, c0..c{ncols-1}
    ncols: int
    header: Header
    label: str
    blank_rows: list[int] = field(default_factory=list)  # empty lines the scanner dropped
    expected: int | None = None  # records the scanner must yield, else fall back to the grid


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def grid_of(source: DataSource) -> Grid:
    """Any input as a Python grid (workbooks always; CSV and Parquet for small tables)."""
    suffix = source.path.suffix.lower()
    if suffix in (".xlsx", ".xls", ".xlsm"):
        return read_workbook(source.path, source.sheet)
    if suffix == ".csv":
        return csvfile.read_grid(source.path, csvfile.sniff(source.path))
    import pyarrow.parquet as pq

    table = pq.read_table(source.path)
    rows: list[list[object]] = [list(table.column_names)]
    rows += [list(r.values()) for r in table.to_pylist()]
    return Grid(rows, source.path.name)


def stage_grid(con: duckdb.DuckDBPyConnection, grid: Grid, fields: Sequence[Field], name: str,
               wide: WideForm | None = None) -> Staged:
    header = find_header(grid.text_rows(SCAN_ROWS), fields, grid.label.split("#")[0], grid.sheet, wide)
    grid.fill_merged(header.last_row)
    ncols = max([len(header.headers), *(len(r) for r in grid.rows)])
    arrow = stage(grid, header.last_row + 1, ncols, header.columns.get("person_id"))
    con.register(name, arrow)
    return Staged(name, ncols, header, grid.label)


def stage_source(con: duckdb.DuckDBPyConnection, source: DataSource, fields: Sequence[Field],
                 workdir: Path, name: str = "_staged", wide: WideForm | None = None) -> Staged:
    """`wide`: the table's wide layout, read when the long one's required columns are missing."""
    suffix = source.path.suffix.lower()
    if suffix == ".csv":
        return _stage_csv(source.path, fields, workdir, wide)
    if suffix == ".parquet":
        return _stage_parquet(con, source.path, fields, wide)
    return stage_grid(con, grid_of(source), fields, name, wide)


def _stage_csv(path: Path, fields: Sequence[Field], workdir: Path, wide: WideForm | None) -> Staged:
    info = csvfile.sniff(path)
    header = find_header(info.head, fields, path.name, "", wide)
    ncols = max(len(r) for r in info.head)
    scan_path = path
    if info.encoding == "gb18030":
        scan_path = csvfile.transcode(path, info.encoding, workdir / f"{path.stem}.utf8.csv")
    lines, blanks = csvfile.line_scan(scan_path)
    skip = header.last_row + 1  # lines up to and including the header (row = line number)
    after = [b for b in blanks if b > skip]
    rows = f"(row_number() OVER () + {skip})"
    relation = f"(SELECT {rows}::INTEGER AS _row, false AS _idnum, * FROM {csvfile.duckdb_source(scan_path, info, skip, ncols)})"
    if after:
        # record k is on line skip + k + (empty lines before it); n_j = records before empty line j
        marks = ", ".join(f"({b - skip - j}, {j})" for j, b in enumerate(after, 1))
        relation = (f"(SELECT (r._row + coalesce(b.j, 0))::INTEGER AS _row, r.* EXCLUDE (_row)"
                    f" FROM {relation} r ASOF LEFT JOIN (SELECT n, max(j) AS j FROM (VALUES {marks}) v(n, j) GROUP BY n) b"
                    f" ON r._row - {skip} > b.n)")
    expected = lines - skip - len(after)
    return Staged(relation, ncols, header, path.name, blank_rows=after, expected=expected)


def _stage_parquet(con: duckdb.DuckDBPyConnection, path: Path, fields: Sequence[Field],
                   wide: WideForm | None) -> Staged:
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet({_sql_path(path)})").fetchall()
    except duckdb.Error as exc:
        raise DataError(f"无法读取 {path.name}", [Problem(path.name, f"不是有效的 Parquet 文件：{exc}")]) from None
    names = [r[0] for r in described]
    header = find_header([names], fields, path.name, "", wide)
    id_col = header.columns.get("person_id")
    idnum = "false"
    if id_col is not None and described[id_col][1].split("(")[0] in NUMERIC_TYPES:
        idnum = f'"{names[id_col]}" IS NOT NULL'
    cells = ", ".join(f'CAST("{n.replace(chr(34), chr(34) * 2)}" AS VARCHAR) AS c{i}' for i, n in enumerate(names))
    relation = (f"(SELECT (file_row_number + 2)::INTEGER AS _row, {idnum} AS _idnum, {cells}"
                f" FROM read_parquet({_sql_path(path)}, file_row_number = true))")
    return Staged(relation, len(names), header, path.name)

