"""Eligibility under the policy, month by month: not-eligible-living, not-eligible-care.

Living: a month qualifies when the person's roster row is flagged 低保, or a 低保名单
spell covers it (from the month of its start through the month of its end: a status lost
on 2022-06-30 or 2022-06-15 stops the subsidy from July). A 低保名单 row covers its own
person_id and, through dibao_members (户主身份证号 → 成员身份证号), every member of that
household: a per-household list (户主, 保障人数) qualifies the household's members. When the policy admits statuses
the data cannot show (低保边缘, 低收入, 特困), nobody can be judged ineligible from the data.
A row whose flag is blank is judged only when a 低保名单 was loaded.
Care: grade in care_grades, or grade and category in one of care_extra; rows without a
grade cannot be judged; a person with one covered care row qualifies.

A payment month that is entitled by the roster but not qualified gets the status
`ineligible` (jixiao.audit.entitlement): its money is at risk under the not-eligible code,
never also under amount-mismatch; an unqualified month is not entitled, so it is never an
unpaid-month either."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows
from jixiao.audit.context import AuditContext, month_text
from jixiao.audit.entitlement import payment_months
from jixiao.audit.qualification import dibao_months, dibao_spells, ineligible_care, judged_living


def paid_while_unqualified(ctx: AuditContext, rows: ir.Table) -> ir.Table:
    """`rows` (roster rows) with `paid`, `first_mi`, `last_mi`: the money paid for months the
    person did not qualify for, on the person's first such row only (a duplicate roster row
    does not count the same money twice)."""
    pm = payment_months(ctx)
    pm = pm.filter(pm.status == "ineligible")
    paid = pm.group_by(["person_id", "subsidy"]).aggregate(paid=pm.share.sum(), first_mi=pm.mi.min(),
                                                           last_mi=pm.mi.max())
    first = rows.group_by(["person_id", "subsidy"]).aggregate(first_row=rows._row.min())
    paid = paid.join(first, ["person_id", "subsidy"])
    j = rows.left_join(paid, [rows.person_id == paid.person_id, rows.subsidy == paid.subsidy,
                              rows._row == paid.first_row])
    return j.select(*[j[c] for c in rows.columns], paid=j.paid, first_mi=j.first_mi, last_mi=j.last_mi)


@CHECKS.register("not-eligible-living")
def not_eligible_living(ctx: AuditContext) -> ir.Table:
    """生活补贴 without 低保 status in the roster or the 低保名单: the rows of a person with no
    qualifying month in the year, and those of a person paid for months without status;
    amount: what was paid for the months without status."""
    rows = judged_living(ctx)
    in_year = dibao_months(ctx).select("person_id").distinct().mutate(in_year=ibis.literal(True))
    listed = dibao_spells(ctx).select("person_id").distinct().mutate(listed=ibis.literal(True))
    rows = rows.left_join(in_year, "person_id").drop("person_id_right")
    rows = rows.left_join(listed, "person_id").drop("person_id_right")
    bad = paid_while_unqualified(ctx, rows)
    bad = bad.filter(bad.in_year.isnull() | bad.paid.notnull())
    message = ibis.cases(
        (bad.in_year.notnull(), "享受生活补贴，但" + month_text(bad.first_mi) + "至" + month_text(bad.last_mi)
         + "不在低保名单的低保期间内，花名册也未标注低保，仍发放"),
        (bad.listed.notnull(), ibis.literal(f"享受生活补贴，但花名册未标注低保，低保名单中的低保期间不在{ctx.year}年内")),
        else_=ibis.literal("享受生活补贴，但花名册未标注低保且不在低保名单中"),
    )
    return finding_rows(bad, code="not-eligible-living", table="roster", row=bad._row,
                        person_id=bad.person_id, subsidy=bad.subsidy, amount=bad.paid, message=message)


@CHECKS.register("not-eligible-care")
def not_eligible_care(ctx: AuditContext) -> ir.Table:
    """护理补贴 with a grade/category outside the policy; amount: what was paid for months the
    person did not qualify for."""
    bad = paid_while_unqualified(ctx, ineligible_care(ctx))
    category = ibis.coalesce(bad.category, "类别未填")
    return finding_rows(bad, code="not-eligible-care", table="roster", row=bad._row,
                        person_id=bad.person_id, subsidy=bad.subsidy, amount=bad.paid,
                        message="残疾等级" + bad.grade.cast("string") + "级（" + category
                        + "）不在护理补贴政策范围内")
