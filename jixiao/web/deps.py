"""What every view depends on: the app's state, the signed-in user (page or API), the CSRF
check on every form, and the role checks. Failures are exceptions the app turns into pages."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from jixiao.web import roles
from jixiao.web.accounts import User, get_user, user_for_token
from jixiao.web.db import Database
from jixiao.web.evaluations import Evaluations
from jixiao.web.jobs import Jobs
from jixiao.web.reviews import evaluation_approved
from jixiao.web.sessions import COOKIE, Session, SessionStore, Throttle


@dataclass
class Web:
    root: Path
    db: Database
    sessions: SessionStore
    throttle: Throttle
    evaluations: Evaluations
    jobs: Jobs
    max_upload: int
    templates: object  # jinja2.Environment


class LoginRequired(Exception):
    pass


class ApiUnauthorized(Exception):
    pass


class Forbidden(Exception):
    def __init__(self, message: str):
        self.message = message


class CsrfFailed(Exception):
    pass


def web(request: Request) -> Web:
    return request.app.state.web


def session(request: Request) -> Session | None:
    if not hasattr(request.state, "session"):
        request.state.session = web(request).sessions.get(request.cookies.get(COOKIE))
    return request.state.session


def page_user(request: Request) -> User:
    """The signed-in user of a page; otherwise to /login (and back here after)."""
    s = session(request)
    user = get_user(web(request).db, s.user_name) if s else None
    if user is None:
        raise LoginRequired()
    request.state.user = user
    return user


def api_user(request: Request) -> User:
    """The user of an `Authorization: Bearer TOKEN` request; otherwise 401."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    user = user_for_token(web(request).db, token.strip()) if scheme.lower() == "bearer" and token.strip() else None
    if user is None:
        raise ApiUnauthorized()
    return user


async def csrf_protect(request: Request) -> None:
    """Every state-changing form carries the session's token (field csrf_token, or the
    X-CSRF-Token header that htmx sends)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    s = session(request)
    if s is None:  # no session at all: nothing to protect yet, sign in first
        raise LoginRequired()
    sent = request.headers.get("x-csrf-token")
    if not sent:
        form = await request.form()
        sent = form.get("csrf_token")
    if not isinstance(sent, str) or not hmac.compare_digest(sent, s.csrf):
        raise CsrfFailed()


def require_edit(user: User) -> None:
    if not roles.can_edit(user.roles):
        raise Forbidden(f"{user.role_text}不能修改评价；只有{roles.EVALUATOR}可以修改。")


def require_review(user: User) -> None:
    if not roles.can_review(user.roles):
        raise Forbidden(f"只有{roles.REVIEWER}可以复核。")


def visible(w: Web, user: User, name: str) -> bool:
    """财政局 sees an evaluation only once it is approved (and unchanged since)."""
    if not roles.approved_only(user.roles):
        return True
    return evaluation_approved(w.db, name, w.evaluations.scores(name))


def require_visible(w: Web, user: User, name: str) -> None:
    w.evaluations.folder(name)  # NotFound first: a name that does not exist, or leaves ROOT
    if not visible(w, user, name):
        raise Forbidden("该评价尚未通过复核，财政局暂不能查看。")


class JobFailed(Exception):
    """A run ended with the input's problems (shown to the user as they are)."""

    def __init__(self, message: str):
        self.message = message
