"""Rule kinds (CONTRACT §4): how a leaf's raw score follows from its inputs.

Each kind declares its keys, validates them, and computes a raw score with a Chinese
account of the computation; clamping and rounding happen once, in the engine."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from jixiao.decimals import percent, to_decimal
from jixiao.findings import CODES
from jixiao.registry import Registry

ONE = Decimal(1)


@dataclass(frozen=True)
class Inputs:
    """What a rule may read for one leaf."""

    value: Decimal | None = None  # the metric's value, for metric kinds
    score: Decimal | None = None  # the judged score, for `judgment`
    items: Mapping[str, bool] | None = None  # checklist answers
    finding_counts: Mapping[str, int] | None = None  # for `findings`; None = not known


@dataclass(frozen=True)
class Outcome:
    raw: Decimal | None  # None = pending
    detail: str  # Chinese: the computation, or why it is pending
    failed: tuple[str, ...] = ()  # checklist: the items not met, in the framework's order


@dataclass(frozen=True)
class RuleKind:
    name: str
    required: tuple[str, ...]
    optional: Mapping[str, object]  # key → default
    compute: Callable[[Decimal, Mapping[str, object], Inputs], Outcome]
    check: Callable[[Mapping[str, object]], list[tuple[str, str]]] = lambda p: []
    uses_metric: bool = False

    def keys(self) -> set[str]:
        return {"kind", *self.required, *self.optional}


RULE_KINDS: Registry[RuleKind] = Registry("rule kind")


def fmt(x: Decimal) -> str:
    """A decimal for computation text, without trailing zeros."""
    return format(x.normalize(), "f")


def show(x: Decimal) -> str:
    """An intermediate result for computation text: at most 4 decimal places."""
    return fmt(x.quantize(Decimal("0.0001"))) if x.as_tuple().exponent < -4 else fmt(x)  # type: ignore[operator]


def _fraction(params: Mapping[str, object], key: str, problems: list[tuple[str, str]],
              low: Decimal = Decimal(0), high: Decimal | None = None) -> None:
    value = to_decimal(params.get(key))
    if value is None:
        problems.append((key, f"应为数，而不是 '{params.get(key)}'"))
    elif value < low or (high is not None and value > high):
        problems.append((key, f"应在 {fmt(low)}–{fmt(high) if high is not None else '∞'} 之间，而不是 {fmt(value)}"))


# --- judgment -----------------------------------------------------------------------

def _judgment(w: Decimal, p: Mapping[str, object], i: Inputs) -> Outcome:
    if i.score is None:
        return Outcome(None, "待评价人在 judgments.yaml 中给出得分")
    return Outcome(i.score, f"评价人判定得分 {fmt(i.score)}")


RULE_KINDS.add("judgment", RuleKind("judgment", (), {}, _judgment))


# --- ratio --------------------------------------------------------------------------

def _ratio(w: Decimal, p: Mapping[str, object], i: Inputs) -> Outcome:
    v = i.value
    if v is None:
        return Outcome(None, f"指标值 {p['metric']} 无法取得")
    target = to_decimal(p["target"])
    if p["direction"] == "lower":
        if v == 0:
            return Outcome(w, f"实际值为 0，优于目标值 {percent(target)}，得满分 {fmt(w)}")
        share = min(ONE, target / v)
        return Outcome(w * share, f"{fmt(w)} × min(1, 目标值 {percent(target)} / 实际值 {percent(v)}) = {show(w * share)}")
    share = min(ONE, v / target)
    if target == ONE:
        return Outcome(w * share, f"{fmt(w)} × min(1, {percent(v)}) = {show(w * share)}")
    return Outcome(w * share, f"{fmt(w)} × min(1, 实际值 {percent(v)} / 目标值 {percent(target)}) = {show(w * share)}")


def _ratio_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    target = to_decimal(p.get("target"))
    if target is None or target <= 0:
        problems.append(("target", f"应为正数，而不是 '{p.get('target')}'"))
    if p.get("direction") not in ("higher", "lower"):
        problems.append(("direction", f"应为 higher（越高越好）或 lower（越低越好），而不是 '{p.get('direction')}'"))
    return problems


RULE_KINDS.add("ratio", RuleKind("ratio", ("metric",), {"target": 1, "direction": "higher"},
                                 _ratio, _ratio_check, uses_metric=True))


# --- bands --------------------------------------------------------------------------

def _bands(w: Decimal, p: Mapping[str, object], i: Inputs) -> Outcome:
    v = i.value
    if v is None:
        return Outcome(None, f"指标值 {p['metric']} 无法取得")
    full_at, per_point, zero_below = (to_decimal(p[k]) for k in ("full_at", "deduct_per_point", "zero_below"))
    if v >= full_at:
        return Outcome(w, f"{percent(v)} ≥ {percent(full_at)}，得满分 {fmt(w)}")
    if v < zero_below:
        return Outcome(Decimal(0), f"{percent(v)} < {percent(zero_below)}，得 0 分")
    gap = (full_at - v) * 100
    raw = w * (ONE - per_point * gap)
    return Outcome(raw, f"{percent(v)} 低于 {percent(full_at)} {show(gap)} 个百分点，"
                        f"{fmt(w)} × (1 − {fmt(per_point)} × {show(gap)}) = {show(raw)}")


def _bands_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for key in ("full_at", "zero_below"):
        _fraction(p, key, problems, high=Decimal(10))
    _fraction(p, "deduct_per_point", problems, high=ONE)
    full_at, zero_below = to_decimal(p.get("full_at")), to_decimal(p.get("zero_below"))
    if full_at is not None and zero_below is not None and zero_below > full_at:
        problems.append(("zero_below", f"不应大于 full_at（{fmt(zero_below)} > {fmt(full_at)}）"))
    return problems


RULE_KINDS.add("bands", RuleKind("bands", ("metric", "full_at", "deduct_per_point", "zero_below"), {},
                                 _bands, _bands_check, uses_metric=True))


# --- thresholds ---------------------------------------------------------------------

def _steps(p: Mapping[str, object]) -> list[tuple[Decimal, Decimal]]:
    steps = [(to_decimal(t), to_decimal(f)) for t, f in p["steps"]]  # type: ignore[union-attr]
    return sorted(steps, key=lambda s: s[0], reverse=True)  # type: ignore[arg-type,return-value]


def _thresholds(w: Decimal, p: Mapping[str, object], i: Inputs) -> Outcome:
    v = i.value
    if v is None:
        return Outcome(None, f"指标值 {p['metric']} 无法取得")
    for t, f in _steps(p):
        if v >= t:
            return Outcome(w * f, f"{percent(v)} ≥ {percent(t)}，得 {fmt(w)} × {fmt(f)} = {fmt(w * f)}")
    lowest = _steps(p)[-1][0]
    return Outcome(Decimal(0), f"{percent(v)} < {percent(lowest)}，得 0 分")


def _thresholds_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    steps = p.get("steps")
    shape = "应为 [[门槛, 得分比例], …] 的列表，如 [[0.95, 1], [0.9, 0.8]]"
    if not isinstance(steps, list) or not steps:
        return [("steps", shape)]
    for step in steps:
        if not (isinstance(step, list) and len(step) == 2
                and all(to_decimal(x) is not None for x in step)):
            return [("steps", shape)]
        if not 0 <= to_decimal(step[1]) <= 1:  # type: ignore[operator]
            return [("steps", f"得分比例应在 0–1 之间，而不是 {step[1]}")]
    return []


RULE_KINDS.add("thresholds", RuleKind("thresholds", ("metric", "steps"), {}, _thresholds,
                                      _thresholds_check, uses_metric=True))


# --- checklist and findings: deductions per failure ----------------------------------

def _deduct(w: Decimal, p: Mapping[str, object], failed: int, what: str) -> Outcome:
    if p.get("deduct_each") is not None:
        each = to_decimal(p["deduct_each"])
        raw = w - failed * each  # type: ignore[operator]
        return Outcome(raw, f"{what} {failed} 项，{fmt(w)} − {failed} × {fmt(each)} = {fmt(raw)}")  # type: ignore[arg-type]
    pct = to_decimal(p["deduct_each_pct"])
    raw = w * (ONE - failed * pct / 100)  # type: ignore[operator]
    return Outcome(raw, f"{what} {failed} 项，{fmt(w)} × (1 − {failed} × {fmt(pct)}%) = {show(raw)}")  # type: ignore[arg-type]


def _deduct_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    given = [k for k in ("deduct_each", "deduct_each_pct") if p.get(k) is not None]
    if len(given) != 1:
        return [("deduct_each", "deduct_each 与 deduct_each_pct 须给出且只给出一个")]
    problems: list[tuple[str, str]] = []
    _fraction(p, given[0], problems, high=Decimal(100))
    return problems


def _checklist(w: Decimal, p: Mapping[str, object], i: Inputs) -> Outcome:
    if i.items is None:
        return Outcome(None, "待评价人在 judgments.yaml 中逐项判定")
    undecided = [name for name in p["items"] if name not in i.items]  # type: ignore[attr-defined]
    if undecided:
        return Outcome(None, f"尚未判定的检查项：{'、'.join(undecided)}")
    failed = [name for name in p["items"] if not i.items[name]]  # type: ignore[attr-defined]
    outcome = _deduct(w, p, len(failed), "未达到")
    if failed:
        return Outcome(outcome.raw, f"{outcome.detail}（未达到：{'、'.join(failed)}）", tuple(failed))
    return Outcome(outcome.raw, f"各项均达到，得 {fmt(w)}")


def _checklist_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    items = p.get("items")
    problems = _deduct_check(p)
    if not isinstance(items, list) or not items or not all(isinstance(x, str) and x for x in items):
        problems.append(("items", "应为检查项名称的列表"))
    elif len(set(items)) != len(items):
        problems.append(("items", "检查项名称重复"))
    return problems


RULE_KINDS.add("checklist", RuleKind("checklist", ("items",), {"deduct_each": None, "deduct_each_pct": None},
                                     _checklist, _checklist_check))


def _findings(w: Decimal, p: Mapping[str, object], i: Inputs) -> Outcome:
    codes: list[str] = p["codes"]  # type: ignore[assignment]
    counts = i.finding_counts
    if counts is None or any(c not in counts for c in codes):
        missing = [c for c in codes if counts is None or c not in counts]
        return Outcome(None, f"尚无核查结果，也未在 facts 中给出 findings.{missing[0]} 等计数")
    found = sum(counts[c] for c in codes)
    detail = "、".join(f"{CODES[c].title} {counts[c]}" for c in codes)
    outcome = _deduct(w, p, found, "核查发现问题")
    return Outcome(outcome.raw, f"{outcome.detail}（{detail}）")


def _findings_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    codes = p.get("codes")
    problems = _deduct_check(p)
    if not isinstance(codes, list) or not codes:
        problems.append(("codes", "应为核查代码列表，如 [paid-after-death, double-payment]"))
    else:
        for code in codes:
            if code not in CODES:
                problems.append(("codes", f"未知核查代码 '{code}'（可用：{', '.join(CODES)}）"))
    return problems


RULE_KINDS.add("findings", RuleKind("findings", ("codes",), {"deduct_each": None, "deduct_each_pct": None},
                                    _findings, _findings_check))
