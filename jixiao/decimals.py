"""Exact numbers: parsing user-given figures, rounding by rule, and printing."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

ROUNDING_MODES = {"half_up": ROUND_HALF_UP, "floor": ROUND_FLOOR}


def to_decimal(value: object) -> Decimal | None:
    """An exact Decimal from a YAML/TOML scalar or a user string ("1,266,901", "57.59%");
    None if it is not a number. Floats go through their shortest repr, never binary."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        percent = text.endswith(("%", "％"))
        if percent:
            text = text[:-1]
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
        if not number.is_finite():
            return None
        return number / 100 if percent else number
    return None


def round_to_step(value: Decimal, step: Decimal, mode: str = "half_up") -> Decimal:
    """Round to a multiple of `step` (0.01, 0.1, 0.5, 1 …) with the named mode."""
    units = (value / step).quantize(Decimal(1), rounding=ROUNDING_MODES[mode])
    return (units * step).quantize(step) if step.as_tuple().exponent < 0 else units * step


def plain(value: Decimal | None) -> int | float | None:
    """A JSON-ready number: an int when whole, else the shortest float of the decimal."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def percent(rate: Decimal | None, places: int = 2) -> str:
    """0.575864 -> '57.59%'."""
    if rate is None:
        return "—"
    return f"{(rate * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"
