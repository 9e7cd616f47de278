"""The scored result: immutable, complete enough that every number in a report can be
explained from it alone (STYLE 7). Renderers take only this."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.metrics.compute import MetricValue


@dataclass(frozen=True)
class ScoredNode:
    code: str
    name: str
    weight: Decimal
    score: Decimal | None  # None = pending (a parent sums its scored children)
    children: tuple[ScoredNode, ...] = ()
    # leaves only:
    kind: str = ""
    metric: str | None = None
    value: Decimal | None = None  # the metric's value, a fraction
    computed: Decimal | None = None  # what the rule gave, rounded (differs from score when overridden)
    overridden: bool = False
    basis: str = ""  # 评分依据 from judgments (printed)
    note: str = ""  # the evaluator's own remark from judgments (never printed)
    failed_items: tuple[str, ...] = ()  # checklist: the items not met
    detail: str = ""  # the computation in words and numbers, or why pending
    explain: str = ""  # 指标解释
    standard: str = ""  # 评分标准
    source: str = ""  # 数据来源
    pending: bool = False

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def rate(self) -> Decimal | None:
        """Score as a share of the weight (得分率)."""
        if self.score is None or self.weight == 0:
            return None
        return self.score / self.weight

    def walk(self, depth: int = 1):
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass(frozen=True)
class ScoreResult:
    framework: str
    total: Decimal
    max_total: Decimal
    grade: str | None
    complete: bool
    pending: tuple[str, ...]
    indicators: tuple[ScoredNode, ...]
    metrics: dict[str, MetricValue] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    grades: tuple[tuple[Decimal, str], ...] = ()

    def walk(self):
        for top in self.indicators:
            yield from top.walk()

    def leaves(self) -> list[ScoredNode]:
        return [n for _, n in self.walk() if n.is_leaf]

    def find(self, code: str) -> ScoredNode | None:
        return next((n for _, n in self.walk() if n.code == code), None)
