"""Judgments bound to their rubric, and the counting unit of findings rules (issue 12)."""

from decimal import Decimal

import pytest

from jixiao.errors import FrameworkError, JudgmentsError
from jixiao.metrics.compute import compute_metrics
from jixiao.scoring.engine import score_framework
from jixiao.scoring.framework import parse_framework
from jixiao.scoring.judgments import parse_judgments
from tests.scoring.helpers import one_leaf, score_leaf

D = Decimal
LEVELS = [{"label": "健全并有效运行", "score": 5}, {"label": "健全未有效运行", "score": D("2.5")},
          {"label": "未建立", "score": 0}]


def test_a_score_outside_the_allowed_scores_is_an_error_naming_the_indicator():
    with pytest.raises(JudgmentsError) as caught:
        score_leaf({"kind": "judgment", "allowed": [5, D("2.5"), 0]}, "5", entry={"score": 4, "basis": "有待加强"})
    problem = caught.value.problems[0]
    assert (problem.where, problem.key) == ("X1", "score")
    assert "指标" in problem.message and "5、2.5、0" in problem.message and "4" in problem.message


def test_an_allowed_score_is_taken():
    leaf = score_leaf({"kind": "judgment", "allowed": [5, D("2.5"), 0]}, "5", entry={"score": D("2.5"), "basis": "半"})
    assert leaf.score == D("2.5")


def test_a_level_gives_its_score_and_reads_as_the_level():
    leaf = score_leaf({"kind": "judgment", "levels": LEVELS}, "5", entry={"level": "健全未有效运行", "basis": "运行不足"})
    assert (leaf.score, leaf.level) == (D("2.5"), "健全未有效运行")
    assert leaf.detail == "评价人判定为“健全未有效运行”，得2.5分"


@pytest.mark.parametrize("entry, key", [
    ({"level": "基本健全", "basis": "x"}, "level"),                 # not a level of the rubric
    ({"level": "未建立", "score": 5, "basis": "x"}, "score"),       # level and score disagree
    ({"score": 4, "basis": "x"}, "score"),                           # outside the levels' scores
])
def test_levels_are_checked(entry, key):
    with pytest.raises(JudgmentsError) as caught:
        score_leaf({"kind": "judgment", "levels": LEVELS}, "5", entry=entry)
    assert ("X1", key) in [(p.where, p.key) for p in caught.value.problems]


def test_a_level_on_a_leaf_without_levels_is_an_error():
    with pytest.raises(JudgmentsError) as caught:
        score_leaf({"kind": "judgment"}, "5", entry={"level": "好", "basis": "x"})
    assert [(p.where, p.key) for p in caught.value.problems] == [("X1", "level")]


def _survey_leaf(score: str, satisfied: int):
    doc = one_leaf({"kind": "judgment", "metric": "satisfaction_rate", "full_at": D("0.9")}, "6")
    framework = parse_framework(doc, "framework.yaml")
    judgments = parse_judgments({"facts": {"answers_satisfied": satisfied, "answers_valid": 100},
                                 "scores": {"X1": {"score": D(score), "basis": "平均值在满意之上"}}},
                                framework, "judgments.yaml")
    return score_framework(framework, judgments, compute_metrics(judgments.facts))


def test_full_marks_against_a_lower_computed_figure_is_a_warning_not_an_error():
    result = _survey_leaf("6", 73)
    leaf = result.find("X1")
    assert leaf.score == D(6) and leaf.value == D("0.73")
    assert [w for w in result.warnings if w.startswith("X1 指标：")] == [
        "X1 指标：评价人判定得满分6分，但计算的满意率为73.00%，低于评分标准要求的90.00%，评分与计算结果不一致，请复核"]


@pytest.mark.parametrize("score, satisfied", [("6", 95), ("5", 73)])
def test_no_warning_when_the_figure_supports_the_judgment(score, satisfied):
    assert not [w for w in _survey_leaf(score, satisfied).warnings if w.startswith("X1")]


def _findings(per: str | None, standard: str = ""):
    rule = {"kind": "findings", "codes": ["paid-after-death", "double-payment"], "deduct_each": D("0.5")}
    if per:
        rule["per"] = per
    doc = one_leaf(rule, "6")
    if standard:
        doc["indicators"][0]["standard"] = standard
    return doc


UNITS = {"row": {"paid-after-death": 22, "double-payment": 4},
         "person": {"paid-after-death": 4, "double-payment": 4},
         "month": {"paid-after-death": 14, "double-payment": 4}}


@pytest.mark.parametrize("per, expected, detail", [
    ("person", "2", "发现死亡后仍发放4人、重复发放4人，共8人，每人扣0.5分，共扣4分，得2分"),
    ("row", "0", "发现死亡后仍发放22条、重复发放4条，共26条，每条扣0.5分，共扣13分，超过分值6分，得0分"),
    ("month", "0", "发现死亡后仍发放14人月、重复发放4人月，共18人月，每人月扣0.5分，共扣9分，超过分值6分，得0分"),
    (None, "0", "发现死亡后仍发放22条、重复发放4条，共26条，每条扣0.5分，共扣13分，超过分值6分，得0分"),
])
def test_a_findings_rule_counts_in_its_unit_and_says_so_in_chinese(per, expected, detail):
    framework = parse_framework(_findings(per), "framework.yaml")
    judgments = parse_judgments({}, framework, "judgments.yaml")
    result = score_framework(framework, judgments, compute_metrics({}), UNITS["row"], UNITS)
    leaf = result.find("X1")
    assert leaf.score == D(expected)
    assert leaf.detail == detail
    assert dict(leaf.counted) == UNITS[per or "row"]


def test_without_the_audit_facts_count_in_the_rules_unit():
    leaf = score_leaf(_findings("person")["indicators"][0]["rule"], "6",
                      facts={"findings": {"paid-after-death": 2, "double-payment": 0}})
    assert leaf.score == D(5) and "死亡后仍发放2人" in leaf.detail


def test_none_found_gives_full_marks_in_words():
    framework = parse_framework(_findings("person"), "framework.yaml")
    result = score_framework(framework, parse_judgments({}, framework, "j.yaml"), compute_metrics({}),
                             {"paid-after-death": 0, "double-payment": 0},
                             {"person": {"paid-after-death": 0, "double-payment": 0}})
    assert result.find("X1").detail == "未发现死亡后仍发放、重复发放问题，得满分6分"


@pytest.mark.parametrize("per, standard, bad", [
    (None, "未发现问题得满分；每发现一例扣 0.5 分", True),      # 一例 is a person: per must say so
    ("row", "每发现一例扣 0.5 分", True),
    ("person", "每发现一例扣 0.5 分", False),
    ("row", "每发现一笔扣 0.2 分", False),
    ("person", "每发现一笔扣 0.2 分", True),
    ("month", "每人月扣 0.1 分", False),
])
def test_the_rubrics_wording_and_the_unit_must_agree(per, standard, bad):
    doc = _findings(per, standard)
    if bad:
        with pytest.raises(FrameworkError) as caught:
            parse_framework(doc, "framework.yaml")
        assert [(p.where, p.key) for p in caught.value.problems] == [("X1", "rule.per")]
    else:
        assert parse_framework(doc, "framework.yaml").leaves()[0].rule.params["per"] == (per or "row")


@pytest.mark.parametrize("rule, facts, entry, detail", [
    ({"kind": "checklist", "items": ["甲", "乙"], "deduct_each": 1}, {}, {"items": {"甲": True, "乙": True}, "basis": "x"},
     "2项要求均已达到，得满分4分"),
    ({"kind": "checklist", "items": ["甲", "乙"], "deduct_each_pct": 50}, {}, {"items": {"甲": False, "乙": True},
                                                                           "basis": "x"},
     "未达到“甲”1项，每项扣分值的50%，共扣2分，得2分"),
    ({"kind": "bands", "metric": "budget_execution_rate", "full_at": D("0.95"), "deduct_per_point": D("0.02"),
      "zero_below": D("0.6")}, {"budget": 100, "spent": 93}, None,
     "93.00%低于满分线95.00%共2个百分点，每低1个百分点扣分值的2%：4 × (1 − 0.02 × 2) = 3.84分"),
])
def test_computations_read_as_chinese(rule, facts, entry, detail):
    assert score_leaf(rule, "4", facts=facts, entry=entry).detail == detail
