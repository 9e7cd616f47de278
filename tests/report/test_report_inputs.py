"""report.yaml: validated with every problem at once (file, key); what is missing is listed by
`jixiao check`, marked 【待填】 in the draft and refused by `jixiao report --final` (exit 2);
`jixiao init` templates it; the template round-trips through to_data / dump_report_inputs."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.reportinputs import (REQUIRED, ReportInputsError, dump_report_inputs, load_report_inputs, parse_target,
                                 to_data)
from jixiao.service import REPORT_TARGETS, evaluate_workspace

_load_commands()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.yaml").write_text(text, encoding="utf-8")
    return folder


def test_every_problem_is_reported_at_once_with_its_key(tmp_path):
    write(tmp_path, """
项目概况:
  立项依据: [{名称: 意见, 文号: 国发〔2015〕52号}, {文号: 缺名称}]
  资金来源: [{级次: 县, 金额: 很多}]
  背景: [不是文字]
绩效目标:
  指标:
    - {名称: 到位率, 目标值: 按时, 对应: fund_arrival_rate}
    - {名称: 满意率, 目标值: ≥90%, 对应: no_such_metric}
评价工作:
  阶段: [{名称: 准备, 开始: 2023-13-01}]
  访谈: [{对象: 财务负责人, 人数: -1}]
证据: [{编号: E1, 名称: 纪要}, {编号: E1, 名称: 自评表}, {编号: 甲, 名称: 账}]
结论: 多余的键
""")
    with pytest.raises(ReportInputsError) as caught:
        load_report_inputs(tmp_path, REPORT_TARGETS)
    keys = {p.key for p in caught.value.problems}
    assert {p.file for p in caught.value.problems} == {"report.yaml"}
    assert keys == {"项目概况.立项依据[2].名称", "项目概况.资金来源[1].金额", "项目概况.背景", "绩效目标.指标[1].目标值",
                    "绩效目标.指标[2].对应", "评价工作.阶段[1].开始", "评价工作.访谈[1].人数", "证据[2].编号", "证据[3].编号",
                    "结论"}


def test_aliases_are_refused(tmp_path):
    write(tmp_path, "项目概况:\n  背景: &a 文字\n  管理流程: *a\n")
    with pytest.raises(ReportInputsError, match="别名"):
        load_report_inputs(tmp_path)


def test_absent_is_missing_and_none_is_done(tmp_path):
    write(tmp_path, "评价工作:\n  现场核查: 无\n  访谈: []\n  抽样: 无\n证据: [{编号: E1, 名称: 纪要}]\n")
    inputs = load_report_inputs(tmp_path)
    missing = [m.key for m in inputs.missing()]
    assert "评价工作.现场核查" not in missing and "评价工作.访谈" not in missing and "证据" not in missing
    assert missing[:2] == ["项目概况.背景", "项目概况.立项依据"]
    assert "说明.结余" in [m.key for m in inputs.missing(balance=Decimal("1.00"))]
    assert "说明.结余" not in [m.key for m in inputs.missing(balance=Decimal(0))]
    assert "项目概况.资金来源" not in [m.key for m in inputs.missing(fund_levels_known=True)]


def test_targets_parse_as_numbers_with_their_direction():
    assert (parse_target("≥95%").value, parse_target("≥95%").at_least) == (Decimal("0.95"), True)
    assert (parse_target("3968人").value, parse_target("3968人").unit) == (Decimal(3968), "人")
    assert parse_target("5%以下").at_least is False and parse_target("90%以上").met(Decimal("0.9"))
    assert parse_target("按时发放") is None


def test_the_examples_round_trip_through_the_form_mapping(tmp_path):
    for name in ("sanxiang-2022", "changji-2018"):
        inputs = load_report_inputs(EXAMPLES / name, REPORT_TARGETS)
        (tmp_path / name).mkdir()
        dump_report_inputs(to_data(inputs), tmp_path / name)
        again = load_report_inputs(tmp_path / name, REPORT_TARGETS)
        assert again == inputs


def test_init_templates_report_yaml_and_check_lists_what_is_missing(tmp_path):
    ws = tmp_path / "新评价"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    template = load_report_inputs(ws)
    assert template.file == "report.yaml" and not template.given  # the template fills nothing
    got = runner.invoke(app, ["check", str(ws), "--json"])
    assert got.exit_code == 0, got.output
    missing = json.loads(got.stdout)["report_inputs"]["missing"]
    assert [m["key"] for m in missing] == [*REQUIRED, "说明.结余"]
    text = runner.invoke(app, ["check", str(ws)]).stdout
    assert "尚缺 14 项" in text and "项目概况.立项依据" in text


def test_a_basis_citing_unknown_evidence_is_an_error_naming_the_indicator(tmp_path):
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "sanxiang-2022", ws, ignore=shutil.ignore_patterns("out"))
    judgments = ws / "judgments.yaml"
    judgments.write_text(judgments.read_text(encoding="utf-8").replace("依据【E1】", "依据【E99】"), encoding="utf-8")
    got = runner.invoke(app, ["score", str(ws)])
    assert got.exit_code == 2
    assert "A111 basis" in got.stderr and "E99" in got.stderr


def test_report_final_refuses_with_the_list_and_the_draft_marks_it(tmp_path):
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "sanxiang-2022", ws, ignore=shutil.ignore_patterns("out"))
    got = runner.invoke(app, ["report", str(ws), "--final", "--no-pdf", "-q"])
    assert got.exit_code == 2
    assert "不能出具正式报告" in got.stderr and "评价工作.工作组" in got.stderr
    assert not (ws / "out" / "report.docx").exists()
    report = ws / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "\n" + "评价工作_补: x\n", encoding="utf-8")
    assert runner.invoke(app, ["report", str(ws), "--no-pdf", "-q"]).exit_code == 2  # an unknown key is an error
    text = report.read_text(encoding="utf-8").replace("评价工作_补: x\n", "")
    report.write_text(text.replace("  方法: [", "  工作组: [{姓名: 某某, 角色: 项目负责人}]\n  方法: ["), encoding="utf-8")
    got = runner.invoke(app, ["report", str(ws), "--final", "--no-pdf", "-q"])
    assert got.exit_code == 0, got.stderr
    ev = evaluate_workspace(ws)
    assert ev.report.lead().name == "某某"
