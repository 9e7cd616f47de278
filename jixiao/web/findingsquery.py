"""The findings page's query: filter by code, township, subsidy and month, a page of rows,
and the money at risk of what is shown — Arrow compute over the run's findings table, so a
page of 100 000 findings costs a few milliseconds."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc

PAGE_SIZE = 50
FILTERS = ("code", "township", "subsidy", "period")
CACHED = 64  # filtered views kept: paging through one filter costs a slice, not a scan


@dataclass(frozen=True)
class Query:
    code: str = ""
    township: str = ""
    subsidy: str = ""
    period: str = ""
    page: int = 1

    @classmethod
    def from_params(cls, params) -> Query:
        try:
            page = max(1, int(params.get("page") or 1))
        except ValueError:
            page = 1
        return cls(*(str(params.get(k) or "").strip()[:60] for k in FILTERS), page=page)

    def params(self, **change) -> dict[str, str]:
        values = {k: getattr(self, k) for k in (*FILTERS, "page")} | change
        return {k: str(v) for k, v in values.items() if v not in ("", None) and not (k == "page" and v == 1)}


@dataclass(frozen=True)
class Page:
    rows: list[dict]
    total: int  # findings matching the filters
    page: int
    pages: int
    overpaid: Decimal
    underpaid: Decimal


class _Views:
    """Recently used (table, filters) → (filtered table, overpaid, underpaid); the table itself
    is kept in the entry, so a new run's table never meets an old entry."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: OrderedDict[tuple, tuple[pa.Table, pa.Table, Decimal, Decimal]] = OrderedDict()
        self.options: dict[tuple[int, str], tuple[pa.Table, list[str]]] = {}

    def filtered(self, table: pa.Table, query: Query) -> tuple[pa.Table, Decimal, Decimal]:
        key = (id(table), *(getattr(query, f) for f in FILTERS))
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None and hit[0] is table:
                self.entries.move_to_end(key)
                return hit[1:]
        shown = apply(table, query)
        over, under = money_sums(shown)
        with self.lock:
            self.entries[key] = (table, shown, over, under)
            while len(self.entries) > CACHED:
                self.entries.popitem(last=False)
        return shown, over, under


_views = _Views()


def options(table: pa.Table, column: str) -> list[str]:
    """The values a filter offers (distinct, sorted)."""
    key = (id(table), column)
    hit = _views.options.get(key)
    if hit is not None and hit[0] is table:
        return hit[1]
    values: list[str] = []
    if column in table.column_names and table.num_rows:
        values = sorted(v for v in pc.unique(table.column(column).drop_null()).to_pylist() if v)
    _views.options[key] = (table, values)
    return values


def apply(table: pa.Table, query: Query) -> pa.Table:
    mask = None
    for column in FILTERS:
        wanted = getattr(query, column)
        if not wanted or column not in table.column_names:
            continue
        hit = pc.fill_null(pc.equal(table.column(column), wanted), False)
        mask = hit if mask is None else pc.and_(mask, hit)
    return table if mask is None else table.filter(mask)


def money_sums(table: pa.Table) -> tuple[Decimal, Decimal]:
    """(overpaid, underpaid): Σ positive amounts and Σ |negative| amounts."""
    if table.num_rows == 0:
        return Decimal("0.00"), Decimal("0.00")
    amounts = table.column("amount")
    zero = pa.scalar(Decimal("0.00"), amounts.type)
    over = pc.sum(pc.if_else(pc.greater(amounts, zero), amounts, zero)).as_py() or Decimal("0.00")
    under = pc.sum(pc.if_else(pc.less(amounts, zero), amounts, zero)).as_py() or Decimal("0.00")
    return over, -under


def page(table: pa.Table, query: Query, size: int = PAGE_SIZE) -> Page:
    shown, over, under = _views.filtered(table, query)
    pages = max(1, -(-shown.num_rows // size))
    number = min(query.page, pages)
    rows = shown.slice((number - 1) * size, size).to_pylist()
    return Page(rows, shown.num_rows, number, pages, over, under)
