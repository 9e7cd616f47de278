"""Problems in a data workspace (the demo: every anomaly injected): grouped by theme as
evaluators write them, each deduction and each listed finding family in exactly one group,
every figure the result's, and no recommendation said twice."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.cli._common import Progress
from jixiao.cli.demo import make_demo
from jixiao.narrative import numbers as N
from jixiao.narrative.problems import THRESHOLD, derive
from jixiao.service import evaluate_workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "jixiao-demo"
    make_demo(folder, persons=1500, seed=7, progress=Progress(quiet=True))
    ev = evaluate_workspace(folder)
    return ev, derive(ev)


def test_problems_are_a_few_themes_not_one_per_deduction(demo):
    ev, problems = demo
    themes = [p.theme for p in problems]
    assert len(themes) == len(set(themes)) <= 7
    assert len(problems) < len([n for n in ev.score.leaves() if n.score < n.weight])
    assert {"accuracy", "records"} <= set(themes)


def test_no_two_problems_carry_the_same_recommendation(demo):
    _, problems = demo
    advice = [p.advice for p in problems]
    assert len(set(advice)) == len(advice)
    parts = [part for a in advice for part in a.rstrip("。").split("；")]
    assert len(set(parts)) == len(parts)
    titles = [p.advice_title for p in problems] + [p.title for p in problems]
    assert len(set(titles)) == len(titles)


def test_each_deduction_is_in_one_group_with_its_points(demo):
    ev, problems = demo
    deducted = sorted(n.code for n in ev.score.leaves() if n.score < n.weight)
    assert sorted(n.code for p in problems for n in p.leaves) == deducted
    for p in problems:
        text = "".join(p.body)
        assert p.points == sum((n.weight - n.score for n in p.leaves), Decimal(0))
        for leaf in p.leaves:
            node = ev.score.find(leaf.code)
            assert (f"“{node.name}”（{node.code}）分值{N.score(node.weight)}分，得分{N.score(node.score)}分，"
                    f"扣{N.score(node.weight - node.score)}分") in text
        if len(p.leaves) > 1:
            assert f"本方面{len(p.leaves)}项指标合计扣{N.score(p.points)}分" in text


def test_each_listed_finding_family_is_in_one_group_with_the_audits_figures(demo):
    ev, problems = demo
    audit = ev.audit
    listed = sorted(f.code for f in audit.found
                    if f.count >= THRESHOLD[f.severity] or f.overpaid or f.underpaid)
    grouped = [f.code for p in problems for f in p.families]
    assert len(grouped) == len(set(grouped))
    assert set(listed) <= set(grouped)
    assert "unpaid-month" in grouped  # a warning below the threshold, listed for its money
    for p in problems:
        text = "".join(p.body)
        for f in p.families:
            rows = [x for x in audit.findings if x.code == f.code]  # recounted from the findings themselves
            assert f.count == len(rows) and f.persons == len({x.person_id for x in rows if x.person_id})
            assert f.overpaid == sum((x.amount for x in rows if x.amount and x.amount > 0), Decimal(0))
            assert f.underpaid == -sum((x.amount for x in rows if x.amount and x.amount < 0), Decimal(0))
            money = (f"，多发{N.money(f.overpaid)}元" if f.overpaid else "") + \
                (f"，少发{N.money(f.underpaid)}元" if f.underpaid else "")
            assert f"{f.title}{N.count(f.count)}条（涉及{N.count(f.persons)}人{money}）" in text
            assert f"{f.title}{N.count(f.count)}条" in p.advice


def test_the_money_to_recover_is_the_audits_total(demo):
    ev, problems = demo
    accuracy = next(p for p in problems if p.theme == "accuracy")
    over = sum((x.amount for x in ev.audit.findings if x.amount and x.amount > 0), Decimal(0))
    under = -sum((x.amount for x in ev.audit.findings if x.amount and x.amount < 0), Decimal(0))
    assert f"多发资金{N.money(over)}元" in accuracy.advice and f"少发资金{N.money(under)}元" in accuracy.advice
    assert sum((f.overpaid for f in accuracy.families), Decimal(0)) == over


def test_metric_deductions_name_their_value_in_the_recommendation(demo):
    ev, problems = demo
    for p in problems:
        for leaf in p.leaves:
            metric = ev.score.metrics.get(leaf.metric) if leaf.metric else None
            if metric is not None and metric.value is not None:
                assert f"{metric.name}{N.rate(metric.value)}" in p.advice, leaf.code
