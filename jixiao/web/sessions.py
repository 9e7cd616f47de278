"""Sessions: a random id in a cookie signed with HMAC-SHA256 (key in ROOT/.jixiao/secret),
stored hashed with its CSRF token; a new id at login; failed logins throttled."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from jixiao.web.db import Database

COOKIE = "jixiao_session"
IDLE_SECONDS = 8 * 3600  # a working day without a request ends the session
MAX_SECONDS = 12 * 3600
SEEN_EVERY = 60  # refresh `seen` at most once a minute (fewer writes under load)
FAILURE_WINDOW = 15 * 60
MAX_FAILURES_USER = 5
MAX_FAILURES_ADDRESS = 20


@dataclass(frozen=True)
class Session:
    id: str
    user_name: str | None
    csrf: str


def load_secret(path: Path) -> bytes:
    """The signing key: made once with 32 random bytes, readable by the owner only."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
    return path.read_bytes()


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


class SessionStore:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret

    def sign(self, sid: str) -> str:
        mac = hmac.new(self.secret, sid.encode(), hashlib.sha256).hexdigest()
        return f"{sid}.{mac}"

    def unsign(self, cookie: str | None) -> str | None:
        if not cookie or "." not in cookie:
            return None
        sid, mac = cookie.rsplit(".", 1)
        good = hmac.new(self.secret, sid.encode(), hashlib.sha256).hexdigest()
        return sid if hmac.compare_digest(mac, good) else None

    def create(self, user_name: str | None) -> Session:
        sid, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(32), time.time()
        with self.db.connect() as con:
            con.execute("DELETE FROM sessions WHERE seen < ? OR created < ?", (now - IDLE_SECONDS, now - MAX_SECONDS))
            con.execute("INSERT INTO sessions(id_hash, user_name, csrf, created, seen) VALUES (?, ?, ?, ?, ?)",
                        (_hash(sid), user_name, csrf, now, now))
        return Session(sid, user_name, csrf)

    def get(self, cookie: str | None) -> Session | None:
        sid = self.unsign(cookie)
        if sid is None:
            return None
        rows = self.db.read("SELECT user_name, csrf, created, seen FROM sessions WHERE id_hash = ?", (_hash(sid),))
        if not rows:
            return None
        row, now = rows[0], time.time()
        if row["seen"] < now - IDLE_SECONDS or row["created"] < now - MAX_SECONDS:
            self.delete(sid)
            return None
        if row["seen"] < now - SEEN_EVERY:
            with self.db.connect() as con:
                con.execute("UPDATE sessions SET seen = ? WHERE id_hash = ?", (now, _hash(sid)))
        return Session(sid, row["user_name"], row["csrf"])

    def delete(self, sid: str) -> None:
        with self.db.connect() as con:
            con.execute("DELETE FROM sessions WHERE id_hash = ?", (_hash(sid),))

    def login(self, old: Session | None, user_name: str) -> Session:
        """A fresh session id (and CSRF token) for the user; the pre-login session is dropped."""
        if old is not None:
            self.delete(old.id)
        return self.create(user_name)


class Throttle:
    """Refuses logins after too many recent failures for one user name or one address."""

    def __init__(self, db: Database):
        self.db = db

    def _count(self, key: str, now: float) -> int:
        return self.db.read("SELECT count(*) AS n FROM login_failures WHERE key = ? AND at > ?",
                            (key, now - FAILURE_WINDOW))[0]["n"]

    def blocked_minutes(self, user_name: str, address: str) -> int:
        """Minutes until another try is allowed; 0 when allowed now."""
        now = time.time()
        for key, limit in ((f"user:{user_name}", MAX_FAILURES_USER), (f"ip:{address}", MAX_FAILURES_ADDRESS)):
            if self._count(key, now) >= limit:
                oldest = self.db.read("SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC "
                                      "LIMIT 1 OFFSET ?", (key, now - FAILURE_WINDOW, limit - 1))[0]["at"]
                return max(1, int((oldest + FAILURE_WINDOW - now) // 60) + 1)
        return 0

    def failed(self, user_name: str, address: str) -> None:
        now = time.time()
        with self.db.connect() as con:
            con.execute("DELETE FROM login_failures WHERE at < ?", (now - FAILURE_WINDOW,))
            con.executemany("INSERT INTO login_failures(key, at) VALUES (?, ?)",
                            [(f"user:{user_name}", now), (f"ip:{address}", now)])

    def succeeded(self, user_name: str) -> None:
        with self.db.connect() as con:
            con.execute("DELETE FROM login_failures WHERE key = ?", (f"user:{user_name}",))
