"""What every check reads: the store as Ibis tables, the policy as small tables, and the
shared intermediate relations (payment-months with their status, entitled person-months),
each built once and cached in the engine.

Months are handled as integer month indexes (year·12 + month − 1): portable arithmetic that
every engine does the same way, turned back into `YYYY-MM` only for output."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from jixiao.workspace import Policy

MONEY = ibis.dtype("decimal(18,2)")
NO_END = 10**6  # month index beyond any real month: an open-ended entitlement


def month_index(date: ir.DateValue) -> ir.IntegerValue:
    """A DATE → year·12 + month − 1."""
    return (date.year() * 12 + date.month() - 1).cast("int64")


def month_text(index: ir.IntegerValue) -> ir.StringValue:
    """A month index → 'YYYY-MM'."""
    year = (index // 12).cast("int64").cast("string")
    month = (index % 12 + 1).cast("int64").cast("string").lpad(2, "0")
    return year + "-" + month


def month_date(index: ir.IntegerValue) -> ir.DateValue:
    """A month index → the DATE of its first day."""
    return ibis.date((index // 12).cast("int32"), (index % 12 + 1).cast("int32"), 1)


def py_month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


@dataclass
class AuditContext:
    """The store (an Ibis backend over the tables of jixiao.ingest.schema) and the policy."""

    backend: Any
    policy: Policy
    year: int
    base_date: dt.date
    provided: frozenset[str] | None = None  # the tables the workspace named (None: all)
    _cache: dict[str, ir.Table] = field(default_factory=dict)

    def has(self, table: str) -> bool:
        """Was the table provided? A table not provided is unknown, not empty."""
        return self.provided is None or table in self.provided

    def table(self, name: str) -> ir.Table:
        return self.backend.table(name)

    # --- the evaluated period -------------------------------------------------------------
    @property
    def first_month(self) -> int:
        return self.year * 12

    @property
    def last_month(self) -> int:
        """Last month of the evaluated year that counts: December, or base_date's month."""
        return min(self.year * 12 + 11, py_month_index(self.base_date))

    def year_months(self) -> ir.Table:
        months = list(range(self.first_month, self.last_month + 1))
        return ibis.memtable({"mi": months}, schema={"mi": "int64"})

    def calendar_months(self) -> ir.Table:
        """All twelve months of the evaluated year (payments may run past base_date)."""
        months = list(range(self.first_month, self.year * 12 + 12))
        return ibis.memtable({"mi": months}, schema={"mi": "int64"})

    def standards(self) -> ir.Table:
        """subsidy, from_mi, to_mi (exclusive), monthly: one row per standard and period."""
        rows: dict[str, list] = {"subsidy": [], "from_mi": [], "to_mi": [], "monthly": []}
        by_subsidy: dict[str, list] = {}
        for s in self.policy.standards:
            by_subsidy.setdefault(s.subsidy, []).append(s)
        for subsidy, items in by_subsidy.items():
            items.sort(key=lambda s: s.start)
            for i, s in enumerate(items):
                rows["subsidy"].append(subsidy)
                rows["from_mi"].append(py_month_index(s.start))
                rows["to_mi"].append(py_month_index(items[i + 1].start) if i + 1 < len(items) else NO_END)
                rows["monthly"].append(Decimal(s.monthly).quantize(Decimal("0.01")))
        schema = pa.schema([("subsidy", pa.string()), ("from_mi", pa.int64()), ("to_mi", pa.int64()),
                            ("monthly", pa.decimal128(18, 2))])
        return ibis.memtable(pa.Table.from_pydict(rows, schema=schema))  # typed even when empty

    def standard_of(self, t: ir.Table, subsidy: str = "subsidy", mi: str = "mi") -> ir.Table:
        """`t` with `standard`: the monthly amount in force for its subsidy and month (or NULL)."""
        s = self.standards()
        joined = t.left_join(s, [t[subsidy] == s.subsidy, t[mi] >= s.from_mi, t[mi] < s.to_mi])
        return joined.select(*[joined[c] for c in t.columns], standard=s.monthly)

    # --- shared relations, built once -------------------------------------------------------
    def cached(self, name: str, build) -> ir.Table:
        if name not in self._cache:
            self._cache[name] = build().cache()
        return self._cache[name]

    def release(self) -> None:
        """Drop the cached relations (before the store connection closes)."""
        for t in self._cache.values():
            t.release()
        self._cache.clear()

    def deaths(self) -> ir.Table:
        """person_id, death_date, death_mi: the earliest recorded death per person."""
        def build() -> ir.Table:
            d = self.table("deaths")
            d = d.group_by("person_id").aggregate(death_date=d.death_date.min(), death_row=d._row.min())
            return d.mutate(death_mi=month_index(d.death_date))
        return self.cached("deaths", build)

    def roster(self) -> ir.Table:
        """The roster with start_mi / end_mi (NO_END when open)."""
        def build() -> ir.Table:
            r = self.table("roster")
            return r.mutate(start_mi=month_index(r.start),
                            end_mi=ibis.coalesce(month_index(r["end"]), ibis.literal(NO_END, "int64")))
        return self.cached("roster", build)

    def any_rows(self, t: ir.Table) -> bool:
        """Does `t` have a row? For choosing a cheaper plan when a case cannot occur."""
        return bool(t.limit(1).count().execute())

    def __hash__(self) -> int:  # usable as a cache key holder
        return id(self)

    @cached_property
    def has_negative_payments(self) -> bool:
        """Any reversal (negative amount) to match? Asked by several checks, answered once."""
        return self.any_rows(self.table("payments").filter(lambda t: t.amount < 0))
