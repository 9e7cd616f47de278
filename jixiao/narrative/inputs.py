"""The metric inputs the Evaluation's score carries (budget, spent, persons_entitled …), by
name: each input has one value, whichever metric it feeds, and one source."""

from __future__ import annotations

from decimal import Decimal

from jixiao.evaluation import Evaluation


def metric_inputs(ev: Evaluation) -> dict[str, Decimal]:
    """Input name → value, over every metric (an input shared by two metrics is one value)."""
    out: dict[str, Decimal] = {}
    for m in ev.score.metrics.values():
        for key, value in m.inputs.items():
            out.setdefault(key, value)
    return out


def input_sources(ev: Evaluation) -> dict[str, str]:
    """Input name → where its metric came from: facts, given or data."""
    out: dict[str, str] = {}
    for m in ev.score.metrics.values():
        for key in m.inputs:
            out.setdefault(key, m.source)
    return out
