"""The DuckDB store out/jixiao.duckdb: opened, created with the schema.py tables, and
remembering which file content each table was loaded from."""

from __future__ import annotations

import errno
import hashlib
import os
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
    "_notes": """CREATE TABLE _notes ("table" VARCHAR NOT NULL, n INTEGER NOT NULL, note VARCHAR NOT NULL)""",
}
# What DuckDB says of a file that is not (or no longer) a database it can read: only such a
# store is deleted and rebuilt. Any other failure to open it is reported, never "repaired".
DAMAGED = ("not a valid DuckDB database", "Could not read enough bytes", "Corrupt database", "checksum",
           "Serialization Error", "version number", "storage version")
# I/O failures named in the user's words: errno → (what DuckDB or the OS says, what happened)
STORAGE_CAUSES = (
    (errno.ENOSPC, ("No space left on device", "could not write all bytes", "Disk full"),
     "磁盘空间不足（{place} 所在的磁盘已满）；请清理磁盘空间后重新运行"),
    (errno.EROFS, ("Read-only file system",), "{place} 位于只读的文件系统上，无法写入；请将工作区复制到可写的位置后运行"),
    (errno.EACCES, ("Permission denied",), "没有写入 {place} 的权限；请检查该目录的权限"),
    (errno.EDQUOT, ("Disk quota exceeded",), "磁盘配额已用完，无法写入 {place}"),
)


def store_path(ws: Workspace) -> Path:
    return ws.out / STORE


def temp_dir(ws: Workspace) -> Path:
    """Where DuckDB spills beyond its memory limit (removed after each run)."""
    return ws.out / ".tmp"


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
    writable(ws.out)
    if path.exists() and not os.access(path, os.W_OK):
        raise DataError(f"无法写入数据库 {path}：文件是只读的；请去掉只读属性，或删除该文件后重新运行")
    try:
        con = _connect(path)
        stale = _stale(con)
    except _Damaged:
        con, stale = None, True
    if stale:
        if con is not None:
            con.close()
        try:
            path.unlink(missing_ok=True)
            Path(f"{path}.wal").unlink(missing_ok=True)
        except OSError as exc:
            raise storage_error(exc, path) from None
        con = _connect(path)
    try:
        _create(con)
    except duckdb.Error as exc:
        con.close()
        if is_storage_error(exc):
            raise storage_error(exc, path) from None
        raise
    return con


class _Damaged(Exception):
    """The store file is not a DuckDB database this version can open."""


def writable(folder: Path) -> None:
    """Create `folder` if needed; DataError naming the cause when nothing can be written there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, folder) from None
    if not os.access(folder, os.W_OK):
        cause = errno.EROFS if _read_only_fs(folder) else errno.EACCES
        raise storage_error(OSError(cause, os.strerror(cause)), folder)


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def storage_error(exc: BaseException, place: Path) -> DataError:
    """A failure to write the store or its spill files as a DataError naming the cause."""
    text = str(exc)
    code = getattr(exc, "errno", None)
    for number, words, message in STORAGE_CAUSES:
        if code == number or any(w.lower() in text.lower() for w in words):
            return DataError(message.format(place=place))
    return DataError(f"无法写入 {place}：{text.splitlines()[0] if text else type(exc).__name__}")


def is_storage_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return (getattr(exc, "errno", None) in {n for n, _, _ in STORAGE_CAUSES}
            or any(w.lower() in text for _, words, _ in STORAGE_CAUSES for w in words))


def _connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        if isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower():
            raise DataError(f"数据库 {path} 正被另一个 jixiao 进程使用；请等它结束后再运行"
                            "（同一工作区不能同时运行两个命令）") from None
        if read_only:
            raise DataError(f"数据库 {path} 已损坏或由其他版本生成，请重新运行 jixiao check 读取数据") from None
        if any(mark in str(exc) for mark in DAMAGED):
            raise _Damaged() from exc
        raise storage_error(exc, path) from None


def configure(con: duckdb.DuckDBPyConnection, temp_dir: Path) -> None:
    """The store connection's settings, for the load and the audit alike:
    threads          every core of the machine (DuckDB's own default, stated): the audit's
                     joins and aggregates scale with them; JIXIAO_THREADS=n bounds it (a
                     machine shared with other work)
    memory_limit     MEMORY_LIMIT for big loads (the audit raises it, jixiao.audit.run):
                     beyond it DuckDB spills instead of growing
    temp_directory   out/.tmp, removed after the run: where it spills
    preserve_insertion_order  kept on: the rows' order (spreadsheet row numbers at load,
                     the findings' order among equal sort keys) is part of the output
    enable_progress_bar off: jixiao reports its own progress."""
    threads = os.environ.get("JIXIAO_THREADS", "").strip()
    con.execute(f"SET threads = {int(threads) if threads.isdigit() and int(threads) > 0 else os.cpu_count() or 1}")
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{str(temp_dir).replace(chr(39), chr(39) * 2)}'")
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")


def _stale(con: duckdb.DuckDBPyConnection) -> bool:
    try:
        return _stale_schema(con)
    except duckdb.Error as exc:
        if any(mark in str(exc) for mark in DAMAGED):
            con.close()
            raise _Damaged() from exc
        raise


def _stale_schema(con: duckdb.DuckDBPyConnection) -> bool:
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


def recreate(con: duckdb.DuckDBPyConnection, name: str, as_name: str | None = None) -> None:
    """Empty a store table by dropping and re-creating it (fast for millions of rows);
    `as_name`: create an empty table of `name`'s schema under that name instead."""
    target = as_name or name
    con.execute(f"DROP TABLE IF EXISTS {target}")
    con.execute(schema.TABLES[name].replace(f"CREATE TABLE {name} (", f"CREATE TABLE {target} (", 1))


def file_digest(source: DataSource, base_date: str) -> str:
    """What a load depends on: the file's bytes, the sheet, the base date, the parser."""
    with source.path.open("rb") as fh:
        content = hashlib.file_digest(fh, "blake2b").hexdigest()
    return f"{content}|{source.sheet or ''}|{base_date}|{INGEST_VERSION}"
