"""/e/NAME/indicators: the scored tree; a leaf's rule, inputs, value, score, basis and history;
the evaluator edits its judgment (saved to judgments.yaml, re-scored at once); the reviewer
approves or returns it, and the whole evaluation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response

from jixiao.decimals import to_decimal
from jixiao.errors import JixiaoError, JudgmentsError
from jixiao.web import auditlog, deps, indicatortree, judgmentsfile, reviews, roles, tomledit
from jixiao.web.accounts import User
from jixiao.web.render import render
from jixiao.web.views._common import evaluation_context, page_router
from jixiao.web.workspaces import NotFound
from jixiao.workspace import TOML

router = page_router()


def _tree(w: deps.Web, name: str) -> tuple[dict | None, list[indicatortree.Row]]:
    scores = w.evaluations.scores(name)
    rows = indicatortree.rows(scores, w.evaluations.framework(name), reviews.latest(w.db, name),
                              auditlog.editors(w.db, name))
    return scores, rows


def _panel_context(w: deps.Web, user: User, name: str, row: indicatortree.Row, scores: dict) -> dict[str, Any]:
    ws = w.evaluations.workspace(name)
    current = judgmentsfile.entry(ws.judgments_path, row.node["code"])
    basis, evidence = judgmentsfile.split_basis(str(current.get("basis", "")))
    metric = scores.get("metrics", {}).get(row.node.get("metric") or "", None)
    return {"row": row, "current": current, "basis": basis, "evidence": evidence, "metric": metric,
            "history": auditlog.entries(w.db, name, f"judgment:{row.node['code']}"),
            "decisions": reviews.history(w.db, name, row.node["code"]),
            "may_approve": roles.can_review(user.roles) and row.scorer != user.name}


def _find(rows: list[indicatortree.Row], code: str) -> indicatortree.Row | None:
    return next((r for r in rows if r.node["code"] == code), None)


def _leaf(w: deps.Web, name: str, code: str) -> tuple[dict, indicatortree.Row]:
    """The latest scores and the row of leaf `code`; NotFound when there is no such leaf."""
    scores, rows = _tree(w, name)
    row = _find(rows, code)
    if scores is None or row is None or not row.leaf:
        raise NotFound(f"没有末级指标 {code}（或尚未运行评价）")
    return scores, row


@router.get("/e/{name}/indicators")
def indicators_page(request: Request, name: str, code: str = "", user: User = Depends(deps.page_user)):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "indicators")
    scores, rows = _tree(w, name)
    selected = _find(rows, code) if code else next((r for r in rows if r.leaf and r.pending), None)
    if selected is None or not selected.leaf:
        selected = next((r for r in rows if r.leaf), None)
    panel = _panel_context(w, user, name, selected, scores) if selected and scores else None
    return render(request, "indicators.html.j2", **ctx, scores=scores, rows=rows, panel=panel,
                  counts=indicatortree.review_counts(rows), problems=[], form=None)


@router.get("/e/{name}/indicators/{code}")
def indicator_panel(request: Request, name: str, code: str, user: User = Depends(deps.page_user)):
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "indicators")
    scores, row = _leaf(w, name, code)
    if not request.headers.get("hx-request"):
        return RedirectResponse(f"/e/{name}/indicators?code={code}", status_code=303)
    return render(request, "indicator_panel.html.j2", **ctx, panel=_panel_context(w, user, name, row, scores),
                  problems=[], form=None)


def _number(text: str) -> Decimal | str | None:
    text = text.strip()
    if not text:
        return None
    return to_decimal(text) if to_decimal(text) is not None else text


@router.post("/e/{name}/indicators/{code}")
async def save_judgment(request: Request, name: str, code: str, user: User = Depends(deps.page_user)):
    deps.require_edit(user)
    w = deps.web(request)
    ctx = evaluation_context(request, user, name, "indicators")
    scores, row = _leaf(w, name, code)
    form = await request.form()
    text = {k: str(form.get(k, "")) for k in ("score", "override", "basis", "evidence", "note")}
    problems = []
    score, override = _number(text["score"]), _number(text["override"])
    for label, value in (("得分", score), ("调整后得分", override)):
        if isinstance(value, str):
            problems.append(f"{label}「{value}」不是数字")
    items = {item: form.get(f"item-{i}") == "yes" for i, item in enumerate(row.items) if form.get(f"item-{i}") in ("yes", "no")}
    if not text["basis"].strip():
        problems.append("请填写评分依据：说明给出该分数的理由。")
    if not text["evidence"].strip():
        problems.append("请填写佐证材料：评分所依据的文件、记录或数据（如 会议纪要、资金拨付凭证、核查结果）。")
    ws = w.evaluations.workspace(name)
    path = ws.judgments_path
    if not problems:
        if path is None:
            path = ws.root / "judgments.yaml"
            tomledit.set_judgments_path(ws.root / TOML, "judgments.yaml")
        entry = judgmentsfile.build_entry(row.node["kind"], score if isinstance(score, Decimal) else None,
                                          items or None, override if isinstance(override, Decimal) else None,
                                          judgmentsfile.join_basis(text["basis"], text["evidence"]), text["note"])
        try:
            old, new = judgmentsfile.save_entry(path, code, entry, w.evaluations.framework(name))
        except JudgmentsError as exc:
            problems = [p.message for p in exc.problems] or [exc.summary]
    if problems:
        panel = _panel_context(w, user, name, row, scores)
        return render(request, "indicator_panel.html.j2", status=400, **ctx, panel=panel, problems=problems,
                      form=text | {"items": {f"item-{i}": form.get(f"item-{i}") for i in range(len(row.items))}})
    auditlog.record(w.db, user.name, name, f"judgment:{code}", "修改评分判断", old=old, new=new,
                    basis=judgmentsfile.join_basis(text["basis"], text["evidence"]))
    w.jobs.start(name, "evaluate", user.name)
    target = f"/e/{name}/indicators?code={code}"
    if request.headers.get("hx-request"):  # the whole page again: the tree and the run's progress
        return Response(status_code=200, headers={"HX-Redirect": quote(target, safe="/?=&")})
    return RedirectResponse(target, status_code=303)


@router.post("/e/{name}/indicators/{code}/review")
async def review_leaf(request: Request, name: str, code: str, user: User = Depends(deps.page_user)):
    deps.require_review(user)
    w = deps.web(request)
    evaluation_context(request, user, name, "indicators")
    _, row = _leaf(w, name, code)
    if row.node.get("score") is None:
        raise deps.Forbidden(f"指标 {code} 尚未评分，无需复核。")
    if row.scorer == user.name:
        raise deps.Forbidden(f"指标 {code} 的评分判断由您本人修改，不能由您本人复核通过或退回。")
    form = await request.form()
    decision, comment = str(form.get("decision", "")), str(form.get("comment", "")).strip()
    if decision not in (reviews.APPROVED, reviews.RETURNED):
        raise JixiaoError("复核结论只能是通过或退回。")
    if decision == reviews.RETURNED and not comment:
        raise JixiaoError("退回时请写明复核意见，说明需要修改什么。")
    reviews.decide(w.db, name, code, decision, user.name, comment, reviews.leaf_snapshot(row.node))
    auditlog.record(w.db, user.name, name, f"review:{code}", "复核通过" if decision == reviews.APPROVED else "复核退回",
                    new=f"得分 {row.node.get('score')}", basis=comment)
    return RedirectResponse(f"/e/{name}/indicators?code={code}", status_code=303)


@router.post("/e/{name}/review")
async def review_whole(request: Request, name: str, user: User = Depends(deps.page_user)):
    deps.require_review(user)
    w = deps.web(request)
    evaluation_context(request, user, name, "indicators")
    scores, rows = _tree(w, name)
    if scores is None:
        raise deps.Forbidden("尚未运行评价，无可复核的结果。")
    form = await request.form()
    action, comment = str(form.get("action", "")), str(form.get("comment", "")).strip()
    leaves = [r for r in rows if r.leaf]
    if action == "approve_leaves":
        done = [r for r in leaves if r.review in ("open", "stale") and r.scorer != user.name]
        for r in done:
            reviews.decide(w.db, name, r.node["code"], reviews.APPROVED, user.name, comment, reviews.leaf_snapshot(r.node))
        auditlog.record(w.db, user.name, name, "review:*", "批量复核通过",
                        new="、".join(r.node["code"] for r in done) or "（无）", basis=comment)
    elif action == "approve":
        missing = [r.node["code"] for r in leaves if r.review != reviews.APPROVED]
        if not scores["complete"] or missing:
            raise deps.Forbidden("评价尚不能整体通过：" + (f"还有 {len(scores['pending'])} 项指标待评；" if not scores["complete"] else "")
                                 + (f"以下指标尚未复核通过：{'、'.join(missing)}。" if missing else ""))
        reviews.decide(w.db, name, reviews.WHOLE, reviews.APPROVED, user.name, comment, reviews.whole_snapshot(scores))
        auditlog.record(w.db, user.name, name, "review:*", "评价整体复核通过",
                        new=f"总分 {scores['total']}，等级 {scores['grade']}", basis=comment)
    elif action == "return":
        if not comment:
            raise JixiaoError("退回时请写明复核意见，说明需要修改什么。")
        reviews.decide(w.db, name, reviews.WHOLE, reviews.RETURNED, user.name, comment, reviews.whole_snapshot(scores))
        auditlog.record(w.db, user.name, name, "review:*", "评价整体退回", basis=comment)
    else:
        raise JixiaoError("未知的复核操作。")
    return RedirectResponse(f"/e/{name}/indicators", status_code=303)
