"""/e/NAME/log: the audit log of an evaluation (or of one indicator), and its xlsx export."""

from __future__ import annotations

from fastapi import Depends, Request

from jixiao.web import auditlog, deps
from jixiao.web.accounts import User
from jixiao.web.render import render
from jixiao.web.views._common import evaluation_context, page_router, scratch, send_and_remove

router = page_router()


@router.get("/e/{name}/log")
def log_page(request: Request, name: str, code: str = "", user: User = Depends(deps.page_user)):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "log")
    target = f"judgment:{code}" if code else None
    return render(request, "log.html.j2", **ctx, entries=auditlog.entries(w.db, name, target), code=code)


@router.get("/e/{name}/log.xlsx")
def log_export(request: Request, name: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    evaluation_context(request, user, name, "log")
    return send_and_remove(auditlog.write_xlsx(auditlog.entries(w.db, name), scratch() / f"{name}-修改记录.xlsx"))
