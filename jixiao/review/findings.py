"""A review finding and the registry of review checks.

Every check is registered with its code, severity and a Chinese title; a check is a
function of the Extraction that yields findings and never raises on odd text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.registry import Registry
from jixiao.review.numbers import plain
from jixiao.review.text import Place

SEVERITIES = ("error", "warning")
SEVERITY_ZH = {"error": "错误", "warning": "提示"}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    where: str  # Place rendered: section, paragraph or table row, page
    quote: str  # the report's own words
    detail: str  # the arithmetic or the reason, in Chinese
    numbers: tuple[Decimal, ...] = ()

    def json(self) -> dict:
        return {"code": self.code, "severity": self.severity, "where": self.where, "quote": self.quote,
                "detail": self.detail, "numbers": [plain(n) for n in self.numbers]}


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    title: str  # Chinese, for the review report's summary
    run: Callable[..., Iterable[Finding]]

    def finding(self, place: Place | str, quote: str, detail: str, numbers: Iterable[Decimal] = ()) -> Finding:
        return Finding(self.code, self.severity, str(place), _short(quote), detail, tuple(numbers))


CHECKS: Registry[Check] = Registry("review check")


def check(code: str, severity: str, title: str) -> Callable[[Callable[..., Iterable[Finding]]], Check]:
    """Register a check: `@check("sum-mismatch", "error", "分项之和与合计不符")`."""
    if severity not in SEVERITIES:
        raise ValueError(f"severity {severity!r} unknown (known: {', '.join(SEVERITIES)})")

    def add(fn: Callable[..., Iterable[Finding]]) -> Check:
        entry = Check(code, severity, title, fn)
        CHECKS.add(code, entry)
        return entry

    return add


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
