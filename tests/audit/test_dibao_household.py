"""低保 status for 生活补贴: a per-household 低保名单 qualifies its members through
dibao_members; checks that need an absent table are not run and say so (payments without a
roster: no paid-not-on-roster, no money at risk for it, a warning)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jixiao.audit.builtin import CHECKS
from jixiao.audit.payment_checks import absent_tables
from jixiao.audit.run import audit
from tests.audit.store import A, B, C, context, full_year, store

HEAD = "110105195001010012"  # the 户主 on the 低保名单; A and B are members of the household


def found(con, code, **ctx_args):
    t = CHECKS.get(code)(context(con, **ctx_args)).to_pyarrow().sort_by([("row", "ascending")])
    return [(r["row"], r["person_id"], r["amount"]) for r in t.to_pylist()]


def with_members(con, members):
    for i, (head, member) in enumerate(members, 2):
        con.execute("INSERT INTO dibao_members (_row, _file, household_id, person_id, relation) VALUES (?, '成员.xlsx', ?, ?, '子女')",
                    [i, head, member])
    return con


def test_a_member_of_a_dibao_household_qualifies():
    con = store(roster=[{"person_id": A, "dibao": None}, {"person_id": B, "dibao": False}],
                payments=full_year(A, months=range(1, 4)) + full_year(B, months=range(1, 4)),
                dibao=[(HEAD, "2021-01-01", None)])
    assert [r[1] for r in found(con, "not-eligible-living")] == [A, B]  # matched as persons only: not eligible
    with_members(con, [(HEAD, A), (HEAD, B), (HEAD, HEAD)])
    assert found(con, "not-eligible-living") == []


def test_a_household_spell_ending_mid_year_stops_its_members_from_the_next_month():
    con = with_members(store(roster=[{"person_id": A, "dibao": False}], payments=full_year(A, months=range(5, 9)),
                             dibao=[(HEAD, "2021-01-01", "2022-06-30")]), [(HEAD, A)])
    assert found(con, "not-eligible-living") == [(2, A, Decimal("376.00"))]  # July and August at 188


def test_a_member_of_another_household_is_not_qualified():
    con = with_members(store(roster=[{"person_id": A, "dibao": False}], payments=full_year(A, months=[1]),
                             dibao=[(HEAD, "2021-01-01", None)]), [(C, A)])
    assert found(con, "not-eligible-living") == [(2, A, Decimal("181.00"))]


def test_members_table_not_provided_is_not_used():
    con = with_members(store(roster=[{"person_id": A, "dibao": False}], payments=full_year(A, months=[1]),
                             dibao=[(HEAD, "2021-01-01", None)]), [(HEAD, A)])
    provided = frozenset({"roster", "payments", "dibao"})
    assert [r[1] for r in found(con, "not-eligible-living", provided=provided)] == [A]


def test_payments_without_a_roster_are_not_paid_not_on_roster():
    payments = full_year(A, months=range(1, 4)) + full_year(A, months=[2]) + [
        {"person_id": B, "period": "2022-01", "amount": Decimal("999")}]
    con = store(payments=payments)
    provided = frozenset({"payments"})
    assert found(con, "paid-not-on-roster", provided=provided) == []
    assert found(con, "paid-outside-entitlement", provided=provided) == []
    assert found(con, "double-payment", provided=provided) == [(5, A, Decimal("181.00"))]
    assert found(con, "amount-mismatch", provided=provided) == [(6, B, Decimal("818.00"))]
    ctx = context(con, provided=provided)
    assert absent_tables(ctx)[0].startswith("未提供花名册：未核查花名册外发放")
    assert "未提供死亡名单：未核查死亡后仍发放" in absent_tables(ctx)


def test_the_audit_result_carries_the_warning_and_no_money_for_the_missing_roster():
    con = store(payments=full_year(A, months=range(1, 13)))
    result = audit(context(con, provided=frozenset({"payments"})))
    assert result.counts["paid-not-on-roster"] == 0
    assert sum(c.overpaid for c in result.codes) == 0
    assert any(w.startswith("未提供花名册") for w in result.warnings)


def test_blank_dibao_flags_without_a_list_are_said_to_be_unjudged():
    con = store(roster=[{"person_id": A, "dibao": None}, {"person_id": B, "dibao": True}], payments=full_year(A, months=[1]))
    ctx = context(con, provided=frozenset({"roster", "payments", "deaths"}))
    assert absent_tables(ctx) == ("花名册中有 1 行生活补贴未标注是否低保，且未提供低保名单：未判断这些人的生活补贴资格",)
    assert found(con, "not-eligible-living", provided=frozenset({"roster", "payments", "deaths"})) == []


def test_nothing_is_said_when_every_table_is_there():
    con = store(roster=[{"person_id": A}], payments=full_year(A, months=[1]), dibao=[(A, "2021-01-01", None)])
    assert absent_tables(context(con)) == ()
