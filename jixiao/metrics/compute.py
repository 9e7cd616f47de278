"""Resolve every metric from what is known: facts stated by the unit, figures and metric
values computed from data. A fact wins; any disagreement with the data is reported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from jixiao.decimals import percent
from jixiao.findings import CODES
from jixiao.metrics.definitions import INPUT_NAMES, METRICS


@dataclass(frozen=True)
class MetricValue:
    id: str
    name: str
    formula: str
    value: Decimal | None
    inputs: Mapping[str, Decimal] = field(default_factory=dict)
    source: str = "facts"  # facts: computed from facts · given: stated in facts · data: from the tables
    note: str = ""
    stated: tuple[str, ...] = ()  # with source "data": the inputs that came from facts instead


@dataclass(frozen=True)
class MetricSet:
    values: Mapping[str, MetricValue]
    warnings: tuple[str, ...] = ()

    def value(self, metric_id: str) -> Decimal | None:
        m = self.values.get(metric_id)
        return m.value if m else None


def _same_at_precision(given: Decimal, computed: Decimal) -> bool:
    """Does `computed`, rounded to the places `given` was written with, equal `given`?"""
    exponent = min(given.as_tuple().exponent, 0)  # type: ignore[type-var]
    return computed.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP) == given


def compute_metrics(facts: Mapping[str, Decimal],
                    figures: Mapping[str, Decimal] | None = None,
                    data_metrics: Mapping[str, Decimal] | None = None) -> MetricSet:
    """facts: the judgments' facts; figures: inputs computed from data (living_paid …);
    data_metrics: metric values computed directly from data (satisfaction_rate …)."""
    figures = figures or {}
    data_metrics = data_metrics or {}
    warnings: list[str] = fact_warnings(facts)
    known: dict[str, Decimal] = dict(figures)
    for key, fact in facts.items():
        data_value = figures.get(key)
        if data_value is not None and data_value != fact:
            label = INPUT_NAMES.get(key, key)
            warnings.append(f"{label}：facts 给出 {fact}，数据计算为 {data_value}，采用 facts 的数值")
        known[key] = fact

    values: dict[str, MetricValue] = {}
    for metric_id, metric in METRICS.items():
        inputs = {name: known[name] for name in metric.inputs if name in known}
        computed: MetricValue | None = None
        if len(inputs) == len(metric.inputs):
            denominator = inputs[metric.inputs[-1]]
            from_data = any(name in figures and name not in facts for name in inputs)
            source = "data" if from_data else "facts"
            stated = tuple(name for name in inputs if name in facts) if from_data else ()
            if denominator == 0:
                computed = MetricValue(metric_id, metric.name, metric.formula, None, inputs, source,
                                       f"{INPUT_NAMES.get(metric.inputs[-1], metric.inputs[-1])}为 0，无法计算",
                                       stated)
            else:
                computed = MetricValue(metric_id, metric.name, metric.formula, metric.fn(**inputs), inputs, source,
                                       stated=stated)
        elif metric_id in data_metrics:
            computed = MetricValue(metric_id, metric.name, metric.formula, data_metrics[metric_id], {}, "data")

        given = facts.get(metric_id)
        if given is not None:
            if computed is not None and computed.value is not None and not _same_at_precision(given, computed.value):
                warnings.append(f"{metric.name}：facts 直接给出 {percent(given)}，"
                                f"按{'数据' if computed.source == 'data' else '其他 facts'}计算为 {percent(computed.value)}，采用 facts 的数值")
            note = "由 facts 直接给出"
            values[metric_id] = MetricValue(metric_id, metric.name, metric.formula, given,
                                            computed.inputs if computed else {}, "given", note)
        elif computed is not None:
            values[metric_id] = computed
    return MetricSet(values, tuple(warnings))


SURVEY_FACTS = ("population", "survey_sent")
PREFIXED_FACTS = ("findings.", "survey_weights.")
AT_MOST_ONE = ("coverage_rate", "payment_accuracy_rate", "on_time_rate", "roster_accuracy_rate",
               "satisfaction_rate", "satisfaction_index")


def fact_warnings(facts: Mapping[str, Decimal]) -> list[str]:
    """Facts that cannot be what the evaluator meant: an unknown name (a typo is otherwise
    silently unused), a negative figure, a rate above 100 %."""
    out = []
    for key, value in facts.items():
        prefix = next((p for p in PREFIXED_FACTS if key.startswith(p)), None)
        known = (key in METRICS or key in INPUT_NAMES or key in SURVEY_FACTS
                 or (prefix == "findings." and key[len(prefix):] in CODES) or prefix == "survey_weights.")
        if not known:
            out.append(f"facts 中的“{key}”不是已知的指标或数字名称，未使用（指标：{'、'.join(METRICS)}；"
                       f"数字：{'、'.join(INPUT_NAMES)}、{'、'.join(SURVEY_FACTS)}；"
                       "以及 findings.核查代码、survey_weights.题目）")
        elif value < 0:
            out.append(f"facts 中的“{key}”为负数 {value}，请核对")
        elif key in AT_MOST_ONE and value > 1:
            out.append(f"facts 中的“{key}”为 {value}，比率应为 0–1 之间的小数（如 0.93 表示 93%）")
    return out
