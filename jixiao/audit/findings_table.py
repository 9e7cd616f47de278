"""Findings as an Arrow table (what the checks return) and as Finding values; money at risk."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc

from jixiao.audit.checks import FINDING_SCHEMA
from jixiao.findings import CODES, Finding

ARROW_SCHEMA = pa.schema([
    ("code", pa.string()), ("table", pa.string()), ("row", pa.int64()), ("person_id", pa.string()),
    ("subsidy", pa.string()), ("period", pa.string()), ("amount", pa.decimal128(18, 2)), ("message", pa.string()),
])
assert list(ARROW_SCHEMA.names) == list(FINDING_SCHEMA)

CODE_ORDER = {code: i for i, code in enumerate(CODES)}
ZERO = Decimal("0.00")


def combine(parts: list[pa.Table]) -> pa.Table:
    """Concatenate the checks' results, ordered by code (contract order), table, row, period."""
    if not parts:
        return ARROW_SCHEMA.empty_table()
    t = pa.concat_tables([p.cast(ARROW_SCHEMA) for p in parts])
    order = pa.array([CODE_ORDER[c] for c in t.column("code").to_pylist()], pa.int32())
    t = t.append_column("_order", order)
    t = t.sort_by([("_order", "ascending"), ("table", "ascending"), ("row", "ascending"),
                   ("period", "ascending")])
    return t.drop_columns(["_order"])


def to_findings(t: pa.Table) -> list[Finding]:
    return [Finding(code=r["code"], table=r["table"], row=r["row"], message=r["message"] or "",
                    person_id=r["person_id"] or "", subsidy=r["subsidy"] or "", period=r["period"] or "",
                    amount=r["amount"])
            for r in t.to_pylist()]


def counts(t: pa.Table) -> dict[str, int]:
    """code → number of findings, every code present (0 when none), in contract order."""
    got = {r["values"]: r["counts"] for r in pc.value_counts(t.column("code")).to_pylist()} if t.num_rows else {}
    return {code: int(got.get(code, 0)) for code in CODES}


def money_at_risk(t: pa.Table) -> dict:
    """{"overpaid": Σ positive amounts, "underpaid": Σ |negative amounts|, "by_code": {code: {…}}}."""
    by_code: dict[str, dict[str, Decimal]] = {}
    over_total, under_total = ZERO, ZERO
    if t.num_rows:
        grouped = t.filter(pc.is_valid(t.column("amount"))).group_by("code").aggregate([])
        for code in grouped.column("code").to_pylist():
            amounts = t.filter(pc.equal(t.column("code"), code)).column("amount")
            over = pc.sum(pc.if_else(pc.greater(amounts, Decimal(0)), amounts, Decimal(0))).as_py() or ZERO
            under = -(pc.sum(pc.if_else(pc.less(amounts, Decimal(0)), amounts, Decimal(0))).as_py() or ZERO)
            by_code[code] = {"overpaid": over.quantize(ZERO), "underpaid": under.quantize(ZERO)}
            over_total += over
            under_total += under
    ordered = {c: by_code[c] for c in CODES if c in by_code}
    return {"overpaid": over_total.quantize(ZERO), "underpaid": under_total.quantize(ZERO), "by_code": ordered}
