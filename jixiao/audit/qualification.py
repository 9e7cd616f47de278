"""Who qualifies, month by month, under the policy: the relations the entitlement and the
eligibility checks share.

Living: a month qualifies when the person's roster row is flagged 低保, or a 低保名单
spell covers it (from the month of its start through the month of its end). A 低保名单 row
covers its own person_id and, through dibao_members (户主身份证号 → 成员身份证号), every member
of that household: a per-household list (户主, 保障人数) qualifies its members. When the
policy admits statuses the data cannot show (低保边缘, 低收入, 特困), nobody can be judged
ineligible from the data. A row whose flag is blank is judged only when a 低保名单 was
loaded. Care: grade in care_grades, or grade and category in one of care_extra; rows
without a grade cannot be judged; a person with one covered care row qualifies."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jixiao.audit.context import NO_END, AuditContext, month_index
from jixiao.vocabulary import CARE, LIVING


def judged_living(ctx: AuditContext) -> ir.Table:
    """Living roster rows whose status the data can judge and that no 低保 flag of the
    same person settles: flag 否, or blank with a 低保名单 loaded."""
    r = ctx.roster()
    living = r.filter(r.subsidy == LIVING)
    if set(ctx.policy.living_requires) != {"低保"}:
        return living.filter(ibis.literal(False))
    list_loaded = ctx.table("dibao").count().as_scalar() > 0
    flagged = living.filter(living.dibao.fill_null(False)).select("person_id")
    judged = living.filter(ibis.ifelse(living.dibao.isnull(), list_loaded, ~living.dibao))
    return judged.anti_join(flagged, "person_id")


def dibao_spells(ctx: AuditContext) -> ir.Table:
    """person_id, from_date, to_date: the 低保名单 spells of each person, their own or their
    household's (a list row's person_id is a 户主身份证号 in dibao_members)."""
    d = ctx.table("dibao").select("person_id", "from_date", "to_date")
    if not ctx.has("dibao_members"):
        return d
    m = ctx.table("dibao_members")
    m = m.filter(m.person_id != m.household_id).select("household_id", member=m.person_id).distinct()
    via = d.join(m, d.person_id == m.household_id)
    via = via.select(person_id=via.member.cast("string"), from_date=via.from_date, to_date=via.to_date)
    return d.mutate(person_id=d.person_id.cast("string")).union(via)


def dibao_months(ctx: AuditContext) -> ir.Table:
    """person_id, mi: the months of the evaluated year some 低保名单 spell covers."""
    d = dibao_spells(ctx)
    d = d.select("person_id", f=ibis.coalesce(month_index(d.from_date), ibis.literal(0, "int64")),
                 t=ibis.coalesce(month_index(d.to_date), ibis.literal(NO_END, "int64")))
    x = d.cross_join(ctx.calendar_months())
    return x.filter((x.mi >= x.f) & (x.mi <= x.t)).select("person_id", "mi").distinct()


def ineligible_care(ctx: AuditContext) -> ir.Table:
    """Care-subsidy roster rows whose grade/category the policy does not cover."""
    r = ctx.roster()
    care = r.filter((r.subsidy == CARE) & r.grade.notnull())
    return care.filter(~care_covered(ctx, care.grade, ibis.coalesce(care.category, "")))


def care_covered(ctx: AuditContext, grade: ir.IntegerValue, category: ir.StringValue) -> ir.BooleanValue:
    covered = grade.isin(list(ctx.policy.care_grades)) if ctx.policy.care_grades else ibis.literal(False)
    for extra in ctx.policy.care_extra:
        covered = covered | (grade.isin(list(extra.grades)) & category.isin(list(extra.categories)))
    return covered


def unqualified_months(ctx: AuditContext) -> ir.Table:
    """person_id, subsidy, mi: the months of the evaluated year in which a person on the
    roster for a subsidy does not qualify for it."""
    def build() -> ir.Table:
        months = ctx.calendar_months()
        living = judged_living(ctx).select("person_id").distinct().cross_join(months)
        living = living.anti_join(dibao_months(ctx), ["person_id", "mi"])
        r = ctx.roster()
        eligible_care = r.filter(r.subsidy == CARE).anti_join(ineligible_care(ctx), "_row").select("person_id")
        care = ineligible_care(ctx).select("person_id").distinct().anti_join(eligible_care, "person_id")
        care = care.cross_join(months)
        return living.mutate(subsidy=ibis.literal(LIVING)).union(care.mutate(subsidy=ibis.literal(CARE))) \
            .select("person_id", "subsidy", "mi")
    return ctx.cached("unqualified_months", build)
