"""Timeliness: late-payment. A payment is due by due_day of the last month it covers
(monthly), or of the last month of that month's quarter (quarterly); a due_day past the
month's end means its last day."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows
from jixiao.audit.context import AuditContext, month_date, month_index, month_text
from jixiao.audit.entitlement import net_of_reversals


def due_month(ctx: AuditContext, p_mi: ir.IntegerValue, months: ir.IntegerValue) -> ir.IntegerValue:
    last = p_mi + months - 1
    if ctx.policy.schedule == "quarterly":
        return last - last % 12 % 3 + 2
    return last


def due_date(ctx: AuditContext, mi: ir.IntegerValue) -> ir.DateValue:
    first = month_date(mi)
    month_end = month_date(mi + 1) - ibis.interval(days=1)
    return ibis.least(first + ibis.interval(days=ctx.policy.due_day - 1), month_end)


def payments_due(ctx: AuditContext) -> ir.Table:
    """Dated payments with their due date and whether they were late. Not cached: two
    streaming scans are cheaper than materialising 12 M rows."""
    p = ctx.table("payments").filter(lambda t: t.paid_on.notnull() & (t.amount >= 0))  # a refund is no payment
    p = net_of_reversals(ctx, p)
    p = p.mutate(p_mi=month_index(p.period), months=ibis.coalesce(p.months, 1).cast("int64"))
    p = p.mutate(due=due_date(ctx, due_month(ctx, p.p_mi, p.months)))
    return p.mutate(late=p.paid_on > p.due)


@CHECKS.register("late-payment")
def late_payment(ctx: AuditContext) -> ir.Table:
    """Paid after the due date of the month (or quarter) paid for."""
    p = payments_due(ctx)
    late = p.filter(p.late)
    return finding_rows(late, code="late-payment", table="payments", row=late._row, person_id=late.person_id,
                        subsidy=late.subsidy, period=month_text(late.p_mi),
                        message="应于" + late.due.strftime("%Y-%m-%d") + "（含）前发放，实际发放日期"
                        + late.paid_on.cast("string"))
