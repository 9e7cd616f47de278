"""The DuckDB store out/jixiao.duckdb: opened, created with the schema.py tables, and
remembering which file content each table was loaded from."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from jixiao.errors import DataError
from jixiao.ingest import schema
from jixiao.workspace import DataSource, Workspace

STORE = "jixiao.duckdb"
INGEST_VERSION = "5"  # bump when parsing changes, so unchanged files are read again
MEMORY_LIMIT = "2GB"

INTERNAL = {
    "_sources": """CREATE TABLE _sources ("table" VARCHAR PRIMARY KEY, _file VARCHAR NOT NULL,
                    digest VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL)""",
    "_meta": "CREATE TABLE _meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
}


def store_path(ws: Workspace) -> Path:
    return ws.out / STORE


def schema_version() -> str:
    """Changes whenever the DDL does; a store made with another DDL is rebuilt."""
    ddl = "\n".join(f"{k}:{v}" for k, v in sorted({**schema.TABLES, **INTERNAL}.items()))
    return hashlib.sha256(ddl.encode()).hexdigest()[:16]


def open_store(ws: Workspace, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the workspace's store. Writable connections create the store and
    its tables if needed; read-only needs a store that `load_data` already made. The store
    is a cache of the input files: one that is damaged or made by another version is
    rebuilt; one that another jixiao process holds is an error naming that."""
    path = store_path(ws)
    if read_only:
        if not path.is_file():
            raise DataError(f"尚未读取数据：{path} 不存在（请先运行 jixiao check {ws.root}）")
        return _connect(path, read_only=True)
    ws.out.mkdir(parents=True, exist_ok=True)
    try:
        con = _connect(path)
        stale = _stale(con)
    except _Damaged:
        con, stale = None, True
    if stale:
        if con is not None:
            con.close()
        path.unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)
        con = _connect(path)
    _create(con)
    return con


class _Damaged(Exception):
    """The store file is not a DuckDB database this version can open."""


def _connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        if isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower():
            raise DataError(f"数据库 {path} 正被另一个 jixiao 进程使用；请等它结束后再运行"
                            "（同一工作区不能同时运行两个命令）") from None
        if read_only:
            raise DataError(f"数据库 {path} 已损坏或由其他版本生成，请重新运行 jixiao check 读取数据") from None
        raise _Damaged() from exc


def configure(con: duckdb.DuckDBPyConnection, temp_dir: Path) -> None:
    """Bounded memory for big loads: DuckDB spills to out/.tmp beyond the limit."""
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{str(temp_dir).replace(chr(39), chr(39) * 2)}'")
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")


def _stale(con: duckdb.DuckDBPyConnection) -> bool:
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if not tables:
        return False
    if "_meta" not in tables:
        return True
    row = con.execute("SELECT value FROM _meta WHERE key = 'schema'").fetchone()
    return row is None or row[0] != schema_version()


def _create(con: duckdb.DuckDBPyConnection) -> None:
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    for name, ddl in {**schema.TABLES, **INTERNAL}.items():
        if name not in tables:
            con.execute(ddl)
    con.execute("INSERT OR REPLACE INTO _meta VALUES ('schema', ?)", [schema_version()])


def recreate(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Empty a store table by dropping and re-creating it (fast for millions of rows)."""
    con.execute(f"DROP TABLE IF EXISTS {name}")
    con.execute(schema.TABLES[name])


def file_digest(source: DataSource, base_date: str) -> str:
    """What a load depends on: the file's bytes, the sheet, the base date, the parser."""
    with source.path.open("rb") as fh:
        content = hashlib.file_digest(fh, "blake2b").hexdigest()
    return f"{content}|{source.sheet or ''}|{base_date}|{INGEST_VERSION}"
