"""/login and /logout. A session (with its CSRF token) exists before login so the login form
is protected too; a successful login replaces it with a new session id."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse

from jixiao.web import deps
from jixiao.web.accounts import verify_password
from jixiao.web.render import render
from jixiao.web.sessions import COOKIE
from jixiao.web.views._common import page_router

router = page_router()


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme) is followed after login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def set_cookie(request: Request, response, w: deps.Web, sid: str) -> None:
    """HttpOnly, SameSite=Strict; Secure whenever the page came over HTTPS (directly or through a
    reverse proxy on this machine, whose X-Forwarded-Proto uvicorn trusts)."""
    response.set_cookie(COOKIE, w.sessions.sign(sid), httponly=True, samesite="strict", path="/",
                        max_age=12 * 3600, secure=request.url.scheme == "https")


@router.get("/login")
def login_page(request: Request, next: str = "/"):
    w = deps.web(request)
    s = deps.session(request)
    fresh = s is None
    if fresh:
        s = w.sessions.create(None)
        request.state.session = s
    response = render(request, "login.html.j2", next=_safe_next(next), error="", username="")
    if fresh:
        set_cookie(request, response, w, s.id)
    return response


@router.post("/login")
async def login(request: Request):
    w = deps.web(request)
    form = await request.form()
    name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    target = _safe_next(str(form.get("next", "/")))
    address = request.client.host if request.client else "-"
    wait = w.throttle.blocked_minutes(name, address)
    if wait:
        return render(request, "login.html.j2", status=429, next=target, username=name,
                      error=f"登录失败次数过多，请 {wait} 分钟后再试。")
    user = verify_password(w.db, name, password) if name and password else None
    if user is None:
        w.throttle.failed(name, address)
        return render(request, "login.html.j2", status=401, next=target, username=name,
                      error="用户名或密码不正确。")
    w.throttle.succeeded(name)
    s = w.sessions.login(deps.session(request), user.name)
    response = RedirectResponse(target, status_code=303)
    set_cookie(request, response, w, s.id)
    return response


@router.post("/logout")
def logout(request: Request):
    s = deps.session(request)
    if s is not None:
        deps.web(request).sessions.delete(s.id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
