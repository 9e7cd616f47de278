"""The file editors and the findings query on their own: judgments.yaml and report.yaml keep
comments and order, evaluation.toml keeps its comments, findings filter by township."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa
import pytest

from jixiao.errors import JixiaoError, JudgmentsError
from jixiao.ingest.templates import create_workspace
from jixiao.scoring.judgments import load_judgments
from jixiao.service import workspace_framework
from jixiao.web import findingsquery, judgmentsfile, reportinputs
from jixiao.workspace import load_workspace


def test_first_judgment_in_an_init_workspace_turns_the_empty_flow_mapping_into_a_block(tmp_path):
    create_workspace(tmp_path / "ws")
    ws = load_workspace(tmp_path / "ws")
    framework = workspace_framework(ws)
    entry = judgmentsfile.build_entry("judgment", Decimal("2.5"), None, None, "依据充分（佐证材料：立项文件）", "")
    old, new = judgmentsfile.save_entry(ws.judgments_path, "A11", entry, framework)
    text = ws.judgments_path.read_text(encoding="utf-8")
    assert old == "" and "score: 2.5" in new
    assert text.startswith("# 评价人的判断与项目单位提供的数据（CONTRACT §5）。\n")
    assert "\n  A11: {score: 2.5, basis: 依据充分（佐证材料：立项文件）}\n" in text
    judged = load_judgments(ws.judgments_path, framework).entries["A11"]
    assert judged.score == Decimal("2.5")


def test_a_refused_judgment_leaves_the_file_as_it_was(tmp_path):
    create_workspace(tmp_path / "ws")
    ws = load_workspace(tmp_path / "ws")
    before = ws.judgments_path.read_text(encoding="utf-8")
    entry = judgmentsfile.build_entry("judgment", Decimal(7), None, None, "过高", "")
    with pytest.raises(JudgmentsError) as caught:
        judgmentsfile.save_entry(ws.judgments_path, "A11", entry, workspace_framework(ws))
    assert any(p.where == "A11" and p.key == "score" for p in caught.value.problems)
    assert ws.judgments_path.read_text(encoding="utf-8") == before
    assert not list(ws.root.glob(".judgments-*"))


def test_basis_and_evidence_round_trip():
    joined = judgmentsfile.join_basis("扣1分。", "会议纪要（2022-03）")
    assert joined == "扣1分。（佐证材料：会议纪要（2022-03））"
    assert judgmentsfile.split_basis(joined) == ("扣1分。", "会议纪要（2022-03）")
    assert judgmentsfile.split_basis("报告（第3页）所述") == ("报告（第3页）所述", "")


REPORT_YAML = """\
# 报告内容（测试用，键名由报告输入的设计决定）
项目概况:
  背景: 旧背景   # 评价人填写
  立项依据:
    - 国发〔2015〕52号
    - 粤府〔2016〕1号
绩效目标:
  - 指标: 发放人数
    目标值: 3900
评价工作:
  现场核查天数: 3
"""


def test_report_inputs_form_edits_leaves_and_keeps_comments(tmp_path):
    path = tmp_path / "report.yaml"
    path.write_text(REPORT_YAML, encoding="utf-8")
    data = reportinputs.load(path)
    fields = reportinputs.fields(data)
    labels = [f.label for f in fields]
    assert labels == ["项目概况 › 背景", "项目概况 › 立项依据", "绩效目标 › 第 1 项 › 指标", "绩效目标 › 第 1 项 › 目标值",
                      "评价工作 › 现场核查天数"]
    values = {0: "新背景", 1: "国发〔2015〕52号\n粤府〔2016〕1号\n中残联发〔2016〕8号", 3: "4000", 4: "三天"}
    changed = reportinputs.save(path, values, reportinputs.fingerprint(data))
    assert [c[0] for c in changed] == ["项目概况 › 背景", "项目概况 › 立项依据", "绩效目标 › 第 1 项 › 目标值", "评价工作 › 现场核查天数"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 报告内容（测试用")
    assert "背景: 新背景   # 评价人填写" in text
    assert "    - 中残联发〔2016〕8号\n" in text
    reread = reportinputs.load(path)
    assert reread["绩效目标"][0]["目标值"] == 4000 and reread["评价工作"]["现场核查天数"] == "三天"
    with pytest.raises(JixiaoError):
        reportinputs.save(path, values, "another-shape")


def test_findings_filter_by_code_township_subsidy_and_month_with_money():
    table = pa.table({
        "code": ["amount-mismatch", "amount-mismatch", "unpaid-month", "paid-after-death"],
        "severity": ["error", "error", "warning", "error"],
        "table": ["payments"] * 4, "row": [2, 3, 4, 5],
        "person_id": ["a", "b", "c", "d"], "township": ["三乡镇", "南朗镇", "三乡镇", None],
        "subsidy": ["生活补贴", "护理补贴", "生活补贴", "护理补贴"], "period": ["2022-01", "2022-01", "2022-02", "2022-03"],
        "amount": pa.array([Decimal("7.00"), Decimal("-9.00"), Decimal("-188.00"), Decimal("252.00")], pa.decimal128(18, 2)),
        "message": ["", "", "", ""]})
    page = findingsquery.page(table, findingsquery.Query(township="三乡镇"))
    assert [r["row"] for r in page.rows] == [2, 4]
    assert (page.overpaid, page.underpaid) == (Decimal("7.00"), Decimal("188.00"))
    assert findingsquery.page(table, findingsquery.Query(code="amount-mismatch", period="2022-01", subsidy="护理补贴")).total == 1
    assert findingsquery.options(table, "township") == ["三乡镇", "南朗镇"] or findingsquery.options(table, "township") == sorted(["三乡镇", "南朗镇"])
    paged = findingsquery.page(table, findingsquery.Query(page=2), size=3)
    assert (paged.page, paged.pages, [r["row"] for r in paged.rows]) == (2, 2, [5])
    assert findingsquery.page(table, findingsquery.Query(page=9), size=3).page == 2
