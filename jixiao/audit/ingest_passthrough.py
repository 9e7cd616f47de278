"""The ID and row findings ingest raised while reading (id-*, row-rejected), passed through."""

from __future__ import annotations

import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows
from jixiao.audit.context import AuditContext

INGEST_CODES = ("id-malformed", "id-checksum", "id-birthdate", "id-precision-lost", "id-region", "id-old-format",
                "row-rejected")


def _passthrough(code: str):
    def check(ctx: AuditContext) -> ir.Table:
        f = ctx.table("ingest_findings")
        f = f.filter(f.code == code)
        return finding_rows(f, code=code, table=f["table"], row=f["row"], person_id=f.person_id,
                            subsidy=f.subsidy, period=f.period, amount=f.amount, message=f.message)

    check.__doc__ = f"{code}: raised by ingest, read from ingest_findings."
    check.__name__ = code.replace("-", "_")
    return check


for _code in INGEST_CODES:
    CHECKS.add(_code, _passthrough(_code))
