"""Identity across tables: name-mismatch — the payment's name is none of the roster's
names for that ID and subsidy (spaces ignored; blank payment names are not judged)."""

from __future__ import annotations

import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows
from jixiao.audit.context import AuditContext, month_index, month_text


def _clean(name: ir.StringValue) -> ir.StringValue:
    return name.replace(" ", "").replace("\u3000", "").replace("·", "").replace("•", "")


@CHECKS.register("name-mismatch")
def name_mismatch(ctx: AuditContext) -> ir.Table:
    """Payments whose name differs from the roster name for the same ID."""
    p = ctx.table("payments")
    r = ctx.table("roster")
    # a name exactly as on the roster is never a mismatch: only the rest (few) are cleaned
    exact = r.select("person_id", "subsidy", "name")
    p = p.filter(p.name.notnull()).anti_join(exact, ["person_id", "subsidy", "name"])
    p = p.mutate(clean=_clean(p.name))
    p = p.filter(p.clean != "")
    names = r.select("person_id", "subsidy", "name", clean=_clean(r.name))
    on_roster = p.semi_join(names, ["person_id", "subsidy"])
    bad = on_roster.anti_join(names, ["person_id", "subsidy", "clean"])
    first = names.group_by(["person_id", "subsidy"]).aggregate(roster_name=names.name.min())
    bad = bad.left_join(first, ["person_id", "subsidy"])
    return finding_rows(bad, code="name-mismatch", table="payments", row=bad._row, person_id=bad.person_id,
                        subsidy=bad.subsidy, period=month_text(month_index(bad.period)),
                        message="发放明细姓名“" + bad.name + "”与花名册姓名“" + bad.roster_name + "”不一致")
