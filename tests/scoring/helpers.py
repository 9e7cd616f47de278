"""Build tiny frameworks in code and score them through the real parser and engine."""

from __future__ import annotations

from decimal import Decimal

from jixiao.metrics.compute import compute_metrics
from jixiao.scoring.engine import score_framework
from jixiao.scoring.framework import parse_framework
from jixiao.scoring.judgments import parse_judgments
from jixiao.scoring.result import ScoredNode, ScoreResult


def one_leaf(rule: dict, weight="10", round_: dict | None = None) -> dict:
    leaf = {"code": "X1", "name": "指标", "weight": Decimal(weight), "rule": rule}
    if round_:
        leaf["round"] = round_
    return {"name": "测试", "total": Decimal(weight), "indicators": [leaf]}


def score(doc: dict, judgments: dict | None = None) -> ScoreResult:
    framework = parse_framework(doc, "framework.yaml")
    parsed = parse_judgments(judgments or {}, framework, "judgments.yaml")
    return score_framework(framework, parsed, compute_metrics(parsed.facts))


def score_leaf(rule: dict, weight="10", facts: dict | None = None, entry: dict | None = None,
               round_: dict | None = None) -> ScoredNode:
    judgments = {"facts": facts or {}, "scores": {"X1": entry} if entry else {}}
    result = score(one_leaf(rule, weight, round_), judgments)
    leaf = result.find("X1")
    assert leaf is not None
    return leaf
