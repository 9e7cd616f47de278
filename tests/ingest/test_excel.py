"""Workbooks shaped like county files: title rows, alias headers, numeric IDs, IDs ending
in X after a thousand numeric ones, blank rows, 合计/小计 rows, merged cells, 万元.

Row numbers are the rows Excel shows (row 1 = the sheet's first row, title rows included)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import xlsxwriter

from jixiao.errors import DataError
from tests.ingest.conftest import make_id, make_id_ending

HEADERS = ["序号", "姓 名", "公民身份号码", "享受补贴", "审批月份", "停发月份", "残疾类别", "残疾等级", "是否低保",
           "联系电话", "乡镇（街道）", "备注"]


def write_roster(path, rows, merges=()):
    """rows: (kind, cells) with kind loaded | blank | total | rejected:<header>; cells by header."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("花名册")
    sheet.merge_range(0, 0, 0, len(HEADERS) - 1, "2022年三乡镇困难残疾人两项补贴花名册")
    sheet.write(1, 0, "填报单位：三乡镇公共服务办")
    sheet.write_row(2, 0, HEADERS)
    for r, (_, cells) in enumerate(rows, start=3):
        for c, header in enumerate(HEADERS):
            value = cells.get(header)
            if isinstance(value, (int, float)):
                sheet.write_number(r, c, value)
            elif value is not None:
                sheet.write_string(r, c, value)
    for r0, c0, r1, c1, value in merges:
        sheet.merge_range(r0, c0, r1, c1, value)
    book.close()


def person(rng, pid, subsidy="生活补贴", start="2022-01", **extra):
    cells = {"姓 名": "张" + "三四五六七八"[rng.randint(0, 5)], "公民身份号码": pid, "享受补贴": subsidy,
             "审批月份": start, "残疾类别": "肢体", "残疾等级": "二级", "是否低保": "是", "联系电话": "13800138000"}
    cells.update(extra)
    return cells


@pytest.fixture
def roster(fx, rng):
    rows = []
    for i in range(1000):  # IDs typed as numbers: Excel keeps 15 significant digits
        rows.append(("loaded", person(rng, float(make_id_ending(rng, str(i % 10))))))
    for _ in range(25):  # then IDs ending in X, as text
        rows.append(("loaded", person(rng, make_id_ending(rng, "X"), subsidy="护理补贴", start="2022年3月")))
    rows.append(("loaded", person(rng, make_id_ending(rng, "X").lower(), start=44682)))  # lower-case x, Excel serial
    rows.append(("blank", {}))
    rows.append(("rejected:公民身份号码", person(rng, None)))
    rows.append(("rejected:审批月份", person(rng, make_id(rng), start="2022年13月")))
    rows.append(("rejected:享受补贴", person(rng, make_id(rng), subsidy="高龄津贴")))
    rows.append(("rejected:残疾等级", person(rng, make_id(rng), **{"残疾等级": "五级"})))
    bad = make_id(rng)
    rows.append(("loaded", person(rng, bad[:17] + ("0" if bad[17] != "0" else "1"))))  # id-checksum
    rows.append(("loaded", person(rng, make_id(rng, birth="20230105"))))  # id-birthdate: after base_date
    rows.append(("loaded", person(rng, "11010519491231")))  # id-malformed
    rows.append(("blank", {}))
    rows.append(("blank", {}))
    merged_from = 3 + len(rows)
    for _ in range(3):  # a township merged over three rows
        rows.append(("loaded", person(rng, make_id(rng), **{"停发月份": "2022/9"})))
    rows.append(("total", {"序号": "小计", "联系电话": "3"}))
    rows.append(("loaded", person(rng, make_id(rng))))
    rows.append(("total", {"序号": "合 计"}))
    merges = [(merged_from, 10, merged_from + 2, 10, "平东村")]
    path = fx.path("花名册.xlsx")
    write_roster(path, rows, merges)
    fx.use("roster", "花名册.xlsx#花名册")
    return rows


def test_every_row_is_loaded_skipped_or_rejected(fx, roster):
    report = fx.load()
    count = report.counts["roster"]
    kinds = [k.split(":")[0] for k, _ in roster]
    assert count.read == len(roster) == count.loaded + count.skipped + count.rejected
    assert count.loaded == kinds.count("loaded")
    assert count.skipped == kinds.count("blank") + kinds.count("total")
    assert count.rejected == kinds.count("rejected")


def test_rejected_rows_name_their_excel_row_and_column(fx, roster):
    report = fx.load()
    expected = [(r, k.split(":")[1]) for r, (k, _) in enumerate(roster, start=4) if k.startswith("rejected")]
    got = [(f.row, f.column) for f in report.findings if f.code == "row-rejected"]
    assert got == expected
    rejected = [f for f in report.findings if f.code == "row-rejected"]
    assert all(f.column in f.message and f.table == "roster" for f in rejected)


def test_numeric_ids_are_flagged_and_ids_ending_in_x_survive(fx, roster):
    report = fx.load()
    numeric_rows = [r for r, (_, cells) in enumerate(roster, start=4) if isinstance(cells.get("公民身份号码"), float)]
    flagged = [f.row for f in report.findings if f.code == "id-precision-lost"]
    assert flagged == numeric_rows
    x_ids = sorted(c["公民身份号码"].upper() for k, c in roster
                   if isinstance(c.get("公民身份号码"), str) and c["公民身份号码"][-1] in "xX")
    stored = sorted(r[0] for r in fx.query("SELECT person_id FROM roster WHERE person_id LIKE '%X'"))
    assert stored == x_ids and len(x_ids) >= 26  # 25 + the lower-case x, and any random ID ending in X


def test_id_structure_findings_on_their_rows(fx, roster):
    report = fx.load()
    codes = {(f.code, f.row) for f in report.findings if f.code in ("id-checksum", "id-birthdate", "id-malformed")}
    by_id = {c.get("公民身份号码"): r for r, (_, c) in enumerate(roster, start=4)}
    malformed = by_id["11010519491231"]
    birth = next(r for pid, r in by_id.items() if isinstance(pid, str) and pid[6:14] == "20230105")
    assert ("id-malformed", malformed) in codes and ("id-birthdate", birth) in codes
    assert sum(code == "id-checksum" for code, _ in codes) == 1


def test_values_are_typed_and_merged_cells_filled(fx, roster):
    fx.load()
    rows = dict((r[0], r[1:]) for r in fx.query(
        'SELECT _row, start, "end", township, grade, dibao, category, subsidy FROM roster'))
    merged = [r for r, (_, c) in enumerate(roster, start=4) if c.get("停发月份") == "2022/9"]
    assert [rows[r][2] for r in merged] == ["平东村"] * 3
    assert {str(rows[r][1]) for r in merged} == {"2022-08-01"}  # stop 2022/9 → last month 2022-08
    lower_x = next(r for r, (_, c) in enumerate(roster, start=4) if c.get("审批月份") == 44682)
    assert str(rows[lower_x][0]) == "2022-05-01"
    assert {v[3] for v in rows.values()} == {2} and {v[4] for v in rows.values()} == {True}
    assert {v[6] for v in rows.values()} == {"生活补贴", "护理补贴"}


def write_sheet(path, sheet_name, grid, merges=()):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet(sheet_name)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    for m in merges:
        sheet.merge_range(*m)
    book.close()


def test_funds_in_wan_yuan_with_two_row_header(fx):
    grid = [["2022年资金到位及支出情况", None, None, None, None],
            ["序号", "资金情况", None, "金额（万元）", "日期"],
            [None, "类型", "资金级次", None, None],
            [1, "预算", "县级", 220, "2022-01-05"],
            [2, "到位", "省", "12.345678", "2022/3/1"],
            [3, "支出", "镇", 0.01886, "2022年6月30日"],
            [4, "支出", "村", 1, None],
            ["合计", None, None, 232.36, None]]
    write_sheet(fx.path("资金.xlsx"), "资金", grid, [(1, 1, 1, 2, "资金情况"), (1, 3, 2, 3, "金额（万元）")])
    fx.use("funds", "资金.xlsx")
    report = fx.load()
    assert report.counts["funds"].as_json() == {"read": 5, "loaded": 3, "skipped": 1, "rejected": 1}
    amounts = fx.query("SELECT kind, level, amount FROM funds ORDER BY _row")
    assert amounts == [("预算", "县", Decimal("2200000.00")), ("到位", "省", Decimal("123456.78")),
                       ("支出", "镇", Decimal("188.60"))]
    assert [(f.row, f.column) for f in report.findings] == [(7, "资金级次")]


def test_payments_quarters_and_title_unit(fx):
    grid = [["发放明细（单位：元）"], ["身份证号", "姓名", "补贴类型", "所属期", "实发金额", "发放日期"]]
    pids = ["11010519491231002X", "110105194912310021"]
    grid += [[pids[0], "甲", "困难残疾人生活补贴", "2018年第一季度", 240, "2018-03-28"],
             [pids[0], "甲", "生活补贴", "2018Q2", "240.00", 43280],
             [pids[1], "乙", "护理补贴", "2018-07", 80.5, "2018年7月20日"]]
    write_sheet(fx.path("发放.xlsx"), "明细", grid)
    fx.use("payments", "发放.xlsx")
    fx.load()
    got = fx.query("SELECT _row, subsidy, strftime(period, '%Y-%m'), months, amount, paid_on::VARCHAR FROM payments")
    assert got == [(3, "生活补贴", "2018-01", 3, Decimal("240.00"), "2018-03-28"),
                   (4, "生活补贴", "2018-04", 3, Decimal("240.00"), "2018-06-29"),
                   (5, "护理补贴", "2018-07", 1, Decimal("80.50"), "2018-07-20")]


def test_missing_required_column_names_file_sheet_and_headers_found(fx):
    write_sheet(fx.path("名单.xlsx"), "死亡", [["标题"], ["身份证号", "姓名", "备注"], ["11010519491231002X", "甲", ""]])
    fx.use("deaths", "名单.xlsx#死亡")
    with pytest.raises(DataError) as caught:
        fx.load()
    problem = caught.value.problems[0]
    assert (problem.file, problem.where, problem.key) == ("名单.xlsx", "死亡", "死亡日期")
    assert "身份证号、姓名、备注" in problem.message and problem.row == 2


def test_unknown_sheet_lists_the_sheets(fx):
    write_sheet(fx.path("名单.xlsx"), "死亡", [["身份证号", "死亡日期"]])
    fx.use("deaths", "名单.xlsx#Sheet9")
    with pytest.raises(DataError, match="死亡"):
        fx.load()
