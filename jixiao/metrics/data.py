"""The metric inputs computed from data (CONTRACT §5 fact ids and the counts behind the
rates): set-based queries over the store and the audit's findings.

A figure is given only when its table was provided (it has a row_accounting entry), so a
missing table leaves the metric to judgments' facts or pending, never a false zero.
Counts include rejected rows in their denominators: a row that could not be read is
neither a correct payment nor an accurate roster entry."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import ibis
import pyarrow as pa

from jixiao.audit.context import AuditContext
from jixiao.audit.entitlement import entitled_months, payment_months
from jixiao.audit.timeliness import payments_due
from jixiao.findings import CODES
from jixiao.vocabulary import CARE, LIVING

ERROR_CODES = [c for c, code in CODES.items() if code.severity == "error"]
FUND_KINDS = {"budget": "预算", "allocated": "到位", "spent": "支出"}


def _d(value: object) -> Decimal:
    return Decimal(0) if value is None else Decimal(value)


def data_figures(ctx: AuditContext, findings: pa.Table, rows: Mapping[str, Mapping[str, int]]) -> dict[str, Decimal]:
    """Every figure the data give (names: FIGURE_NAMES), for the tables that were provided."""
    f = ibis.memtable(findings.select(["code", "table", "row"]))
    figures: dict[str, Decimal] = {}
    if "payments" in rows:
        figures.update(payment_figures(ctx, f, rows["payments"]))
    if "roster" in rows:
        figures.update(roster_figures(ctx, f, rows["roster"]))
    if "funds" in rows:
        figures.update(fund_figures(ctx))
    return figures


def _rows_with(f, table: str, codes: list[str] | None = None):
    """Distinct rows of `table` with a finding of one of `codes` (None: of any code)."""
    sel = f.filter((f["table"] == table) & f["row"].notnull())
    if codes is not None:
        sel = sel.filter(sel.code.isin(codes))
    return sel.select("row").distinct().count()


def payment_figures(ctx: AuditContext, f, acc: Mapping[str, int]) -> dict[str, Decimal]:
    p = ctx.table("payments")
    sums = p.aggregate(
        living=p.amount.sum(where=p.subsidy == LIVING),
        care=p.amount.sum(where=p.subsidy == CARE),
    ).to_pyarrow().to_pylist()[0]
    dated = int(payments_due(ctx)._row.nunique().execute())  # source rows, as findings count them
    payments = acc["loaded"] + acc["rejected"]
    payees = int(p.person_id.nunique().execute())
    error_rows = _rows_with(f, "payments", ERROR_CODES).execute()
    late_rows = _rows_with(f, "payments", ["late-payment"]).execute()
    return {
        "living_paid": _d(sums["living"]), "care_paid": _d(sums["care"]),
        "payments": Decimal(payments), "payments_correct": Decimal(payments - int(error_rows)),
        "payments_dated": Decimal(dated),
        "payments_on_time": Decimal(dated - int(late_rows)),
        "payment_rows_rejected": Decimal(acc["rejected"]), "payees": Decimal(payees),
    }


def roster_figures(ctx: AuditContext, f, acc: Mapping[str, int]) -> dict[str, Decimal]:
    """Roster accuracy (CONTRACT §5: roster rows with no finding of any code, unpaid-month
    included), entitled persons and, when payments were provided, those paid."""
    roster_rows = acc["loaded"] + acc["rejected"]
    flagged = _rows_with(f, "roster").execute()
    r = ctx.table("roster")
    figures = {"roster_rows": Decimal(roster_rows), "roster_rows_clean": Decimal(roster_rows - int(flagged)),
               "roster_persons": Decimal(int(r.person_id.nunique().execute()))}
    e = entitled_months(ctx)
    figures["persons_entitled"] = Decimal(int(e.person_id.nunique().execute()))
    if ctx.has("payments"):
        pm = payment_months(ctx).select("person_id", "subsidy", "mi")
        paid = e.semi_join(pm, ["person_id", "subsidy", "mi"])
        figures["persons_paid"] = Decimal(int(paid.person_id.nunique().execute()))
    return figures


def fund_figures(ctx: AuditContext) -> dict[str, Decimal]:
    t = ctx.table("funds")
    got = {r["kind"]: r["total"] for r in t.group_by("kind").aggregate(total=t.amount.sum()).to_pyarrow().to_pylist()}
    return {fact: _d(got[kind]) for fact, kind in FUND_KINDS.items() if kind in got}
