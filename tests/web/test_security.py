"""The workbench's security promises, route by route: no session, no CSRF token, the wrong
role, self-approval, hostile names, path traversal, oversized uploads, session renewal."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from jixiao.web.views import VIEWS
from tests.web.conftest import CSRF, csrf_of, gb11643, make_app, signed_in, wait_for_run

PARAMS = {"name": "demo", "code": "A11", "table": "roster", "file": "report.docx"}


def routes() -> list[tuple[str, str]]:
    out = []
    for router in VIEWS:
        for route in router.routes:
            if isinstance(route, APIRoute):
                path = re.sub(r"\{(\w+)\}", lambda m: PARAMS[m.group(1)], route.path)
                out += [(method, path) for method in sorted(route.methods)]
    return out


ALL_ROUTES = routes()
PAGE_POSTS = [(m, p) for m, p in ALL_ROUTES if m == "POST" and not p.startswith("/api/") and p not in ("/login", "/logout")]


def test_the_route_list_covers_every_page_family():
    paths = {p for _, p in ALL_ROUTES}
    assert {"/", "/e/demo/findings", "/e/demo/indicators", "/api/evaluations", "/e/demo/run"} <= paths
    assert len(PAGE_POSTS) >= 8


@pytest.mark.parametrize("method,path", [r for r in ALL_ROUTES if r[1] != "/login"])
def test_every_route_without_a_session_goes_to_login_or_401(ran_app, method, path):
    client = TestClient(ran_app, follow_redirects=False)
    response = client.request(method, path)
    if path.startswith("/api/"):
        assert response.status_code == 401
        assert "令牌" in response.json()["detail"]
    elif path == "/logout":
        assert response.status_code == 303 and response.headers["location"] == "/login"
    else:
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login")


@pytest.mark.parametrize("method,path", PAGE_POSTS)
def test_a_form_post_without_csrf_token_is_403(ran_app, method, path):
    client = signed_in(ran_app, "lead")
    response = client.request(method, path, data={"basis": "x", "evidence": "y", "name": "new-one"})
    assert response.status_code == 403
    assert "请求已失效" in response.text
    wrong = client.request(method, path, data={"csrf_token": "forged"})
    assert wrong.status_code == 403


def test_session_id_is_renewed_at_login(ran_app):
    client = TestClient(ran_app, follow_redirects=False)
    client.get("/login")
    before = client.cookies.get("jixiao_session")
    token = csrf_of(client, "/login")
    client.post("/login", data={"username": "eva", "password": "eva-password", "csrf_token": token})
    after = client.cookies.get("jixiao_session")
    assert before and after and before.split(".")[0] != after.split(".")[0]
    stale = TestClient(ran_app, follow_redirects=False, cookies={"jixiao_session": before})
    assert stale.get("/").status_code == 303  # the pre-login id is gone, not promoted
    assert client.get("/").status_code == 200


def test_a_forged_cookie_signature_is_not_a_session(ran_app):
    client = signed_in(ran_app, "eva")
    sid = client.cookies.get("jixiao_session").split(".")[0]
    forged = TestClient(ran_app, follow_redirects=False, cookies={"jixiao_session": f"{sid}.{'0' * 64}"})
    assert forged.get("/").status_code == 303


def test_logins_are_throttled_after_repeated_failures(app):
    client = TestClient(app, follow_redirects=False)
    for _ in range(5):
        token = csrf_of(client, "/login")
        assert client.post("/login", data={"username": "rev", "password": "wrong", "csrf_token": token}).status_code == 401
    token = csrf_of(client, "/login")
    blocked = client.post("/login", data={"username": "rev", "password": "rev-password", "csrf_token": token})
    assert blocked.status_code == 429
    assert "登录失败次数过多" in blocked.text


def test_security_headers_on_every_page(ran_app):
    client = signed_in(ran_app, "eva")
    for path in ("/", "/login", "/e/demo/findings"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "SAMEORIGIN"
        assert headers["cache-control"] == "no-store"
    cookie = TestClient(ran_app).get("/login").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_bureau_cannot_change_a_judgment_or_run(ran_app):
    reviewer = signed_in(ran_app, "rev")
    token = csrf_of(reviewer)
    assert reviewer.post("/e/demo/review", data={"action": "approve_leaves", "csrf_token": token}).status_code == 303
    assert reviewer.post("/e/demo/review", data={"action": "approve", "csrf_token": token}).status_code == 303
    bureau = signed_in(ran_app, "bureau")
    assert bureau.get("/e/demo/indicators").status_code == 200  # approved: visible, read only
    token = csrf_of(bureau)
    judged = bureau.post("/e/demo/indicators/A11", data={"score": "1", "basis": "改", "evidence": "无", "csrf_token": token})
    assert judged.status_code == 403 and "不能修改评价" in judged.text
    assert bureau.post("/e/demo/run", data={"csrf_token": token}).status_code == 403
    assert bureau.post("/e/demo/settings", data={"name": "x", "csrf_token": token}).status_code == 403
    assert bureau.post("/e/demo/indicators/A11/review", data={"decision": "approved", "csrf_token": token}).status_code == 403
    from jixiao.web.accounts import new_token

    api = TestClient(ran_app, headers={"Authorization": f"Bearer {new_token(ran_app.state.web.db, 'bureau')}"})
    assert api.post("/api/evaluations/demo/run").status_code == 403


def test_bureau_sees_unapproved_evaluations_nowhere(app):
    bureau = signed_in(app, "bureau")
    assert "demo" not in bureau.get("/").text.split("评价列表", 1)[1]
    for path in ("/e/demo", "/e/demo/findings", "/e/demo/download/report.docx", "/e/demo/run/status"):
        assert bureau.get(path).status_code == 403


def test_an_evaluator_cannot_approve_and_nobody_approves_their_own_score(app):
    assert app.state.web.jobs.run_now("demo", "evaluate", "eva").state == "done"
    lead = signed_in(app, "lead")
    token = csrf_of(lead)
    saved = lead.post("/e/demo/indicators/A11", data={"score": "2", "basis": "依据不够充分", "evidence": "立项文件",
                                                      "csrf_token": token})
    assert saved.status_code == 303
    wait_for_run(app)
    own = lead.post("/e/demo/indicators/A11/review", data={"decision": "approved", "csrf_token": token})
    assert own.status_code == 403 and "本人" in own.text
    eva = signed_in(app, "eva")
    token = csrf_of(eva)
    assert eva.post("/e/demo/indicators/A12/review", data={"decision": "approved", "csrf_token": token}).status_code == 403
    assert eva.post("/e/demo/review", data={"action": "approve", "csrf_token": token}).status_code == 403
    other = signed_in(app, "rev")
    token = csrf_of(other)
    assert other.post("/e/demo/indicators/A11/review", data={"decision": "approved", "csrf_token": token}).status_code == 303


SCRIPT = "<script>alert(1)</script>"


def test_a_hostile_roster_name_is_shown_escaped_on_every_page(tmp_path):
    root = tmp_path / "root"
    (root / "hostile" / "data").mkdir(parents=True)
    person = gb11643("44200019800101001")
    (root / "hostile" / "data" / "花名册.csv").write_text(
        f"身份证号,姓名,补贴类型,起始月份,残疾等级,残疾类别\n{person},{SCRIPT},护理补贴,2022-01,一级,肢体\n", encoding="utf-8")
    (root / "hostile" / "data" / "发放明细.csv").write_text(
        f"身份证号,姓名,补贴类型,所属月份,发放金额\n{person},张三,护理补贴,2022-01,100\n", encoding="utf-8")
    (root / "hostile" / "evaluation.toml").write_text(
        '[project]\nname = "项目"\nregion = "某县"\nyear = 2022\nunit = "某单位"\nbase_date = "2022-12-31"\n'
        '[framework]\nbuiltin = "national-2020"\n[[policy.standard]]\nsubsidy = "护理补贴"\nfrom = "2022-01"\nmonthly = 100\n'
        '[data]\nroster = "data/花名册.csv"\npayments = "data/发放明细.csv"\n', encoding="utf-8")
    app = make_app(root)
    client = signed_in(app, "lead")
    token = csrf_of(client)
    client.post("/e/hostile/settings", data={"name": SCRIPT, "region": SCRIPT, "year": "2022", "unit": SCRIPT,
                                             "base_date": "2022-12-31", "schedule": "monthly", "due_day": "25",
                                             "csrf_token": token})
    assert app.state.web.jobs.run_now("hostile", "evaluate", "lead").state == "done"
    pages = ["/", "/e/hostile", "/e/hostile/settings", "/e/hostile/data", "/e/hostile/findings",
             "/e/hostile/findings?code=name-mismatch", "/e/hostile/indicators", "/e/hostile/indicators?code=A11",
             "/e/hostile/report", "/e/hostile/log"]
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    for path in pages:
        body = client.get(path).text
        assert SCRIPT not in body, path
        assert escaped in body, path  # the project name in every header, the roster name in its finding
    findings = client.get("/e/hostile/findings?code=name-mismatch").text
    assert f"花名册姓名“{escaped}”" in findings


def test_path_traversal_in_upload_names_and_download_urls(app, root):
    client = signed_in(app, "eva")
    token = csrf_of(client)
    for evil in ("../../evil.csv", "..\\..\\evil.csv", "/etc/passwd.csv"):
        response = client.post("/e/demo/data/roster", data={"csrf_token": token},
                               files={"file": (evil, "身份证号,姓名\n".encode(), "text/csv")})
        assert response.status_code == 303
        assert (root / "demo" / "data" / "花名册.csv").is_file()
    assert not any(p.name == "evil.csv" for p in root.parent.rglob("evil.csv"))
    assert not (root / "evil.csv").exists() and not (root.parent / "evil.csv").exists()
    refused = client.post("/e/demo/data/roster", data={"csrf_token": token},
                          files={"file": ("roster.sh", b"rm -rf /", "text/plain")})
    assert refused.status_code == 400 and "不支持的文件类型" in refused.text
    for path in ("/e/demo/download/..%2Fevaluation.toml", "/e/demo/download/%2e%2e%2fjudgments.yaml",
                 "/e/demo/download/..%2F..%2F.jixiao%2Fsecret", "/e/..%2F..%2Fetc/data", "/e/.jixiao/log",
                 "/e/demo/templates/..%2F..%2Fevaluation.xlsx", "/e/demo/download/data%2F花名册.xlsx"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "secret" not in response.text and "[project]" not in response.text


def test_an_oversized_upload_is_refused_with_a_clear_message(root):
    app = make_app(root, max_upload_mb=0.05)
    client = signed_in(app, "eva")
    token = csrf_of(client)
    big = b"0" * 200_000
    response = client.post("/e/demo/data/payments", data={"csrf_token": token},
                           files={"file": ("发放明细.csv", big, "text/csv")})
    assert response.status_code == 413
    assert "上传的文件过大：每次上传不能超过 0.05 MB，本次约 0.19 MB" in response.text
    assert (root / "demo" / "data" / "发放明细.xlsx").stat().st_size != len(big)
    assert not (root / "demo" / "data" / "发放明细.csv").exists()


def test_every_form_on_every_page_carries_the_csrf_token(ran_app):
    client = signed_in(ran_app, "lead")
    token = CSRF.search(client.get("/").text).group(1)
    for path in ("/", "/e/demo", "/e/demo/settings", "/e/demo/data", "/e/demo/findings", "/e/demo/indicators",
                 "/e/demo/indicators?code=A12", "/e/demo/report", "/e/demo/log"):
        body = client.get(path).text
        forms = re.findall(r"<form\b.*?</form>", body, re.S)
        assert forms, path
        for form in forms:
            assert f'name="csrf_token" value="{token}"' in form, (path, form[:120])
    login = TestClient(ran_app).get("/login").text
    assert all('name="csrf_token"' in f for f in re.findall(r"<form\b.*?</form>", login, re.S))


def test_the_cookie_is_secure_behind_https(ran_app):
    cookie = TestClient(ran_app, base_url="https://testserver").get("/login").headers["set-cookie"].lower()
    assert "secure" in cookie
    plain = TestClient(ran_app).get("/login").headers["set-cookie"].lower()
    assert "secure" not in plain
