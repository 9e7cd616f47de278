"""Wide layouts, a contract extension read only when a sheet lacks the long layout's
required columns: one amount column per subsidy (payments: 生活补贴（元）, 护理补贴（元）)
or per fund kind (funds: 预算数, 到位数, 支出数) instead of a type column and an amount.

Each source row keeps one status in `_norm` (accounting stays per row); `output_sql`
unpivots the loaded rows set-based, one store row per amount cell, all with the same `_row`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.ingest.fields import WIDE_FUND_KINDS, WIDE_NOT_AMOUNT
from jixiao.vocabulary import CARE, LIVING, subsidy_name


def subsidy_column(key: str) -> str | None:
    """The subsidy an amount header names (folded key), as sqlfuncs.jx_subsidy reads a
    value: a vocabulary spelling, else a header containing exactly one of 生活 / 护理.
    None for totals (合计) and columns holding something else (标准, 月份, 人数 …)."""
    if any(word in key for word in WIDE_NOT_AMOUNT):
        return None
    named = subsidy_name(key)
    if named:
        return named
    living, care = "生活" in key, "护理" in key
    return LIVING if living and not care else CARE if care and not living else None


_FUND_KINDS = {header: kind for kind, headers in WIDE_FUND_KINDS.items() for header in headers}


def fund_kind_column(key: str) -> str | None:
    """The fund kind (预算 / 到位 / 支出) an amount header names (folded key)."""
    return _FUND_KINDS.get(key)


@dataclass(frozen=True)
class WideForm:
    """How a table may be laid out wide."""

    target: str  # the store column each amount column names a value of: subsidy | kind
    missing: str  # rejection reason when every amount cell of a row is blank
    keep_zero: bool  # a 0 cell is a row (funds) or means "not paid" (payments: no row)
    hint: str  # what the wide form looks like, for the missing-columns error
    classify: Callable[[str], str | None]  # folded header → target value, or None

    @property
    def pivoted(self) -> tuple[str, str]:
        """The long layout's fields the amount columns replace."""
        return (self.target, "amount")


WIDE_FORMS: dict[str, WideForm] = {
    "payments": WideForm(
        "subsidy", "缺少发放金额", False,
        "也不是宽表格式：宽表每行一人一期，应有身份证号、发放月份，以及每种补贴一列金额"
        "（表头只含“生活”或“护理”之一，如 生活补贴（元）、护理补贴（元））",
        subsidy_column),
    "funds": WideForm(
        "kind", "缺少金额", True,
        "也不是宽表格式：宽表每行一笔资金，每种类型一列金额（预算数、到位数、支出数，或 预算金额、"
        "下达数、实际支出 等，可带（万元））",
        fund_kind_column),
}


@dataclass(frozen=True)
class WideColumn:
    """One amount column of a wide sheet."""

    name: str  # staging name, w0, w1 …: its columns in _norm are t_w0 and v_w0
    index: int  # column index in the sheet
    header: str  # header text as found
    value: str  # the subsidy or fund kind it holds
    factor: Decimal  # 1, or 10000 for 万元


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def blank_reason(form: WideForm, columns: tuple[WideColumn, ...]) -> str:
    """SQL for the rejection reason of a row whose amount cells are all blank."""
    blank = " AND ".join(f"t_{c.name} IS NULL" for c in columns)
    names = _q("、".join(c.header for c in columns))
    return f"CASE WHEN {blank} THEN {{'column': {names}, 'reason': {_q(form.missing)}, 'value': NULL::VARCHAR}} END"


def nothing_paid(form: WideForm, columns: tuple[WideColumn, ...]) -> str | None:
    """SQL true for a readable row that yields no store row (every amount 0 or blank);
    None when every readable amount is a row."""
    if form.keep_zero:
        return None
    return " AND ".join(f"coalesce(v_{c.name}, 0) = 0" for c in columns)


def output_sql(form: WideForm, columns: tuple[WideColumn, ...]) -> str:
    """The loaded rows of _norm unpivoted: one row per amount cell that is a payment or a
    funds movement, with v_<target>, v_amount and _col (the column's place, for ordering)."""
    keep = "IS NOT NULL" if form.keep_zero else "<> 0"
    parts = [f"SELECT *, {_q(c.value)} AS v_{form.target}, v_{c.name} AS v_amount, {i} AS _col"
             f" FROM _norm WHERE _status = 'loaded' AND v_{c.name} {keep}" for i, c in enumerate(columns)]
    return " UNION ALL ".join(parts)
