"""Rule kinds (CONTRACT §4): how a leaf's raw score follows from its inputs.

Each kind declares its keys, validates them, and computes a raw score with a Chinese
account of the computation; clamping and rounding happen once, in the engine."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from jixiao.decimals import percent, to_decimal
from jixiao.findings import CODES
from jixiao.metrics.definitions import METRICS
from jixiao.registry import Registry

ONE = Decimal(1)
# The counting units of a `findings` rule (`per`): what one deduction is for.
UNITS = {"person": "人", "row": "条", "month": "人月"}
UNIT_NAMES = UNITS  # 每人 / 每条 / 每人月
# How a rubric names its unit: 每发现一例 is one person (one case), 每笔 one ledger row.
UNIT_WORDS = (("person", re.compile(r"每(?:发现)?(?:一)?(?:例|人(?!月|次))")),
              ("month", re.compile(r"每(?:发现)?(?:一)?(?:人月|人次|个月)")),
              ("row", re.compile(r"每(?:发现)?(?:一)?(?:笔|条|行)")))


@dataclass(frozen=True)
class Inputs:
    """What a rule may read for one leaf."""

    value: Decimal | None = None  # the metric's value, for metric kinds
    score: Decimal | None = None  # the judged score, for `judgment`
    items: Mapping[str, bool] | None = None  # checklist answers
    finding_counts: Mapping[str, int] | None = None  # for `findings`, in the rule's unit; None = not known
    level: str = ""  # the judged level, for `judgment` leaves that declare levels


@dataclass(frozen=True)
class Outcome:
    raw: Decimal | None  # None = pending
    detail: str  # Chinese: the computation, or why it is pending
    failed: tuple[str, ...] = ()  # checklist: the items not met, in the framework's order
    counted: tuple[tuple[str, int], ...] = ()  # findings: (code, count in the rule's unit), listed order
    warning: str = ""  # a judgment that a computed figure contradicts (Chinese, without the code)


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
    detail = f"评价人判定为“{i.level}”，得{fmt(i.score)}分" if i.level else f"评价人判定得{fmt(i.score)}分"
    return Outcome(i.score, detail, warning=_contradiction(w, p, i))


def _contradiction(w: Decimal, p: Mapping[str, object], i: Inputs) -> str:
    """Full marks judged while the leaf's own figure is below what full marks require."""
    full_at = to_decimal(p.get("full_at")) if p.get("full_at") is not None else None
    if full_at is None or i.value is None or i.score is None or i.score < w or i.value >= full_at:
        return ""
    name = METRICS.get(str(p["metric"])).name
    return (f"评价人判定得满分{fmt(w)}分，但计算的{name}为{percent(i.value)}，"
            f"低于评分标准要求的{percent(full_at)}，评分与计算结果不一致，请复核")


def allowed_scores(p: Mapping[str, object]) -> tuple[Decimal, ...]:
    """The scores a judgment leaf's rubric allows (`allowed`, or its `levels`); () = any."""
    if p.get("levels"):
        return tuple(to_decimal(level["score"]) for level in p["levels"])  # type: ignore[union-attr,index,misc]
    return tuple(to_decimal(x) for x in p.get("allowed") or ())  # type: ignore[union-attr,misc]


def level_scores(p: Mapping[str, object]) -> dict[str, Decimal]:
    return {str(level["label"]): to_decimal(level["score"]) for level in p.get("levels") or ()}  # type: ignore[union-attr,index,misc]


def _judgment_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    allowed, levels = p.get("allowed"), p.get("levels")
    if allowed is not None and levels is not None:
        problems.append(("allowed", "allowed 与 levels 只写一个（levels 已给出每档得分）"))
    if allowed is not None and (not isinstance(allowed, list) or not allowed
                                or any(to_decimal(x) is None or to_decimal(x) < 0 for x in allowed)):
        problems.append(("allowed", "应为评分标准允许的得分列表，如 [5, 2.5, 0]"))
    if levels is not None:
        shape = "应为 [{label: 健全并有效运行, score: 5}, …] 的列表"
        if not isinstance(levels, list) or not levels or not all(
                isinstance(x, dict) and set(x) == {"label", "score"} and isinstance(x["label"], str) and x["label"]
                and to_decimal(x["score"]) is not None and to_decimal(x["score"]) >= 0 for x in levels):
            problems.append(("levels", shape))
        elif len({x["label"] for x in levels}) != len(levels):
            problems.append(("levels", "档次名称重复"))
    metric = p.get("metric")
    if metric is not None and metric not in METRICS:
        problems.append(("metric", f"未知指标值 '{metric}'（可用：{', '.join(METRICS.names())}）"))
    if p.get("full_at") is not None:
        if metric is None:
            problems.append(("full_at", "写 full_at 时须写 metric（满分所要求的指标值）"))
        _fraction(p, "full_at", problems, high=Decimal(10))
    return problems


RULE_KINDS.add("judgment", RuleKind("judgment", (), {"allowed": None, "levels": None, "metric": None,
                                                     "full_at": None}, _judgment, _judgment_check))


# --- ratio --------------------------------------------------------------------------

def _ratio(w: Decimal, p: Mapping[str, object], i: Inputs) -> Outcome:
    v = i.value
    if v is None:
        return Outcome(None, f"指标值 {p['metric']} 无法取得")
    target = to_decimal(p["target"])
    if p["direction"] == "lower":
        if v == 0:
            return Outcome(w, f"实际值为0，优于目标值{percent(target)}，得满分{fmt(w)}分")
        if v <= target:
            return Outcome(w, f"实际值{percent(v)}不高于目标值{percent(target)}，得满分{fmt(w)}分")
        share = target / v
        return Outcome(w * share, f"{fmt(w)} × 目标值{percent(target)} ÷ 实际值{percent(v)} = {show(w * share)}分")
    if v >= target:
        return Outcome(w, f"实际值{percent(v)}达到目标值{percent(target)}，得满分{fmt(w)}分")
    share = v / target
    if target == ONE:
        return Outcome(w * share, f"{fmt(w)} × {percent(v)} = {show(w * share)}分")
    return Outcome(w * share, f"{fmt(w)} × 实际值{percent(v)} ÷ 目标值{percent(target)} = {show(w * share)}分")


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
        return Outcome(w, f"{percent(v)}达到满分线{percent(full_at)}，得满分{fmt(w)}分")
    if v < zero_below:
        return Outcome(Decimal(0), f"{percent(v)}低于{percent(zero_below)}，得0分")
    gap = (full_at - v) * 100
    raw = w * (ONE - per_point * gap)
    return Outcome(raw, f"{percent(v)}低于满分线{percent(full_at)}共{show(gap)}个百分点，每低1个百分点扣分值的"
                        f"{fmt(per_point * 100)}%：{fmt(w)} × (1 − {fmt(per_point)} × {show(gap)}) = {show(raw)}分")


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
            if f == ONE:
                return Outcome(w, f"{percent(v)}达到{percent(t)}，得满分{fmt(w)}分")
            return Outcome(w * f, f"{percent(v)}达到{percent(t)}档，得分值的{fmt(f * 100)}%：{fmt(w)} × {fmt(f)} = {fmt(w * f)}分")
    lowest = _steps(p)[-1][0]
    return Outcome(Decimal(0), f"{percent(v)}低于最低档{percent(lowest)}，得0分")


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

def deduction(w: Decimal, p: Mapping[str, object], n: int) -> Decimal:
    """What n failures take off: n × deduct_each, or n × deduct_each_pct % of w."""
    if p.get("deduct_each") is not None:
        return n * to_decimal(p["deduct_each"])  # type: ignore[operator]
    return w * n * to_decimal(p["deduct_each_pct"]) / 100  # type: ignore[operator]


def each_text(p: Mapping[str, object], unit: str) -> str:
    """每人扣0.5分 / 每项扣分值的50%."""
    if p.get("deduct_each") is not None:
        return f"每{unit}扣{fmt(to_decimal(p['deduct_each']))}分"  # type: ignore[arg-type]
    return f"每{unit}扣分值的{fmt(to_decimal(p['deduct_each_pct']))}%"  # type: ignore[arg-type]


def _deduct(w: Decimal, p: Mapping[str, object], n: int, found: str, unit: str) -> Outcome:
    """`found`: what was found, counted ("未达到“专款专用”1项"); the deduction as Chinese."""
    off = deduction(w, p, n)
    raw = w - off
    return Outcome(raw, f"{found}，{each_text(p, unit)}，共扣{show(off)}分，得{show(raw)}分" if raw >= 0 else
                   f"{found}，{each_text(p, unit)}，共扣{show(off)}分，超过分值{fmt(w)}分，得0分")


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
    if not failed:
        return Outcome(w, f"{len(p['items'])}项要求均已达到，得满分{fmt(w)}分")  # type: ignore[arg-type]
    items = "、".join(f"“{x}”" for x in failed)
    outcome = _deduct(w, p, len(failed), f"未达到{items}{len(failed)}项", "项")
    return Outcome(outcome.raw, outcome.detail, tuple(failed))


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
    unit = UNITS[str(p["per"])]
    counted = tuple((c, int(counts[c])) for c in codes)
    found = [(c, n) for c, n in counted if n]
    if not found:
        return Outcome(w, f"未发现{'、'.join(CODES[c].title for c in codes)}问题，得满分{fmt(w)}分", counted=counted)
    total = sum(n for _, n in found)
    listed = "、".join(f"{CODES[c].title}{n}{unit}" for c, n in found)
    if len(found) > 1:
        listed += f"，共{total}{unit}"
    outcome = _deduct(w, p, total, f"发现{listed}", UNIT_NAMES[str(p["per"])])
    return Outcome(outcome.raw, outcome.detail, counted=counted)


def _findings_check(p: Mapping[str, object]) -> list[tuple[str, str]]:
    codes = p.get("codes")
    problems = _deduct_check(p)
    if p.get("per") not in UNITS:
        problems.append(("per", f"计数单位应为 person（每人）、row（每条）或 month（每人每月），而不是 '{p.get('per')}'"))
    if not isinstance(codes, list) or not codes:
        problems.append(("codes", "应为核查代码列表，如 [paid-after-death, double-payment]"))
    else:
        for code in codes:
            if code not in CODES:
                problems.append(("codes", f"未知核查代码 '{code}'（可用：{', '.join(CODES)}）"))
    return problems


RULE_KINDS.add("findings", RuleKind("findings", ("codes",), {"deduct_each": None, "deduct_each_pct": None,
                                                              "per": "row"}, _findings, _findings_check))


def unit_wording(kind: str, params: Mapping[str, object], standard: str) -> list[tuple[str, str]]:
    """A findings rule whose 评分标准 names another unit than its `per` (每发现一例 is per
    person): the key and the problem, for the framework's problem list."""
    if kind != "findings" or params.get("per") not in UNITS:
        return []
    for unit, words in UNIT_WORDS:
        m = words.search(standard or "")
        if m and unit != params["per"]:
            return [("rule.per", f"评分标准写“{m.group(0)}”，即按{UNITS[unit]}计，应写 per: {unit}"
                                 f"（现为 {params['per']}{'，未写时按条计' if params['per'] == 'row' else ''}）")]
    return []
