"""evaluation.toml: parsed, validated, every problem reported at once with its key."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.errors import WorkspaceError
from jixiao.workspace import load_workspace

GOOD = """
[project]
name = "项目"
region = "某县"
year = 2022
unit = "某局"

[framework]
builtin = "national-2020"

[policy]
schedule = "quarterly"
[[policy.standard]]
subsidy = "困难残疾人生活补贴"
from = "2022-01"
monthly = 181
[[policy.standard]]
subsidy = "生活补贴"
from = "2022-07"
monthly = 188.00

[data]
roster = "data/花名册.xlsx#名单"
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "evaluation.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_good_workspace_resolves_paths_defaults_and_standards(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "花名册.xlsx").write_bytes(b"")
    ws = load_workspace(write(tmp_path, GOOD))
    assert ws.project.base_date == dt.date(2022, 12, 31)  # default: end of the budget year
    assert ws.framework_builtin == "national-2020"
    assert ws.data["roster"].sheet == "名单" and ws.data["roster"].path.name == "花名册.xlsx"
    assert ws.policy.schedule == "quarterly" and ws.policy.due_day == 25
    assert [(s.subsidy, s.start, s.monthly) for s in ws.policy.standards] == [
        ("生活补贴", dt.date(2022, 1, 1), Decimal(181)), ("生活补贴", dt.date(2022, 7, 1), Decimal("188.00"))]


def test_every_problem_is_reported_with_its_key(tmp_path):
    bad = """
[project]
name = "项目"
year = "2022年"
unit = "某局"
region_code = "44200"
colour = "red"

[framework]
path = "missing.yaml"

[policy]
schedule = "weekly"
care_grades = [1, 5]
[[policy.standard]]
subsidy = "高龄津贴"
from = "2022/13"
monthly = -1

[data]
roster = "data/none.xlsx"
ledger = "x.xlsx"
"""
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(write(tmp_path, bad))
    found = {(p.where, p.key) for p in caught.value.problems}
    assert {("[project]", "region"), ("[project]", "year"), ("[project]", "region_code"),
            ("[project]", "colour"), ("[framework]", "path"), ("[policy]", "schedule"),
            ("[policy]", "care_grades"), ("[policy.standard[1]]", "subsidy"), ("[policy.standard[1]]", "from"),
            ("[policy.standard[1]]", "monthly"), ("[data]", "roster"), ("[data]", "ledger")} <= found
    assert "evaluation.toml" in str(caught.value)


def test_missing_toml_and_toml_syntax_errors_name_the_file(tmp_path):
    with pytest.raises(WorkspaceError, match="evaluation.toml"):
        load_workspace(tmp_path)
    with pytest.raises(WorkspaceError, match="无法解析"):
        load_workspace(write(tmp_path, "[project\nname = 1"))


def test_unknown_builtin_lists_the_known_ones(tmp_path):
    text = GOOD.replace('builtin = "national-2020"', 'builtin = "national-2030"').replace(
        'roster = "data/花名册.xlsx#名单"', "")
    with pytest.raises(WorkspaceError, match="national-2020"):
        load_workspace(write(tmp_path, text))


def test_report_date_is_optional_and_checked(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "花名册.xlsx").write_bytes(b"")
    text = GOOD.replace('unit = "某局"', 'unit = "某局"\nreport_date = "2023-03-31"')
    assert load_workspace(write(tmp_path, text)).project.report_date == dt.date(2023, 3, 31)
    assert load_workspace(write(tmp_path, GOOD)).project.report_date is None
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(write(tmp_path, GOOD.replace('unit = "某局"', 'unit = "某局"\nreport_date = "2023年3月"')))
    assert ("[project]", "report_date") in {(p.where, p.key) for p in caught.value.problems}


@pytest.mark.parametrize("text, expected", [
    ("[project\nname = 1", "第1行第9列：节名缺少右方括号"),
    ('[project]\nbase_date = 2022年12月31日', "第2行"),
    ("[project]\nname = \"x", "文本缺少结束引号"),
])
def test_toml_syntax_errors_are_explained_in_chinese_with_line_and_column(tmp_path, text, expected):
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(write(tmp_path, text))
    message = str(caught.value)
    assert expected in message and "Invalid" not in message and "Expected" not in message


def test_a_sheet_named_on_a_csv_file_is_a_problem(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "花名册.csv").write_text("身份证号\n", encoding="utf-8")
    text = GOOD.replace('roster = "data/花名册.xlsx#名单"', 'roster = "data/花名册.csv#Sheet9"')
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(write(tmp_path, text))
    assert [(p.where, p.key) for p in caught.value.problems] == [("[data]", "roster")]
