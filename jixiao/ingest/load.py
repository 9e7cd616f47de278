"""load_data: every configured input → the store, with row accounting and ingest findings.

A table whose file content (and sheet, base date, parser version) is unchanged since the
last load is not read again. Each table is replaced in one transaction. What the reader had
to decide for the user (the sheet it read, cells it left out, 火化时间 standing in for the
death date) is kept per table as notes and reported with every load.

A full disk or a read-only out/ is a DataError naming the cause (exit 2), never a traceback."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from jixiao.errors import JixiaoError
from jixiao.findings import Finding
from jixiao.ingest import regions, rowfindings, sqlfuncs, store
from jixiao.ingest.accounting import LoadReport, TableCount
from jixiao.ingest.fields import TABLE_FIELDS, TABLE_TITLES, Field
from jixiao.ingest.normalise import normalise_statements, output_rows, store_columns
from jixiao.ingest.sources import Staged, grid_of, stage_grid, stage_source
from jixiao.ingest.survey import load_survey, survey_grid
from jixiao.ingest.wide import WIDE_FORMS
from jixiao.progress import reporter
from jixiao.workspace import INPUT_TABLES, DataSource, Workspace


def load_data(ws: Workspace, progress: Any = None, con: duckdb.DuckDBPyConnection | None = None) -> LoadReport:
    """Load or refresh the store from the workspace's [data] files; `con`: an open store
    connection to load into (kept open), else the workspace's store is opened and closed."""
    say = reporter(progress)
    own = con is None
    if con is None:
        con = store.open_store(ws)
        store.configure(con, store.temp_dir(ws))
    workdir = ws.out / ".tmp-load"  # staged copies of the inputs, removed when done
    try:
        sqlfuncs.install(con)
        regions.install(con)
        refreshed, unchanged = [], []
        for table in INPUT_TABLES:
            source = ws.data.get(table)
            if source is None:
                _forget(con, table)
                continue
            digest = store.file_digest(source, ws.project.base_date.isoformat())
            known = con.execute('SELECT digest FROM _sources WHERE "table" = ?', [table]).fetchone()
            if known and known[0] == digest:
                unchanged.append(table)
                say(f"{TABLE_TITLES[table]}：{source.label} 未变化，沿用上次读取结果")
                continue
            say(f"读取{TABLE_TITLES[table]}：{source.label} …")
            count, notes = _guarded_load(con, ws, table, source, digest, workdir)
            refreshed.append(table)
            say(f"{TABLE_TITLES[table]}：读取 {count.read} 行，载入 {count.loaded}，跳过 {count.skipped}，"
                f"拒收 {count.rejected}")
            for note in notes:
                say(f"注意：{note}")
        return _report(con, ws, tuple(refreshed), tuple(unchanged))
    finally:
        if own:
            con.close()
            shutil.rmtree(store.temp_dir(ws), ignore_errors=True)
        shutil.rmtree(workdir, ignore_errors=True)


def _guarded_load(con: duckdb.DuckDBPyConnection, ws: Workspace, table: str, source: DataSource,
                  digest: str, workdir: Path) -> tuple[TableCount, list[str]]:
    """_load_one, with a failure to write (disk full, read-only) named instead of raised raw."""
    try:
        return _load_one(con, ws, table, source, digest, workdir)
    except JixiaoError:
        raise
    except (duckdb.Error, OSError) as exc:
        if store.is_storage_error(exc):
            raise store.storage_error(exc, ws.out) from None
        raise


def _load_one(con: duckdb.DuckDBPyConnection, ws: Workspace, table: str, source: DataSource,
              digest: str, workdir: Path) -> tuple[TableCount, list[str]]:
    staged = None
    notes: list[str] = []
    if table != "survey":
        fields = TABLE_FIELDS[table]
        wide = WIDE_FORMS.get(table)
        staged = stage_source(con, source, fields, workdir, wide=wide)
        if not _normalise(con, staged, fields, staged.parts()[0]):
            staged = stage_grid(con, grid_of(source), fields, "_staged", wide)  # irregular CSV: the exact reader
            _normalise(con, staged, fields, staged.relation)
        notes = list(staged.notes)
    grid = survey_grid(source) if table == "survey" else None
    if grid is not None:
        notes = list(grid.notes)
    try:
        if grid is not None:
            count = None
        else:
            assert staged is not None
            count, stood_in = _build_table(con, table, staged, TABLE_FIELDS[table], ws.project.base_date)
            notes += _stand_in_notes(staged, TABLE_FIELDS[table], stood_in)
        return _commit(con, table, digest, grid, count, notes), notes
    finally:
        _drop_temporary(con)


def _commit(con: duckdb.DuckDBPyConnection, table: str, digest: str, grid: Any, count: TableCount | None,
            notes: list[str]) -> TableCount:
    """One transaction: the table (built, or the survey read now), its accounting, notes and digest."""
    con.execute("BEGIN")
    try:
        if grid is not None:
            count = load_survey(con, grid)
        else:
            _swap_in(con, table)
        assert count is not None
        con.execute('DELETE FROM row_accounting WHERE "table" = ?', [table])
        con.execute("INSERT INTO row_accounting VALUES (?, ?, ?, ?, ?, ?)",
                    [table, count.file, count.read, count.loaded, count.skipped, count.rejected])
        con.execute('DELETE FROM _notes WHERE "table" = ?', [table])
        for i, note in enumerate(notes):
            con.execute("INSERT INTO _notes VALUES (?, ?, ?)", [table, i, note])
        con.execute("INSERT OR REPLACE INTO _sources VALUES (?, ?, ?, ?)",
                    [table, count.file, digest, dt.datetime.now()])
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # a failed write (disk full) may have ended the transaction already: the first error counts
        raise
    return count


def _drop_temporary(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the staging tables and a build table left by a failed load; after a failed
    write the connection may refuse, and the error that failed the load is the one to report."""
    try:
        for name in [r[0] for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE (temporary AND (table_name LIKE '\\_lk\\_%' ESCAPE '\\'"
                " OR table_name IN ('_raw', '_norm', '_ids', '_new_findings')))"
                " OR (NOT temporary AND table_name LIKE '\\_new\\_%' ESCAPE '\\')").fetchall()]:
            con.execute(f"DROP TABLE IF EXISTS {name}")
    except duckdb.Error:
        pass


def _stand_in_notes(staged: Staged, fields: tuple[Field, ...], stood_in: int) -> list[str]:
    """The note on the stand-in used (deaths: 火化时间 for 死亡日期), with how many rows it dated."""
    out = []
    for g in fields:
        if not (g.stands_in and g.name in staged.header.columns and stood_in):
            continue
        target = next(f for f in fields if f.name == g.stands_in)
        where = "没有" + target.title + "列" if g.stands_in not in staged.header.columns else f"{stood_in} 行的{target.title}为空"
        out.append(f"{staged.label}：{where}，以「{staged.header.header_of(g.name)}」代替{target.title}（{stood_in} 行）。"
                   f"{g.title}可能晚于{target.title}（如月末死亡、次月火化），死亡后发放的判断可能因此晚一个月")
    return out


def _normalise(con: duckdb.DuckDBPyConnection, staged: Staged, fields: tuple[Field, ...], relation: str) -> bool:
    """Build _norm from `relation` (the staged table or one piece of it); False when a CSV
    scan cannot be trusted to number rows as Excel does."""
    try:
        for sql in normalise_statements(relation, staged.ncols, fields, staged.header, staged.has_first,
                                        rescan=staged.records):
            con.execute(sql)
    except duckdb.Error as exc:
        if staged.expected is None or store.is_storage_error(exc):
            raise
        return False
    if staged.expected is not None:
        got = con.execute("SELECT count(*) FROM _norm").fetchone()[0]  # type: ignore[index]
        if got != staged.expected:
            return False
    if staged.blank_rows:
        con.execute("INSERT INTO _norm BY NAME SELECT unnest(?::INTEGER[]) AS _row, 'blank' AS _status",
                    [staged.blank_rows])
    if not staged.records:  # rows below the last non-blank one are not part of the table (a sheet's used range)
        con.execute("DELETE FROM _norm WHERE _row > coalesce((SELECT max(_row) FROM _norm WHERE _status <> 'blank'), 0)")
    return True


def _build_table(con: duckdb.DuckDBPyConnection, table: str, staged: Staged, fields: tuple[Field, ...],
                 base_date: dt.date) -> tuple[TableCount, int]:
    """Fill _new_<table> with the staged rows and the temp _new_findings with their ingest
    findings, piece by piece (the first is in _norm already); the count, and the rows a
    stand-in dated. Each statement commits on its own, so a piece's staging tables are freed
    before the next is built (inside one transaction DuckDB keeps every replaced version
    until the commit: 66 pieces of a national payment file filled the disk); the
    transaction that follows only swaps the new table in (_swap_in)."""
    store.recreate(con, table, f"_new_{table}")
    con.execute("CREATE OR REPLACE TEMP TABLE _new_findings AS SELECT * FROM ingest_findings LIMIT 0")
    totals = [0, 0, 0, 0, 0]
    for i, relation in enumerate(staged.parts()):
        if i:
            _normalise(con, staged, fields, relation)
        for k, n in enumerate(_insert_piece(con, table, staged, fields, base_date)):
            totals[k] += n
    read, loaded, skipped, rejected, stood_in = totals
    return TableCount(table, staged.label, read, loaded, skipped, rejected), stood_in


def _swap_in(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Inside the load's transaction: the built table replaces the store's, its findings the old ones."""
    con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(f"ALTER TABLE _new_{table} RENAME TO {table}")
    con.execute('DELETE FROM ingest_findings WHERE "table" = ?', [table])
    con.execute("INSERT INTO ingest_findings SELECT * FROM _new_findings")


def _insert_piece(con: duckdb.DuckDBPyConnection, table: str, staged: Staged, fields: tuple[Field, ...],
                  base_date: dt.date) -> tuple[int, int, int, int, int]:
    """Append _norm's loaded rows to _new_<table> and its ingest findings to _new_findings:
    (read, loaded, skipped, rejected, dated by a stand-in)."""
    cols = store_columns(fields, staged.header)
    names = ", ".join(["_row", "_file", *(c for c, _ in cols)])
    values = ", ".join(["_row", "$file", *(v for _, v in cols)])
    con.execute(f"INSERT INTO _new_{table} ({names}) SELECT {values} FROM ({output_rows(staged.header)}) ORDER BY _row, _col",
                {"file": staged.label})
    headers = {name: staged.header.header_of(name) for name in staged.header.columns}
    for sql in rowfindings.findings_sql(table, staged.header.columns, headers, "_new_findings"):
        con.execute(sql, {"base": base_date} if "$base" in sql else {})
    stood = "count(*) FILTER (_status = 'loaded' AND _stood_in)" if _has_stand_in(staged, fields) else "0"
    return con.execute(  # type: ignore[return-value]
        "SELECT count(*), count(*) FILTER (_status = 'loaded'),"
        " count(*) FILTER (_status IN ('blank', 'total', 'footer', 'nothing')),"
        f" count(*) FILTER (_status = 'rejected'), {stood} FROM _norm").fetchone()


def _has_stand_in(staged: Staged, fields: tuple[Field, ...]) -> bool:
    return any(g.stands_in and g.name in staged.header.columns for g in fields)


def _forget(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """A table no longer configured: its rows, findings and accounting go."""
    if con.execute('SELECT 1 FROM _sources WHERE "table" = ?', [table]).fetchone() is None:
        return
    for name in (("survey_answers", "survey_tallies") if table == "survey" else (table,)):
        store.recreate(con, name)
    for meta in ("ingest_findings", "row_accounting", "_sources", "_notes"):
        con.execute(f'DELETE FROM {meta} WHERE "table" = ?', [table])


def _report(con: duckdb.DuckDBPyConnection, ws: Workspace, refreshed: tuple[str, ...],
            unchanged: tuple[str, ...]) -> LoadReport:
    counts = {}
    for row in con.execute('SELECT "table", _file, read, loaded, skipped, rejected FROM row_accounting').fetchall():
        if row[0] in ws.data:
            counts[row[0]] = TableCount(*row)
    order = {t: i for i, t in enumerate(INPUT_TABLES)}
    counts = dict(sorted(counts.items(), key=lambda kv: order[kv[0]]))
    rows = con.execute('SELECT code, "table", "row", person_id, subsidy, period, amount, message, "column", value'
                       ' FROM ingest_findings ORDER BY "table", "row", code').fetchall()
    findings = tuple(
        Finding(code, table, row, message, pid or "", subsidy or "", period or "",
                Decimal(amount) if amount is not None else None, column or "", value or "")
        for code, table, row, pid, subsidy, period, amount, message, column, value in rows if table in ws.data)
    noted = con.execute('SELECT "table", note FROM _notes ORDER BY n').fetchall()
    notes = tuple(n for t, n in sorted(noted, key=lambda r: order.get(r[0], len(order))) if t in ws.data)
    return LoadReport(counts, findings, refreshed, unchanged, notes)
