"""Summaries of the loaded tables for the report's base data: payments by subsidy and by
month, funds by kind and level. Set-based SQL over the store; money stays DECIMAL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

PAYMENTS_BY_SUBSIDY = """
    SELECT subsidy, COUNT(DISTINCT person_id), COUNT(*), SUM(amount)
    FROM payments GROUP BY subsidy ORDER BY subsidy"""
PAYMENTS_BY_MONTH = """
    SELECT strftime(period, '%Y-%m') AS month, subsidy, SUM(amount)
    FROM payments GROUP BY month, subsidy ORDER BY month, subsidy"""
FUNDS_BY_KIND = """
    SELECT kind, COALESCE(level, ''), SUM(amount), COUNT(*)
    FROM funds GROUP BY kind, COALESCE(level, '')
    ORDER BY CASE kind WHEN '预算' THEN 1 WHEN '到位' THEN 2 WHEN '支出' THEN 3 ELSE 4 END, 2"""


def summaries(store: Any, provided: dict[str, bool]) -> tuple[tuple, tuple, tuple]:
    from jixiao.narrative.sources import FundsLine, PaymentSummary

    payments: tuple = ()
    monthly: tuple = ()
    funds: tuple = ()
    if provided.get("payments"):
        payments = tuple(PaymentSummary(s, int(p), int(n), Decimal(a))
                         for s, p, n, a in store.execute(PAYMENTS_BY_SUBSIDY).fetchall())
        monthly = tuple((m, s, Decimal(a)) for m, s, a in store.execute(PAYMENTS_BY_MONTH).fetchall())
    if provided.get("funds"):
        funds = tuple(FundsLine(k, lv, Decimal(a), int(n)) for k, lv, a, n in store.execute(FUNDS_BY_KIND).fetchall())
    return payments, monthly, funds
