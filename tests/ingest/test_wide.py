"""Wide layouts, shaped like county ledgers: one amount column per subsidy (payments) or
per fund kind (funds), a merged title row, 单位 rows and （万元） headers, numeric IDs, a
合计 column and a 合计 row, blank and unreadable amount cells.

Row numbers are the rows Excel shows (row 1 = the sheet's first row, title rows included)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import xlsxwriter

from jixiao.errors import DataError
from tests.ingest.conftest import make_id, make_id_ending


def write_book(path, sheet_name, title, unit, headers, rows, header_rows=1):
    """A merged title row, a unit row, the header (one row, or two when `headers` is a
    pair of rows), then `rows` (dicts column index → value; numbers stay numbers)."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet(sheet_name)
    width = len(headers[-1] if header_rows == 2 else headers)
    sheet.merge_range(0, 0, 0, width - 1, title)
    sheet.write_string(1, 0, unit)
    if header_rows == 2:
        for r, row in enumerate(headers, start=2):
            for c, text in enumerate(row):
                if text:
                    sheet.write_string(r, c, text)
    else:
        sheet.write_row(2, 0, headers)
    first = 2 + header_rows
    for r, cells in enumerate(rows, start=first):
        for c, value in cells.items():
            if isinstance(value, (int, float)):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, value)
    book.close()


PAY_HEADERS = ["序号", "姓名", "身份证号", "发放月份", "困难残疾人生活补贴（元）", "重度残疾人护理补贴（元）",
               "合计（元）", "备注"]
LIVING_COL, CARE_COL = PAY_HEADERS[4], PAY_HEADERS[5]


@pytest.fixture
def ledger(fx, rng):
    """Rows 4–12 of a wide payment ledger and the IDs by row."""
    ids = {r: make_id(rng) for r in range(4, 12)}
    ids[5] = make_id_ending(rng, "7")  # a number cannot end in X
    numeric = float(ids[5])  # typed as a number: Excel keeps 15 digits
    rows = [
        {0: 1, 1: "张三", 2: ids[4], 3: "2022-01", 4: 88, 5: 100, 6: 188},  # 4: both subsidies
        {0: 2, 1: "李四", 2: numeric, 3: "2022年1月", 4: "88.00", 6: 88},  # 5: numeric ID, care blank
        {0: 3, 1: "王五", 2: ids[6], 3: "2022-01", 4: 0, 5: 100, 6: 100},  # 6: living 0 = not paid
        {0: 4, 1: "赵六", 2: ids[7], 3: "2022-01"},  # 7: no amount at all → rejected
        {0: 5, 1: "钱七", 2: ids[8], 3: "2022-01", 4: "八十八", 5: 100},  # 8: unreadable → rejected
        {0: 6, 1: "孙八", 2: ids[9], 3: "2022-01", 4: 0, 5: 0, 6: 0},  # 9: nothing paid → skipped
        {},  # 10: blank → skipped
        {0: 7, 1: "周九", 2: ids[11], 3: "2022年第一季度", 4: "264", 6: 264},  # 11: a quarter
        {0: "合计", 4: 528, 5: 300, 6: 828},  # 12: total row → skipped
    ]
    write_book(fx.path("发放明细.xlsx"), "1月", "2022年城关镇困难残疾人两项补贴发放表", "单位：元",
               PAY_HEADERS, rows)
    fx.use("payments", "发放明细.xlsx#1月")
    return ids


def test_wide_ledger_yields_one_payment_per_amount_cell_with_its_row(fx, ledger):
    fx.load()
    got = fx.query("SELECT _row, person_id, subsidy, strftime(period, '%Y-%m'), months, amount FROM payments")
    assert [g[:1] + g[2:] for g in got] == [
        (4, "生活补贴", "2022-01", 1, Decimal("88.00")),
        (4, "护理补贴", "2022-01", 1, Decimal("100.00")),
        (5, "生活补贴", "2022-01", 1, Decimal("88.00")),
        (6, "护理补贴", "2022-01", 1, Decimal("100.00")),
        (11, "生活补贴", "2022-01", 3, Decimal("264.00")),
    ]
    assert [g[1] for g in got if g[0] in (4, 6, 11)] == [ledger[4], ledger[4], ledger[6], ledger[11]]


def test_wide_ledger_accounting_is_per_source_row(fx, ledger):
    count = fx.load().counts["payments"]
    assert (count.read, count.loaded, count.skipped, count.rejected) == (9, 4, 3, 2)
    assert count.read == count.loaded + count.skipped + count.rejected


def test_wide_ledger_findings_name_row_and_column(fx, ledger):
    findings = fx.load().findings
    assert [(f.code, f.row, f.column) for f in findings] == [
        ("id-precision-lost", 5, "身份证号"),
        ("row-rejected", 7, f"{LIVING_COL}、{CARE_COL}"),
        ("row-rejected", 8, LIVING_COL),
    ]
    missing, unreadable = findings[1], findings[2]
    assert "缺少发放金额" in missing.message and missing.person_id == ledger[7]
    assert "无法识别为金额" in unreadable.message and unreadable.value == "八十八"


def test_two_row_header_and_wan_yuan_title(fx, rng):
    pid = make_id(rng)
    headers = [["姓名", "身份证号码", "所属月份", "发放金额", "", "合计"],
               ["", "", "", "生活补贴", "护理补贴", ""]]
    rows = [{0: "张三", 1: pid, 2: "2022/3", 3: "0.0088", 4: "0.01", 5: "0.0188"}]
    write_book(fx.path("发放.xlsx"), "Sheet1", "护理及生活补贴发放", "单位：万元", headers, rows, header_rows=2)
    fx.use("payments", "发放.xlsx")
    fx.load()
    assert fx.query("SELECT _row, subsidy, strftime(period, '%Y-%m'), amount FROM payments") == [
        (5, "生活补贴", "2022-03", Decimal("88.00")), (5, "护理补贴", "2022-03", Decimal("100.00"))]


def test_wide_csv_is_unpivoted_by_the_scanner_path(fx, rng):
    a, b = make_id(rng), make_id(rng)
    fx.path("发放.csv").write_text(
        f"身份证号,姓名,发放月份,生活补贴金额,护理补贴金额,合计\n{a},甲,2022-02,88,100,188\n{b},乙,2022-02,,,\n",
        encoding="utf-8")
    fx.use("payments", "发放.csv")
    report = fx.load()
    assert fx.query("SELECT _row, person_id, subsidy, amount FROM payments") == [
        (2, a, "生活补贴", Decimal("88.00")), (2, a, "护理补贴", Decimal("100.00"))]
    assert [(f.code, f.row, f.column) for f in report.findings] == [("row-rejected", 3, "生活补贴金额、护理补贴金额")]
    assert report.counts["payments"].as_json() == {"read": 2, "loaded": 1, "skipped": 0, "rejected": 1}


def test_long_layout_wins_when_its_columns_are_present(fx, rng):
    pid = make_id(rng)
    write_book(fx.path("发放.xlsx"), "S", "发放明细", "单位：元",
               ["身份证号", "补贴类型", "发放月份", "发放金额", "生活补贴标准", "护理补贴"],
               [{0: pid, 1: "护理补贴", 2: "2022-01", 3: 100, 4: 88, 5: 999}])
    fx.use("payments", "发放.xlsx")
    fx.load()
    assert fx.query("SELECT _row, subsidy, amount FROM payments") == [(4, "护理补贴", Decimal("100.00"))]


def test_neither_layout_names_file_sheet_headers_and_the_wide_form(fx, rng):
    write_book(fx.path("发放.xlsx"), "S", "发放明细", "单位：元", ["身份证号", "发放月份", "发放金额合计", "备注"],
               [{0: make_id(rng), 1: "2022-01", 2: 188}])
    fx.use("payments", "发放.xlsx#S")
    with pytest.raises(DataError) as caught:
        fx.load()
    problems = caught.value.problems
    assert [(p.file, p.where, p.key) for p in problems] == [("发放.xlsx", "S", "补贴类型"), ("发放.xlsx", "S", "")]
    assert "身份证号、发放月份、发放金额合计、备注" in problems[0].message
    assert "宽表" in problems[1].message and "生活补贴（元）" in problems[1].message


@pytest.mark.parametrize("table, headers, row, missing", [
    ("payments", ["身份证号", "补贴类型", "所属月份", "发放日期"], ["生活补贴", "2022-01", "2022-01-05"], "发放金额"),
    ("funds", ["类型", "资金级次", "摘要"], ["预算", "中央", "年初预算"], "金额"),
])
def test_a_long_sheet_missing_its_amount_column_is_an_error_not_an_empty_wide_sheet(
        fx, rng, table, headers, row, missing):
    """The first data row's 生活补贴 / 预算 under 补贴类型 / 类型 is a value, not a wide
    sheet's second header row: the table must not load empty."""
    book = xlsxwriter.Workbook(str(fx.path("表.xlsx")))
    sheet = book.add_worksheet("S")
    sheet.write_row(0, 0, headers)
    values = [make_id(rng), *row] if table == "payments" else row
    sheet.write_row(1, 0, values)
    book.close()
    fx.use(table, "表.xlsx")
    with pytest.raises(DataError) as caught:
        fx.load()
    assert caught.value.problems[0].key == missing and caught.value.problems[0].row == 1


FUND_HEADERS = ["资金级次", "补贴项目", "预算数（万元）", "到位数（万元）", "实际支出（万元）", "结余（万元）", "合计", "备注"]


@pytest.fixture
def funds_sheet(fx):
    rows = [
        {0: "中央", 1: "生活补贴", 2: 12.5, 3: 12.5, 4: 10.2, 5: 2.3},  # 4: three movements
        {0: "省级", 1: "护理补贴", 2: "8", 3: 8, 4: 0},  # 5: 0 spent is a movement
        {0: "市级", 1: "生活补贴", 3: 1.5},  # 6: only 到位
        {0: "县级", 1: "护理补贴", 2: 3, 3: "待定", 4: 1},  # 7: unreadable → rejected
        {0: "乡镇", 1: "护理补贴", 7: "未安排"},  # 8: no amount → rejected
        {0: "合计", 2: 23.5, 3: 22.0, 4: 11.2},  # 9: total row → skipped
    ]
    write_book(fx.path("资金.xlsx"), "资金", "2022年两项补贴资金到位及支出情况表", "填报单位：县残联",
               FUND_HEADERS, rows)
    fx.use("funds", "资金.xlsx")


def test_wide_funds_yield_one_row_per_amount_in_yuan(fx, funds_sheet):
    fx.load()
    assert fx.query("SELECT _row, kind, level, subsidy, amount FROM funds") == [
        (4, "预算", "中央", "生活补贴", Decimal("125000.00")),
        (4, "到位", "中央", "生活补贴", Decimal("125000.00")),
        (4, "支出", "中央", "生活补贴", Decimal("102000.00")),
        (5, "预算", "省", "护理补贴", Decimal("80000.00")),
        (5, "到位", "省", "护理补贴", Decimal("80000.00")),
        (5, "支出", "省", "护理补贴", Decimal("0.00")),
        (6, "到位", "市", "生活补贴", Decimal("15000.00")),
    ]


def test_wide_funds_findings_and_accounting(fx, funds_sheet):
    report = fx.load()
    assert [(f.code, f.row, f.column) for f in report.findings] == [
        ("row-rejected", 7, "到位数（万元）"),
        ("row-rejected", 8, "预算数（万元）、到位数（万元）、实际支出（万元）"),
    ]
    assert "缺少金额" in report.findings[1].message
    count = report.counts["funds"]
    assert (count.read, count.loaded, count.skipped, count.rejected) == (6, 3, 1, 2)
    assert count.read == count.loaded + count.skipped + count.rejected


AUDIT_TOML = """[project]
name = "测试项目"
region = "测试镇"
year = 2022
unit = "测试单位"
base_date = "2022-02-28"

[framework]
builtin = "national-2020"

[policy]
[[policy.standard]]
subsidy = "生活补贴"
from = "2022-01"
monthly = 88
[[policy.standard]]
subsidy = "护理补贴"
from = "2022-01"
monthly = 100

[data]
roster = "data/花名册.xlsx"
payments = "data/发放明细.xlsx"
"""


def test_audit_flags_amount_mismatch_at_the_wide_row(fx, rng):
    from jixiao.service import audit_workspace

    a, b = make_id(rng), make_id(rng)
    roster = xlsxwriter.Workbook(str(fx.path("花名册.xlsx")))
    sheet = roster.add_worksheet()
    sheet.write_row(0, 0, ["身份证号", "姓名", "补贴类型", "起始月份", "残疾类别", "残疾等级", "是否低保", "联系电话"])
    for r, (pid, name, subsidy) in enumerate([(a, "甲", "生活补贴"), (a, "甲", "护理补贴"), (b, "乙", "生活补贴"),
                                              (b, "乙", "护理补贴")], start=1):
        sheet.write_row(r, 0, [pid, name, subsidy, "2022-01", "肢体", "一级", "是", "13800138000"])
    roster.close()
    rows = [{1: "甲", 2: a, 3: "2022-01", 4: 88, 5: 100, 6: 188},
            {1: "乙", 2: b, 3: "2022-01", 4: 88, 5: 100, 6: 188},
            {1: "甲", 2: a, 3: "2022-02", 4: 88, 5: 100, 6: 188},
            {1: "乙", 2: b, 3: "2022-02", 4: 88, 5: 90, 6: 178},  # row 7: care 10 short
            {0: "合计", 4: 352, 5: 390, 6: 742}]
    write_book(fx.path("发放明细.xlsx"), "Sheet1", "两项补贴发放表", "单位：元", PAY_HEADERS, rows)
    (fx.root / "evaluation.toml").write_text(AUDIT_TOML, encoding="utf-8")

    result = audit_workspace(fx.root)
    mismatches = [(f.table, f.row, f.person_id, f.subsidy, f.period, f.amount)
                  for f in result.findings if f.code == "amount-mismatch"]
    assert mismatches == [("payments", 7, b, "护理补贴", "2022-02", Decimal("-10.00"))]
    assert [f for f in result.findings if f.code == "double-payment"] == []
    assert result.rows["payments"] == {"read": 5, "loaded": 4, "skipped": 1, "rejected": 0}


@pytest.mark.parametrize("header, subsidy", [
    ("生活补贴（元）", "生活补贴"), ("困难残疾人生活补贴", "生活补贴"), ("生活补贴金额", "生活补贴"),
    ("护理补贴", "护理补贴"), ("重度残疾人护理补贴（万元）", "护理补贴"), ("护理补贴金额", "护理补贴"),
    ("living", "生活补贴"), ("合计", None), ("生活护理补贴合计", None), ("两项补贴", None),
    ("生活补贴标准", None), ("护理补贴起始月份", None), ("重度残疾人护理补贴发放花名册", None),
])
def test_amount_column_names_exactly_one_subsidy(header, subsidy):
    from jixiao.ingest.headers import header_key
    from jixiao.ingest.wide import subsidy_column

    assert subsidy_column(header_key(header)[0]) == subsidy


def test_wide_parquet(fx, rng):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pid = make_id(rng)
    pq.write_table(pa.table({"身份证号": [pid], "所属月份": ["2022-04"], "生活补贴": ["88"], "护理补贴": [None],
                             "预算数": ["1"]}), fx.path("发放.parquet"))
    fx.use("payments", "发放.parquet")
    fx.load()
    assert fx.query("SELECT _row, person_id, subsidy, amount FROM payments") == [(2, pid, "生活补贴", Decimal("88.00"))]
