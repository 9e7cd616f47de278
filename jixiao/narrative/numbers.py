"""How numbers are printed in the report: one function per kind of number, so a score,
a rate or an amount reads the same in every section and every file."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jixiao.decimals import percent
from jixiao.scoring.rules import fmt

CENT = Decimal("0.01")


def score(x: Decimal | None) -> str:
    """A score as the result holds it, without trailing zeros: 16, 3.4, 85.9."""
    return "—" if x is None else fmt(x)


def rate(x: Decimal | None) -> str:
    """A fraction as a percentage to 0.01 %: 0.575864 → 57.59%."""
    return percent(x)


def index(x: Decimal | None) -> str:
    """满意度指数 on its 0–100 scale, to 0.01: 0.83694 → 83.69 (the chart prints the same)."""
    if x is None:
        return "—"
    return f"{(x * 100).quantize(CENT, rounding=ROUND_HALF_UP)}"


def money(x: Decimal | None) -> str:
    """An amount in 元 with thousands separators and two decimals: 1,266,901.00."""
    if x is None:
        return "—"
    return f"{x.quantize(CENT, rounding=ROUND_HALF_UP):,}"


def count(n: int | Decimal | None) -> str:
    if n is None:
        return "—"
    return f"{int(n):,}"


def plain_number(x: Decimal | None) -> str:
    """An input that is not money (a count of persons or rows): as given."""
    if x is None:
        return "—"
    return f"{int(x):,}" if x == x.to_integral_value() else fmt(x)


MONEY_INPUTS = frozenset({"budget", "allocated", "spent", "living_planned", "living_paid",
                          "care_planned", "care_paid"})


def input_value(key: str, x: Decimal | None) -> str:
    """A metric input: money in 元 or a count, by what the input is."""
    return money(x) if key in MONEY_INPUTS else plain_number(x)


def input_with_unit(key: str, x: Decimal | None, yuan: str) -> str:
    """A metric input with its unit where it has one: 2,200,000.00元, 3,968."""
    return money(x) + yuan if key in MONEY_INPUTS and x is not None else input_value(key, x)
