"""What the audit produced: the findings (one Arrow table), and per finding code its count,
persons, money and examples — summarised once, here, for the CLI, the JSON, the files,
the metrics and the report alike."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import pyarrow as pa

from jixiao.decimals import plain
from jixiao.findings import CODES, Finding

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Share:
    """Findings of one code that fall on one township or one month."""

    key: str  # the township, or the month YYYY-MM
    count: int
    persons: int
    overpaid: Decimal
    underpaid: Decimal


@dataclass(frozen=True)
class CodeSummary:
    """All findings of one code."""

    code: str
    count: int
    persons: int  # distinct person_ids among them
    overpaid: Decimal  # Σ positive amounts (paid but not due)
    underpaid: Decimal  # Σ |negative amounts| (due but not paid)
    examples: tuple[Finding, ...] = ()  # the first few, in findings order
    by_township: tuple[Share, ...] = ()  # largest first (townships from the roster)
    by_period: tuple[Share, ...] = ()  # in month order

    @property
    def title(self) -> str:
        return CODES[self.code].title

    @property
    def severity(self) -> str:
        return CODES[self.code].severity

    @property
    def meaning(self) -> str:
        return CODES[self.code].meaning

    @property
    def has_money(self) -> bool:
        return bool(self.overpaid or self.underpaid)


@dataclass(frozen=True)
class AuditResult:
    """The findings of every check plus the ingest's, and their summary by code."""

    table: pa.Table  # findings: CONTRACT §3 columns (severity aside) plus `township`
    codes: tuple[CodeSummary, ...]  # every code, contract order, zero counts included
    warnings: tuple[str, ...] = ()  # what the audit could not judge, in Chinese
    files: tuple[Path, ...] = ()  # out/findings.csv, out/findings.xlsx once written

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        t = self.table
        return tuple(Finding(code=r["code"], table=r["table"], row=r["row"], message=r["message"] or "",
                             person_id=r["person_id"] or "", subsidy=r["subsidy"] or "",
                             period=r["period"] or "", amount=r["amount"])
                     for r in t.select(["code", "table", "row", "message", "person_id", "subsidy", "period",
                                        "amount"]).to_pylist())

    @property
    def counts(self) -> dict[str, int]:
        """code → number of findings, every code, contract order."""
        return {c.code: c.count for c in self.codes}

    @property
    def found(self) -> tuple[CodeSummary, ...]:
        """The codes with at least one finding."""
        return tuple(c for c in self.codes if c.count)

    def code(self, code: str) -> CodeSummary:
        return next(c for c in self.codes if c.code == code)

    @property
    def total(self) -> int:
        return sum(c.count for c in self.codes)

    @property
    def errors(self) -> int:
        return sum(c.count for c in self.codes if c.severity == "error")

    @property
    def overpaid(self) -> Decimal:
        return sum((c.overpaid for c in self.codes), ZERO)

    @property
    def underpaid(self) -> Decimal:
        return sum((c.underpaid for c in self.codes), ZERO)

    def money_json(self) -> dict:
        """CONTRACT §6 money_at_risk (plus money by code)."""
        return {"overpaid": plain(self.overpaid), "underpaid": plain(self.underpaid),
                "by_code": {c.code: {"overpaid": plain(c.overpaid), "underpaid": plain(c.underpaid)}
                            for c in self.codes if c.has_money}}
