"""The store across loads, the survey in both forms, and the check / init commands."""

from __future__ import annotations

import json
import zipfile

import xlsxwriter
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.ingest.fields import TABLE_FIELDS
from jixiao.workspace import load_workspace
from tests.ingest.conftest import make_id


def write_csv(fx, name, lines):
    fx.path(name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_unchanged_files_are_not_read_again_and_changed_ones_are(fx, rng):
    pid = make_id(rng)
    write_csv(fx, "死亡.csv", ["身份证号,死亡日期", f"{pid},2022-03-05"])
    fx.use("deaths", "死亡.csv")
    first = fx.load()
    again = fx.load()
    assert first.refreshed == ("deaths",) and again.refreshed == () and again.unchanged == ("deaths",)
    assert again.counts == first.counts and again.findings == first.findings
    write_csv(fx, "死亡.csv", ["身份证号,死亡日期", f"{pid},2022-03-05", f"{make_id(rng)},不详"])
    third = fx.load()
    assert third.refreshed == ("deaths",) and third.counts["deaths"].as_json() == {
        "read": 2, "loaded": 1, "skipped": 0, "rejected": 1}
    assert fx.query("SELECT count(*) FROM deaths") == [(1,)]


def test_a_table_dropped_from_the_workspace_leaves_the_store(fx, rng):
    write_csv(fx, "死亡.csv", ["身份证号,死亡日期", f"{make_id(rng)},2022-03-05"])
    write_csv(fx, "低保.csv", ["身份证号,起始日期", f"{make_id(rng)},2021-01-01"])
    fx.use("deaths", "死亡.csv")
    fx.use("dibao", "低保.csv")
    fx.load()
    del fx.entries["deaths"]
    fx.use("dibao", "低保.csv")
    report = fx.load()
    assert list(report.counts) == ["dibao"]
    assert fx.query("SELECT count(*) FROM deaths") == [(0,)] and fx.query("SELECT count(*) FROM dibao") == [(1,)]


def test_survey_answers_one_row_per_respondent(fx):
    book = xlsxwriter.Workbook(str(fx.path("问卷.xlsx")))
    sheet = book.add_worksheet()
    sheet.write(0, 0, "满意度调查问卷")
    rows = [["序号", "姓名", "1.您对补贴标准是否满意", "2.发放是否及时"],
            [1, "甲", "非常满意", "满意"], [2, "乙", "满意", None], [None, None, None, None],
            [3, "丙", None, None], [4, "丁", "不太满意", "基本满意"]]
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if v is not None:
                sheet.write(r, c, v)
    book.close()
    fx.use("survey", "问卷.xlsx")
    report = fx.load()
    assert report.counts["survey"].as_json() == {"read": 5, "loaded": 3, "skipped": 1, "rejected": 1}
    assert [(f.row, f.column) for f in report.findings] == [(6, "1.您对补贴标准是否满意")]
    answers = fx.query("SELECT _row, question, answer FROM survey_answers ORDER BY _row, question")
    assert answers == [(3, "1.您对补贴标准是否满意", "非常满意"), (3, "2.发放是否及时", "满意"),
                       (4, "1.您对补贴标准是否满意", "满意"), (7, "1.您对补贴标准是否满意", "不太满意"),
                       (7, "2.发放是否及时", "基本满意")]


def test_survey_tallies_one_row_per_question(fx):
    write_csv(fx, "问卷.csv", ["问题,非常满意,满意,基本满意,不太满意,非常不满意,合计",
                              "补贴标准,30,50,15,5,0,100", "发放及时,40,40,10,x,0,90", "合计,70,90,25,5,0,190"])
    fx.use("survey", "问卷.csv")
    report = fx.load()
    assert report.counts["survey"].as_json() == {"read": 3, "loaded": 1, "skipped": 1, "rejected": 1}
    assert [(f.row, f.column, f.value) for f in report.findings] == [(3, "不太满意", "x")]
    assert fx.query("SELECT option, count FROM survey_tallies ORDER BY count DESC, option") == [
        ("满意", 50), ("非常满意", 30), ("基本满意", 15), ("不太满意", 5), ("非常不满意", 0)]


def run_cli(*args):
    _load_commands()
    return CliRunner().invoke(app, list(args))


def test_check_json_has_the_contract_rows_shape(fx, rng):
    write_csv(fx, "死亡.csv", ["身份证号,死亡日期", f"{make_id(rng)},2022-03-05", ",2022-01-01", "合计,"])
    fx.use("deaths", "死亡.csv")
    result = run_cli("check", str(fx.root), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rows"] == {"deaths": {"read": 3, "loaded": 1, "skipped": 1, "rejected": 1}}
    assert data["findings"] == {"row-rejected": 1}
    assert data["problems"]["deaths"][0]["row"] == 3 and data["problems"]["deaths"][0]["column"] == "身份证号"


def test_check_text_lists_problems_in_chinese(fx, rng):
    write_csv(fx, "死亡.csv", ["身份证号,死亡日期", f"{make_id(rng)},不详"])
    fx.use("deaths", "死亡.csv")
    result = run_cli("check", str(fx.root))
    assert result.exit_code == 0
    assert "死亡名单（死亡.csv）：读取 1 行，载入 0，跳过 0，拒收 1" in result.stdout
    assert "第2行 [行被拒收]" in result.stdout and "死亡日期" in result.stdout


def test_check_missing_column_exits_2_naming_file_and_headers(fx):
    write_csv(fx, "死亡.csv", ["证件号码,备注", "x,y"])
    fx.use("deaths", "死亡.csv")
    result = run_cli("check", str(fx.root))
    assert result.exit_code == 2
    assert "死亡.csv" in result.stderr and "证件号码、备注" in result.stderr


def test_init_makes_a_workspace_that_loads_and_templates_with_dropdowns(tmp_path):
    target = tmp_path / "新评价"
    result = run_cli("init", str(target))
    assert result.exit_code == 0, result.output
    ws = load_workspace(target)
    assert ws.framework_builtin == "national-2020" and set(ws.data) == {
        "roster", "payments", "funds", "deaths", "dibao", "dibao_members", "survey"}
    assert run_cli("check", str(target), "--json").exit_code == 0
    with zipfile.ZipFile(target / "data" / "花名册.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        book = z.read("xl/workbook.xml").decode()
    assert sheet.count("<dataValidation ") == 4 and "说明" in book
    for word in ("生活补贴", "视力", "一级", "是"):
        assert word in sheet
    from jixiao.ingest.excel import read_workbook

    header = read_workbook(target / "data" / "花名册.xlsx", None).rows[0]
    assert header == [f.headers[0] for f in TABLE_FIELDS["roster"]]
    assert run_cli("init", str(target)).exit_code == 2  # never overwrites


def test_a_damaged_store_is_rebuilt_and_a_held_one_is_a_clear_error(fx, rng):
    import subprocess
    import sys

    import pytest

    from jixiao.errors import DataError
    from jixiao.ingest.store import open_store, store_path

    write_csv(fx, "死亡.csv", ["身份证号,死亡日期", f"{make_id(rng)},2022-03-05"])
    fx.use("deaths", "死亡.csv")
    path = store_path(fx.ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage, not a database")
    assert fx.load().counts["deaths"].loaded == 1  # the store is a cache: rebuilt
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"c = duckdb.connect({str(path)!r}); print('ready', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DataError, match="另一个 jixiao 进程"):
            open_store(fx.ws)
    finally:
        holder.kill()
        holder.wait()
