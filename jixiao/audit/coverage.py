"""Coverage: unpaid-month — an entitled month up to base_date with no payment covering it
(应享未享); amount at risk: minus the standard due that month."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows
from jixiao.audit.context import AuditContext, month_text
from jixiao.audit.entitlement import entitled_months, payment_months


@CHECKS.register("unpaid-month")
def unpaid_month(ctx: AuditContext) -> ir.Table:
    """Entitled person-months with no payment; located at the roster row that entitles them.
    Without a payments table nothing is known to be unpaid."""
    e = entitled_months(ctx)
    if not ctx.has("payments"):
        e = e.filter(ibis.literal(False))
    pm = payment_months(ctx).select("person_id", "subsidy", "mi")
    unpaid = e.anti_join(pm, ["person_id", "subsidy", "mi"])
    return finding_rows(unpaid, code="unpaid-month", table="roster", row=unpaid.roster_row,
                        person_id=unpaid.person_id, subsidy=unpaid.subsidy, period=month_text(unpaid.mi),
                        amount=-unpaid.standard,
                        message=month_text(unpaid.mi) + "应享受" + unpaid.subsidy + "，未见发放记录")
