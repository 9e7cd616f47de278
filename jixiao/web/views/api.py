"""The JSON API for scripts (CONTRACT §7), with the pages' roles, authorised by
`Authorization: Bearer TOKEN` (`jixiao user token NAME`)."""

from __future__ import annotations

from typing import Any

import pyarrow.compute as pc
from fastapi import APIRouter, Depends, Request

from jixiao.decimals import plain
from jixiao.findings import CODES, CSV_COLUMNS
from jixiao.web import auditlog, deps
from jixiao.web.accounts import User
from jixiao.web.workspaces import NotFound

router = APIRouter(prefix="/api")


@router.get("/evaluations")
def evaluations(request: Request, user: User = Depends(deps.api_user)) -> list[dict[str, Any]]:
    w = deps.web(request)
    out = []
    for name in w.evaluations.names():
        if deps.visible(w, user, name):
            s = w.evaluations.summary(name)
            out.append({"name": name, "total": s.total, "grade": s.grade, "complete": s.complete})
    return out


def _scores(w: deps.Web, name: str) -> dict[str, Any]:
    scores = w.evaluations.scores(name)
    if scores is None:
        raise NotFound(f"评价 {name} 尚未运行：POST /api/evaluations/{name}/run")
    return scores


@router.get("/evaluations/{name}/scores")
def scores(request: Request, name: str, user: User = Depends(deps.api_user)) -> dict[str, Any]:
    w = deps.web(request)
    deps.require_visible(w, user, name)
    return _scores(w, name)


@router.get("/evaluations/{name}/findings")
def findings(request: Request, name: str, code: str = "", user: User = Depends(deps.api_user)) -> list[dict[str, Any]]:
    w = deps.web(request)
    deps.require_visible(w, user, name)
    if code and code not in CODES:
        raise NotFound(f"没有核查代码 {code}（可用：{', '.join(CODES)}）")
    table = w.evaluations.findings(name)
    if code:
        table = table.filter(pc.equal(table.column("code"), code))
    rows = table.select(list(CSV_COLUMNS)).to_pylist()
    for r in rows:
        r["amount"] = plain(r["amount"]) if r["amount"] is not None else None
        r["severity"] = r["severity"] or CODES[r["code"]].severity
    return rows


@router.post("/evaluations/{name}/run")
def run(request: Request, name: str, user: User = Depends(deps.api_user)) -> dict[str, Any]:
    w = deps.web(request)
    deps.require_visible(w, user, name)
    deps.require_edit(user)
    auditlog.record(w.db, user.name, name, "run", "运行评价并出具报告（API）")
    job = w.jobs.run_now(name, "report", user.name)
    if job.state == "failed":
        raise deps.JobFailed(job.error)
    return _scores(w, name)
