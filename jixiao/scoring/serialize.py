"""The score result as the JSON of CONTRACT §6 (out/scores.json, `score --json`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.decimals import plain
from jixiao.metrics.compute import MetricValue
from jixiao.scoring.result import ScoredNode, ScoreResult

METRIC_PLACES = Decimal("0.0001")  # rates to 0.01 %, as reports print them


def result_json(result: ScoreResult) -> dict[str, Any]:
    return {
        "framework": result.framework,
        "total": plain(result.total),
        "max_total": plain(result.max_total),
        "grade": result.grade,
        "complete": result.complete,
        "pending": list(result.pending),
        "indicators": [_node(n) for n in result.indicators],
        "metrics": {k: metric_json(m) for k, m in result.metrics.items()},
        "warnings": list(result.warnings),
    }


def _node(n: ScoredNode) -> dict[str, Any]:
    out: dict[str, Any] = {"code": n.code, "name": n.name, "weight": plain(n.weight), "score": plain(n.score)}
    if n.children:
        out["children"] = [_node(c) for c in n.children]
        return out
    out.update(kind=n.kind, value=_rate(n.value), basis=n.basis or None, detail=n.detail)
    if n.note:
        out["note"] = n.note  # the evaluator's own remark (never printed in the report)
    if n.metric:
        out["metric"] = n.metric
    if n.overridden:
        out.update(computed=plain(n.computed), override=True)
    return out


def _rate(value: Decimal | None) -> float | None:
    return plain(value.quantize(METRIC_PLACES)) if value is not None else None


def metric_json(m: MetricValue) -> dict[str, Any]:
    return {
        "name": m.name,
        "value": _rate(m.value),
        "formula": m.formula,
        "inputs": {k: plain(v) for k, v in m.inputs.items()},
        "source": m.source,
        **({"note": m.note} if m.note else {}),
    }
