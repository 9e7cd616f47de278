"""Findings as one Arrow table (what the checks return, combined) and its summary by code:
count, persons, money at risk, examples, and the shares by township and by month —
computed once, set-based, in Arrow."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc

from jixiao.audit.checks import FINDING_SCHEMA
from jixiao.audit.result import CodeSummary, Share
from jixiao.findings import CODES, Finding

ARROW_SCHEMA = pa.schema([
    ("code", pa.string()), ("table", pa.string()), ("row", pa.int64()), ("person_id", pa.string()),
    ("subsidy", pa.string()), ("period", pa.string()), ("amount", pa.decimal128(18, 2)), ("message", pa.string()),
])
assert list(ARROW_SCHEMA.names) == list(FINDING_SCHEMA)
TABLE_SCHEMA = ARROW_SCHEMA.append(pa.field("township", pa.string()))

CODE_ORDER = {code: i for i, code in enumerate(CODES)}
ZERO = Decimal("0.00")
EXAMPLES_PER_CODE = 3


def combine(parts: list[pa.Table], townships: pa.Table | None = None) -> pa.Table:
    """Concatenate the checks' results, ordered by code (contract order), table, row, period,
    with each finding's township (from `townships`: person_id → township) where known."""
    t = pa.concat_tables([p.cast(ARROW_SCHEMA) for p in parts]) if parts else ARROW_SCHEMA.empty_table()
    order = pa.array([CODE_ORDER[c] for c in t.column("code").to_pylist()], pa.int32())
    t = t.append_column("_order", order).append_column("_seq", pa.array(range(t.num_rows), pa.int64()))
    if townships is not None and townships.num_rows:
        t = t.join(townships.select(["person_id", "township"]).cast(
            pa.schema([("person_id", pa.string()), ("township", pa.string())])), "person_id", join_type="left outer")
    else:
        t = t.append_column("township", pa.nulls(t.num_rows, pa.string()))
    t = t.sort_by([("_order", "ascending"), ("table", "ascending"), ("row", "ascending"),
                   ("period", "ascending"), ("_seq", "ascending")])
    return t.drop_columns(["_order", "_seq"]).select(TABLE_SCHEMA.names).cast(TABLE_SCHEMA)


def to_findings(t: pa.Table) -> list[Finding]:
    return [Finding(code=r["code"], table=r["table"], row=r["row"], message=r["message"] or "",
                    person_id=r["person_id"] or "", subsidy=r["subsidy"] or "", period=r["period"] or "",
                    amount=r["amount"])
            for r in t.select(list(ARROW_SCHEMA.names)).to_pylist()]


def _with_money(t: pa.Table) -> pa.Table:
    """`t` with over (positive amounts) and under (|negative amounts|), 0 where none, and
    person_id null where blank, so persons count real IDs only."""
    amount = pc.fill_null(t.column("amount"), Decimal(0))
    zero = pa.scalar(Decimal(0), amount.type)
    over = pc.if_else(pc.greater(amount, zero), amount, zero)
    under = pc.if_else(pc.less(amount, zero), pc.negate(amount), zero)
    pid = t.column("person_id")
    pid = pc.if_else(pc.equal(pid, ""), pa.scalar(None, pa.string()), pid)
    return t.set_column(t.schema.get_field_index("person_id"), "person_id", pid) \
        .append_column("over", over).append_column("under", under)


AGGREGATES = [("code", "count"), ("person_id", "count_distinct"), ("over", "sum"), ("under", "sum")]


def _grouped(t: pa.Table, keys: list[str]) -> list[dict]:
    return t.group_by(keys).aggregate(AGGREGATES).to_pylist()


def _money(value: Decimal | None) -> Decimal:
    return (value or ZERO).quantize(ZERO)


def _share(row: dict, key: str) -> Share:
    return Share(row[key] or "", int(row["code_count"]), int(row["person_id_count_distinct"]),
                 _money(row["over_sum"]), _money(row["under_sum"]))


def summarise(t: pa.Table) -> tuple[CodeSummary, ...]:
    """One CodeSummary per code (every code, contract order)."""
    m = _with_money(t)
    totals = {r["code"]: r for r in _grouped(m, ["code"])}
    towns: dict[str, list[Share]] = {}
    for r in _grouped(m.filter(pc.is_valid(m.column("township"))), ["code", "township"]):
        towns.setdefault(r["code"], []).append(_share(r, "township"))
    periods: dict[str, list[Share]] = {}
    for r in _grouped(m.filter(pc.invert(pc.equal(pc.fill_null(m.column("period"), ""), ""))), ["code", "period"]):
        periods.setdefault(r["code"], []).append(_share(r, "period"))
    out = []
    for code in CODES:
        r = totals.get(code)
        if r is None:
            out.append(CodeSummary(code, 0, 0, ZERO, ZERO))
            continue
        first = t.filter(pc.equal(t.column("code"), code)).slice(0, EXAMPLES_PER_CODE)
        out.append(CodeSummary(
            code, int(r["code_count"]), int(r["person_id_count_distinct"]), _money(r["over_sum"]),
            _money(r["under_sum"]), tuple(to_findings(first)),
            tuple(sorted(towns.get(code, []), key=lambda s: (-s.count, -(s.overpaid + s.underpaid), s.key))),
            tuple(sorted(periods.get(code, []), key=lambda s: s.key))))
    return tuple(out)
