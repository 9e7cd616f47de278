"""Every rule kind, table-driven, through the real parser and engine (CONTRACT §4)."""

from decimal import Decimal

import pytest

from tests.scoring.helpers import score_leaf

D = Decimal

RATIO = {"kind": "ratio", "metric": "budget_execution_rate"}
BANDS = {"kind": "bands", "metric": "budget_execution_rate", "full_at": D("0.95"),
         "deduct_per_point": D("0.02"), "zero_below": D("0.60")}


def facts_for_rate(rate: str) -> dict:
    """spent/budget equal to `rate` exactly."""
    return {"budget": 10000, "spent": D(rate) * 10000}


@pytest.mark.parametrize("rule, weight, rate, expected", [
    (RATIO, "5", "0.93", "4.65"),                         # w·v
    (RATIO, "5", "0", "0"),                               # v = 0 → 0
    (RATIO, "5", "1.2", "5"),                             # v > target → capped at w
    ({**RATIO, "target": D("0.8")}, "4", "0.6", "3"),     # w·v/target
    ({**RATIO, "target": D("0.8")}, "4", "0.9", "4"),     # above target → w
    ({**RATIO, "target": D("0.05"), "direction": "lower"}, "6", "0.10", "3"),  # w·target/v
    ({**RATIO, "target": D("0.05"), "direction": "lower"}, "6", "0", "6"),     # v = 0 → w
    ({**RATIO, "target": D("0.05"), "direction": "lower"}, "6", "0.04", "6"),  # better than target
    (BANDS, "2", "0.93", "1.92"),                         # the contract's example
    (BANDS, "2", "0.95", "2"),                            # at full_at
    (BANDS, "2", "1", "2"),                               # above full_at
    (BANDS, "2", "0.60", "0.6"),                          # at zero_below: still in the band
    (BANDS, "2", "0.5999", "0"),                          # below zero_below
    ({"kind": "thresholds", "metric": "budget_execution_rate",
      "steps": [[D("0.9"), D("0.5")], [1, 1], [D("0.95"), D("0.8")]]}, "10", "0.96", "8"),  # unordered steps
    ({"kind": "thresholds", "metric": "budget_execution_rate",
      "steps": [[1, 1], [D("0.9"), D("0.5")]]}, "10", "1", "10"),
    ({"kind": "thresholds", "metric": "budget_execution_rate",
      "steps": [[1, 1], [D("0.9"), D("0.5")]]}, "10", "0.89", "0"),  # below every step
])
def test_metric_rules(rule, weight, rate, expected):
    leaf = score_leaf(rule, weight, facts=facts_for_rate(rate))
    assert leaf.score == D(expected)
    assert leaf.value == D(rate)
    assert not leaf.pending


@pytest.mark.parametrize("rule, items, expected", [
    ({"kind": "checklist", "items": ["甲", "乙", "丙"], "deduct_each": 1}, {"甲": True, "乙": False, "丙": False}, "2"),
    ({"kind": "checklist", "items": ["甲", "乙"], "deduct_each_pct": 50}, {"甲": False, "乙": True}, "2"),
    ({"kind": "checklist", "items": ["甲", "乙"], "deduct_each": 3}, {"甲": False, "乙": False}, "0"),  # clamped at 0
    ({"kind": "checklist", "items": ["甲", "乙"], "deduct_each": 1}, {"甲": True, "乙": True}, "4"),
])
def test_checklist_deducts_per_failed_item(rule, items, expected):
    leaf = score_leaf(rule, "4", entry={"items": items, "basis": "检查"})
    assert leaf.score == D(expected)


def test_findings_rule_counts_listed_codes_from_facts():
    rule = {"kind": "findings", "codes": ["paid-after-death", "double-payment"], "deduct_each": D("0.5")}
    leaf = score_leaf(rule, "3", facts={"findings": {"paid-after-death": 2, "double-payment": 1,
                                                     "amount-mismatch": 9}})
    assert leaf.score == D("1.5")  # 3 − 3 × 0.5; amount-mismatch is not listed


def test_findings_rule_pct_deduction():
    rule = {"kind": "findings", "codes": ["amount-mismatch"], "deduct_each_pct": 10}
    assert score_leaf(rule, "5", facts={"findings.amount-mismatch": 3}).score == D("3.5")


def test_findings_rule_without_counts_is_pending():
    rule = {"kind": "findings", "codes": ["paid-after-death", "double-payment"], "deduct_each": 1}
    leaf = score_leaf(rule, "3", facts={"findings.paid-after-death": 1})
    assert leaf.pending and leaf.score is None


@pytest.mark.parametrize("rate, step, mode, expected", [
    ("0.125", "0.01", "half_up", "1.25"),    # 10 × 0.125 exact
    ("0.4345", "0.01", "half_up", "4.35"),   # .x5 rounds up
    ("0.4345", "0.01", "floor", "4.34"),
    ("0.2675", "0.01", "half_up", "2.68"),   # binary floats would give 2.67
    ("0.345", "0.1", "half_up", "3.5"),
    ("0.345", "0.1", "floor", "3.4"),
    ("0.37", "0.5", "half_up", "3.5"),       # steps other than powers of ten
    ("0.3799", "1", "floor", "3"),
])
def test_rounding_once_by_rule(rate, step, mode, expected):
    leaf = score_leaf(RATIO, "10", facts=facts_for_rate(rate), round_={"step": D(step), "mode": mode})
    assert leaf.score == D(expected)


def test_judgment_score_is_taken_as_given():
    leaf = score_leaf({"kind": "judgment"}, "4", entry={"score": D("2.5"), "basis": "扣1.5分"})
    assert (leaf.score, leaf.basis, leaf.kind) == (D("2.5"), "扣1.5分", "judgment")


def test_override_keeps_both_values():
    leaf = score_leaf(BANDS, "2", facts=facts_for_rate("0.93"), entry={"override": 2, "basis": "酌情"})
    assert (leaf.computed, leaf.score, leaf.overridden) == (D("1.92"), D("2"), True)


def test_metric_missing_is_pending_not_error():
    leaf = score_leaf(RATIO, "5", facts={"budget": 100})
    assert leaf.pending and leaf.score is None and leaf.value is None


def test_zero_denominator_leaves_metric_uncomputed():
    leaf = score_leaf(RATIO, "5", facts={"budget": 0, "spent": 10})
    assert leaf.pending
