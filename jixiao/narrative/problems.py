"""Problems and recommendations, derived — never written by hand:

- every scored leaf below its weight is a problem (its deduction, figures and basis);
- every finding family at or above its threshold is a problem (count, persons, money);
each with one recommendation chosen by finding code, metric, or the 一级 it belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.evaluation import Evaluation
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.mask import finding_message, mask_id
from jixiao.narrative.sources import FindingFamily, Sources
from jixiao.scoring.result import ScoredNode

# A finding family becomes a problem at this many findings (errors always matter).
THRESHOLD = {"error": 1, "warning": 5}


@dataclass(frozen=True)
class Problem:
    title: str
    body: tuple[str, ...]
    advice: str
    ref: str  # "leaf:B111" or "finding:paid-after-death"
    points: Decimal | None = None  # the deduction, for leaf problems
    family: FindingFamily | None = None


def level1_of(ev: Evaluation) -> dict[str, ScoredNode]:
    """Leaf code → its 一级 indicator."""
    out = {}
    for top in ev.score.indicators:
        for _, node in top.walk():
            if node.is_leaf:
                out[node.code] = top
    return out


def deducted_leaves(ev: Evaluation) -> list[ScoredNode]:
    return [n for n in ev.score.leaves() if n.score is not None and n.score < n.weight]


def derive(ev: Evaluation, src: Sources) -> list[Problem]:
    tops = level1_of(ev)
    problems = [_leaf_problem(ev, leaf, tops[leaf.code]) for leaf in deducted_leaves(ev)]
    problems += [_family_problem(f) for f in src.families if f.count >= THRESHOLD[f.severity]]
    return problems


def _leaf_problem(ev: Evaluation, leaf: ScoredNode, top: ScoredNode) -> Problem:
    assert leaf.score is not None
    points = leaf.weight - leaf.score
    metric = ev.score.metrics.get(leaf.metric) if leaf.metric else None
    if metric is not None and metric.value is not None:
        title = P.PROBLEM_METRIC_TITLE.format(metric=metric.name, value=N.rate(metric.value), name=leaf.name,
                                              points=N.score(points))
    else:
        title = P.PROBLEM_DEDUCTION_TITLE.format(name=leaf.name, points=N.score(points))
    body = [P.PROBLEM_DEDUCTION_BODY.format(name=leaf.name, code=leaf.code, weight=N.score(leaf.weight),
                                            score=N.score(leaf.score), points=N.score(points))]
    reason = leaf.basis
    if not reason and metric is not None:
        from jixiao.narrative.analysis import metric_sentence

        reason = metric_sentence(metric) + P.COMPUTATION.format(detail=leaf.detail.rstrip("。"))
    reason = reason or leaf.detail
    if reason:
        body.append(P.PROBLEM_REASON.format(reason=reason.rstrip("。") + "。"))
    return Problem(title, tuple(body), _leaf_advice(leaf, top), f"leaf:{leaf.code}", points=points)


def _leaf_advice(leaf: ScoredNode, top: ScoredNode) -> str:
    if leaf.metric and leaf.metric in P.ADVICE_BY_METRIC:
        return P.ADVICE_BY_METRIC[leaf.metric]
    if leaf.kind == "checklist" and "未达到：" in leaf.detail:
        failed = leaf.detail.split("未达到：", 1)[1].rstrip("）)")
        return P.ADVICE_CHECKLIST.format(items=failed)
    for keyword, advice in P.ADVICE_BY_LEVEL1:
        if keyword in top.name:
            return advice
    return P.ADVICE_DEFAULT


def _family_problem(f: FindingFamily) -> Problem:
    title = P.PROBLEM_FINDING_TITLE.format(title=f.title, n=N.count(f.count))
    body = [P.PROBLEM_FINDING_BODY.format(title=f.title, n=N.count(f.count), meaning=f.meaning,
                                          persons=N.count(f.persons))]
    money = ""
    if f.overpaid:
        money += P.PROBLEM_MONEY_OVER.format(amount=N.money(f.overpaid))
    if f.underpaid:
        money += P.PROBLEM_MONEY_UNDER.format(amount=N.money(f.underpaid))
    if money:
        body.append(money)
    examples = [P.PROBLEM_EXAMPLE.format(table=P.TABLE_NAMES.get(x.table, x.table), row=x.row or "—",
                                         person=mask_id(x.person_id) if x.person_id else "",
                                         period=x.period, message=finding_message(x)).replace("  ", " ")
                for x in f.examples[:2]]
    if examples:
        body.append(P.PROBLEM_EXAMPLES.format(examples="；".join(examples)))
    return Problem(title, tuple(body), P.ADVICE_BY_CODE[f.code], f"finding:{f.code}", family=f)
