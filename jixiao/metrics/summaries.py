"""The breakdowns the report prints beside the metrics: payments by subsidy, by month and
by township, funds by kind and level. Set-based queries over the store; money stays
Decimal. A table that was not provided gives no lines, never zeros."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import ibis

from jixiao.audit.context import AuditContext

FUND_KIND_ORDER = ("预算", "到位", "支出")
FUND_LEVEL_ORDER = ("中央", "省", "市", "县", "镇")


@dataclass(frozen=True)
class SubsidyLine:
    subsidy: str
    persons: int  # distinct person_ids paid
    payments: int  # payment records (a wide ledger row holds one per subsidy)
    amount: Decimal


@dataclass(frozen=True)
class MonthLine:
    month: str  # YYYY-MM the money is for (its first month)
    subsidy: str
    payments: int
    amount: Decimal


@dataclass(frozen=True)
class TownshipLine:
    township: str
    roster_persons: int  # distinct person_ids on the roster in this township
    payments: int  # payment records of those persons
    amount: Decimal


@dataclass(frozen=True)
class FundLine:
    kind: str  # 预算 | 到位 | 支出
    level: str  # 中央 … 镇, or "" when not given
    amount: Decimal
    records: int


@dataclass(frozen=True)
class Summaries:
    by_subsidy: tuple[SubsidyLine, ...] = ()
    by_month: tuple[MonthLine, ...] = ()
    by_township: tuple[TownshipLine, ...] = ()
    funds: tuple[FundLine, ...] = ()

    @property
    def payment_records(self) -> int:
        return sum(s.payments for s in self.by_subsidy)

    @property
    def paid_total(self) -> Decimal:
        return sum((s.amount for s in self.by_subsidy), Decimal(0))


def _money(value: object) -> Decimal:
    return Decimal(0) if value is None else Decimal(value)


def summarise(ctx: AuditContext) -> Summaries:
    by_subsidy: tuple[SubsidyLine, ...] = ()
    by_month: tuple[MonthLine, ...] = ()
    by_township: tuple[TownshipLine, ...] = ()
    funds: tuple[FundLine, ...] = ()
    if ctx.has("payments"):
        p = ctx.table("payments")
        got = p.group_by("subsidy").aggregate(persons=p.person_id.nunique(), n=p.count(), amount=p.amount.sum())
        by_subsidy = tuple(SubsidyLine(r["subsidy"], int(r["persons"]), int(r["n"]), _money(r["amount"]))
                           for r in got.order_by("subsidy").to_pyarrow().to_pylist())
        m = p.mutate(month=p.period.strftime("%Y-%m"))
        got = m.group_by(["month", "subsidy"]).aggregate(n=m.count(), amount=m.amount.sum())
        by_month = tuple(MonthLine(r["month"], r["subsidy"], int(r["n"]), _money(r["amount"]))
                         for r in got.order_by(["month", "subsidy"]).to_pyarrow().to_pylist())
    if ctx.has("roster"):
        by_township = _townships(ctx)
    if ctx.has("funds"):
        f = ctx.table("funds")
        f = f.mutate(level=ibis.coalesce(f.level, ""))
        got = f.group_by(["kind", "level"]).aggregate(amount=f.amount.sum(), n=f.count()).to_pyarrow().to_pylist()
        lines = [FundLine(r["kind"], r["level"], _money(r["amount"]), int(r["n"])) for r in got]
        funds = tuple(sorted(lines, key=_fund_order))
    return Summaries(by_subsidy, by_month, by_township, funds)


def _fund_order(line: FundLine) -> tuple:
    kind = FUND_KIND_ORDER.index(line.kind) if line.kind in FUND_KIND_ORDER else len(FUND_KIND_ORDER)
    level = FUND_LEVEL_ORDER.index(line.level) if line.level in FUND_LEVEL_ORDER else len(FUND_LEVEL_ORDER)
    return kind, level, line.level


def _townships(ctx: AuditContext) -> tuple[TownshipLine, ...]:
    """Roster persons per township and what was paid to them (a person in two townships is
    counted in the first, by name order, as the findings are)."""
    r = ctx.table("roster")
    r = r.filter(r.township.notnull() & (r.township != ""))
    home = r.group_by("person_id").aggregate(township=r.township.min())
    persons = home.group_by("township").aggregate(persons=home.count())
    if ctx.has("payments"):
        p = ctx.table("payments")
        j = p.join(home, "person_id")
        paid = j.group_by("township").aggregate(n=j.count(), amount=j.amount.sum())
        t = persons.left_join(paid, "township").drop("township_right")
    else:
        t = persons.mutate(n=ibis.literal(0, "int64"), amount=ibis.literal(None, "decimal(18,2)"))
    rows = t.order_by("township").to_pyarrow().to_pylist()
    return tuple(TownshipLine(x["township"], int(x["persons"]), int(x["n"] or 0), _money(x["amount"])) for x in rows)
