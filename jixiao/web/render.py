"""Rendering a page template with what every page needs (user, CSRF token, path)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from jixiao.web import deps
from jixiao.web.accounts import get_user


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    w: deps.Web = request.app.state.web
    s = deps.session(request)
    user = getattr(request.state, "user", None)
    if user is None and s is not None and s.user_name:  # error pages raised before the view ran
        user = get_user(w.db, s.user_name)
    html = w.templates.get_template(template).render(
        request=request, user=user, csrf=s.csrf if s else "", path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)
