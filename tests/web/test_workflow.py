"""The evaluator's and reviewer's work through the pages (TestClient): a judgment saved to
judgments.yaml and re-scored, review decisions that go stale, evaluation.toml through its form,
uploads with row accounting, the findings page, the audit log and its exports."""

from __future__ import annotations

import io
import json
import zipfile

from python_calamine import CalamineWorkbook

from jixiao.scoring.judgments import load_judgments
from jixiao.service import workspace_framework
from jixiao.web import auditlog, reviews
from jixiao.workspace import load_workspace
from tests.web.conftest import csrf_of, signed_in, wait_for_run


def sheet(content: bytes, name: str | None = None) -> list[list]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return book.get_sheet_by_name(name or book.sheet_names[0]).to_python()


def leaf(scores: dict, code: str) -> dict:
    def walk(nodes):
        for n in nodes:
            if n["code"] == code:
                return n
            found = walk(n.get("children", []))
            if found:
                return found
    return walk(scores["indicators"])


def test_a_judgment_is_saved_with_its_basis_keeps_the_file_and_rescores(ran_app):
    root = ran_app.state.web.root
    path = root / "demo" / "judgments.yaml"
    before = path.read_text(encoding="utf-8")
    client = signed_in(ran_app, "eva")
    token = csrf_of(client)
    response = client.post("/e/demo/indicators/A31", data={
        "score": "1.5", "basis": "预算未考虑年内新增人员", "evidence": "预算测算表（2022年1月）",
        "note": "与财务科核对过", "csrf_token": token})
    assert response.status_code == 303
    wait_for_run(ran_app)
    after = path.read_text(encoding="utf-8")
    assert after.splitlines()[:3] == before.splitlines()[:3]  # the header comments stay
    codes = [line.split(":")[0].strip() for line in after.splitlines() if line.startswith("  ") and ":" in line]
    assert codes.index("A21") < codes.index("A31") < codes.index("A32")  # order kept
    assert "  A31: {score: 1.5, basis: 预算未考虑年内新增人员（佐证材料：预算测算表（2022年1月））, note: 与财务科核对过}\n" in after
    ws = load_workspace(root / "demo")
    judgment = load_judgments(ws.judgments_path, workspace_framework(ws)).entries["A31"]
    assert str(judgment.score) == "1.5"
    assert judgment.basis == "预算未考虑年内新增人员（佐证材料：预算测算表（2022年1月））"
    scores = json.loads((root / "demo" / "out" / "scores.json").read_text(encoding="utf-8"))
    assert leaf(scores, "A31")["score"] == 1.5
    assert "与财务科核对过" not in leaf(scores, "A31")["basis"]  # the note is not the printed basis
    entry = auditlog.entries(ran_app.state.web.db, "demo", "judgment:A31")[0]
    assert (entry.user_name, entry.action) == ("eva", "修改评分判断")
    assert "score: 2" in entry.old_value and "score: 1.5" in entry.new_value
    page = client.get("/e/demo/indicators?code=A31").text
    assert "预算测算表（2022年1月）" in page and "与财务科核对过" in page
    assert client.get("/e/demo/log?code=A31").text.count("修改评分判断") == 1


def test_a_judgment_without_basis_or_out_of_range_is_refused_and_nothing_changes(ran_app):
    path = ran_app.state.web.root / "demo" / "judgments.yaml"
    before = path.read_text(encoding="utf-8")
    client = signed_in(ran_app, "eva")
    token = csrf_of(client)
    missing = client.post("/e/demo/indicators/A32", data={"score": "1", "basis": " ", "evidence": "", "csrf_token": token})
    assert missing.status_code == 400
    assert "请填写评分依据" in missing.text and "请填写佐证材料" in missing.text
    too_high = client.post("/e/demo/indicators/A32", data={"score": "9", "basis": "高", "evidence": "无",
                                                          "csrf_token": token}, headers={"HX-Request": "true"})
    assert too_high.status_code == 400
    assert "应在 0–2 之间，而不是 &#39;9&#39;" in too_high.text  # jixiao's own loader said so
    assert path.read_text(encoding="utf-8") == before


def test_a_checklist_judgment_and_an_override(ran_app):
    client = signed_in(ran_app, "eva")
    token = csrf_of(client)
    form = {"item-0": "yes", "item-1": "no", "item-2": "yes", "basis": "审批文件不全", "evidence": "立项审批表",
            "csrf_token": token}
    assert client.post("/e/demo/indicators/A12", data=form).status_code == 303
    wait_for_run(ran_app)
    override = {"override": "3.5", "basis": "综合考虑资金到位时间", "evidence": "拨款文件", "csrf_token": token}
    assert client.post("/e/demo/indicators/B11", data=override).status_code == 303
    wait_for_run(ran_app)
    scores = ran_app.state.web.evaluations.scores("demo")
    a12, b11 = leaf(scores, "A12"), leaf(scores, "B11")
    assert a12["score"] < a12["weight"]
    assert b11["score"] == 3.5 and b11["override"] is True and b11["computed"] != 3.5


def test_review_decisions_go_stale_when_the_leaf_changes_and_bureau_sees_approved_only(app):
    assert app.state.web.jobs.run_now("demo", "evaluate", "eva").state == "done"
    reviewer, bureau = signed_in(app, "rev"), signed_in(app, "bureau")
    token = csrf_of(reviewer)
    assert reviewer.post("/e/demo/indicators/A11/review", data={"decision": "returned", "csrf_token": token}).status_code == 400
    assert reviewer.post("/e/demo/indicators/A11/review", data={"decision": "returned", "comment": "依据过于笼统",
                                                                "csrf_token": token}).status_code == 303
    refused = reviewer.post("/e/demo/review", data={"action": "approve", "csrf_token": token})
    assert refused.status_code == 403 and "A11" in refused.text
    assert reviewer.post("/e/demo/review", data={"action": "approve_leaves", "csrf_token": token}).status_code == 303
    assert reviews.latest(app.state.web.db, "demo")["A11"].decision == "returned"  # bulk approval skips returned leaves
    assert reviewer.post("/e/demo/indicators/A11/review", data={"decision": "approved", "csrf_token": token}).status_code == 303
    assert reviewer.post("/e/demo/review", data={"action": "approve", "csrf_token": token}).status_code == 303
    assert "demo" in bureau.get("/").text and bureau.get("/e/demo/findings").status_code == 200
    eva = signed_in(app, "eva")
    assert eva.post("/e/demo/indicators/A11", data={"score": "2", "basis": "补充依据后调整", "evidence": "立项文件",
                                                    "csrf_token": csrf_of(eva)}).status_code == 303
    wait_for_run(app)
    page = reviewer.get("/e/demo/indicators?code=A11").text
    assert "已变更" in page or "已修改" in page
    assert bureau.get("/e/demo").status_code == 403  # changed since approval: hidden until approved again


def test_settings_form_uses_the_cli_messages_and_keeps_comments(root, app):
    client = signed_in(app, "eva")
    token = csrf_of(client)
    assert client.post("/evaluations", data={"name": "三乡镇-2023", "csrf_token": token}).status_code == 303
    path = root / "三乡镇-2023" / "evaluation.toml"
    before = path.read_text(encoding="utf-8")
    form = {"name": "三乡镇两项补贴", "region": "中山市三乡镇", "year": "二〇二二", "unit": "三乡镇公共服务办公室",
            "base_date": "2022-13-01", "schedule": "weekly", "due_day": "25", "csrf_token": token,
            "standard-0-subsidy": "生活补贴", "standard-0-from": "2022-01", "standard-0-monthly": "188.00"}
    bad = client.post("/e/三乡镇-2023/settings", data=form)
    assert bad.status_code == 400
    for message in ("[project] year：应为预算年度，如 2022", "[project] base_date：日期 &#39;2022-13-01&#39; 无法识别，应为 YYYY-MM-DD",
                    "[policy] schedule：应为 monthly（按月）或 quarterly（按季），而不是 &#39;weekly&#39;"):
        assert message in bad.text
    assert path.read_text(encoding="utf-8") == before
    good = dict(form, year="2022", base_date="2022-12-31", schedule="monthly")
    assert client.post("/e/三乡镇-2023/settings", data=good).status_code == 303
    text = path.read_text(encoding="utf-8")
    assert "# 绩效评价工作区。相对路径均相对于本目录；输出写到 out/。" in text and "# 项目名称" in text
    ws = load_workspace(root / "三乡镇-2023")
    assert (ws.project.name, ws.project.year, ws.policy.standards[0].monthly) == ("三乡镇两项补贴", 2022, 188)
    assert "monthly = 188.00" in text
    assert len(ws.policy.standards) == 1
    assert "修改基本信息" in client.get("/e/三乡镇-2023/log").text
    again = client.post("/evaluations", data={"name": "三乡镇-2023", "csrf_token": token})
    assert again.status_code == 400 and "已有名为 三乡镇-2023 的文件夹" in again.text
    assert client.post("/evaluations", data={"name": "../x", "csrf_token": token}).status_code == 400


def test_upload_rereads_and_shows_row_accounting_with_rejected_rows(app, root):
    client = signed_in(app, "eva")
    token = csrf_of(client)
    roster = ("身份证号,姓名,补贴类型,起始月份,残疾等级\n"
              "110101194901010018,张三,护理补贴,2022-01,一级\n"
              ",李四,护理补贴,2022-01,一级\n"
              "110101195001010012,王五,护理补贴,2022-01,五级\n"
              "合计,,,,\n").encode("utf-8")
    response = client.post("/e/demo/data/roster", data={"csrf_token": token},
                           files={"file": ("花名册（导出）.csv", roster, "text/csv")})
    assert response.status_code == 303
    wait_for_run(app)
    assert load_workspace(root / "demo").data["roster"].path.name == "花名册.csv"
    page = client.get("/e/demo/data").text
    rows = app.state.web.evaluations.audit("demo")["rows"]["roster"]
    assert rows == {"read": 4, "loaded": 1, "skipped": 1, "rejected": 2}
    assert "身份证号码 缺少必填值" in page or "缺少必填值" in page
    assert "五级" in page  # the rejected grade and its reason
    assert "上传数据" in client.get("/e/demo/log").text


def test_findings_filter_page_and_export(ran_app):
    client = signed_in(ran_app, "eva")
    table = ran_app.state.web.evaluations.findings("demo")
    code = table.column("code")[0].as_py()
    wanted = sum(c == code for c in table.column("code").to_pylist())
    full = client.get(f"/e/demo/findings?code={code}")
    assert f"符合条件 <strong>{wanted}</strong> 条" in full.text
    partial = client.get(f"/e/demo/findings?code={code}", headers={"HX-Request": "true", "HX-Target": "results"})
    assert "<html" not in partial.text and f"<strong>{wanted}</strong>" in partial.text
    if table.num_rows > 50:
        second = client.get("/e/demo/findings?page=2").text
        assert "第 2 /" in second
    export = client.get(f"/e/demo/findings.xlsx?code={code}")
    assert export.status_code == 200
    rows = sheet(export.content, "核查发现")
    assert rows[0][:3] == ["核查代码", "问题类型", "严重程度"]
    assert len(rows) == wanted + 2 and {r[0] for r in rows[1:-1]} == {code}
    assert rows[-1][0].startswith(f"合计 {wanted} 条")
    ids = {r[5] for r in rows[1:-1]}
    assert ids - {""} == {p for c, p in zip(table.column("code").to_pylist(), table.column("person_id").to_pylist())
                          if c == code} - {None, ""}


def test_audit_log_exports_and_working_papers(ran_app):
    client = signed_in(ran_app, "eva")
    log = sheet(client.get("/e/demo/log.xlsx").content)
    assert log[0] == ["序号", "时间", "用户", "对象", "操作", "原值", "新值", "依据"]
    zipped = zipfile.ZipFile(io.BytesIO(client.get("/e/demo/working-papers.zip").content))
    names = zipped.namelist()
    assert "修改记录.xlsx" in names and "scores.json" in names and "findings.xlsx" in names
    try:
        auditlog.record(ran_app.state.web.db, "eva", "demo", "x", "y")
        ran_app.state.web.db.read("UPDATE audit_log SET user_name = 'someone else'")
        raise AssertionError("the audit log accepted an UPDATE")
    except Exception as exc:  # sqlite3.IntegrityError from the trigger
        assert "append-only" in str(exc)


def test_a_broken_evaluation_toml_is_explained_not_a_crash(app, root):
    (root / "demo" / "evaluation.toml").write_text("[project\nname = 1\n", encoding="utf-8")
    client = signed_in(app, "eva")
    listing = client.get("/")
    assert listing.status_code == 200 and "节名缺少右方括号 ]" in listing.text
    for path in ("/e/demo/settings", "/e/demo/indicators"):
        response = client.get(path)
        assert response.status_code == 400 and "第1行第9列：节名缺少右方括号 ]" in response.text
    job = app.state.web.jobs.run_now("demo", "evaluate", "eva")
    assert job.state == "failed" and "节名缺少右方括号" in job.error
    assert "评价未完成" in client.get("/e/demo/data").text
