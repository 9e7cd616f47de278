"""How one indicator reads in 四、绩效评价指标分析: its figure in words, what the rule made of
it in a sentence (formulas stay in the working papers), the evaluator's basis with its
evidence, report.yaml's note on the indicator, and the deduction — from the structured
result (the rule's keys, the counts, the failed items), never from its computation text."""

from __future__ import annotations

from decimal import Decimal

from jixiao.evaluation import Evaluation
from jixiao.findings import CODES
from jixiao.metrics.compute import MetricValue
from jixiao.metrics.definitions import INPUT_NAMES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.evidence import cite
from jixiao.scoring.result import ScoredNode
from jixiao.scoring.rules import UNITS, deduction, each_text, fmt

CENT = Decimal("0.01")


def metric_value(m: MetricValue) -> str:
    """满意度指数 on its 0–100 scale, every other metric as a percentage."""
    return N.index(m.value) if m.id == "satisfaction_index" else N.rate(m.value)


def formula_of(m: MetricValue) -> str:
    """The formula as printed: the index on its 0–100 scale (points ÷ answers)."""
    return P.INDEX_FORMULA if m.id == "satisfaction_index" else m.formula


def metric_source(m: MetricValue) -> str:
    """Where the figures of a metric come from: the tables, the unit's facts, or both."""
    if m.source != "data":
        return P.METRIC_SOURCE[m.source]
    text = P.METRIC_DATA_SOURCE.get(m.id, P.METRIC_SOURCE["data"])
    if m.stated:
        text += P.METRIC_STATED_INPUTS.format(names="、".join(INPUT_NAMES.get(k, k) for k in m.stated))
    return text


def metric_plain(m: MetricValue) -> str:
    """资金到位率为97.00%（实际到位资金11,054,036.58元，预算数11,395,914.00元），数据由…计算。"""
    if m.value is None:
        return P.FORMULA_NONE.format(metric=m.name, note=m.note)
    if m.source == "given" or not m.inputs:
        return P.METRIC_GIVEN_PLAIN.format(metric=m.name, value=metric_value(m),
                                           source=m.note or P.METRIC_SOURCE.get(m.source, ""))
    pairs = P.INPUTS_SEP.join(P.INPUT_PAIR.format(label=INPUT_NAMES.get(k, k), value=N.input_with_unit(k, v, P.YUAN))
                              for k, v in m.inputs.items())
    return P.METRIC_PLAIN.format(metric=m.name, value=metric_value(m), inputs=pairs, source=metric_source(m))


def _pct(x: object) -> str:
    """A rule's threshold as a percentage, without trailing zeros: 0.95 → 95%."""
    return fmt(Decimal(str(x)) * 100) + "%"


def outcome(leaf: ScoredNode, metric: MetricValue | None) -> str:
    """The rule's outcome in one sentence, by kind."""
    p, score, w = leaf.params, leaf.computed, leaf.weight
    if score is None:
        return ""
    shown = N.score(score)
    if leaf.kind == "ratio":
        if score == w:
            return P.RATIO_FULL
        if p.get("direction") == "lower":
            return P.RATIO_LOWER.format(target=_pct(p["target"]), score=shown)
        if Decimal(str(p.get("target", 1))) != 1:
            return P.RATIO_TARGET.format(target=_pct(p["target"]), score=shown)
        return P.RATIO_PART.format(metric=metric.name if metric else leaf.name, score=shown)
    if leaf.kind == "bands":
        full_at = Decimal(str(p["full_at"]))
        if leaf.value is not None and leaf.value >= full_at:
            return P.BANDS_FULL.format(full_at=_pct(full_at))
        if leaf.value is not None and leaf.value < Decimal(str(p["zero_below"])):
            return P.BANDS_ZERO.format(zero_below=_pct(p["zero_below"]))
        gap = ((full_at - (leaf.value or 0)) * 100).quantize(CENT)
        return P.BANDS_PART.format(full_at=_pct(full_at), gap=fmt(gap), per=fmt(Decimal(str(p["deduct_per_point"])) * 100),
                                   score=shown)
    if leaf.kind == "thresholds":
        steps = sorted(((Decimal(str(t)), Decimal(str(f))) for t, f in p["steps"]), reverse=True)  # type: ignore[union-attr]
        hit = next(((t, f) for t, f in steps if leaf.value is not None and leaf.value >= t), None)
        if hit is None:
            return P.STEPS_ZERO.format(t=_pct(steps[-1][0]))
        if hit[1] == 1:
            return P.STEPS_FULL.format(t=_pct(hit[0]))
        return P.STEPS_PART.format(t=_pct(hit[0]), f=fmt(hit[1] * 100), score=shown)
    if leaf.kind == "checklist":
        if not leaf.failed_items:
            return P.CHECK_FULL.format(n=len(p.get("items") or ()))  # type: ignore[arg-type]
        items = "".join(P.ITEM_QUOTED.format(item=x) for x in leaf.failed_items)
        return P.CHECK_PART.format(items=items, k=len(leaf.failed_items), each=each_text(p, "项"), score=shown)
    if leaf.kind == "findings":
        return found_text(leaf)
    if leaf.kind == "judgment" and leaf.level:
        return P.LEVEL_JUDGED.format(level=leaf.level, score=shown)
    return ""


def found_text(leaf: ScoredNode) -> str:
    unit = UNITS.get(str(leaf.params.get("per", "row")), "条")
    found = [(c, n) for c, n in leaf.counted if n]
    if not found:
        titles = "、".join(CODES[c].title if c in CODES else c for c, _ in leaf.counted)
        return P.FOUND_NONE.format(titles=titles)
    items = "、".join(P.FOUND_ITEM.format(title=CODES[c].title if c in CODES else c, n=N.count(n), unit=unit)
                      for c, n in found)
    total = sum(n for _, n in found)
    if len(found) > 1:
        items += P.FOUND_TOTAL.format(total=N.count(total), unit=unit)
    each = each_text(leaf.params, unit)
    if deduction(leaf.weight, leaf.params, total) >= leaf.weight:
        return P.FOUND_CAPPED.format(items=items, each=each)
    return P.FOUND_SOME.format(items=items, each=each, score=N.score(leaf.computed))


def leaf_body(ev: Evaluation, leaf: ScoredNode) -> list[str]:
    """The analysis of one leaf: figure, outcome, basis, note, deduction."""
    out = []
    metric = ev.score.metrics.get(leaf.metric) if leaf.metric else None
    if metric is not None:
        out.append(metric_plain(metric))
    if leaf.pending:
        out.append(P.PENDING_LEAF.format(detail=leaf.detail.rstrip("。")))
        return out
    said = outcome(leaf, metric)
    if said:
        out.append(said)
    if leaf.basis:
        out.append(cite(ev, leaf.basis).rstrip("。") + "。")
    if leaf.overridden:
        out.append(P.OVERRIDDEN.format(computed=N.score(leaf.computed), score=N.score(leaf.score)))
    note = ev.report.indicator_notes.get(leaf.code)
    if note:
        out.append(P.NOTE_ON_LEAF.format(note=cite(ev, note)).rstrip("。") + "。")
    deducted = leaf.score is not None and leaf.score < leaf.weight
    if deducted and "扣" not in (leaf.basis or "") and not said.endswith(("分。", "不得分。")):
        out.append(P.DEDUCTED.format(points=N.score(leaf.weight - leaf.score)))
    return out
