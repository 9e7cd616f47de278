"""/e/NAME/findings: filter by code, township, subsidy and month, money at risk of what is
shown, paging (htmx swaps the results only), and the filtered rows as xlsx."""

from __future__ import annotations


from fastapi import Depends, Request

from jixiao.findings import CODES
from jixiao.web import deps, findingsquery
from jixiao.web.findingsexport import write_findings_xlsx
from jixiao.web.accounts import User
from jixiao.web.render import render
from jixiao.web.views._common import evaluation_context, page_router, scratch, send_and_remove

router = page_router()


@router.get("/e/{name}/findings")
def findings_page(request: Request, name: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "findings")
    table = w.evaluations.findings(name)
    query = findingsquery.Query.from_params(request.query_params)
    result = findingsquery.page(table, query)
    audit = w.evaluations.audit(name) or {}
    context = dict(ctx, query=query, result=result, counts=audit.get("findings", {}),
                   money=audit.get("money_at_risk"), codes=CODES, total_findings=table.num_rows,
                   townships=findingsquery.options(table, "township"),
                   subsidies=findingsquery.options(table, "subsidy"), periods=findingsquery.options(table, "period"),
                   has_township="township" in table.column_names)
    if request.headers.get("hx-request") and request.headers.get("hx-target") == "results":
        return render(request, "findings_results.html.j2", **context)
    return render(request, "findings.html.j2", **context)


@router.get("/e/{name}/findings.xlsx")
def findings_export(request: Request, name: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    evaluation_context(request, user, name, "findings")
    query = findingsquery.Query.from_params(request.query_params)
    shown = findingsquery.apply(w.evaluations.findings(name), query)
    folder = scratch()
    label = "-".join(v for v in (query.code, query.township, query.subsidy, query.period) if v)
    path = write_findings_xlsx(shown, folder / f"核查发现{('-' + label) if label else ''}.xlsx")
    return send_and_remove(path)
