"""Property: on any tree, every parent equals the sum of its children and every score
lies in [0, weight]."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.metrics.definitions import METRICS
from tests.scoring.helpers import score

tenths = st.integers(min_value=0, max_value=300).map(lambda n: Decimal(n) / 10)
rates = st.integers(min_value=0, max_value=15000).map(lambda n: Decimal(n) / 10000)
METRIC_RULES = [
    {"kind": "ratio", "metric": "budget_execution_rate"},
    {"kind": "ratio", "metric": "budget_execution_rate", "direction": "lower", "target": Decimal("0.5")},
    {"kind": "bands", "metric": "budget_execution_rate", "full_at": Decimal("0.95"),
     "deduct_per_point": Decimal("0.02"), "zero_below": Decimal("0.6")},
    {"kind": "thresholds", "metric": "budget_execution_rate", "steps": [[1, 1], [Decimal("0.8"), Decimal("0.5")]]},
]


@st.composite
def trees(draw, depth=0, counter=None):
    """(indicator dict, judgment entries) with children's weights summing to the parent's."""
    counter = counter if counter is not None else [0]
    counter[0] += 1
    code = f"N{counter[0]}"
    if depth < 3 and draw(st.booleans()):
        kids = [draw(trees(depth + 1, counter)) for _ in range(draw(st.integers(1, 3)))]
        weight = sum((k[0]["weight"] for k in kids), Decimal(0))
        entries = {c: e for _, es in kids for c, e in es.items()}
        return {"code": code, "name": code, "weight": weight, "children": [k[0] for k in kids]}, entries
    weight = draw(tenths)
    if draw(st.booleans()):
        judged = draw(st.integers(0, int(weight * 10))) / Decimal(10)
        return ({"code": code, "name": code, "weight": weight, "rule": {"kind": "judgment"}},
                {code: {"score": judged, "basis": "依据"}})
    steps = [s for s in (Decimal("0.01"), Decimal("0.1"), Decimal("0.5"), Decimal(1)) if weight % s == 0]
    step = draw(st.sampled_from(steps))
    mode = draw(st.sampled_from(["half_up", "floor"]))
    rule = draw(st.sampled_from(METRIC_RULES))
    return ({"code": code, "name": code, "weight": weight, "rule": rule, "round": {"step": step, "mode": mode}}, {})


@st.composite
def forests(draw):
    counter = [0]  # codes unique across the whole forest
    return [draw(trees(0, counter)) for _ in range(draw(st.integers(1, 4)))]


@settings(max_examples=150, deadline=None)
@given(forests(), rates)
def test_parent_is_sum_of_children_and_scores_within_weight(forest, rate):
    indicators = [t for t, _ in forest]
    entries = {c: e for _, es in forest for c, e in es.items()}
    total = sum((t["weight"] for t in indicators), Decimal(0)) or Decimal(1)
    if total == Decimal(1) and all(t["weight"] == 0 for t in indicators):
        return  # an all-zero framework has no meaningful total
    doc = {"name": "性质测试", "total": total, "indicators": indicators}
    result = score(doc, {"facts": {"budget": 10000, "spent": rate * 10000}, "scores": entries})
    for _, node in result.walk():
        assert node.score is not None
        assert Decimal(0) <= node.score <= node.weight
        if node.children:
            assert node.score == sum(c.score for c in node.children)
    assert result.total == sum(n.score for n in result.indicators)
    assert "budget_execution_rate" in METRICS
