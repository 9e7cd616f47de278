"""Numbers as a report prints them: 1,266,901.00元, 302.74 万元, 57.59%, 3.4 分, 100 份 —
an exact Decimal, its unit and how many decimals were printed (the rounding a check
must allow)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

UNITS = ("亿元", "万元", "元", "%", "分", "人次", "人", "份", "户", "个", "项")
_UNIT = "|".join(re.escape(u) for u in UNITS)
# not part of a code (A111), a document number (〔2016〕61号), a date or a longer number
FIGURE = re.compile(
    r"(?<![\d.,A-Za-z〔\[])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<unit>" + _UNIT + r")?"
    r"(?![\d年月日号〕\]])")
YUAN = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
MONEY_UNITS = tuple(YUAN)


@dataclass(frozen=True)
class Figure:
    value: Decimal  # as printed: 57.59 for 57.59%, 302.74 for 302.74万元
    unit: str  # "" when none is printed
    decimals: int
    start: int
    end: int
    raw: str

    @property
    def digits(self) -> str:
        """The printed digits without separators or trailing zeros: 379.39万 → '37939'."""
        return self.raw_number.replace(",", "").replace(".", "").rstrip("0").lstrip("0")

    @property
    def raw_number(self) -> str:
        return re.sub(r"\s*(" + _UNIT + r")$", "", self.raw)

    @property
    def is_money(self) -> bool:
        return self.unit in YUAN

    @property
    def yuan(self) -> Decimal:
        return self.value * YUAN.get(self.unit, Decimal(1))

    @property
    def half_unit(self) -> Decimal:
        """Half a unit in the last printed place, in the figure's own unit."""
        return Decimal(5) / Decimal(10) ** (self.decimals + 1)

    @property
    def fraction(self) -> Decimal:
        """A percentage as a fraction: 57.59% → 0.5759."""
        return self.value / 100 if self.unit == "%" else self.value


def figures(text: str, unit: str = "") -> list[Figure]:
    """Every number in `text` with its unit; `unit` is the default (a table's 单位：万元)."""
    out = []
    for m in FIGURE.finditer(text):
        num, frac = m.group("num"), m.group("frac") or ""
        if _is_date_or_code(text, m.start(), m.end()):
            continue
        u = m.group("unit") or ""
        if not u and unit:
            u = unit
        out.append(Figure(Decimal(num.replace(",", "") + frac), u, max(len(frac) - 1, 0),
                          m.start(), m.end(), m.group(0).strip()))
    return out


def _is_date_or_code(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 1):start]
    after = text[end:end + 2]
    if before in ("-", "—", "/") and text[max(0, start - 5):start - 1].isdigit():
        return True  # 2022-05, 2022/5
    if after[:1] in ("-", "/") and after[1:2].isdigit():
        return True
    return bool(re.match(r"\s*[年月日号期季]", text[end:end + 3])) or before in ("第",)


def money(text: str, unit: str = "") -> list[Figure]:
    return [f for f in figures(text, unit) if f.is_money]


def percents(text: str) -> list[Figure]:
    return [f for f in figures(text) if f.unit == "%"]


def number(text: str) -> Decimal | None:
    """The one plain number a table cell holds ("16", "3.40", "85.9分"), else None."""
    m = re.fullmatch(r"\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(分|%)?\s*", text or "")
    if not m:
        return None
    return Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))


def decimals_of(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def close(a: Decimal, b: Decimal, tolerance: Decimal) -> bool:
    return abs(a - b) <= tolerance + Decimal("1e-9")


def plain(value: Decimal) -> int | float:
    """A Decimal as a plain JSON number: 16 → 16, 3.40 → 3.4."""
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def show(value: Decimal) -> str:
    """A number for a message: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text


def grouped(value: Decimal) -> str:
    """An amount for a message as reports print amounts: 1,266,871, 3,526,200.5."""
    return format(value.normalize(), ",f")
