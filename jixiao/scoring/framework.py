"""framework.yaml → a validated, immutable indicator tree (CONTRACT §4).

The whole definition is checked before anything is computed, and every problem is
reported at once with the file, the indicator code and the key."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from jixiao.decimals import ROUNDING_MODES, to_decimal
from jixiao.errors import FrameworkError, Problem, raise_if
from jixiao.metrics.definitions import METRICS
from jixiao.scoring.rules import RULE_KINDS, unit_wording
from jixiao.scoring.yamlfile import load_yaml

DEFAULT_GRADES = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))
DEFAULT_STEP = Decimal("0.01")
INDICATOR_KEYS = {"code", "name", "weight", "children", "rule", "round", "explain", "standard", "source"}
MAX_LEVELS = 12  # indicator levels; real frameworks have 3 to 5
TOP_KEYS = {"name", "total", "grades", "indicators"}


@dataclass(frozen=True)
class Rule:
    kind: str
    params: Mapping[str, object]  # every key of the kind, defaults filled in

    @property
    def metric(self) -> str | None:
        return self.params.get("metric")  # type: ignore[return-value]


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    weight: Decimal
    children: tuple[Indicator, ...] = ()
    rule: Rule | None = None
    round_step: Decimal = DEFAULT_STEP
    round_mode: str = "half_up"
    explain: str = ""  # 指标解释
    standard: str = ""  # 评分标准
    source: str = ""  # 数据来源

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self, depth: int = 1) -> Iterator[tuple[int, Indicator]]:
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass(frozen=True)
class Framework:
    name: str
    total: Decimal
    grades: tuple[tuple[Decimal, str], ...]  # (min, label), highest min first
    indicators: tuple[Indicator, ...]
    file: str = ""

    def walk(self) -> Iterator[tuple[int, Indicator]]:
        for top in self.indicators:
            yield from top.walk()

    def leaves(self) -> list[Indicator]:
        return [i for _, i in self.walk() if i.is_leaf]

    def find(self, code: str) -> Indicator | None:
        return next((i for _, i in self.walk() if i.code == code), None)

    def grade(self, total: Decimal) -> str:
        return next(label for low, label in self.grades if total >= low)


def load_framework(path: Path) -> Framework:
    return parse_framework(load_yaml(path, FrameworkError), path.name)


def parse_framework(data: object, file: str) -> Framework:
    """Validate a parsed YAML document; raise FrameworkError with every problem."""
    return _Parser(file).framework(data)


class _Parser:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.codes: set[str] = set()

    def bad(self, where: str, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, where, key))

    def unknown(self, obj: Mapping, where: str, known: set[str]) -> None:
        for key in obj:
            if key not in known:
                self.bad(where, str(key), f"未知的键（可用：{', '.join(sorted(known))}）")

    def framework(self, data: object) -> Framework:
        if not isinstance(data, dict):
            raise FrameworkError(f"{self.file} 应为一个映射，含 name、indicators 等键")
        self.unknown(data, "", TOP_KEYS)
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            self.bad("", "name", "缺少指标体系名称")
            name = ""
        total = to_decimal(data.get("total", 100))
        if total is None or total <= 0:
            self.bad("", "total", "应为正数")
            total = Decimal(100)
        grades = self.grades(data.get("grades"))
        raw = data.get("indicators")
        if not isinstance(raw, list) or not raw:
            self.bad("", "indicators", "缺少指标列表")
            raw = []
        tops = tuple(i for i in (self.indicator(x, f"indicators[{n}]") for n, x in enumerate(raw, 1)) if i)
        top_sum = sum((i.weight for i in tops), Decimal(0))
        if tops and len(tops) == len(raw) and top_sum != total:
            self.bad("", "weight", f"一级指标权重合计 {top_sum} ≠ {total}"
                     + ("（如总分不是 100，请写 total: N）" if "total" not in data else ""))
        raise_if(self.problems, FrameworkError, f"指标体系 {self.file} 有错误")
        return Framework(name.strip(), total, grades, tops, self.file)

    def grades(self, raw: object) -> tuple[tuple[Decimal, str], ...]:
        if raw is None:
            return DEFAULT_GRADES
        if not isinstance(raw, list) or not raw:
            self.bad("", "grades", "应为 [{min: 90, label: 优}, …] 的列表")
            return DEFAULT_GRADES
        bands = []
        for n, band in enumerate(raw, 1):
            where = f"grades[{n}]"
            if not isinstance(band, dict):
                self.bad(where, "", "应为 {min: 数, label: 等级}")
                continue
            self.unknown(band, where, {"min", "label"})
            low, label = to_decimal(band.get("min")), band.get("label")
            if low is None:
                self.bad(where, "min", "应为数")
            if not isinstance(label, str) or not label:
                self.bad(where, "label", "应为等级名称，如 优")
            if low is not None and isinstance(label, str) and label:
                bands.append((low, label))
        bands.sort(key=lambda b: b[0], reverse=True)
        if bands and bands[-1][0] > 0:
            self.bad("", "grades", f"最低一档的 min 应为 0，否则低于 {bands[-1][0]} 分的结果无等级")
        return tuple(bands) or DEFAULT_GRADES

    def indicator(self, raw: object, where: str, level: int = 1) -> Indicator | None:
        if not isinstance(raw, dict):
            self.bad(where, "", "指标应为映射，含 code、name、weight")
            return None
        code = raw.get("code")
        if not isinstance(code, (str, int)) or str(code).strip() == "":
            self.bad(where, "code", "缺少指标代码")
            code = where
        code = str(code).strip()
        if code in self.codes:
            self.bad(code, "code", "指标代码重复")
        self.codes.add(code)
        self.unknown(raw, code, INDICATOR_KEYS)
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            self.bad(code, "name", "缺少指标名称")
            name = ""
        weight = to_decimal(raw.get("weight"))
        if weight is None or weight < 0:
            self.bad(code, "weight", f"权重应为非负数，而不是 '{raw.get('weight')}'")
            weight = Decimal(0)
        texts = {k: raw.get(k, "") for k in ("explain", "standard", "source")}
        for key, text in texts.items():
            if not isinstance(text, str):
                self.bad(code, key, "应为文本")
                texts[key] = ""
        step, mode = self.rounding(raw.get("round"), code)
        if weight % step != 0:
            self.bad(code, "round.step", f"权重 {weight} 不是取整步长 {step} 的整数倍，得分可能无法取到满分或超出权重")
        children_raw, rule_raw = raw.get("children"), raw.get("rule")
        if children_raw is not None and rule_raw is not None:
            self.bad(code, "children", "指标不能既有 children 又有 rule（有下级指标的不是末级指标）")
        if children_raw is None and rule_raw is None:
            self.bad(code, "rule", "末级指标缺少 rule（或用 children 给出下级指标）")
        children: tuple[Indicator, ...] = ()
        if children_raw is not None:
            if not isinstance(children_raw, list) or not children_raw:
                self.bad(code, "children", "应为非空的下级指标列表")
            elif level >= MAX_LEVELS:
                self.bad(code, "children", f"指标层级超过 {MAX_LEVELS} 级（下级指标未读取）")
            else:
                parsed = [self.indicator(c, f"{code}.children[{n}]", level + 1) for n, c in enumerate(children_raw, 1)]
                children = tuple(c for c in parsed if c)
                total = sum((c.weight for c in children), Decimal(0))
                if len(children) == len(parsed) and total != weight:
                    self.bad(code, "weight", f"下级指标权重合计 {total} ≠ 本级权重 {weight}")
        rule = self.rule(rule_raw, code) if rule_raw is not None and children_raw is None else None
        for key, message in unit_wording(rule.kind, rule.params, texts["standard"]) if rule else ():
            self.bad(code, key, message)
        return Indicator(code, name.strip(), weight, children, rule, step, mode,
                         texts["explain"].strip(), texts["standard"].strip(), texts["source"].strip())

    def rounding(self, raw: object, code: str) -> tuple[Decimal, str]:
        if raw is None:
            return DEFAULT_STEP, "half_up"
        if not isinstance(raw, dict):
            self.bad(code, "round", "应为 {step: 0.1, mode: half_up}")
            return DEFAULT_STEP, "half_up"
        self.unknown(raw, f"{code}.round", {"step", "mode"})
        step = to_decimal(raw.get("step", DEFAULT_STEP))
        if step is None or step <= 0:
            self.bad(code, "round.step", "应为正数，如 0.1")
            step = DEFAULT_STEP
        mode = raw.get("mode", "half_up")
        if mode not in ROUNDING_MODES:
            self.bad(code, "round.mode", f"未知取整方式 '{mode}'（可用：{', '.join(ROUNDING_MODES)}）")
            mode = "half_up"
        return step, mode

    def rule(self, raw: object, code: str) -> Rule | None:
        if not isinstance(raw, dict):
            self.bad(code, "rule", "应为映射，如 {kind: ratio, metric: budget_execution_rate}")
            return None
        kind_name = raw.get("kind")
        if kind_name not in RULE_KINDS:
            self.bad(code, "rule.kind", f"未知规则类型 '{kind_name}'（可用：{', '.join(RULE_KINDS.names())}）")
            return None
        kind = RULE_KINDS.get(kind_name)
        self.unknown(raw, f"{code}.rule", kind.keys())
        for key in kind.required:
            if key not in raw:
                self.bad(code, f"rule.{key}", f"{kind_name} 规则缺少此键")
        if any(key not in raw for key in kind.required):
            return None
        params = {**kind.optional, **{k: v for k, v in raw.items() if k != "kind"}}
        if kind.uses_metric:
            if params["metric"] not in METRICS:
                self.bad(code, "rule.metric", f"未知指标值 '{params['metric']}'（可用：{', '.join(METRICS.names())}）")
        for key, message in kind.check(params):
            self.bad(code, f"rule.{key}", message)
        return Rule(kind_name, MappingProxyType(params))
