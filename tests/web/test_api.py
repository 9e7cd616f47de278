"""The JSON API (CONTRACT §7): shapes, the same roles as the pages, Bearer tokens."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from jixiao.findings import CODES, CSV_COLUMNS
from jixiao.web.accounts import new_token


def api(app, user: str) -> TestClient:
    return TestClient(app, headers={"Authorization": f"Bearer {new_token(app.state.web.db, user)}"})


def test_evaluations_list_has_name_total_grade_complete(ran_app):
    got = api(ran_app, "eva").get("/api/evaluations").json()
    scores = json.loads((ran_app.state.web.root / "demo" / "out" / "scores.json").read_text(encoding="utf-8"))
    assert got == [{"name": "demo", "total": scores["total"], "grade": scores["grade"], "complete": scores["complete"]}]


def test_scores_is_the_score_json_object(ran_app):
    got = api(ran_app, "rev").get("/api/evaluations/demo/scores").json()
    written = json.loads((ran_app.state.web.root / "demo" / "out" / "scores.json").read_text(encoding="utf-8"))
    assert got == written
    assert {"framework", "total", "grade", "complete", "pending", "indicators", "metrics"} <= set(got)


def test_findings_are_keyed_by_the_contract_columns_and_filter_by_code(ran_app):
    client = api(ran_app, "eva")
    every = client.get("/api/evaluations/demo/findings").json()
    lines = (ran_app.state.web.root / "demo" / "out" / "findings.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(every) == len(lines) - 1 > 0
    assert all(list(f) == list(CSV_COLUMNS) for f in every)
    code = every[-1]["code"]
    some = client.get(f"/api/evaluations/demo/findings?code={code}").json()
    assert some and all(f["code"] == code for f in some)
    assert len(some) == sum(f["code"] == code for f in every)
    assert all(f["severity"] == CODES[f["code"]].severity for f in some)
    money = [f["amount"] for f in every if f["amount"] is not None]
    assert money and all(isinstance(a, (int, float)) for a in money)
    assert client.get("/api/evaluations/demo/findings?code=no-such-code").status_code == 404


def test_a_bad_token_or_scheme_is_401(ran_app):
    assert TestClient(ran_app, headers={"Authorization": "Bearer jx_nope"}).get("/api/evaluations").status_code == 401
    token = new_token(ran_app.state.web.db, "eva")
    assert TestClient(ran_app, headers={"Authorization": f"Basic {token}"}).get("/api/evaluations").status_code == 401
    renewed = new_token(ran_app.state.web.db, "eva")
    assert TestClient(ran_app, headers={"Authorization": f"Bearer {token}"}).get("/api/evaluations").status_code == 401
    assert TestClient(ran_app, headers={"Authorization": f"Bearer {renewed}"}).get("/api/evaluations").status_code == 200


def test_bureau_sees_no_unapproved_evaluation_through_the_api(app):
    client = api(app, "bureau")
    assert client.get("/api/evaluations").json() == []
    assert client.get("/api/evaluations/demo/scores").status_code == 403
    assert client.get("/api/evaluations/nowhere/scores").status_code == 404


def test_run_evaluates_and_returns_the_scores_object(app):
    client = api(app, "eva")
    assert client.get("/api/evaluations/demo/scores").status_code == 404  # not run yet
    got = client.post("/api/evaluations/demo/run")
    assert got.status_code == 200
    out = app.state.web.root / "demo" / "out"
    assert got.json() == json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert (out / "report.docx").is_file() and (out / "report.pdf").is_file()
    assert client.get("/api/evaluations/demo/scores").json()["total"] == got.json()["total"]
