"""The check registry and the one shape every check returns.

A check is `fn(ctx: AuditContext) -> ibis Table` with the columns of FINDING_SCHEMA, one
row per finding; it never raises on bad data (bad data is what findings are for)."""

from __future__ import annotations

from collections.abc import Callable

import ibis
import ibis.expr.types as ir

from jixiao.audit.context import MONEY, AuditContext
from jixiao.registry import Registry

Check = Callable[[AuditContext], ir.Table]
CHECKS: Registry[Check] = Registry("check")

FINDING_SCHEMA = {"code": "string", "table": "string", "row": "int64", "person_id": "string",
                  "subsidy": "string", "period": "string", "amount": "decimal(18,2)", "message": "string"}


def finding_rows(t: ir.Table, *, code: str, table: str | ir.Value, row: ir.Value, message: ir.Value,
                 person_id: ir.Value | None = None, subsidy: ir.Value | None = None,
                 period: ir.Value | None = None, amount: ir.Value | None = None) -> ir.Table:
    """Project `t` onto FINDING_SCHEMA."""
    null_text = ibis.literal(None, "string")
    return t.select(
        code=ibis.literal(code, "string"),
        table=ibis.literal(table, "string") if isinstance(table, str) else table.cast("string"),
        row=row.cast("int64"),
        person_id=(person_id if person_id is not None else null_text).cast("string"),
        subsidy=(subsidy if subsidy is not None else null_text).cast("string"),
        period=(period if period is not None else null_text).cast("string"),
        amount=(amount if amount is not None else ibis.literal(None, MONEY)).cast(MONEY),
        message=message.cast("string"),
    )


def money_text(value: ir.Value) -> ir.StringValue:
    """A DECIMAL(18,2) as '188.00'."""
    return value.cast(MONEY).cast("string")
