"""What the narrative reads besides the score: metric inputs, audit findings grouped by
code, row accounting, and summaries of the loaded tables (payments by subsidy and month,
funds by kind). Gathered once from the Evaluation; absent parts stay empty."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.evaluation import Evaluation
from jixiao.findings import CODES, Finding

ZERO = Decimal(0)
EXAMPLES_PER_CODE = 3


@dataclass(frozen=True)
class FindingFamily:
    """All findings of one code."""

    code: str
    count: int
    persons: int
    overpaid: Decimal  # sum of positive amounts
    underpaid: Decimal  # sum of |negative amounts|
    examples: tuple[Finding, ...]

    @property
    def title(self) -> str:
        return CODES[self.code].title

    @property
    def severity(self) -> str:
        return CODES[self.code].severity

    @property
    def meaning(self) -> str:
        return CODES[self.code].meaning


@dataclass(frozen=True)
class PaymentSummary:
    subsidy: str
    persons: int
    payments: int
    amount: Decimal


@dataclass(frozen=True)
class FundsLine:
    kind: str
    level: str
    amount: Decimal
    n: int


@dataclass(frozen=True)
class Sources:
    inputs: dict[str, Decimal] = field(default_factory=dict)  # metric inputs by id
    input_sources: dict[str, str] = field(default_factory=dict)  # id → facts | data | given
    audited: bool = False
    families: tuple[FindingFamily, ...] = ()
    rows: dict[str, dict[str, int]] = field(default_factory=dict)  # table → read/loaded/skipped/rejected
    payments: tuple[PaymentSummary, ...] = ()
    monthly: tuple[tuple[str, str, Decimal], ...] = ()  # (YYYY-MM, subsidy, amount)
    funds: tuple[FundsLine, ...] = ()

    @property
    def overpaid(self) -> Decimal:
        return sum((f.overpaid for f in self.families), ZERO)

    @property
    def underpaid(self) -> Decimal:
        return sum((f.underpaid for f in self.families), ZERO)

    def family(self, code: str) -> FindingFamily | None:
        return next((f for f in self.families if f.code == code), None)


def gather(ev: Evaluation) -> Sources:
    inputs: dict[str, Decimal] = {}
    input_sources: dict[str, str] = {}
    for m in ev.score.metrics.values():
        for key, value in m.inputs.items():
            inputs.setdefault(key, value)
            input_sources.setdefault(key, m.source)
    audit = ev.audit
    families = _families(audit.findings) if audit is not None else ()
    rows = _rows(getattr(audit, "rows", None)) if audit is not None else {}
    payments, monthly, funds = _tables(ev)
    return Sources(inputs, input_sources, audit is not None, families, rows, payments, monthly, funds)


def _families(findings: list[Finding]) -> tuple[FindingFamily, ...]:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_code[f.code].append(f)
    out = []
    for code in CODES:  # contract order
        items = by_code.get(code)
        if not items:
            continue
        over = sum((f.amount for f in items if f.amount is not None and f.amount > 0), ZERO)
        under = sum((-f.amount for f in items if f.amount is not None and f.amount < 0), ZERO)
        persons = len({f.person_id for f in items if f.person_id})
        out.append(FindingFamily(code, len(items), persons, over, under, tuple(items[:EXAMPLES_PER_CODE])))
    return tuple(out)


def _rows(rows: Any) -> dict[str, dict[str, int]]:
    """Row accounting as plain dicts, whatever shape the audit gives (dicts or objects)."""
    out: dict[str, dict[str, int]] = {}
    for table, acc in (rows or {}).items():
        if isinstance(acc, dict):
            out[table] = {k: int(acc.get(k, 0)) for k in ("read", "loaded", "skipped", "rejected")}
        else:
            out[table] = {k: int(getattr(acc, k, 0)) for k in ("read", "loaded", "skipped", "rejected")}
    return out


def _tables(ev: Evaluation) -> tuple[tuple[PaymentSummary, ...], tuple[tuple[str, str, Decimal], ...],
                                     tuple[FundsLine, ...]]:
    """Summaries of the loaded payments and funds, read from the store when it exists."""
    if not (ev.provided.get("payments") or ev.provided.get("funds")):
        return (), (), ()
    try:
        from jixiao.ingest.store import open_store
    except ImportError:
        return (), (), ()
    from jixiao.narrative.queries import summaries

    store = open_store(ev.workspace, read_only=True)
    try:
        return summaries(store, ev.provided)
    finally:
        store.close()
