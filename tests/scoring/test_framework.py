"""Framework validation: every problem at once, with file, indicator code and key."""

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.errors import FrameworkError
from jixiao.frameworks import builtin_names, builtin_path
from jixiao.scoring.framework import load_framework, parse_framework

FIXTURES = Path(__file__).parent / "fixtures"


def problems_of(doc) -> list[tuple[str, str]]:
    with pytest.raises(FrameworkError) as caught:
        parse_framework(doc, "framework.yaml")
    return [(p.where, p.key) for p in caught.value.problems]


def test_broken_framework_lists_every_problem_in_one_error():
    with pytest.raises(FrameworkError) as caught:
        load_framework(FIXTURES / "broken-framework.yaml")
    found = {(p.where, p.key) for p in caught.value.problems}
    assert ("A1", "wieght") in found                 # typo'd key
    assert ("A", "weight") in found                  # 4 + 6 ≠ 20
    assert ("B1", "rule.kind") in found              # unknown rule kind
    assert ("C", "children") in found                # leaf rule and children together
    message = str(caught.value)
    assert "broken-framework.yaml" in message and "ratoi" in message and "judgment" in message


def test_top_level_must_sum_to_total():
    doc = {"name": "x", "indicators": [{"code": "A", "name": "a", "weight": 40, "rule": {"kind": "judgment"}}]}
    assert ("", "weight") in problems_of(doc)
    assert parse_framework({**doc, "total": 40}, "f.yaml").total == Decimal(40)


@pytest.mark.parametrize("rule, key", [
    ({"kind": "ratio"}, "rule.metric"),
    ({"kind": "ratio", "metric": "no_such_metric"}, "rule.metric"),
    ({"kind": "ratio", "metric": "fund_arrival_rate", "direction": "up"}, "rule.direction"),
    ({"kind": "bands", "metric": "fund_arrival_rate", "full_at": 0.9, "deduct_per_point": 0.02,
      "zero_below": 0.95}, "rule.zero_below"),
    ({"kind": "thresholds", "metric": "fund_arrival_rate", "steps": [[0.9]]}, "rule.steps"),
    ({"kind": "checklist", "items": ["a"]}, "rule.deduct_each"),
    ({"kind": "checklist", "items": ["a"], "deduct_each": 1, "deduct_each_pct": 10}, "rule.deduct_each"),
    ({"kind": "findings", "codes": ["paid-twice"], "deduct_each": 1}, "rule.codes"),
    ({"kind": "judgment", "weight": 5}, "X.rule"),
    ({"kind": "judgment", "metric": "no_such_metric"}, "rule.metric"),
    ({"kind": "judgment", "full_at": 0.9}, "rule.full_at"),
    ({"kind": "judgment", "allowed": ["满分"]}, "rule.allowed"),
    ({"kind": "judgment", "levels": [{"label": "好", "score": 5}, {"label": "好", "score": 1}]}, "rule.levels"),
    ({"kind": "judgment", "levels": [{"name": "好", "score": 5}]}, "rule.levels"),
    ({"kind": "findings", "codes": ["paid-after-death"], "deduct_each": 1, "per": "case"}, "rule.per"),
])
def test_rule_keys_are_checked(rule, key):
    doc = {"name": "x", "total": 5, "indicators": [{"code": "X", "name": "x", "weight": 5, "rule": rule}]}
    assert any(k == key or w == key for w, k in problems_of(doc)), problems_of(doc)


def test_duplicate_codes_and_bad_rounding_are_reported():
    leaf = {"code": "X", "name": "x", "weight": 5, "rule": {"kind": "judgment"}, "round": {"mode": "up"}}
    doc = {"name": "x", "total": 10, "indicators": [leaf, dict(leaf, round={"step": 0.1})]}
    found = problems_of(doc)
    assert ("X", "code") in found and ("X", "round.mode") in found


def test_weight_must_be_a_multiple_of_the_rounding_step():
    leaf = {"code": "X", "name": "x", "weight": 2.5, "rule": {"kind": "judgment"}, "round": {"step": 1}}
    assert ("X", "round.step") in problems_of({"name": "x", "total": 2.5, "indicators": [leaf]})


def test_grades_default_and_custom_order():
    doc = {"name": "x", "total": 5, "indicators": [{"code": "X", "name": "x", "weight": 5, "rule": {"kind": "judgment"}}],
           "grades": [{"min": 0, "label": "差"}, {"min": 4, "label": "好"}]}
    framework = parse_framework(doc, "f.yaml")
    assert framework.grade(Decimal("4")) == "好" and framework.grade(Decimal("3.99")) == "差"
    doc.pop("grades")
    assert parse_framework(doc, "f.yaml").grade(Decimal(60)) == "中"


@pytest.mark.parametrize("name", builtin_names())
def test_builtin_frameworks_are_valid(name):
    framework = load_framework(builtin_path(name))
    assert sum(i.weight for i in framework.indicators) == framework.total


def test_national_framework_is_complete():
    framework = load_framework(builtin_path("national-2020"))
    tops = {i.name: i.weight for i in framework.indicators}
    assert list(tops) == ["决策", "过程", "产出", "效益"]
    assert tops["产出"] + tops["效益"] >= 60
    metrics = {leaf.rule.metric for leaf in framework.leaves() if leaf.rule.metric}
    assert {"fund_arrival_rate", "budget_execution_rate", "living_disbursement_rate", "care_disbursement_rate",
            "coverage_rate", "payment_accuracy_rate", "on_time_rate", "roster_accuracy_rate",
            "satisfaction_rate"} <= metrics
    for leaf in framework.leaves():
        assert leaf.explain and leaf.standard and leaf.source, leaf.code
