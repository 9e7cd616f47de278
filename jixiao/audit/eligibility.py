"""Eligibility under the policy: not-eligible-living, not-eligible-care.

Living: the roster's 低保 flag or the 低保名单 (any spell overlapping the evaluated year)
qualifies. When the policy admits statuses the data cannot show (低保边缘, 低收入, 特困),
nobody can be judged ineligible from the data, and the check yields nothing. A row whose
flag is blank is judged only when a 低保名单 was loaded.
Care: grade in care_grades, or grade and category in one of care_extra; rows without a
grade cannot be judged."""

from __future__ import annotations

import datetime as dt

import ibis
import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows
from jixiao.audit.context import AuditContext
from jixiao.vocabulary import CARE, LIVING


def ineligible_living(ctx: AuditContext) -> ir.Table:
    """Living-subsidy roster rows without a qualifying status."""
    r = ctx.table("roster")
    if set(ctx.policy.living_requires) != {"低保"}:
        return r.filter(ibis.literal(False))
    d = ctx.table("dibao")
    year_start, year_end = dt.date(ctx.year, 1, 1), dt.date(ctx.year, 12, 31)
    listed = d.filter((d.from_date.isnull() | (d.from_date <= year_end))
                      & (d.to_date.isnull() | (d.to_date >= year_start))).select("person_id").distinct()
    list_loaded = d.count().as_scalar() > 0
    living = r.filter(r.subsidy == LIVING)
    living = living.mutate(list_loaded=list_loaded)
    unlisted = living.anti_join(listed, "person_id")
    return unlisted.filter(ibis.ifelse(unlisted.dibao.isnull(), unlisted.list_loaded, ~unlisted.dibao))


def care_covered(ctx: AuditContext, grade: ir.IntegerValue, category: ir.StringValue) -> ir.BooleanValue:
    covered = grade.isin(list(ctx.policy.care_grades)) if ctx.policy.care_grades else ibis.literal(False)
    for extra in ctx.policy.care_extra:
        covered = covered | (grade.isin(list(extra.grades)) & category.isin(list(extra.categories)))
    return covered


def ineligible_care(ctx: AuditContext) -> ir.Table:
    """Care-subsidy roster rows whose grade/category the policy does not cover."""
    r = ctx.table("roster")
    care = r.filter((r.subsidy == CARE) & r.grade.notnull())
    return care.filter(~care_covered(ctx, care.grade, ibis.coalesce(care.category, "")))


def ineligible_rows(ctx: AuditContext) -> ir.Table:
    """_row of every roster row that is not eligible (either subsidy)."""
    def rows(t: ir.Table) -> ir.Table:
        return t.select(_row=t._row.cast("int64"))

    return ctx.cached("ineligible", lambda: rows(ineligible_living(ctx)).union(rows(ineligible_care(ctx))))


def paid_in_year(ctx: AuditContext, rows: ir.Table) -> ir.Table:
    """`rows` (roster rows) with `paid`: what was paid to the person for the subsidy in the year."""
    from jixiao.audit.entitlement import payment_months

    pm = payment_months(ctx)
    pm = pm.filter((pm.mi >= ctx.first_month) & (pm.mi <= ctx.year * 12 + 11))
    paid = pm.group_by(["person_id", "subsidy"]).aggregate(paid=pm.share.sum())
    j = rows.left_join(paid, ["person_id", "subsidy"])
    return j.select(*[j[c] for c in rows.columns], paid=j.paid)


@CHECKS.register("not-eligible-living")
def not_eligible_living(ctx: AuditContext) -> ir.Table:
    """生活补贴 without 低保 status in the roster or the 低保名单; amount: what was paid in the year."""
    bad = paid_in_year(ctx, ineligible_living(ctx))
    return finding_rows(bad, code="not-eligible-living", table="roster", row=bad._row,
                        person_id=bad.person_id, subsidy=bad.subsidy, amount=bad.paid,
                        message=ibis.literal("享受生活补贴，但花名册未标注低保且不在低保名单中"))


@CHECKS.register("not-eligible-care")
def not_eligible_care(ctx: AuditContext) -> ir.Table:
    """护理补贴 with a grade/category outside the policy; amount: what was paid in the year."""
    bad = paid_in_year(ctx, ineligible_care(ctx))
    category = ibis.coalesce(bad.category, "类别未填")
    return finding_rows(bad, code="not-eligible-care", table="roster", row=bad._row,
                        person_id=bad.person_id, subsidy=bad.subsidy, amount=bad.paid,
                        message="残疾等级" + bad.grade.cast("string") + "级（" + category
                        + "）不在护理补贴政策范围内")
