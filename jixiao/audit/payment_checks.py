"""Payments against the roster and the death register: paid-not-on-roster,
paid-after-death, paid-outside-entitlement, double-payment, amount-mismatch.

One finding per payment row; a quarterly row with some flagged months carries the
first flagged month as its period and the flagged months' share as its amount.

A check that needs a table the workspace did not provide is not run (payments without a
roster: nobody is "not on the roster", no money is at risk for it); `absent_tables` says
so, in the words the audit's warnings use."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows, money_text
from jixiao.audit.context import MONEY, AuditContext, month_text
from jixiao.audit.entitlement import payment_months
from jixiao.vocabulary import LIVING


def flagged_rows(ctx: AuditContext, status: str) -> ir.Table:
    """Payment rows with at least one month of `status`: row, first flagged month, money."""
    pm = payment_months(ctx)
    f = pm.filter(pm.status == status)
    return f.group_by(["_row", "person_id", "subsidy"]).aggregate(
        mi=f.mi.min(), amount=f.share.sum(), n=f.mi.count(), first_row=f.first_row.min(),
        death_date=f.death_date.min())


@CHECKS.register("paid-not-on-roster")
def paid_not_on_roster(ctx: AuditContext) -> ir.Table:
    """Payments to a person with no roster row for that subsidy."""
    f = flagged_rows(ctx, "not-on-roster")
    return finding_rows(f, code="paid-not-on-roster", table="payments", row=f._row, person_id=f.person_id,
                        subsidy=f.subsidy, period=month_text(f.mi), amount=f.amount,
                        message="该身份证号不在" + f.subsidy + "花名册中")


@CHECKS.register("paid-after-death")
def paid_after_death(ctx: AuditContext) -> ir.Table:
    """Payments for a month after the month of death (death on the 20th, paid for that month: fine)."""
    f = flagged_rows(ctx, "after-death")
    return finding_rows(f, code="paid-after-death", table="payments", row=f._row, person_id=f.person_id,
                        subsidy=f.subsidy, period=month_text(f.mi), amount=f.amount,
                        message="死亡日期" + f.death_date.cast("string") + "，仍发放" + month_text(f.mi)
                        + "的补贴")


@CHECKS.register("paid-outside-entitlement")
def paid_outside_entitlement(ctx: AuditContext) -> ir.Table:
    """Payments for a month before start or after end of every roster row of the person."""
    f = flagged_rows(ctx, "outside")
    r = ctx.roster()
    spans = r.group_by(["person_id", "subsidy"]).aggregate(start=r.start.min(), end=r["end"].max(),
                                                            open=r["end"].isnull().any())
    j = f.left_join(spans, ["person_id", "subsidy"])
    end = ibis.ifelse(j.open, "今", j.end.cast("string").substr(0, 7))
    return finding_rows(j, code="paid-outside-entitlement", table="payments", row=j._row,
                        person_id=j.person_id, subsidy=j.subsidy, period=month_text(j.mi), amount=j.amount,
                        message="享受期为" + j.start.cast("string").substr(0, 7) + "至" + end + "，发放月份"
                        + month_text(j.mi) + "不在享受期内")


@CHECKS.register("double-payment")
def double_payment(ctx: AuditContext) -> ir.Table:
    """A second payment for the same person, subsidy and month; the earlier one (paid_on, row) stands."""
    f = flagged_rows(ctx, "double")
    return finding_rows(f, code="double-payment", table="payments", row=f._row, person_id=f.person_id,
                        subsidy=f.subsidy, period=month_text(f.mi), amount=f.amount,
                        message=month_text(f.mi) + "已于第" + f.first_row.cast("string") + "行发放，本行重复发放")


def row_dues(ctx: AuditContext) -> ir.Table:
    """Payment rows whose every month is ok, with the standard due over those months."""
    pm = ctx.standard_of(payment_months(ctx))
    g = pm.group_by(["_row", "person_id", "subsidy", "p_mi", "amount", "months"]).aggregate(
        n_ok=(pm.status == "ok").sum(), n_std=pm.standard.count(), due=pm.standard.sum())
    return g.filter((g.n_ok == g.months) & (g.n_std == g.months))


@CHECKS.register("amount-mismatch")
def amount_mismatch(ctx: AuditContext) -> ir.Table:
    """Amount ≠ the standard in force for the month(s) paid; amount at risk = paid − due."""
    g = row_dues(ctx)
    bad = g.filter(g.amount != g.due.cast(MONEY))
    return finding_rows(bad, code="amount-mismatch", table="payments", row=bad._row, person_id=bad.person_id,
                        subsidy=bad.subsidy, period=month_text(bad.p_mi), amount=bad.amount - bad.due,
                        message="发放" + money_text(bad.amount) + "元，按当月标准应发" + money_text(bad.due) + "元")


def absent_tables(ctx: AuditContext) -> tuple[str, ...]:
    """What could not be checked because a table is missing, as Chinese warnings: payments
    without a roster (no paid-not-on-roster, paid-outside-entitlement, eligibility or
    unpaid months), without a 死亡名单 (no paid-after-death); a roster without payments (no
    unpaid months); 生活补贴 rows whose 低保 status is blank with no 低保名单 to judge them by."""
    out = []
    if ctx.has("payments") and not ctx.has("roster"):
        out.append("未提供花名册：未核查花名册外发放、享受期外发放、享受资格和应发未发，这些问题不计入多发金额；"
                   "重复发放、死亡后发放和发放金额照常核查")
    if ctx.has("payments") and not ctx.has("deaths"):
        out.append("未提供死亡名单：未核查死亡后仍发放")
    if ctx.has("roster") and not ctx.has("payments"):
        out.append("未提供发放明细：未核查发放情况，也不判断应发未发")
    if ctx.has("roster") and not ctx.has("dibao") and set(ctx.policy.living_requires) == {"低保"}:
        r = ctx.table("roster")
        blank = r.filter((r.subsidy == LIVING) & r.dibao.isnull()).count().execute()
        if blank:
            out.append(f"花名册中有 {blank} 行生活补贴未标注是否低保，且未提供低保名单：未判断这些人的生活补贴资格")
    return tuple(out)
