"""ROOT/.jixiao/jixiao.db: users, API tokens, sessions, login failures, the audit log and
review decisions, in SQLite (Python's standard library: one file, no server, transactions,
many readers beside one writer in WAL mode). The audit log is append-only by trigger."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    roles TEXT NOT NULL,              -- comma-separated: 评价人员,复核人员,财政局
    password_hash TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,      -- sha256 of the token; the token itself is never stored
    user_name TEXT NOT NULL REFERENCES users(name),
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    id_hash TEXT PRIMARY KEY,         -- sha256 of the session id carried in the signed cookie
    user_name TEXT REFERENCES users(name),   -- NULL before login (holds the login form's CSRF token)
    csrf TEXT NOT NULL,
    created REAL NOT NULL,
    seen REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS login_failures (
    key TEXT NOT NULL,                -- 'user:NAME' or 'ip:ADDRESS'
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures(key, at);
CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,                 -- ISO time, seconds, local zone
    user_name TEXT NOT NULL,
    workspace TEXT NOT NULL,
    target TEXT NOT NULL,             -- 'judgment:A111', 'settings', 'data:roster', 'review:A111', 'run' …
    action TEXT NOT NULL,             -- Chinese: 修改评分判断, 上传数据 …
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    basis TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_log_ws ON audit_log(workspace, target);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TABLE IF NOT EXISTS reviews (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace TEXT NOT NULL,
    target TEXT NOT NULL,             -- a leaf code, or '*' for the whole evaluation
    decision TEXT NOT NULL,           -- 'approved' | 'returned'
    user_name TEXT NOT NULL,
    at TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL            -- what was approved (JSON); a later change makes it stale
);
CREATE INDEX IF NOT EXISTS reviews_ws ON reviews(workspace, target, seq);
"""


class Database:
    """One SQLite file; a connection per thread, each statement block in a transaction."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        con = self._connection()
        con.execute("PRAGMA journal_mode=WAL")
        con.executescript(SCHEMA)  # idempotent; executescript commits by itself

    def _connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA busy_timeout=30000")
            self._local.con = con
        return con

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one transaction (committed on success, rolled back on error)."""
        con = self._connection()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    def read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self._connection().execute(sql, params).fetchall()


def state_dir(root: Path) -> Path:
    """ROOT/.jixiao: the web app's own state beside the workspaces."""
    return root / ".jixiao"


def open_database(root: Path) -> Database:
    return Database(state_dir(root) / "jixiao.db")
