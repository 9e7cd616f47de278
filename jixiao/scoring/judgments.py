"""judgments.yaml → facts and per-indicator judgments (CONTRACT §5), checked against
the framework; every problem reported at once with the indicator code and key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.decimals import to_decimal
from jixiao.errors import JudgmentsError, Problem, raise_if
from jixiao.scoring.framework import Framework
from jixiao.scoring.yamlfile import load_yaml

ENTRY_KEYS = {"score", "items", "override", "basis", "note"}  # note: the evaluator's own remark, never printed (CONTRACT §7)


@dataclass(frozen=True)
class Judgment:
    basis: str
    score: Decimal | None = None
    items: Mapping[str, bool] | None = None
    override: Decimal | None = None


@dataclass(frozen=True)
class Judgments:
    facts: Mapping[str, Decimal] = field(default_factory=dict)
    entries: Mapping[str, Judgment] = field(default_factory=dict)
    file: str = ""

    def finding_counts(self) -> dict[str, int] | None:
        """Counts given as facts `findings.<code>`, or None if none were given."""
        counts = {k.split(".", 1)[1]: int(v) for k, v in self.facts.items() if k.startswith("findings.")}
        return counts or None


def load_judgments(path: Path | None, framework: Framework) -> Judgments:
    if path is None:
        return Judgments()
    return parse_judgments(load_yaml(path, JudgmentsError), framework, path.name)


def parse_judgments(data: object, framework: Framework, file: str) -> Judgments:
    problems: list[Problem] = []

    def bad(where: str, key: str, message: str) -> None:
        problems.append(Problem(file, message, where, key))

    if data is None:
        return Judgments(file=file)
    if not isinstance(data, dict):
        raise JudgmentsError(f"{file} 应为一个映射，含 facts 和 scores")
    for key in data:
        if key not in ("facts", "scores"):
            bad("", str(key), "未知的键（可用：facts, scores）")
    facts = _facts(data.get("facts") or {}, bad)
    entries: dict[str, Judgment] = {}
    scores = data.get("scores") or {}
    if not isinstance(scores, dict):
        bad("", "scores", "应为 指标代码: {…} 的映射")
        scores = {}
    for code, raw in scores.items():
        code = str(code)
        entry = _entry(code, raw, framework, bad)
        if entry is not None:
            entries[code] = entry
    raise_if(problems, JudgmentsError, f"评分判断 {file} 有错误")
    return Judgments(facts, entries, file)


def _facts(raw: object, bad) -> dict[str, Decimal]:
    if not isinstance(raw, dict):
        bad("facts", "", "应为 名称: 数值 的映射")
        return {}
    facts: dict[str, Decimal] = {}

    def add(prefix: str, mapping: dict) -> None:
        for key, value in mapping.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict):
                add(f"{name}.", value)
                continue
            number = to_decimal(value)
            if number is None:
                bad("facts", name, f"应为数值，而不是 '{value}'")
            else:
                facts[name] = number

    add("", raw)
    return facts


def _entry(code: str, raw: object, framework: Framework, bad) -> Judgment | None:
    indicator = framework.find(code)
    if indicator is None:
        bad(code, "", f"指标体系中没有代码为 {code} 的指标")
        return None
    if not indicator.is_leaf:
        bad(code, "", "只能对末级指标评分（该指标有下级指标，得分由下级汇总）")
        return None
    if not isinstance(raw, dict):
        bad(code, "", "应为 {score: 分数, basis: 评分依据} 等")
        return None
    for key in raw:
        if key not in ENTRY_KEYS:
            bad(code, str(key), f"未知的键（可用：{', '.join(sorted(ENTRY_KEYS))}）")
    kind = indicator.rule.kind if indicator.rule else ""
    basis = raw.get("basis")
    if not isinstance(basis, str) or not basis.strip():
        bad(code, "basis", "每项判断都须写明评分依据")
        basis = ""
    w = indicator.weight

    def in_range(key: str) -> Decimal | None:
        if key not in raw:
            return None
        value = to_decimal(raw[key])
        if value is None or not 0 <= value <= w:
            bad(code, key, f"应在 0–{w} 之间，而不是 '{raw[key]}'")
            return None
        return value

    score, override = in_range("score"), in_range("override")
    if "score" in raw and kind != "judgment":
        bad(code, "score", f"{kind} 规则的得分由规则计算；要调整请用 override 并写明依据")
    if kind == "judgment" and "score" not in raw and "override" not in raw:
        bad(code, "score", "judgment 指标须给出 score")
    items = None
    if "items" in raw:
        items = _items(code, raw["items"], indicator.rule.params.get("items") if kind == "checklist" else None, bad)
        if kind != "checklist":
            bad(code, "items", f"只有 checklist 指标才逐项判定（本指标为 {kind}）")
    elif kind == "checklist" and "override" not in raw:
        bad(code, "items", "checklist 指标须给出 items 逐项判定（尚未判定的指标可不写，即为待评）")
    return Judgment(basis.strip(), score, items, override)


def _items(code: str, raw: object, expected: object, bad) -> dict[str, bool] | None:
    if not isinstance(raw, dict) or not all(isinstance(v, bool) for v in raw.values()):
        bad(code, "items", "应为 检查项: true/false 的映射")
        return None
    if isinstance(expected, list):
        unknown = [k for k in raw if k not in expected]
        if unknown:
            bad(code, "items", f"指标体系中没有这些检查项：{'、'.join(map(str, unknown))}")
    return {str(k): v for k, v in raw.items()}
