"""/e/NAME/data: each table's file, upload (re-read at once, with progress), the templates,
and the row accounting with the rejected rows and their reasons."""

from __future__ import annotations


import pyarrow as pa
import pyarrow.compute as pc
from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from jixiao.errors import JixiaoError
from jixiao.ingest.fields import TABLE_TITLES
from jixiao.web import auditlog, deps
from jixiao.web.accounts import User
from jixiao.web.render import render
from jixiao.web.views._common import evaluation_context, page_router, scratch, send_and_remove
from jixiao.web.workspaces import NotFound, save_upload
from jixiao.workspace import DATA_TABLES

router = page_router()
REJECT_CODES = ("row-rejected", "id-precision-lost", "id-malformed", "id-checksum", "id-birthdate")
PROBLEMS_SHOWN = 20


def _page(request: Request, user: User, name: str, error: str = "", status: int = 200):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "data")
    try:
        ws, problem = w.evaluations.workspace(name), ""
    except JixiaoError as exc:
        ws, problem = None, exc.render()
    audit = w.evaluations.audit(name) or {}
    rows = audit.get("rows", {})
    findings = w.evaluations.findings(name)
    tables = []
    for table in DATA_TABLES:
        source = ws.data.get(table) if ws else None
        mine = findings.filter(pc.and_(pc.equal(findings.column("table"), table),
                                       pc.is_in(findings.column("code"), value_set=pa.array(REJECT_CODES))))
        tables.append({"table": table, "title": TABLE_TITLES[table], "file": source.label if source else "",
                       "size": source.path.stat().st_size if source and source.path.exists() else None,
                       "rows": rows.get(table), "problems": mine.slice(0, PROBLEMS_SHOWN).to_pylist(),
                       "problem_count": mine.num_rows})
    return render(request, "data.html.j2", status=status, **ctx, tables=tables, error=error or problem,
                  max_upload_mb=w.max_upload // 1048576)


@router.get("/e/{name}/data")
def data_page(request: Request, name: str, user: User = Depends(deps.page_user)):
    return _page(request, user, name)


@router.post("/e/{name}/data/{table}")
async def upload(request: Request, name: str, table: str, user: User = Depends(deps.page_user)):
    deps.require_edit(user)
    w = deps.web(request)
    folder = w.evaluations.folder(name)
    if table not in DATA_TABLES:
        return _page(request, user, name, error=f"未知的数据表：{table}", status=400)
    upload = (await request.form()).get("file")
    if upload is None or not getattr(upload, "filename", ""):
        return _page(request, user, name, error="请选择要上传的文件。", status=400)
    await upload.seek(0)

    def chunks():
        while block := upload.file.read(1 << 20):
            yield block

    try:
        target = save_upload(folder, table, upload.filename, chunks())
    except JixiaoError as exc:
        return _page(request, user, name, error=exc.render(), status=400)
    auditlog.record(w.db, user.name, name, f"data:{table}", "上传数据",
                    new=f"{TABLE_TITLES[table]}：{upload.filename} → data/{target.name}（{target.stat().st_size:,} 字节）")
    w.jobs.start(name, "evaluate", user.name)
    return RedirectResponse(f"/e/{name}/data", status_code=303)


@router.get("/e/{name}/templates/{table}.xlsx")
def template(request: Request, name: str, table: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    evaluation_context(request, user, name, "data")
    if table not in TABLE_TITLES:
        raise NotFound(f"没有 {table} 的模板")
    folder = scratch()
    path = w.evaluations.template(table, folder / f"{TABLE_TITLES[table]}.xlsx")
    return send_and_remove(path)

