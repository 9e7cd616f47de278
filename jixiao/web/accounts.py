"""Users and API tokens: Argon2 password hashes (argon2-cffi), tokens stored as SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from jixiao.errors import JixiaoError
from jixiao.web.db import Database
from jixiao.web.roles import ROLES

HASHER = PasswordHasher()  # argon2id, the library's recommended parameters
NAME = re.compile(r"^[\w.\-\u4e00-\u9fff]{1,40}$")
MIN_PASSWORD = 8
# Verified against when the user does not exist, so a wrong name costs the same time as a wrong password.
_DUMMY_HASH = HASHER.hash("jixiao-no-such-user")


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str]

    @property
    def role_text(self) -> str:
        return "、".join(r for r in ROLES if r in self.roles)


def now_text() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def add_user(db: Database, name: str, roles: list[str], password: str) -> User:
    """Add (or replace the password and roles of) a user; JixiaoError on a bad name, role or password."""
    problems = []
    if not NAME.match(name):
        problems.append("用户名应为 1–40 个汉字、字母、数字或 . _ -")
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        problems.append(f"角色应为 {'、'.join(ROLES)} 之一，而不是 {'、'.join(unknown) or '（空）'}")
    if len(password) < MIN_PASSWORD:
        problems.append(f"密码至少 {MIN_PASSWORD} 个字符")
    if problems:
        raise JixiaoError("无法添加用户：" + "；".join(problems))
    ordered = [r for r in ROLES if r in roles]
    with db.connect() as con:
        con.execute("INSERT INTO users(name, roles, password_hash, created) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET roles = excluded.roles, password_hash = excluded.password_hash",
                    (name, ",".join(ordered), HASHER.hash(password), now_text()))
    return User(name, frozenset(ordered))


def get_user(db: Database, name: str | None) -> User | None:
    if not name:
        return None
    rows = db.read("SELECT name, roles FROM users WHERE name = ?", (name,))
    return User(rows[0]["name"], frozenset(rows[0]["roles"].split(","))) if rows else None


def list_users(db: Database) -> list[User]:
    return [User(r["name"], frozenset(r["roles"].split(","))) for r in db.read("SELECT name, roles FROM users ORDER BY name")]


def verify_password(db: Database, name: str, password: str) -> User | None:
    rows = db.read("SELECT password_hash FROM users WHERE name = ?", (name,))
    stored = rows[0]["password_hash"] if rows else _DUMMY_HASH
    try:
        HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if not rows:
        return None
    if HASHER.check_needs_rehash(stored):
        with db.connect() as con:
            con.execute("UPDATE users SET password_hash = ? WHERE name = ?", (HASHER.hash(password), name))
    return get_user(db, name)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(db: Database, name: str) -> str:
    """A new API token for the user, replacing any earlier one (shown once, stored hashed)."""
    if get_user(db, name) is None:
        raise JixiaoError(f"没有用户 {name}（先用 jixiao user add {name} --role … 添加）")
    token = "jx_" + secrets.token_urlsafe(32)
    with db.connect() as con:
        con.execute("DELETE FROM tokens WHERE user_name = ?", (name,))
        con.execute("INSERT INTO tokens(token_hash, user_name, created) VALUES (?, ?, ?)",
                    (_digest(token), name, now_text()))
    return token


def user_for_token(db: Database, token: str) -> User | None:
    rows = db.read("SELECT user_name FROM tokens WHERE token_hash = ?", (_digest(token),))
    return get_user(db, rows[0]["user_name"]) if rows else None
