"""The comparison between regions (比较法): rankings by total and by first-level indicator,
leaf score rates (the heat map), outliers in four measures, year over year. Pure: the
regions' outcomes in, a frozen Comparison out; every number a Decimal.

Ranks: competition ranking (1, 2, 2, 4) among the regions whose evaluation is complete — an
incomplete total sums only the scored leaves and is not comparable. Outliers: Tukey's fences,
below Q1 − 1.5·IQR or above Q3 + 1.5·IQR (quartiles by linear interpolation), judged only
with at least MIN_FOR_OUTLIERS regions having the measure."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.batch.worker import RegionOutcome
from jixiao.decimals import to_decimal
from jixiao.scoring.result import ScoredNode

FENCE = Decimal("1.5")
MIN_MARGIN = {"rate": lambda median: Decimal("0.01"), "money": lambda median: abs(median) / 10}
MIN_FOR_OUTLIERS = 4
THOUSAND = Decimal(1000)


@dataclass(frozen=True)
class Measure:
    id: str
    label: str  # Chinese, with its unit
    formula: str
    kind: str  # "money" | "rate"
    compute: Callable[[RegionOutcome], Decimal | None]


def _figure(o: RegionOutcome, name: str) -> Decimal | None:
    return o.figures.get(name)


def _metric(o: RegionOutcome, metric: str) -> Decimal | None:
    m = o.score.metrics.get(metric) if o.score else None
    return m.value if m is not None else None


def _ratio(a: Decimal | None, b: Decimal | None, scale: Decimal = Decimal(1)) -> Decimal | None:
    return None if a is None or not b else a * scale / b


def _cost_per_person(o: RegionOutcome) -> Decimal | None:
    paid = [v for v in (_figure(o, "living_paid"), _figure(o, "care_paid")) if v is not None]
    return _ratio(sum(paid, Decimal(0)) if paid else None, _figure(o, "persons_paid"))


def _late_rate(o: RegionOutcome) -> Decimal | None:
    on_time = _metric(o, "on_time_rate")
    return None if on_time is None else 1 - on_time


def _risk_per_thousand(o: RegionOutcome) -> Decimal | None:
    if not o.money_at_risk:
        return None
    risk = o.money_at_risk["overpaid"] + o.money_at_risk["underpaid"]
    return _ratio(risk, _figure(o, "persons_entitled"), THOUSAND)


MEASURES = (
    Measure("cost_per_person", "人均发放金额（元）", "实际发放金额 / 至少发放一次的应享受人数", "money", _cost_per_person),
    Measure("coverage", "应补尽补率", "至少发放一次的应享受人数 / 应享受人数", "rate",
            lambda o: _metric(o, "coverage_rate")),
    Measure("late_rate", "发放不及时率", "1 − 发放及时率", "rate", _late_rate),
    Measure("risk_per_1000", "每千人风险金额（元）", "（多发金额 + 少发金额）/ 应享受人数 × 1 000", "money",
            _risk_per_thousand),
)


@dataclass(frozen=True)
class RegionRow:
    name: str
    total: Decimal | None
    grade: str | None
    complete: bool
    rank: int | None
    level1: dict[str, Decimal | None]  # first-level code → score
    level1_rank: dict[str, int | None]
    rates: dict[str, Decimal | None]  # leaf code → score / weight
    measures: dict[str, Decimal | None]
    counts: dict[str, int]
    money_at_risk: dict[str, Decimal]


@dataclass(frozen=True)
class MeasureStats:
    measure: Measure
    q1: Decimal | None
    median: Decimal | None
    q3: Decimal | None
    low: Decimal | None  # fences (None: too few regions to judge)
    high: Decimal | None


@dataclass(frozen=True)
class Outlier:
    measure: Measure
    region: str
    value: Decimal
    side: str  # "high" | "low"
    fence: Decimal
    median: Decimal


@dataclass(frozen=True)
class YearChange:
    region: str
    total: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    grade: str | None
    previous_grade: str | None
    level1: dict[str, tuple[Decimal | None, Decimal | None]]  # code → (this year, last year)


@dataclass(frozen=True)
class Comparison:
    regions: tuple[RegionRow, ...]  # by rank, then the incomplete ones by name
    level1: tuple[tuple[str, str, Decimal], ...]  # (code, name, weight) of the first region's framework
    leaves: tuple[tuple[str, str, Decimal], ...]
    stats: tuple[MeasureStats, ...]
    outliers: tuple[Outlier, ...]
    years: tuple[YearChange, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (region, error)
    warnings: tuple[str, ...] = field(default=())


def compare(outcomes: list[RegionOutcome], previous: Mapping[str, dict[str, Any]] | None = None,
            warnings: tuple[str, ...] = ()) -> Comparison:
    done = [o for o in outcomes if o.ok]
    failed = tuple((o.name, o.error) for o in outcomes if not o.ok)
    if not done:
        return Comparison((), (), (), (), (), (), failed, warnings)
    first = done[0].score
    assert first is not None
    level1 = tuple((n.code, n.name, n.weight) for n in first.indicators)
    leaves = tuple((n.code, n.name, n.weight) for n in first.leaves())
    complete = [o for o in done if o.score and o.score.complete]
    totals = ranks({o.name: o.score.total for o in complete if o.score})
    by_level = {code: ranks({o.name: _node_score(o, code) for o in complete}) for code, _, _ in level1}
    rows = [RegionRow(
        name=o.name, total=o.score.total, grade=o.score.grade, complete=o.score.complete, rank=totals.get(o.name),
        level1={code: _node_score(o, code) for code, _, _ in level1},
        level1_rank={code: by_level[code].get(o.name) for code, _, _ in level1},
        rates={code: _node_rate(o, code) for code, _, _ in leaves},
        measures={m.id: m.compute(o) for m in MEASURES}, counts=o.counts, money_at_risk=o.money_at_risk)
        for o in done if o.score]
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.name))
    stats = tuple(measure_stats(m, {r.name: r.measures[m.id] for r in rows}) for m in MEASURES)
    found = tuple(outliers(s, {r.name: r.measures[s.measure.id] for r in rows}) for s in stats)
    years = year_over_year(rows, previous or {}, [c for c, _, _ in level1])
    return Comparison(tuple(rows), level1, leaves, stats, tuple(o for group in found for o in group), years,
                      failed, warnings)


def _node(o: RegionOutcome, code: str) -> ScoredNode | None:
    return o.score.find(code) if o.score else None


def _node_score(o: RegionOutcome, code: str) -> Decimal | None:
    node = _node(o, code)
    return node.score if node is not None else None


def _node_rate(o: RegionOutcome, code: str) -> Decimal | None:
    node = _node(o, code)
    return node.rate if node is not None else None


def ranks(values: Mapping[str, Decimal | None]) -> dict[str, int]:
    """Competition ranking, highest first: equal values share a rank, the next rank skips."""
    known = sorted(((v, k) for k, v in values.items() if v is not None), key=lambda vk: -vk[0])
    out: dict[str, int] = {}
    for i, (v, k) in enumerate(known):
        out[k] = out[known[i - 1][1]] if i and known[i - 1][0] == v else i + 1
    return out


def quantile(sorted_values: list[Decimal], p: Decimal) -> Decimal:
    """Linear interpolation between closest ranks (position p·(n − 1))."""
    pos = p * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def measure_stats(measure: Measure, values: Mapping[str, Decimal | None]) -> MeasureStats:
    known = sorted(v for v in values.values() if v is not None)
    if not known:
        return MeasureStats(measure, None, None, None, None, None)
    q1, median, q3 = (quantile(known, Decimal(p)) for p in ("0.25", "0.5", "0.75"))
    if len(known) < MIN_FOR_OUTLIERS:
        return MeasureStats(measure, q1, median, q3, None, None)
    margin = max(FENCE * (q3 - q1), MIN_MARGIN[measure.kind](median))
    low, high = q1 - margin, q3 + margin
    if measure.kind == "rate":  # a rate lies in [0, 1]: so do its fences
        low, high = max(low, Decimal(0)), min(high, Decimal(1))
    return MeasureStats(measure, q1, median, q3, low, high)


def outliers(stats: MeasureStats, values: Mapping[str, Decimal | None]) -> list[Outlier]:
    if stats.low is None or stats.high is None or stats.median is None:
        return []
    out = []
    for region, v in values.items():
        if v is not None and v > stats.high:
            out.append(Outlier(stats.measure, region, v, "high", stats.high, stats.median))
        elif v is not None and v < stats.low:
            out.append(Outlier(stats.measure, region, v, "low", stats.low, stats.median))
    return out


def year_over_year(rows: list[RegionRow], previous: Mapping[str, dict[str, Any]],
                   level1: list[str]) -> tuple[YearChange, ...]:
    """This year's scores against last year's scores.json, for the regions that have one."""
    out = []
    for r in rows:
        last = previous.get(r.name)
        if last is None:
            continue
        before = to_decimal(last.get("total"))
        last_level1 = {n.get("code"): to_decimal(n.get("score")) for n in last.get("indicators", []) if isinstance(n, dict)}
        change = r.total - before if r.total is not None and before is not None else None
        out.append(YearChange(r.name, r.total, before, change, r.grade, last.get("grade"),
                              {c: (r.level1.get(c), last_level1.get(c)) for c in level1}))
    return tuple(out)
