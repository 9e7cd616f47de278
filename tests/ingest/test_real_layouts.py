"""Ten layouts built after real exports load as they are: the headers and value forms of
fields.py, footers skipped, the 填表说明 sheet passed over, 火化时间 standing in for a death
date with a note, 申请时间 never read as the first entitled month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jixiao.errors import DataError
from tests.ingest import layouts
from tests.ingest.conftest import make_id


@pytest.fixture
def ids(rng):
    return [make_id(rng) for _ in range(8)]


def counts(report, table):
    return report.counts[table].as_json()


def test_system_roster_export(fx, ids):
    layouts.write_book(fx.path("花名册.xlsx"), layouts.system_roster(ids))
    fx.use("roster", "花名册.xlsx")
    report = fx.load()
    # rows 5–9 people, 10 合计, 11 制表人 … footer: skipped, not rejected
    assert counts(report, "roster") == {"read": 7, "loaded": 5, "skipped": 2, "rejected": 0}
    assert not [f for f in report.findings if f.code == "row-rejected"]
    rows = fx.query('SELECT _row, person_id, subsidy, start, township, category, grade, dibao FROM roster ORDER BY _row')
    assert rows == [
        (5, ids[0], "生活补贴", dt.date(2022, 1, 1), "三乡镇", "肢体", 2, True),   # 城市低保
        (6, ids[1], "护理补贴", dt.date(2022, 2, 1), "三乡镇", "智力", 3, False),  # 无
        (7, ids[2], "生活补贴", dt.date(2022, 3, 1), "坦洲镇", "视力", 1, True),   # 农村低保
        (8, ids[3], "生活补贴", dt.date(2022, 4, 1), "坦洲镇", "精神", 2, None),   # blank: unknown, not no
        (9, ids[4], "生活补贴", dt.date(2022, 4, 1), "坦洲镇", "肢体", 1, True),   # 特困
    ]
    # the sheet read is said, since the first sheet is the instructions
    assert report.notes == ("花名册.xlsx：工作表「填表说明」中没有含身份证号、姓名、补贴类型、起始月份的表头，读取的是工作表「花名册」",)


def test_application_date_is_not_a_start_month(fx, ids):
    sheets = layouts.system_roster(ids)
    roster = sheets[1]
    roster.rows[2][8] = "备注"  # only 申请时间 is left
    layouts.write_book(fx.path("花名册.xlsx"), [roster])
    fx.use("roster", "花名册.xlsx")
    with pytest.raises(DataError) as err:
        fx.load()
    text = err.value.render()
    assert "缺少必填列「起始月份」" in text and "申请时间" in text  # listed among the headers found, not read


def test_system_payment_export_with_period_numbers(fx, ids):
    layouts.write_book(fx.path("发放.xlsx"), layouts.system_payments(ids))
    fx.use("payments", "发放.xlsx")
    report = fx.load()
    assert counts(report, "payments") == {"read": 6, "loaded": 3, "skipped": 3, "rejected": 0}
    assert fx.query("SELECT DISTINCT period, amount FROM payments") == [(dt.date(2022, 5, 1), Decimal("188.00"))]


def test_yikatong_release_list(fx, ids):
    layouts.write_book(fx.path("一卡通.xlsx"), layouts.yikatong(ids))
    fx.use("payments", "一卡通.xlsx")
    report = fx.load()
    assert counts(report, "payments") == {"read": 5, "loaded": 3, "skipped": 2, "rejected": 0}
    assert fx.query("SELECT _row, subsidy, period FROM payments ORDER BY _row") == [
        (r, "生活补贴", dt.date(2022, 5, 1)) for r in (4, 5, 6)]


def test_dibao_release_detail_is_per_household(fx, ids):
    layouts.write_book(fx.path("低保.xlsx"), layouts.dibao_households([(ids[0], 3), (ids[1], 1)]))
    fx.use("dibao", "低保.xlsx")
    report = fx.load()
    assert counts(report, "dibao") == {"read": 4, "loaded": 2, "skipped": 2, "rejected": 0}
    assert fx.query("SELECT person_id, name, from_date FROM dibao ORDER BY _row") == [
        (ids[0], "户主0", dt.date(2022, 1, 1)), (ids[1], "户主1", dt.date(2022, 1, 1))]


def test_dibao_members_export(fx, ids):
    members = [(ids[0], ids[0], "户主"), (ids[0], ids[5], "配偶"), (ids[0], ids[6], "子女")]
    layouts.write_book(fx.path("成员.xlsx"), layouts.dibao_members(members))
    fx.use("dibao_members", "成员.xlsx")
    report = fx.load()
    assert counts(report, "dibao_members") == {"read": 3, "loaded": 3, "skipped": 0, "rejected": 0}
    assert fx.query("SELECT household_id, person_id, relation FROM dibao_members ORDER BY _row") == members


def test_dibao_bank_account_list(fx, ids):
    layouts.write_book(fx.path("账户.xlsx"), layouts.dibao_accounts(ids[:2]))
    fx.use("dibao", "账户.xlsx")
    fx.load()
    assert fx.query("SELECT person_id, from_date, to_date FROM dibao ORDER BY _row") == [
        (ids[0], dt.date(2021, 3, 1), dt.date(2022, 6, 30)), (ids[1], dt.date(2021, 3, 1), None)]


def test_cremation_time_stands_in_for_a_missing_death_date_with_a_note(fx, ids):
    layouts.write_book(fx.path("火化.xlsx"), layouts.cremation_only([(ids[0], "2022-03-01 10:20:00"),
                                                                     (ids[1], "2022/7/9")]))
    fx.use("deaths", "火化.xlsx")
    report = fx.load()
    assert counts(report, "deaths") == {"read": 2, "loaded": 2, "skipped": 0, "rejected": 0}
    assert fx.query("SELECT person_id, death_date, name FROM deaths ORDER BY _row") == [
        (ids[0], dt.date(2022, 3, 1), "逝者0"), (ids[1], dt.date(2022, 7, 9), "逝者1")]
    assert len(report.notes) == 1
    assert "没有死亡日期列，以「火化时间」代替死亡日期（2 行）" in report.notes[0]
    assert "可能晚于死亡日期" in report.notes[0]


def test_cremation_date_fills_only_blank_death_dates(fx, ids):
    people = [(ids[0], "2022-03-30", "2022-04-02"), (ids[1], None, "2022-05-06"), (ids[2], None, None)]
    layouts.write_book(fx.path("死亡.xlsx"), layouts.deaths_with_cremation(people))
    fx.use("deaths", "死亡.xlsx")
    report = fx.load()
    assert counts(report, "deaths") == {"read": 4, "loaded": 2, "skipped": 1, "rejected": 1}
    assert fx.query("SELECT person_id, death_date FROM deaths ORDER BY _row") == [
        (ids[0], dt.date(2022, 3, 30)), (ids[1], dt.date(2022, 5, 6))]
    assert [(f.row, f.column) for f in report.findings if f.code == "row-rejected"] == [(5, "死亡日期")]
    assert "1 行的死亡日期为空，以「火化日期」代替死亡日期（1 行）" in report.notes[0]


def test_gb18030_roster_csv_with_locality_and_dibao_yes_no(fx, ids):
    lines = ["残疾人两项补贴享受人员名单", "姓名,身份证号码,补贴类型,享受补贴起始月份,属地,是否享受低保",
             f"甲,{ids[0]},生活补贴,2022年1月,平东村,是", f"乙,{ids[1]},生活补贴,2022年2月,平南村,否",
             f"丙,{ids[2]},生活补贴,2022年3月,平南村,", "合计,3人", "审核人：某某"]
    fx.path("名单.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    fx.use("roster", "名单.csv")
    report = fx.load()
    assert counts(report, "roster") == {"read": 5, "loaded": 3, "skipped": 2, "rejected": 0}
    assert fx.query("SELECT township, dibao FROM roster ORDER BY _row") == [
        ("平东村", True), ("平南村", False), ("平南村", None)]


def test_bom_csv_with_issue_numbers_reads_long_not_wide(fx, ids):
    lines = ["\ufeff补贴类型,身份证号,补贴期号,发放金额（元）", *(f"生活补贴,{p},2022年第{m}期,188" for m, p in
                                                        enumerate(ids[:4], start=3))]
    fx.path("发放.csv").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    fx.use("payments", "发放.csv")
    report = fx.load()
    assert counts(report, "payments") == {"read": 4, "loaded": 4, "skipped": 0, "rejected": 0}
    assert fx.query("SELECT _row, period FROM payments ORDER BY _row") == [
        (r, dt.date(2022, r + 1, 1)) for r in range(2, 6)]


def test_of_two_id_columns_the_one_listed_first_is_read(fx, ids):
    """A 低保 list with the member's own ID and the 户主's: the member's is the person."""
    rows = [["户主身份证号", "身份证号", "起始日期"], [ids[0], ids[1], "2022-01-01"]]
    layouts.write_book(fx.path("低保.xlsx"), [layouts.Sheet("Sheet1", rows)])
    fx.use("dibao", "低保.xlsx")
    fx.load()
    assert fx.query("SELECT person_id FROM dibao") == [(ids[1],)]
