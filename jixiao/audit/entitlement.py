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

from decimal import Decimal

import ibis
import ibis.expr.types as ir

from jixiao.audit.context import MONEY, NO_END, AuditContext, month_index
from jixiao.audit.qualification import unqualified_months


def payment_months(ctx: AuditContext) -> ir.Table:
    """One row per payment and month covered: _row, person_id, subsidy, mi, k
    (the month's position in the payment), months, amount, share (amount / months),
    paid_on, status, first_row (the payment that came first for this month)."""
    return ctx.cached("payment_months", lambda: _payment_months(ctx))


def _payment_months(ctx: AuditContext) -> ir.Table:
    p = ctx.table("payments")
    p = p.select("_row", "person_id", "subsidy", "amount", "paid_on",
                 p_mi=month_index(p.period), months=ibis.coalesce(p.months, 1).cast("int64"))
    p = net_of_reversals(ctx, p)
    # (months, k) for k < months: an equi-join spreads each payment over its months
    spans = [(m, k) for m in range(1, 13) for k in range(m)]
    offsets = ibis.memtable({"span": [m for m, _ in spans], "k": [k for _, k in spans]},
                            schema={"span": "int64", "k": "int64"})
    x = p.join(offsets, [offsets.span == p.months]).drop("span")
    x = x.mutate(mi=x.p_mi + x.k)

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
    if ctx.any_rows(p.filter(p.months > 1)):
        j = spread(ctx, j)
    else:
        j = j.mutate(share=j.amount.cast(MONEY))
    j = first_payments(j)
    roster = ibis.literal(ctx.has("roster"))  # without a roster nobody is off it, nor outside an entitlement
    status = ibis.cases(
        (j.on_roster.isnull() & roster, "not-on-roster"),
        (j.death_mi.notnull() & (j.mi > j.death_mi), "after-death"),
        (j.covered.isnull() & roster, "outside"),
        (j["rank"] > 0, "double"),
        (j.unqualified.notnull(), "ineligible"),
        else_="ok",
    )
    return j.select("_row", "person_id", "subsidy", "mi", "k", "p_mi", "months", "amount",
                    "share", "paid_on", "death_date", "first_row", status=status)


def first_payments(j: ir.Table) -> ir.Table:
    """`j` with rank (0 for the payment that came first for its person, subsidy and month,
    by paid_on then row) and first_row (that payment's row). Only the months paid more than
    once need the ordering: they alone go through the window, the millions of months paid
    once are passed through with rank 0 (a sort of every payment-month avoided). The two
    parts are a semi- and an anti-join on the same keys: every row of `j` once."""
    key = ["person_id", "subsidy", "mi"]
    repeated = j.group_by(key).aggregate(n=j.count())
    repeated = repeated.filter(repeated.n > 1).select(*key)
    once = j.anti_join(repeated, key)
    once = once.mutate(rank=ibis.literal(0, "int64"), first_row=once._row)
    many = j.semi_join(repeated, key)
    w = ibis.window(group_by=[many.person_id, many.subsidy, many.mi],
                    order_by=[many.paid_on.asc(nulls_first=False), many._row])
    many = many.mutate(rank=ibis.row_number().over(w).cast("int64"), first_row=many._row.first().over(w))
    return once.union(many.select(once.columns))


def net_of_reversals(ctx: AuditContext, p: ir.Table) -> ir.Table:
    """Payment rows `p` less the reversals and what they reverse (no join at all when no
    amount is negative: the plan skips what cannot apply)."""
    if not ctx.has_negative_payments:
        return p
    return p.anti_join(reversals(ctx), ["_row", "subsidy"])


def reversals(ctx: AuditContext) -> ir.Table:
    """_row, subsidy of the reversals (冲销) and of the payments they reverse: a negative
    amount cancels a payment of the same amount for the same person, subsidy and period —
    the k-th negative row the k-th positive one, in row order. An unmatched negative row is
    not among them (the checks report it)."""
    def build() -> ir.Table:
        p = ctx.table("payments")
        key = ["person_id", "subsidy", "period", "months", "size"]
        p = p.select("_row", "person_id", "subsidy", "period", "amount",
                     months=ibis.coalesce(p.months, 1), size=p.amount.abs())
        negatives = p.filter(p.amount < 0).select(*key).distinct()
        involved = p.semi_join(negatives, key)
        w = ibis.window(group_by=[involved[k] for k in key] + [involved.amount < 0], order_by=involved._row)
        whole = ibis.window(group_by=[involved[k] for k in key])
        involved = involved.mutate(nth=ibis.row_number().over(w),
                                   positives=(involved.amount > 0).cast("int64").sum().over(whole),
                                   negatives=(involved.amount < 0).cast("int64").sum().over(whole))
        cancelled = involved.filter(ibis.ifelse(involved.amount < 0, involved.nth < involved.positives,
                                                (involved.amount > 0) & (involved.nth < involved.negatives)))
        return cancelled.select("_row", "subsidy")
    return ctx.cached("reversals", build)


def spread(ctx: AuditContext, j: ir.Table) -> ir.Table:
    """Each payment month's `share` of its payment. One month: the amount. Several months
    (a quarter, 2022年1-3月): the standard of each month when the amount is exactly the
    standards' sum; only the months the person was entitled to, at their standard, when the
    amount is exactly their sum (a new entrant paid for part of a quarter); else the
    amount split evenly. `months` becomes the number of months the payment covers.
    The allocation is worked out on the multi-month payments alone, then joined back, so
    the millions of monthly payments pass through one cheap join."""
    m = ctx.standard_of(j.filter(j.months > 1))
    entitled = (m.on_roster.notnull() & m.covered.notnull() & m.unqualified.isnull()
                & ~(m.death_mi.notnull() & (m.mi > m.death_mi)))
    m = m.mutate(entitled=entitled)
    w = ibis.window(group_by=[m._row, m.subsidy])
    m = m.mutate(due_all=m.standard.sum().over(w), n_std=m.standard.count().over(w),
                 due_entitled=ibis.ifelse(m.entitled, m.standard, 0).sum().over(w),
                 n_entitled=m.entitled.cast("int64").sum().over(w))
    complete = m.n_std == m.months
    partial = complete & (m.n_entitled > 0) & (m.n_entitled < m.months) & (m.amount == m.due_entitled)
    exact = complete & (m.amount == m.due_all)
    alloc = m.select("_row", "subsidy", "mi", a_drop=partial & ~m.entitled,
                     a_share=ibis.ifelse(partial | exact, m.standard, even_share(m.amount, m.months, m.k)).cast(MONEY),
                     a_months=ibis.ifelse(partial, m.n_entitled, m.months))
    x = j.left_join(alloc, ["_row", "subsidy", "mi"]).drop("_row_right", "subsidy_right", "mi_right")
    x = x.filter(~x.a_drop.fill_null(False))
    x = x.mutate(share=ibis.coalesce(x.a_share, x.amount.cast(MONEY)),
                 months=ibis.coalesce(x.a_months, x.months).cast("int64"))
    return x.drop("a_drop", "a_share", "a_months")


def even_share(amount: ir.DecimalValue, months: ir.IntegerValue, k: ir.IntegerValue) -> ir.DecimalValue:
    """The k-th month's share of `amount` split evenly over `months`, in whole cents, the
    remainder cents to the first months: the shares add up to the amount exactly, and every
    engine computes the same cents (no per-month rounding of a division)."""
    cents = (amount.abs() * 100).cast("int64")
    part = (cents // months + ibis.ifelse(k < cents % months, 1, 0)).cast(MONEY)
    share = part * ibis.literal(Decimal("0.01"), MONEY)
    return ibis.ifelse(amount < 0, -share, share).cast(MONEY)


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
