"""The performance goals against what was achieved: each target of report.yaml that maps to
a metric or a figure is compared with the Evaluation's value; the others print what the
evaluator wrote."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.evaluation import Evaluation
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.inputs import metric_inputs
from jixiao.reportinputs import parse_target
from jixiao.reportinputs.model import Target


@dataclass(frozen=True)
class Outcome:
    target: Target
    actual: str  # as printed
    met: bool | None  # None: not compared (no mapping, or no value)

    @property
    def status(self) -> str:
        if self.met is None:
            return P.TARGET_UNKNOWN if self.target.maps_to else (P.TARGET_NOT_MAPPED if not self.target.actual else "")
        return P.TARGET_MET if self.met else P.TARGET_NOT_MET


def actual_value(ev: Evaluation, name: str) -> tuple[Decimal | None, bool]:
    """The Evaluation's value under `name`: (value, is a rate)."""
    metric = ev.score.metrics.get(name)
    if metric is not None:
        return metric.value, True
    values = {**ev.figures, **metric_inputs(ev)}
    return values.get(name), False


def outcomes(ev: Evaluation) -> list[Outcome]:
    out = []
    for t in ev.report.targets:
        if not t.maps_to:
            out.append(Outcome(t, t.actual or P.TARGET_NOT_MAPPED, None))
            continue
        parsed = parse_target(t.target)
        value, is_rate = actual_value(ev, t.maps_to)
        if value is None or parsed is None:
            out.append(Outcome(t, P.TARGET_UNKNOWN, None))
            continue
        shown = N.index(value) if t.maps_to == "satisfaction_index" else N.rate(value) if is_rate \
            else N.input_value(t.maps_to, value)
        compared = value * 100 if t.maps_to == "satisfaction_index" and not parsed.percent else value
        out.append(Outcome(t, shown + (parsed.unit if not is_rate else ""), parsed.met(compared)))
    return out
