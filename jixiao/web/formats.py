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


RULE_KEYS = {"target": "目标值", "direction": "方向", "full_at": "满分线", "deduct_per_point": "每低 1 个百分点扣分值的",
             "zero_below": "低于此值得 0 分", "steps": "门槛", "deduct_each": "每项扣分",
             "deduct_each_pct": "每项扣分值的百分比", "codes": "计入的核查问题"}
DIRECTIONS = {"higher": "越高越好", "lower": "越低越好"}


def rule_params(params: dict[str, Any]) -> list[tuple[str, str]]:
    """A rule's keys as the evaluator reads them (the metric is shown by its own name)."""
    out = []
    for key, value in params.items():
        if key not in RULE_KEYS or value is None:
            continue
        if key == "direction":
            text = DIRECTIONS.get(str(value), str(value))
        elif key == "codes":
            text = "、".join(code_title(str(c)) for c in value)
        elif key == "steps":
            text = "；".join(f"达到 {rate(t)} 得 {rate(f)}" for t, f in value)
        elif key in ("target", "full_at", "zero_below", "deduct_per_point"):
            text = rate(value)
        elif key == "deduct_each_pct":
            text = f"{number(value)}%"
        else:
            text = number(value)
        out.append((RULE_KEYS[key], text))
    return out


def input_name(key: str) -> str:
    return INPUT_NAMES.get(key, key)


FILTERS = {"number": number, "money": money, "rate": rate, "when": when, "code_title": code_title,
           "table_name": table_name, "kind_name": kind_name, "input_name": input_name, "rule_params": rule_params}
