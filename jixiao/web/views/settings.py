"""/e/NAME (overview) and /e/NAME/settings: evaluation.toml's project and policy as a form,
checked by the CLI's own loader (the same messages), comments in the file kept."""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from jixiao.errors import JixiaoError
from jixiao.vocabulary import SUBSIDIES
from jixiao.web import auditlog, deps, tomledit
from jixiao.web.accounts import User
from jixiao.web.render import render
from jixiao.web.views._common import evaluation_context, page_router
from jixiao.workspace import TOML

router = page_router()
STANDARD_ROWS = 6


@router.get("/e/{name}")
def overview(request: Request, name: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "overview")
    run = w.evaluations.last_run(name)
    return render(request, "overview.html.j2", **ctx, scores=w.evaluations.scores(name),
                  audit=w.evaluations.audit(name), run=run)


def _values(path) -> dict:
    doc = tomledit.read(path)
    project = {k: str(v) for k, v in doc.get("project", {}).items()}
    policy = doc.get("policy", {})
    standards = [{k: str(v) for k, v in s.items()} for s in policy.get("standard", [])]
    framework = doc.get("framework", {})
    return {"project": project, "schedule": str(policy.get("schedule", "monthly")),
            "due_day": str(policy.get("due_day", "")), "standards": standards,
            "builtin": str(framework.get("builtin", "")), "framework_path": str(framework.get("path", ""))}


def _page(request: Request, user: User, name: str, values: dict, problems: list[str], saved: bool, status: int = 200):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "settings")
    rows = values["standards"] + [{}] * max(1, STANDARD_ROWS - len(values["standards"]))
    return render(request, "settings.html.j2", status=status, **ctx, values=values, standard_rows=rows,
                  problems=problems, saved=saved, subsidies=SUBSIDIES, builtins=w.evaluations.builtin_frameworks())


@router.get("/e/{name}/settings")
def settings_page(request: Request, name: str, saved: int = 0, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    evaluation_context(request, user, name, "settings")
    return _page(request, user, name, _values(w.evaluations.folder(name) / TOML), [], bool(saved))


@router.post("/e/{name}/settings")
async def settings_save(request: Request, name: str, user: User = Depends(deps.page_user)):
    deps.require_edit(user)
    w = deps.web(request)
    path = w.evaluations.folder(name) / TOML
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in (*tomledit.PROJECT_KEYS, "schedule", "due_day", "builtin")}
    values["standards"] = [{k: str(form.get(f"standard-{i}-{k}", "")) for k in ("subsidy", "from", "monthly")}
                           for i in range(STANDARD_ROWS + 20) if f"standard-{i}-subsidy" in form]
    try:
        _, problems, old, new = tomledit.update(path, values)
    except JixiaoError as exc:
        problems, old, new = [exc.render()], "", ""
    if problems:
        shown = _values(path)
        shown["project"] = {k: values[k] for k in tomledit.PROJECT_KEYS}
        shown.update(schedule=values["schedule"], due_day=values["due_day"], standards=values["standards"])
        return _page(request, user, name, shown, problems, False, status=400)
    if old != new:
        removed, added = auditlog.changed_lines(old, new)
        auditlog.record(w.db, user.name, name, "settings", "修改基本信息", old=removed, new=added)
    return RedirectResponse(f"/e/{name}/settings?saved=1", status_code=303)
