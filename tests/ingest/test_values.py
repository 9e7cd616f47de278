"""Value normalisation macros: every form the contract lists, and what is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import check_char

MAY = dt.date(2022, 5, 1)


@pytest.mark.parametrize("text", ["2022-05", "2022/5", "2022年5月", "2022年05月份", "202205", "2022.5", "2022-05-13",
                                  "2022/5/13", "2022年5月13日", "20220513", "2022-05-13 00:00:00", "44682", "44696.5",
                                  "２０２２年５月", " 2022 年 5 月 "])
def test_month_forms_all_read_as_may_2022(sql, text):
    assert sql("jx_month(jx_text($1))", text) == MAY


@pytest.mark.parametrize("text", ["2022-13", "2022年", "2022", "五月", "abc", "2022-00", "1899-05"])
def test_month_unreadable_is_null(sql, text):
    assert sql("jx_month(jx_text($1))", text) is None


@pytest.mark.parametrize("text,first", [("2018年第一季度", "2018-01-01"), ("2018年1季度", "2018-01-01"),
                                        ("2018Q1", "2018-01-01"), ("2018-Q4", "2018-10-01"),
                                        ("2018年第三季", "2018-07-01"), ("2018 q2", "2018-04-01")])
def test_quarter_gives_its_first_month(sql, text, first):
    assert sql("jx_quarter(jx_text($1))", text) == dt.date.fromisoformat(first)


@pytest.mark.parametrize("text", ["2018年第五季度", "2018Q5", "2018-05"])
def test_not_a_quarter(sql, text):
    assert sql("jx_quarter(jx_text($1))", text) is None


@pytest.mark.parametrize("text,day", [("2022-02-28", "2022-02-28"), ("2022年2月3日", "2022-02-03"),
                                      ("20221231", "2022-12-31"), ("44926", "2022-12-31"), ("2022-05", "2022-05-01")])
def test_dates(sql, text, day):
    assert sql("jx_date(jx_text($1))", text) == dt.date.fromisoformat(day)


@pytest.mark.parametrize("text", ["2022-02-30", "2022-13-01", "昨天"])
def test_impossible_dates_are_null(sql, text):
    assert sql("jx_date(jx_text($1))", text) is None


@pytest.mark.parametrize("text,factor,amount", [
    ("1,234.50", 1, "1234.50"), ("¥188", 1, "188.00"), ("188元", 1, "188.00"), ("-12.3", 1, "-12.30"),
    ("188.00000000000003", 1, "188.00"), ("１８８．５", 1, "188.50"), ("1.2345", 10000, "12345.00"),
    ("0.01886", 10000, "188.60"), ("220", 10000, "2200000.00")])
def test_money_exact_in_yuan(sql, text, factor, amount):
    assert sql(f"jx_money(jx_text($1), {factor}::DECIMAL(38, 10))", text) == Decimal(amount)


@given(st.decimals(min_value=Decimal("-9999999"), max_value=Decimal("9999999"), places=2))
@settings(max_examples=60, deadline=None)
def test_money_round_trips_any_cent_amount(amount):
    from jixiao.ingest.sqlfuncs import install
    import duckdb

    con = _con(install, duckdb)
    assert con.execute("SELECT jx_money(jx_text($1), 1::DECIMAL(38, 10))", [f"{amount:,}"]).fetchone()[0] == amount


_CON = {}


def _con(install, duckdb):
    if "c" not in _CON:
        _CON["c"] = install(duckdb.connect())
    return _CON["c"]


@pytest.mark.parametrize("text,value", [("是", True), ("否", False), ("Y", True), ("n", False), ("√", True),
                                        ("低保户", True), ("TRUE", True)])
def test_flags(sql, text, value):
    assert sql("jx_flag(jx_text($1))", text) is value


@pytest.mark.parametrize("text,grade", [("一级", 1), ("二级", 2), ("三", 3), ("4级", 4), ("2", 2), ("一级残疾", 1)])
def test_grades(sql, text, grade):
    assert sql("jx_grade(jx_text($1))", text) == grade


@pytest.mark.parametrize("text", ["五级", "0", "重度"])
def test_grade_unreadable(sql, text):
    assert sql("jx_grade(jx_text($1))", text) is None


@pytest.mark.parametrize("text,category", [("肢体残疾", "肢体"), ("智力", "智力"), ("精神类", "精神"), ("7", "多重"),
                                           ("1", "视力")])
def test_categories(sql, text, category):
    assert sql("jx_category(jx_text($1))", text) == category


@pytest.mark.parametrize("text,name", [("困难残疾人生活补贴", "生活补贴"), ("生活补贴", "生活补贴"), ("living", "生活补贴"),
                                       ("重度残疾人护理补贴", "护理补贴"), ("CARE", "护理补贴"), ("护理补贴 ", "护理补贴")])
def test_subsidy_names_via_vocabulary(sql, text, name):
    assert sql("jx_subsidy(jx_text($1))", text) == name


def test_subsidy_naming_both_is_unreadable(sql):
    assert sql("jx_subsidy(jx_text($1))", "生活护理补贴") is None


@pytest.mark.parametrize("text,pid", [
    ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"), ("11010519491231002x", "11010519491231002X"),
    ("'110105194912310021", "110105194912310021"), (" 110105 19491231 0021 ", "110105194912310021"),
    ("110105194912310021.0", "110105194912310021"), ('="11010519491231002X"', "11010519491231002X")])
def test_id_folding(sql, text, pid):
    assert sql("jx_id(jx_text($1))", text) == pid


@pytest.mark.parametrize("text", ["1.10105194912310E+17", "110105194912310021.0", "1.1e17"])
def test_id_written_as_number_is_flagged(sql, text):
    assert sql("jx_id_numeric_text(jx_text($1))", text) is True


@given(st.text("0123456789", min_size=17, max_size=17), st.sampled_from("0123456789X"))
@settings(max_examples=200, deadline=None)
def test_checksum_agrees_with_gb11643(first17, last):
    from jixiao.ingest.sqlfuncs import install
    import duckdb

    con = _con(install, duckdb)
    ok = con.execute("SELECT jx_id_checksum_ok($1)", [first17 + last]).fetchone()[0]
    assert ok == (check_char(first17) == last)


@pytest.mark.parametrize("text,first,months", [
    ("2022年1-3月", "2022-01-01", 3), ("2022年1月至3月", "2022-01-01", 3), ("2022.01-2022.03", "2022-01-01", 3),
    ("2022年1月～2022年6月", "2022-01-01", 6), ("2022年4-6月份", "2022-04-01", 3),
    ("2021年12月-2022年2月", "2021-12-01", 3), ("２０２２年７—１２月", "2022-07-01", 6)])
def test_month_ranges_give_first_month_and_length(sql, text, first, months):
    assert sql("jx_range_start(jx_text($1))", text) == dt.date.fromisoformat(first)
    assert sql("jx_range_months(jx_text($1))", text) == months


@pytest.mark.parametrize("text", ["2022年3-1月", "2022年1-13月", "2021年1月-2022年6月", "2022-05"])
def test_not_a_month_range(sql, text):
    assert sql("jx_range_months(jx_text($1))", text) is None


@pytest.mark.parametrize("text,amount", [("(188.00)", "-188.00"), ("（1,234.50）", "-1234.50"), ("(¥80)", "-80.00")])
def test_money_accounting_negatives(sql, text, amount):
    assert sql("jx_money(jx_text($1), 1::DECIMAL(38, 10))", text) == Decimal(amount)


def test_payment_periods_as_ranges_are_stored_with_their_length(fx):
    path = fx.path("发放明细.csv")
    path.write_text("身份证号,补贴类型,所属月份,发放金额\n"
                    "110101199003070011,生活补贴,2022年1-3月,564\n"
                    "110101199003070011,生活补贴,2022年4月,188\n"
                    "110101199003070011,生活补贴,2022年5-4月,188\n", encoding="utf-8")
    fx.use("payments", "发放明细.csv")
    report = fx.load()
    assert report.rows_json()["payments"] == {"read": 3, "loaded": 2, "skipped": 0, "rejected": 1}
    assert [(f.code, f.row, f.column) for f in report.findings] == [("row-rejected", 4, "所属月份")]
    assert fx.query("SELECT _row, period, months, amount FROM payments ORDER BY _row") == [
        (2, dt.date(2022, 1, 1), 3, Decimal("564.00")), (3, dt.date(2022, 4, 1), 1, Decimal("188.00"))]


@pytest.mark.parametrize("text,value", [
    ("城市低保", True), ("农村低保", True), ("城乡低保", True), ("低保对象", True), ("特困", True), ("特困供养人员", True),
    ("分散供养", True), ("享受", True), ("无", False), ("非低保户", False), ("一般户", False), ("低保边缘户", False),
    ("低收入", False), ("不享受", False)])
def test_roster_dibao_kinds_read_as_yes_or_no(sql, text, value):
    assert sql("jx_flag(jx_text($1))", text) is value


@pytest.mark.parametrize("text", ["不详", "待定", "A"])
def test_unknown_dibao_words_are_unreadable_not_no(sql, text):
    assert sql("jx_flag(jx_text($1))", text) is None


@pytest.mark.parametrize("text,first", [("2022年第5期", "2022-05-01"), ("2022年05期", "2022-05-01"),
                                        ("202205期", "2022-05-01"), ("2022 年 第 12 期", "2022-12-01")])
def test_issue_numbers_read_as_their_month(sql, text, first):
    assert str(sql("jx_month(jx_text($1))", text)) == first


@pytest.mark.parametrize("text", ["2022年第13期", "第5期"])
def test_issue_numbers_out_of_range_are_unreadable(sql, text):
    assert sql("jx_month(jx_text($1))", text) is None


@pytest.mark.parametrize("text,factor,over", [("9999999999999998", 1, False), ("1e16", 1, True), ("1e18", 1, True),
                                              ("1e12", 10000, True), ("999999999999", 10000, False), ("NaN", 1, False),
                                              ("inf", 1, True), ("abc", 1, False)])
def test_amounts_beyond_decimal_18_2_are_over_never_an_error(sql, text, factor, over):
    assert sql(f"jx_money_over(jx_text($1), {factor})", text) is over
    value = sql(f"jx_money(jx_text($1), {factor})", text)
    assert (value is None) if over or text in ("NaN", "abc") else value is not None


@pytest.mark.parametrize("text", ["#N/A", "#VALUE!", "#ref!", "#DIV/0!"])
def test_excel_error_values_are_recognised(sql, text):
    assert sql("jx_excel_error(jx_text($1))", text) is True


def test_invisible_marks_are_dropped_from_text(sql):
    assert sql("jx_text($1)", "\ufeff身份证号\u200b") == "身份证号"
