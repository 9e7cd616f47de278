"""The entitlement recomputation: every payment spread over the months it covers, each
payment-month given a status, and every entitled person-month with its standard.

Payment-month status, first that applies:
  not-on-roster  no roster row for the person and subsidy
  after-death    the month is after the month of death
  outside        no roster row's start…end covers the month
  double         an earlier payment (paid_on, then row) already covers the month
  ineligible     the person does not qualify that month (jixiao.audit.eligibility)
  ok             entitled, qualified and first: its amount is compared with the standard

Entitled months: from start to the earliest of end, the death month and base_date's
month, within the evaluated year, in which the person qualifies under the policy."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jixiao.audit.context import MONEY, NO_END, AuditContext, month_index
from jixiao.audit.eligibility import unqualified_months


def payment_months(ctx: AuditContext) -> ir.Table:
    """One row per payment and month covered: _row, person_id, subsidy, mi, k
    (the month's position in the payment), months, amount, share (amount / months),
    paid_on, status, first_row (the payment that came first for this month)."""
    return ctx.cached("payment_months", lambda: _payment_months(ctx))


def _payment_months(ctx: AuditContext) -> ir.Table:
    p = ctx.table("payments")
    p = p.select("_row", "person_id", "subsidy", "amount", "paid_on",
                 p_mi=month_index(p.period), months=ibis.coalesce(p.months, 1).cast("int64"))
    # (months, k) for k < months: an equi-join spreads each payment over its months
    spans = [(m, k) for m in range(1, 13) for k in range(m)]
    offsets = ibis.memtable({"span": [m for m, _ in spans], "k": [k for _, k in spans]},
                            schema={"span": "int64", "k": "int64"})
    x = p.join(offsets, [offsets.span == p.months]).drop("span")
    x = x.mutate(mi=x.p_mi + x.k, share=(x.amount / x.months).cast(MONEY))

    r = ctx.roster()
    pairs = r.select("person_id", "subsidy").distinct().mutate(on_roster=ibis.literal(True))
    covered = x.semi_join(r, [x.person_id == r.person_id, x.subsidy == r.subsidy,
                              r.start_mi <= x.mi, x.mi <= r.end_mi]).select("_row", "subsidy", "mi").distinct()
    covered = covered.mutate(covered=ibis.literal(True))
    d = ctx.deaths().select("person_id", "death_mi", "death_date")
    u = unqualified_months(ctx).mutate(unqualified=ibis.literal(True))

    j = x.left_join(pairs, ["person_id", "subsidy"]).drop("person_id_right", "subsidy_right")
    # a wide ledger row holds one payment per subsidy under the same _row
    j = j.left_join(covered, ["_row", "subsidy", "mi"]).drop("_row_right", "subsidy_right", "mi_right")
    j = j.left_join(d, "person_id").drop("person_id_right")
    j = j.left_join(u, ["person_id", "subsidy", "mi"]).drop("person_id_right", "subsidy_right", "mi_right")
    w = ibis.window(group_by=[j.person_id, j.subsidy, j.mi], order_by=[j.paid_on.asc(nulls_first=False), j._row])
    j = j.mutate(rank=ibis.row_number().over(w), first_row=j._row.first().over(w))
    status = ibis.cases(
        (j.on_roster.isnull(), "not-on-roster"),
        (j.death_mi.notnull() & (j.mi > j.death_mi), "after-death"),
        (j.covered.isnull(), "outside"),
        (j["rank"] > 0, "double"),
        (j.unqualified.notnull(), "ineligible"),
        else_="ok",
    )
    return j.select("_row", "person_id", "subsidy", "mi", "k", "p_mi", "months", "amount",
                    "share", "paid_on", "death_date", "first_row", status=status)


def entitled_months(ctx: AuditContext) -> ir.Table:
    """One row per entitled person, subsidy and month: person_id, subsidy, mi, roster_row
    (the first roster row entitling it), standard (NULL where the policy has none)."""
    return ctx.cached("entitled_months", lambda: _entitled_months(ctx))


def _entitled_months(ctx: AuditContext) -> ir.Table:
    r = ctx.roster()
    d = ctx.deaths().select("person_id", "death_mi")
    r = r.left_join(d, "person_id").drop("person_id_right")
    eff_end = ibis.least(r.end_mi, ibis.coalesce(r.death_mi, ibis.literal(NO_END, "int64")),
                         ibis.literal(ctx.last_month, "int64"))
    r = r.select("_row", "person_id", "subsidy", "start_mi", eff_end=eff_end)
    m = ctx.year_months()
    e = r.cross_join(m)  # 12 months at most: a cross product beats a range join
    e = e.filter((e.mi >= e.start_mi) & (e.mi <= e.eff_end))
    e = e.group_by(["person_id", "subsidy", "mi"]).aggregate(roster_row=e._row.min())
    e = e.anti_join(unqualified_months(ctx), ["person_id", "subsidy", "mi"])
    return ctx.standard_of(e)
