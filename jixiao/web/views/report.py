"""/e/NAME/report: the run button with progress, the report preview, the downloads (and the
working papers with the audit log), and the report inputs (report.yaml) as a form."""

from __future__ import annotations

import zipfile

from fastapi import Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from jixiao.errors import JixiaoError
from jixiao.web import auditlog, deps, reportinputs
from jixiao.web.accounts import User
from jixiao.web.render import render
from jixiao.web.security import PREVIEW_CSP
from jixiao.web.views._common import evaluation_context, page_router, scratch, send_and_remove
from jixiao.web.workspaces import NotFound

router = page_router()
DOWNLOADS = (("report.docx", "评价报告（Word）"), ("report.pdf", "评价报告（PDF）"), ("findings.xlsx", "核查明细（Excel）"),
             ("report.html", "评价报告（网页）"), ("scores.json", "评分结果（JSON）"))


def _inputs(w: deps.Web, name: str) -> dict:
    path = w.evaluations.folder(name) / reportinputs.FILE
    try:
        data = reportinputs.load(path)
    except JixiaoError as exc:
        return {"error": exc.render(), "fields": [], "shape": "", "exists": True}
    if data is None:
        return {"error": "", "fields": [], "shape": "", "exists": False}
    return {"error": "", "fields": reportinputs.fields(data), "shape": reportinputs.fingerprint(data), "exists": True}


@router.get("/e/{name}/report")
def report_page(request: Request, name: str, saved: int = 0, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "report")
    files = [(f, label, w.evaluations.output(name, f)) for f, label in DOWNLOADS]
    return render(request, "report.html.j2", **ctx, files=files, inputs=_inputs(w, name), saved=bool(saved),
                  has_preview=w.evaluations.output(name, "report.html") is not None)


@router.post("/e/{name}/run")
async def run(request: Request, name: str, user: User = Depends(deps.page_user)):
    deps.require_edit(user)
    w = deps.web(request)
    w.evaluations.folder(name)
    kind = "report" if (await request.form()).get("kind", "report") == "report" else "evaluate"
    job = w.jobs.start(name, kind, user.name)
    if job.user == user.name and job.kind == kind and len(job.messages) <= 1:
        auditlog.record(w.db, user.name, name, "run", "运行评价" if kind == "evaluate" else "运行评价并出具报告")
    if request.headers.get("hx-request"):
        return render(request, "job.html.j2", name=name, job=job)
    back = request.headers.get("referer", "")
    return RedirectResponse(back if back.startswith(str(request.base_url)) else f"/e/{name}/report", status_code=303)


@router.get("/e/{name}/run/status")
def run_status(request: Request, name: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    deps.require_visible(w, user, name)
    job = w.jobs.get(name)
    response = render(request, "job.html.j2", name=name, job=job)
    if job is not None and not job.active and request.query_params.get("was") == "active":
        response.headers["HX-Refresh"] = "true"  # the run finished while the page watched: show its results
    return response


@router.get("/e/{name}/preview")
def preview(request: Request, name: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    deps.require_visible(w, user, name)
    path = w.evaluations.output(name, "report.html")
    if path is None:
        raise NotFound("尚未生成报告：请先在“报告”页运行评价")
    return HTMLResponse(path.read_text(encoding="utf-8"), headers={"Content-Security-Policy": PREVIEW_CSP})


@router.get("/e/{name}/download/{file}")
def download(request: Request, name: str, file: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    deps.require_visible(w, user, name)
    path = w.evaluations.output(name, file)
    if path is None:
        raise NotFound(f"没有可下载的文件 {file}")
    return FileResponse(path, filename=f"{name}-{path.name}")


@router.get("/e/{name}/working-papers.zip")
def working_papers(request: Request, name: str, user: User = Depends(deps.page_user)):
    """The report, the findings, the scores and the audit log (修改记录) in one file."""
    w = deps.web(request)
    deps.require_visible(w, user, name)
    folder = scratch()
    log = auditlog.write_xlsx(auditlog.entries(w.db, name), folder / "修改记录.xlsx")
    target = folder / f"{name}-工作底稿.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for file, _ in DOWNLOADS:
            path = w.evaluations.output(name, file)
            if path is not None:
                z.write(path, path.name)
        z.write(log, log.name)
    return send_and_remove(target)


@router.post("/e/{name}/report-inputs")
async def save_inputs(request: Request, name: str, user: User = Depends(deps.page_user)):
    deps.require_edit(user)
    w = deps.web(request)
    path = w.evaluations.folder(name) / reportinputs.FILE
    form = await request.form()
    values = {int(k[6:]): str(v) for k, v in form.items() if k.startswith("field-") and k[6:].isdigit()}
    changed = reportinputs.save(path, values, str(form.get("shape", "")))
    for label, old, new in changed:
        auditlog.record(w.db, user.name, name, "report", f"修改报告内容：{label}", old=old, new=new)
    return RedirectResponse(f"/e/{name}/report?saved=1#inputs", status_code=303)
