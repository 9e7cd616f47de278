"""What the evaluation pages share: the router with the CSRF check, and the page context."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from jixiao.web import deps, roles
from jixiao.web.accounts import User
from jixiao.web.reviews import WHOLE, latest, status, whole_snapshot


def page_router() -> APIRouter:
    """Pages: every POST checks the CSRF token before the view runs."""
    return APIRouter(dependencies=[Depends(deps.csrf_protect)])


def evaluation_context(request: Request, user: User, name: str, tab: str) -> dict[str, Any]:
    """Header, tabs and the state every evaluation page shows; 403/404 when not visible."""
    w = deps.web(request)
    deps.require_visible(w, user, name)
    scores = w.evaluations.scores(name)
    decision = latest(w.db, name).get(WHOLE)
    review = status(decision, whole_snapshot(scores) if scores else None)
    return {"name": name, "tab": tab, "summary": w.evaluations.summary(name), "job": w.jobs.get(name),
            "can_edit": roles.can_edit(user.roles), "can_review": roles.can_review(user.roles),
            "review_status": review, "review_decision": decision}


def scratch() -> Path:
    """A private temporary folder for a generated download (removed after it is sent)."""
    return Path(tempfile.mkdtemp(prefix="jixiao-web-"))


def send_and_remove(path: Path) -> FileResponse:
    return FileResponse(path, filename=path.name, background=BackgroundTask(shutil.rmtree, path.parent, True))
