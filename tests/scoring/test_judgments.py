"""judgments.yaml validation against the framework, and pending leaves."""

from decimal import Decimal

import pytest

from jixiao.errors import JudgmentsError
from jixiao.scoring.framework import parse_framework
from jixiao.scoring.judgments import parse_judgments
from tests.scoring.helpers import score

FRAMEWORK = {
    "name": "x",
    "indicators": [
        {"code": "A", "name": "决策", "weight": 40, "children": [
            {"code": "A1", "name": "充分性", "weight": 20, "rule": {"kind": "judgment"}},
            {"code": "A2", "name": "制度", "weight": 20,
             "rule": {"kind": "checklist", "items": ["有办法", "有复核"], "deduct_each": 10}}]},
        {"code": "B", "name": "过程", "weight": 60, "children": [
            {"code": "B1", "name": "执行率", "weight": 60, "rule": {"kind": "ratio", "metric": "budget_execution_rate"}}]},
    ],
}


def test_every_judgment_problem_is_listed():
    framework = parse_framework(FRAMEWORK, "framework.yaml")
    bad = {"facts": {"budget": "很多"},
           "scores": {"A": {"score": 1, "basis": "x"},             # not a leaf
                      "A1": {"score": 25, "basis": "x"},           # above weight
                      "A2": {"items": {"有办法": True, "有考核": False}, "basis": "x"},  # an item the framework does not list
                      "B1": {"score": 50, "basis": ""},           # score on a computed leaf; no basis
                      "Z9": {"score": 1, "basis": "x"}}}          # unknown code
    with pytest.raises(JudgmentsError) as caught:
        parse_judgments(bad, framework, "judgments.yaml")
    found = {(p.where, p.key) for p in caught.value.problems}
    assert {("facts", "budget"), ("A", ""), ("A1", "score"), ("A2", "items"), ("B1", "score"),
            ("B1", "basis"), ("Z9", "")} <= found


def test_incomplete_evaluation_is_pending_not_an_error():
    result = score(FRAMEWORK, {"facts": {"budget": 100, "spent": 50},
                               "scores": {"A1": {"score": 15, "basis": "扣5分"}}})
    assert result.pending == ("A2",)
    assert not result.complete and result.grade is None
    assert result.total == Decimal(45)  # 15 + 60 × 0.5, the scored leaves only
    assert result.find("A").score == Decimal(15)


def test_complete_evaluation_is_graded():
    result = score(FRAMEWORK, {"facts": {"budget": 100, "spent": 100},
                               "scores": {"A1": {"score": 20, "basis": "满分"},
                                          "A2": {"items": {"有办法": True, "有复核": False}, "basis": "未见复核"}}})
    assert result.complete and result.total == Decimal(90) and result.grade == "优"


def test_checklist_with_undecided_items_is_pending():
    result = score(FRAMEWORK, {"scores": {"A2": {"items": {"有办法": True}, "basis": "复核材料待补"}}})
    a2 = result.find("A2")
    assert a2.pending and a2.score is None and "有复核" in a2.detail


def test_override_on_a_judgment_leaf_keeps_the_judged_score():
    result = score(FRAMEWORK, {"scores": {"A1": {"score": 12, "override": 15, "basis": "复议后调整"}}})
    a1 = result.find("A1")
    assert (a1.computed, a1.score, a1.overridden) == (Decimal(12), Decimal(15), True)
