"""How the pages print numbers, money, rates and times (Jinja filters), in one place."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.findings import CODES
from jixiao.ingest.fields import TABLE_TITLES
from jixiao.metrics.definitions import INPUT_NAMES

RULE_KINDS = {"judgment": "评价人判定", "ratio": "比率", "bands": "分档扣分", "thresholds": "门槛", "checklist": "检查项",
              "findings": "核查扣分"}
SUBSIDY_SHORT = {"生活补贴": "生活补贴", "护理补贴": "护理补贴"}


def number(value: Any) -> str:
    if value is None or value == "":
        return "—"
    d = Decimal(str(value))
    text = f"{d:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: Any) -> str:
    if value is None or value == "":
        return ""
    return f"{Decimal(str(value)):,.2f}"


def rate(value: Any) -> str:
    if value is None:
        return "—"
    return f"{Decimal(str(value)) * 100:.2f}%"


def when(value: Any) -> str:
    return str(value or "").replace("T", " ")[:16]


def code_title(code: str) -> str:
    return CODES[code].title if code in CODES else code


def table_name(table: str) -> str:
    return TABLE_TITLES.get(table, table)


def kind_name(kind: str) -> str:
    return RULE_KINDS.get(kind, kind)


def input_name(key: str) -> str:
    return INPUT_NAMES.get(key, key)


FILTERS = {"number": number, "money": money, "rate": rate, "when": when, "code_title": code_title,
           "table_name": table_name, "kind_name": kind_name, "input_name": input_name}
