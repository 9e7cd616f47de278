"""Score a framework: each leaf by its rule, clamped to [0, w] and rounded once as its
rule says; an override replaces the computed score and both are kept; a parent is the
sum of its children's rounded scores; the total is graded only when complete."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from jixiao.decimals import round_to_step
from jixiao.metrics.compute import MetricSet
from jixiao.scoring.framework import Framework, Indicator
from jixiao.scoring.judgments import Judgments
from jixiao.scoring.result import ScoredNode, ScoreResult
from jixiao.scoring.rules import RULE_KINDS, Inputs, fmt

ZERO = Decimal(0)


def score_framework(framework: Framework, judgments: Judgments, metrics: MetricSet,
                    finding_counts: Mapping[str, int] | None = None,
                    finding_units: Mapping[str, Mapping[str, int]] | None = None) -> ScoreResult:
    """finding_counts: findings per code from the audit when one ran, else the facts'
    findings.<code>; finding_units: the audit's counts by unit (person, row, month), which a
    findings rule reads by its `per` (facts count in the rule's own unit)."""
    counts = finding_counts if finding_counts is not None else judgments.finding_counts()
    units = dict(finding_units) if finding_units is not None and finding_counts is not None else {}
    warnings: list[str] = []
    nodes = tuple(_score(i, judgments, metrics, counts, units, warnings) for i in framework.indicators)
    total = sum((n.score for n in nodes if n.score is not None), ZERO)
    pending = tuple(n.code for top in nodes for _, n in top.walk() if n.is_leaf and n.pending)
    complete = not pending
    return ScoreResult(
        framework=framework.name,
        total=total,
        max_total=framework.total,
        grade=framework.grade(total) if complete else None,
        complete=complete,
        pending=pending,
        indicators=nodes,
        metrics=dict(metrics.values),
        warnings=(*metrics.warnings, *warnings),
        grades=framework.grades,
    )


def _score(ind: Indicator, judgments: Judgments, metrics: MetricSet, counts: Mapping[str, int] | None,
           units: Mapping[str, Mapping[str, int]], warnings: list[str]) -> ScoredNode:
    texts = dict(explain=ind.explain, standard=ind.standard, source=ind.source)
    if not ind.is_leaf:
        children = tuple(_score(c, judgments, metrics, counts, units, warnings) for c in ind.children)
        scored = [c.score for c in children if c.score is not None]
        score = sum(scored, ZERO) if scored else None
        return ScoredNode(ind.code, ind.name, ind.weight, score, children, **texts)

    rule = ind.rule
    assert rule is not None
    judgment = judgments.entries.get(ind.code)
    value = metrics.value(rule.metric) if rule.metric else None
    inputs = Inputs(
        value=value,
        score=judgment.score if judgment else None,
        items=judgment.items if judgment else None,
        finding_counts=units.get(str(rule.params.get("per")), counts) if rule.kind == "findings" else counts,
        level=judgment.level if judgment else "",
    )
    outcome = RULE_KINDS.get(rule.kind).compute(ind.weight, rule.params, inputs)
    if outcome.warning:
        warnings.append(f"{ind.code} {ind.name}：{outcome.warning}")
    computed = None
    detail = outcome.detail
    if outcome.raw is not None:
        clamped = min(max(outcome.raw, ZERO), ind.weight)
        computed = round_to_step(clamped, ind.round_step, ind.round_mode)
        if clamped > outcome.raw and "得0分" not in detail:
            detail += "，扣完为止，得0分"
        elif clamped < outcome.raw:
            detail += f"，超过分值，按满分{fmt(ind.weight)}分计"
        if computed != clamped:
            mode = "四舍五入" if ind.round_mode == "half_up" else "向下取整"
            detail += f"，按{fmt(ind.round_step)}分{mode}为{fmt(computed)}分"
    override = judgment.override if judgment else None
    score = override if override is not None else computed
    if override is not None:
        was = f"规则计算为{fmt(computed)}分" if computed is not None else "规则无法计算"
        detail += f"；{was}，评价人调整为{fmt(override)}分"
    return ScoredNode(
        ind.code, ind.name, ind.weight, score,
        kind=rule.kind, metric=rule.metric, value=value, computed=computed,
        overridden=override is not None, basis=judgment.basis if judgment else "",
        note=judgment.note if judgment else "", failed_items=outcome.failed, counted=outcome.counted,
        level=judgment.level if judgment else "", raw=outcome.raw, params=dict(rule.params),  # picklable (batch)
        detail=detail, pending=score is None, **texts,
    )
