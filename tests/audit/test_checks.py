"""Each finding code: a tiny hand-made case that must be flagged and a near miss that must not."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from jixiao.audit.builtin import CHECKS
from jixiao.findings import CODES
from tests.audit.store import A, B, POLICY, context, full_year, store


def found(con, code: str, **ctx_args) -> list[tuple]:
    t = CHECKS.get(code)(context(con, **ctx_args)).to_pyarrow().sort_by([("row", "ascending")])
    return [(r["row"], r["period"], r["amount"]) for r in t.to_pylist()]


def test_every_contract_code_has_a_check():
    assert sorted(CHECKS.names()) == sorted(CODES)


# --- roster information ----------------------------------------------------------------------

def test_duplicate_person_flags_the_second_row():
    con = store(roster=[{"person_id": A}, {"person_id": B}, {"person_id": A}])
    assert found(con, "duplicate-person") == [(4, None, None)]


def test_same_person_on_both_subsidies_is_not_a_duplicate():
    con = store(roster=[{"person_id": A}, {"person_id": A, "subsidy": "护理补贴"}])
    assert found(con, "duplicate-person") == []


def test_cert_mismatch_flags_a_certificate_of_another_id():
    con = store(roster=[{"person_id": A, "cert_no": B + "42"}])
    assert found(con, "cert-mismatch") == [(2, None, None)]


def test_cert_with_lower_case_x_and_suffix_matches():
    con = store(roster=[{"person_id": A, "cert_no": A.lower() + "42"}, {"person_id": B, "cert_no": None}])
    assert found(con, "cert-mismatch") == []


@pytest.mark.parametrize("phone", ["1380013800", "23800138000", "12345", "电话未知"])
def test_phone_invalid_flags_bad_numbers(phone):
    con = store(roster=[{"person_id": A, "phone": phone}])
    assert found(con, "phone-invalid") == [(2, None, None)]


def test_missing_phone_is_flagged_when_the_roster_has_phones():
    con = store(roster=[{"person_id": A, "phone": None}, {"person_id": B}])
    assert found(con, "phone-invalid") == [(2, None, None)]


@pytest.mark.parametrize("phone", ["13800138000", "138 0013 8000", "+86 13800138000", "0760-88888888",
                                   "(0760)8888888", "010-12345678"])
def test_valid_phones_pass(phone):
    con = store(roster=[{"person_id": A, "phone": phone}])
    assert found(con, "phone-invalid") == []


def test_no_phone_column_at_all_is_not_flagged():
    con = store(roster=[{"person_id": A, "phone": None}, {"person_id": B, "phone": None}])
    assert found(con, "phone-invalid") == []


# --- eligibility ---------------------------------------------------------------------------------

def test_living_without_dibao_is_flagged_with_what_was_paid():
    con = store(roster=[{"person_id": A, "dibao": False}], payments=full_year(months=range(1, 3)))
    assert found(con, "not-eligible-living") == [(2, None, Decimal("362.00"))]


def test_living_without_flag_but_on_the_dibao_list_is_eligible():
    con = store(roster=[{"person_id": A, "dibao": False}], dibao=[(A, "2021-03-01", None)])
    assert found(con, "not-eligible-living") == []


def test_dibao_spell_ended_before_the_year_does_not_qualify():
    con = store(roster=[{"person_id": A, "dibao": None}], dibao=[(A, "2019-01-01", "2021-06-30")])
    assert found(con, "not-eligible-living") == [(2, None, None)]


def test_blank_flag_without_a_dibao_list_is_not_judged():
    con = store(roster=[{"person_id": A, "dibao": None}])
    assert found(con, "not-eligible-living") == []


def test_policy_admitting_other_statuses_judges_nobody():
    policy = dataclasses.replace(POLICY, living_requires=("低保", "低保边缘"))
    con = store(roster=[{"person_id": A, "dibao": False}])
    assert found(con, "not-eligible-living", policy=policy) == []


def test_dibao_lost_mid_year_flags_only_the_months_paid_after_it():
    """低保 until 2022-06-30, paid all year: July–December (6 × 188) are at risk; those
    months are not entitled, so they are not unpaid either once payments stop."""
    con = store(roster=[{"person_id": A, "dibao": False}], payments=full_year(),
                dibao=[(A, "2021-01-01", "2022-06-15")])
    assert found(con, "not-eligible-living") == [(2, None, Decimal("1128.00"))]
    stopped = store(roster=[{"person_id": A, "dibao": False}], payments=full_year(months=range(1, 7)),
                    dibao=[(A, "2021-01-01", "2022-06-15")])
    assert found(stopped, "not-eligible-living") == [] and found(stopped, "unpaid-month") == []


def test_dibao_gained_mid_year_qualifies_from_its_month():
    con = store(roster=[{"person_id": A, "dibao": None}], payments=full_year(months=range(3, 13)),
                dibao=[(A, "2022-03-20", None)])
    assert found(con, "not-eligible-living") == [] and found(con, "unpaid-month") == []


def test_ineligible_money_is_counted_once_whatever_else_is_wrong():
    """Not eligible, January paid twice, February paid 200: overpaid is what was paid
    (188 + 188 + 200), each payment under one code only."""
    from jixiao.audit.findings_table import summarise
    from jixiao.audit.run import run_checks

    payments = full_year(months=[1, 1, 2], amount=Decimal("188"))
    payments[2]["amount"] = Decimal("200")
    con = store(roster=[{"person_id": A, "dibao": False}], payments=payments)
    codes = summarise(run_checks(context(con)))
    assert sum(c.overpaid for c in codes) == Decimal("576.00")
    assert {c.code for c in codes if c.has_money} == {"not-eligible-living", "double-payment"}
    assert found(con, "amount-mismatch") == []


def test_care_grade_three_physical_is_not_covered():
    con = store(roster=[{"person_id": A, "subsidy": "护理补贴", "grade": 3, "category": "肢体"}])
    assert found(con, "not-eligible-care") == [(2, None, None)]


@pytest.mark.parametrize("grade,category", [(3, "智力"), (4, "精神"), (1, "肢体"), (2, "视力"), (None, "肢体")])
def test_care_covered_grades_pass(grade, category):
    con = store(roster=[{"person_id": A, "subsidy": "护理补贴", "grade": grade, "category": category}])
    assert found(con, "not-eligible-care") == []


# --- payments -----------------------------------------------------------------------------------

def test_paid_after_death_flags_months_after_the_death_month():
    con = store(roster=[{"person_id": A}], payments=full_year(months=range(1, 7)), deaths=[(A, "2022-05-20")])
    assert found(con, "paid-after-death") == [(7, "2022-06", Decimal("181.00"))]


def test_death_on_the_20th_paid_for_that_month_is_not_flagged():
    con = store(roster=[{"person_id": A}], payments=full_year(months=range(1, 6)), deaths=[(A, "2022-05-20")])
    assert found(con, "paid-after-death") == []
    assert found(con, "unpaid-month") == []  # entitlement ends with the death month


def test_quarterly_payment_covering_months_after_death_counts_only_those_months():
    con = store(roster=[{"person_id": A}], deaths=[(A, "2022-04-20")],
                payments=[{"person_id": A, "period": "2022-04", "months": 3, "amount": Decimal("543")}])
    assert found(con, "paid-after-death") == [(2, "2022-05", Decimal("362.00"))]


def test_paid_before_start_is_outside_entitlement():
    con = store(roster=[{"person_id": A, "start": "2022-03-01"}], payments=full_year(months=range(2, 13)))
    assert found(con, "paid-outside-entitlement") == [(2, "2022-02", Decimal("181.00"))]


def test_paid_after_end_is_outside_entitlement():
    con = store(roster=[{"person_id": A, "end": "2022-06-01"}], payments=full_year(months=range(1, 8)))
    assert found(con, "paid-outside-entitlement") == [(8, "2022-07", Decimal("188.00"))]


def test_paid_from_start_to_end_is_within_entitlement():
    con = store(roster=[{"person_id": A, "start": "2022-03-01", "end": "2022-06-01"}],
                payments=full_year(months=range(3, 7)))
    assert found(con, "paid-outside-entitlement") == []
    assert found(con, "unpaid-month") == []


def test_paid_not_on_roster_for_that_subsidy():
    con = store(roster=[{"person_id": A}], payments=full_year(months=[1]) + full_year(A, "护理补贴", [1])
                + full_year(B, months=[1]))
    assert found(con, "paid-not-on-roster") == [(3, "2022-01", Decimal("252.00")), (4, "2022-01", Decimal("181.00"))]


def test_paid_on_roster_is_not_flagged():
    con = store(roster=[{"person_id": A}, {"person_id": A, "subsidy": "护理补贴"}],
                payments=full_year(months=[1]) + full_year(A, "护理补贴", [1]))
    assert found(con, "paid-not-on-roster") == []


def test_double_payment_flags_the_later_payment_even_on_an_earlier_row():
    con = store(roster=[{"person_id": A}],
                payments=[{"person_id": A, "period": "2022-03", "paid_on": "2022-03-20"},
                          {"person_id": A, "period": "2022-03", "paid_on": "2022-03-10"}])
    assert found(con, "double-payment") == [(2, "2022-03", Decimal("181.00"))]


def test_monthly_payment_inside_a_paid_quarter_is_double():
    con = store(roster=[{"person_id": A}],
                payments=[{"person_id": A, "period": "2022-01", "months": 3, "amount": Decimal("543"),
                           "paid_on": "2022-03-10"},
                          {"person_id": A, "period": "2022-02", "paid_on": "2022-03-11"}])
    assert found(con, "double-payment") == [(3, "2022-02", Decimal("181.00"))]


def test_consecutive_months_are_not_double():
    con = store(roster=[{"person_id": A}], payments=full_year(months=[3, 4]))
    assert found(con, "double-payment") == []


def test_old_standard_after_the_raise_is_an_amount_mismatch():
    con = store(roster=[{"person_id": A}], payments=[
        {"person_id": A, "period": "2022-06"}, {"person_id": A, "period": "2022-07"},
        {"person_id": A, "period": "2022-08", "amount": Decimal("181")}])
    assert found(con, "amount-mismatch") == [(4, "2022-08", Decimal("-7.00"))]


def test_standards_either_side_of_the_raise_match():
    con = store(roster=[{"person_id": A}], payments=full_year(months=[6, 7]))
    assert found(con, "amount-mismatch") == []


def test_quarter_amount_is_the_sum_of_its_months_standards():
    ok = [{"person_id": A, "period": "2022-04", "months": 3, "amount": Decimal("543")}]
    over = [{"person_id": A, "period": "2022-04", "months": 3, "amount": Decimal("564")}]
    assert found(store(roster=[{"person_id": A}], payments=ok), "amount-mismatch") == []
    assert found(store(roster=[{"person_id": A}], payments=over), "amount-mismatch") == [
        (2, "2022-04", Decimal("21.00"))]


def test_unpaid_month_is_flagged_at_the_roster_row_with_the_standard():
    con = store(roster=[{"person_id": B}, {"person_id": A}], payments=full_year(B) + full_year(
        months=[m for m in range(1, 13) if m != 5]))
    assert found(con, "unpaid-month") == [(3, "2022-05", Decimal("-181.00"))]


def test_months_after_stop_or_base_date_are_not_unpaid():
    con = store(roster=[{"person_id": A, "end": "2022-04-01"}, {"person_id": B}],
                payments=full_year(months=range(1, 5)) + full_year(B, months=range(1, 7)))
    assert found(con, "unpaid-month", base_date=dt.date(2022, 6, 30)) == []


def test_ineligible_rows_have_no_unpaid_months():
    con = store(roster=[{"person_id": A, "subsidy": "护理补贴", "grade": 4, "category": "视力"}])
    assert found(con, "unpaid-month") == []


def test_without_a_payments_table_nothing_is_known_to_be_unpaid():
    con = store(roster=[{"person_id": A}])
    assert found(con, "unpaid-month", provided=frozenset({"roster"})) == []
    assert len(found(con, "unpaid-month", provided=frozenset({"roster", "payments"}))) == 12


def test_paid_after_the_due_day_is_late():
    con = store(roster=[{"person_id": A}], payments=[{"person_id": A, "period": "2022-03", "paid_on": "2022-03-26"}])
    assert found(con, "late-payment") == [(2, "2022-03", None)]
    message = CHECKS.get("late-payment")(context(con)).to_pyarrow().column("message")[0].as_py()
    assert message == "应于2022-03-25（含）前发放，实际发放日期2022-03-26"


def test_paid_on_the_due_day_is_on_time():
    con = store(roster=[{"person_id": A}], payments=[{"person_id": A, "period": "2022-03", "paid_on": "2022-03-25"},
                                                    {"person_id": A, "period": "2022-04", "paid_on": None}])
    assert found(con, "late-payment") == []


def test_quarterly_due_date_is_in_the_quarters_last_month():
    policy = dataclasses.replace(POLICY, schedule="quarterly")
    con = store(roster=[{"person_id": A}],
                payments=[{"person_id": A, "period": "2022-01", "months": 3, "amount": Decimal("543"),
                           "paid_on": "2022-03-25"},
                          {"person_id": A, "period": "2022-04", "paid_on": "2022-06-20"},
                          {"person_id": A, "period": "2022-07", "months": 3, "amount": Decimal("564"),
                           "paid_on": "2022-09-26"}])
    assert found(con, "late-payment", policy=policy) == [(4, "2022-07", None)]


def test_due_day_past_month_end_means_the_last_day():
    policy = dataclasses.replace(POLICY, due_day=31)
    con = store(roster=[{"person_id": A}], payments=[{"person_id": A, "period": "2022-02", "paid_on": "2022-02-28"},
                                                    {"person_id": A, "period": "2022-04", "paid_on": "2022-05-01"}])
    assert found(con, "late-payment", policy=policy) == [(3, "2022-04", None)]


def test_payment_name_differing_from_roster_is_flagged():
    con = store(roster=[{"person_id": A, "name": "张三"}],
                payments=[{"person_id": A, "period": "2022-01", "name": "张三丰"}])
    assert found(con, "name-mismatch") == [(2, "2022-01", None)]


def test_name_with_spaces_or_blank_is_not_a_mismatch():
    con = store(roster=[{"person_id": A, "name": "张三"}],
                payments=[{"person_id": A, "period": "2022-01", "name": "张 三"},
                          {"person_id": A, "period": "2022-02", "name": None},
                          {"person_id": B, "period": "2022-02", "name": "李四"}])
    assert found(con, "name-mismatch") == []


def test_ingest_findings_pass_through():
    con = store(ingest_findings=[("id-checksum", "roster", 7, "110105194912310021", "校验位错误")])
    assert found(con, "id-checksum") == [(7, None, None)]
    assert found(con, "id-malformed") == []


def test_roster_accuracy_counts_rows_with_any_finding_and_coverage_needs_payments():
    """CONTRACT §5: 台账信息准确率 = roster rows with no finding / roster rows (an unpaid
    month sits at its roster row); without payments nobody is known paid."""
    from jixiao.audit.run import run_checks
    from jixiao.metrics.data import data_figures

    con = store(roster=[{"person_id": A}, {"person_id": B}], payments=full_year(months=range(1, 12)) + full_year(B))
    rows = {"roster": {"read": 2, "loaded": 2, "skipped": 0, "rejected": 0},
            "payments": {"read": 23, "loaded": 23, "skipped": 0, "rejected": 0}}
    ctx = context(con, provided=frozenset(rows))
    figures = data_figures(ctx, run_checks(ctx), rows)
    assert (figures["roster_rows_clean"], figures["roster_rows"]) == (1, 2)
    assert (figures["persons_paid"], figures["persons_entitled"]) == (2, 2)
    del rows["payments"]
    ctx = context(con, provided=frozenset(rows))
    figures = data_figures(ctx, run_checks(ctx), rows)
    assert "persons_paid" not in figures and figures["persons_entitled"] == 2


# --- reversals and payments for part of a quarter ---------------------------------------------

def test_a_reversal_cancels_the_payment_it_reverses():
    """+181, −181, +181 for January: one payment stands; a recovered after-death payment
    (+188 then −188 for a month after death) is no longer at risk."""
    pay = [{"person_id": A, "period": "2022-01", "amount": Decimal(a), "paid_on": "2022-01-10"}
           for a in ("181", "-181", "181")]
    con = store(roster=[{"person_id": A}], payments=pay + full_year(months=range(2, 13)))
    assert found(con, "double-payment") == [] and found(con, "amount-mismatch") == []
    assert found(con, "late-payment") == []
    recovered = [{"person_id": A, "period": "2022-08", "amount": Decimal(a), "paid_on": "2022-08-30"}
                 for a in ("188", "-188")]
    con = store(roster=[{"person_id": A}], payments=full_year(months=range(1, 8)) + recovered,
                deaths=[(A, "2022-07-03")])
    assert found(con, "paid-after-death") == [] and found(con, "late-payment") == []


def test_an_unmatched_negative_amount_is_reported():
    pay = full_year(months=range(1, 13)) + [{"person_id": A, "period": "2022-03", "amount": Decimal("-50")}]
    con = store(roster=[{"person_id": A}], payments=pay)
    assert found(con, "double-payment") == [(14, "2022-03", Decimal("-50.00"))]


def test_a_quarter_paid_only_for_the_entitled_months_is_not_outside_entitlement():
    """Entitled from February; 第一季度 paid 2 × 181: February and March at their standard."""
    quarterly = dataclasses.replace(POLICY, schedule="quarterly")
    pay = [{"person_id": A, "period": "2022-01", "months": 3, "amount": Decimal("362"), "paid_on": "2022-03-20"}]
    con = store(roster=[{"person_id": A, "start": "2022-02-01"}], payments=pay)
    for code in ("paid-outside-entitlement", "amount-mismatch", "unpaid-month", "double-payment"):
        assert found(con, code, policy=quarterly, base_date=dt.date(2022, 3, 31)) == [], code
    whole = [{**pay[0], "amount": Decimal("543")}]  # paid for January too: 181 outside
    con = store(roster=[{"person_id": A, "start": "2022-02-01"}], payments=whole)
    assert found(con, "paid-outside-entitlement", policy=quarterly) == [(2, "2022-01", Decimal("181.00"))]


def test_a_quarter_across_a_raise_is_shared_by_each_months_standard():
    """Q3 paid 181 + 188 + 188 under a raise from July — wait: the raise is in July, so
    June–August (181 + 188 + 188) is exactly due; a death in July leaves August at 188."""
    pay = [{"person_id": A, "period": "2022-06", "months": 3, "amount": Decimal("557"), "paid_on": "2022-06-10"}]
    con = store(roster=[{"person_id": A}], payments=pay, deaths=[(A, "2022-07-15")])
    assert found(con, "paid-after-death") == [(2, "2022-08", Decimal("188.00"))]


def test_a_subsidy_without_a_standard_is_reported_as_not_judged():
    from jixiao.audit.run import unjudged

    only_living = dataclasses.replace(POLICY, standards=POLICY.standards[:2])
    con = store(roster=[{"person_id": A, "subsidy": "护理补贴"}], payments=full_year(subsidy="护理补贴"))
    warnings = unjudged(context(con, policy=only_living))
    assert len(warnings) == 1 and "护理补贴" in warnings[0] and "未核对" in warnings[0]
    assert found(con, "amount-mismatch", policy=only_living) == []
    assert unjudged(context(con)) == ()
