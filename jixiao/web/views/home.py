"""The evaluations list (/) and a new evaluation from the init template."""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from jixiao.errors import JixiaoError
from jixiao.web import auditlog, deps, roles
from jixiao.web.accounts import User
from jixiao.web.render import render
from jixiao.web.views._common import page_router
from jixiao.web.workspaces import new_workspace

router = page_router()


def _list(request: Request, user: User, error: str = "", new_name: str = "", status: int = 200):
    w = deps.web(request)
    names = [n for n in w.evaluations.names() if deps.visible(w, user, n)]
    summaries = [w.evaluations.summary(n) for n in names]
    return render(request, "home.html.j2", status=status, summaries=summaries, error=error, new_name=new_name,
                  can_edit=roles.can_edit(user.roles), approved_only=roles.approved_only(user.roles))


@router.get("/")
def home(request: Request, user: User = Depends(deps.page_user)):
    return _list(request, user)


@router.post("/evaluations")
async def create(request: Request, user: User = Depends(deps.page_user)):
    deps.require_edit(user)
    w = deps.web(request)
    name = str((await request.form()).get("name", "")).strip()
    try:
        new_workspace(w.root, name)
    except JixiaoError as exc:
        return _list(request, user, error=exc.render(), new_name=name, status=400)
    auditlog.record(w.db, user.name, name, "evaluation", "新建评价", new="由 jixiao init 模板新建")
    return RedirectResponse(f"/e/{name}/settings", status_code=303)
