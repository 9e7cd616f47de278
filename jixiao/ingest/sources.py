"""An input file → a staged relation for the normaliser: `_row` (the row as Excel shows
it), `_idnum` (the ID cell was a number), `_first` (the first non-empty cell, grids only)
and the table's columns c{i}: text, or (Parquet) typed where the type's text is one to one.

Workbooks and irregular CSVs go through a Python grid; CSV and Parquet are otherwise
scanned by DuckDB directly, so millions of rows never pass through Python. A workbook read
without a named sheet is searched sheet by sheet (visible sheets, in order) for the table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from jixiao.errors import DataError, Problem
from jixiao.ingest import csvfile
from jixiao.ingest.excel import iter_sheets, read_workbook
from jixiao.ingest.fields import Field
from jixiao.ingest.grid import AMBIGUOUS, MONTH_KINDS, Grid, stage
from jixiao.ingest.headers import SCAN_ROWS, Header, find_header
from jixiao.ingest.wide import WideForm
from jixiao.workspace import DataSource

NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                 "UBIGINT", "FLOAT", "DOUBLE", "DECIMAL")
# staged typed, not as text (their text is CAST(v AS VARCHAR), taken by jx_text); FLOAT and DOUBLE stay
# text: -0.0 = 0.0 and NaN would join two texts to one value
TYPED_AS_IS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
               "DECIMAL", "DATE", "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S", "BOOLEAN")
WIDE_CSV = 200  # a CSV header wider than this is read through the grid (only the table's columns are staged)
# a Parquet file of more records is read in pieces of this many (one after another, into one table), so
# the temporary copies the normaliser makes (about 0.8 KB a roster row, in memory or spilled to out/.tmp)
# stay at a piece's size: a national roster of 30 M rows read whole spilled more than 40 GB
PIECE_ROWS = 5_000_000
WORKBOOKS = (".xlsx", ".xls", ".xlsm")


@dataclass
class Staged:
    relation: str  # a FROM item with _row, _idnum, c0..c{ncols-1}
    ncols: int
    header: Header
    label: str
    blank_rows: list[int] = field(default_factory=list)  # empty lines the scanner dropped
    expected: int | None = None  # records the scanner must yield, else fall back to the grid
    has_first: bool = False  # the relation carries _first (grids), else it is computed over c0..c{ncols-1}
    records: bool = False  # every record is a row of the table (Parquet): blank ones at the end count too
    notes: list[str] = field(default_factory=list)  # Chinese: which sheet was read, what was left out
    pieces: tuple[str, ...] = ()  # a big Parquet file: `relation` in consecutive ranges of rows, read in turn

    def parts(self) -> tuple[str, ...]:
        """The relations to normalise and insert, in row order: the pieces, or the whole."""
        return self.pieces or (self.relation,)


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def grid_of(source: DataSource) -> Grid:
    """Any input as a Python grid (workbooks: the named or the first visible sheet)."""
    suffix = source.path.suffix.lower()
    if suffix in WORKBOOKS:
        return read_workbook(source.path, source.sheet)
    if suffix == ".csv":
        return csvfile.read_grid(source.path, csvfile.sniff(source.path))
    return _parquet_grid(source.path)


def _parquet_grid(path: Path) -> Grid:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise DataError(f"无法读取 {path.name}", [Problem(path.name, f"不是有效的 Parquet 文件（{_short(exc)}）")]) from None
    rows: list[list[object]] = [list(table.column_names)]
    rows += [list(r.values()) for r in table.to_pylist()]
    return Grid(rows, path.name)


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def stage_grid(con: duckdb.DuckDBPyConnection, grid: Grid, fields: Sequence[Field], name: str,
               wide: WideForm | None = None) -> Staged:
    header = find_header(grid.text_rows(SCAN_ROWS), fields, grid.label.split("#")[0], grid.sheet, wide)
    width = max(header.columns.values(), default=0) + 1
    grid.fill_merged(header.last_row, max(width, len(header.headers)))
    kinds = {f.name: f.kind for f in fields}
    columns = {i: kinds.get(n, "money") for n, i in header.columns.items()}  # wide amount columns: money
    arrow = stage(grid, header.last_row + 1, columns, header.columns.get("person_id"))
    con.register(name, arrow)
    return Staged(name, width, header, grid.label, has_first=True, notes=list(grid.notes))


def stage_workbook(con: duckdb.DuckDBPyConnection, source: DataSource, fields: Sequence[Field], name: str,
                   wide: WideForm | None = None) -> Staged:
    """The named sheet; else the first visible sheet holding the table, saying which one
    was read when it is not the first. The error lists what was wrong with every sheet."""
    if source.sheet is not None:
        return stage_grid(con, read_workbook(source.path, source.sheet), fields, name, wide)
    tried: list[tuple[str, DataError]] = []
    for grid in iter_sheets(source.path):
        try:
            staged = stage_grid(con, grid, fields, name, wide)
        except DataError as exc:
            tried.append((grid.sheet, exc))
            continue
        if tried:
            skipped = "、".join(f"「{s}」" for s, _ in tried)
            staged.notes.insert(0, f"{source.path.name}：工作表{skipped}中没有{_what(fields)}表头，"
                                   f"读取的是工作表「{grid.sheet}」")
        return staged
    file = source.path.name
    problems = [Problem(file, f"{p.message}", where=f"工作表「{sheet}」", key=p.key, row=p.row)
                for sheet, exc in tried for p in (exc.problems or (Problem(file, exc.summary),))]
    names = "、".join(f"「{s}」" for s, _ in tried)
    raise DataError(f"{file} 的工作表（{names}）中都找不到{_what(fields)}表格", problems)


def _what(fields: Sequence[Field]) -> str:
    required = [f.title for f in fields if f.required]
    return "含" + "、".join(required) + "的" if required else ""


def stage_source(con: duckdb.DuckDBPyConnection, source: DataSource, fields: Sequence[Field],
                 workdir: Path, name: str = "_staged", wide: WideForm | None = None) -> Staged:
    """`wide`: the table's wide layout, read when the long one's required columns are missing."""
    suffix = source.path.suffix.lower()
    if suffix == ".csv":
        staged = _stage_csv(con, source.path, fields, workdir, wide)
        if staged is not None:
            return staged
        return stage_grid(con, grid_of(source), fields, name, wide)
    if suffix == ".parquet":
        return _stage_parquet(con, source.path, fields, wide)
    return stage_workbook(con, source, fields, name, wide)


def _stage_csv(con: duckdb.DuckDBPyConnection, path: Path, fields: Sequence[Field], workdir: Path,
               wide: WideForm | None) -> Staged | None:
    """The DuckDB scan of a CSV; None when the file is better read through the grid (a
    header wider than WIDE_CSV columns)."""
    info = csvfile.sniff(path)
    header = find_header(info.head, fields, path.name, "", wide)
    ncols = max(len(r) for r in info.head)
    if ncols > WIDE_CSV:
        return None
    scan_path = path
    if info.encoding == "gb18030":
        scan_path = csvfile.transcode(path, info.encoding, workdir / f"{path.stem}.utf8.csv")
    lines, blanks = csvfile.line_scan(scan_path)
    skip = header.last_row + 1  # lines up to and including the header (row = line number)
    after = [b for b in blanks if b > skip]
    rows = f"(row_number() OVER () + {skip})"
    relation = f"(SELECT {rows}::INTEGER AS _row, false AS _idnum, * FROM {csvfile.duckdb_source(scan_path, info, skip, ncols)})"
    if after:
        # record k is on line skip + k + (empty lines before it); n_j = records before empty line j.
        # A running count over records and marks in file order (a sort), not a range join.
        marks = pa.table({"n": pa.array([b - skip - j for j, b in enumerate(after, 1)], pa.int64())})
        con.register("_blank_marks", marks)
        source = csvfile.duckdb_source(scan_path, info, skip, ncols)
        relation = (f"(SELECT (_k + {skip} + _j)::INTEGER AS _row, false AS _idnum, * EXCLUDE (_k, _pos, _m, _j) FROM ("
                    f"SELECT *, sum(_m) OVER (ORDER BY _pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS _j FROM ("
                    f"SELECT row_number() OVER () AS _k, (row_number() OVER ())::DOUBLE AS _pos, 0 AS _m, * FROM {source}"
                    f" UNION ALL BY NAME SELECT n + 0.5 AS _pos, 1 AS _m FROM _blank_marks)) WHERE _m = 0)")
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
    kinds = {header.columns[f.name]: f.kind for f in fields if f.name in header.columns}
    cells = ", ".join(_parquet_cell(n, described[i][1], kinds.get(i, "")) + f" AS c{i}" for i, n in enumerate(names))
    scan = (f"SELECT (file_row_number + 2)::INTEGER AS _row, {idnum} AS _idnum, {cells}"
            f" FROM read_parquet({_sql_path(path)}, file_row_number = true)")
    rows = con.execute(f"SELECT count(*) FROM read_parquet({_sql_path(path)})").fetchone()[0]  # type: ignore[index]
    pieces = ()
    if rows > PIECE_ROWS:  # the reader skips the row groups outside each range
        pieces = tuple(f"({scan} WHERE file_row_number >= {a} AND file_row_number < {a + PIECE_ROWS})"
                       for a in range(0, rows, PIECE_ROWS))
    return Staged(f"({scan})", len(names), header, path.name, records=True, pieces=pieces)


def _parquet_cell(name: str, dtype: str, kind: str) -> str:
    """A Parquet column as staged: text, or kept typed where its values and their text are
    one to one (integers, decimals, dates, timestamps, booleans) — the normaliser reads a
    value's text only once per distinct value, and a typed column is scanned and joined on
    as it is stored. A month stored as a float 2022.1 is marked ambiguous."""
    quoted = f'"{name.replace(chr(34), chr(34) * 2)}"'
    if dtype.split("(")[0] in TYPED_AS_IS:
        return quoted
    text = f"CAST({quoted} AS VARCHAR)"
    if kind in MONTH_KINDS and dtype.split("(")[0] in ("FLOAT", "DOUBLE"):
        return f"CASE WHEN regexp_full_match({text}, '\\d{{4}}\\.1') THEN '{AMBIGUOUS}' || {text} ELSE {text} END"
    return text

