"""The analysed survey: frozen values that the metrics, the JSON and the chart read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from jixiao.survey.counts import Rejected
from jixiao.survey.intervals import Estimate


@dataclass(frozen=True)
class QuestionResult:
    question: str
    weight: Decimal
    counts: Mapping[str, int]  # canonical option → answers, in SATISFACTION_OPTIONS order
    shares: Mapping[str, Decimal]  # option → count / valid
    valid: int
    missing: int  # blank cells
    rejected: int  # unrecognised answers, excluded from this question only
    satisfied: int  # 非常满意 + 满意
    points: Decimal  # Σ satisfaction_values over valid answers
    rate: Estimate  # 满意率
    index: Estimate  # 满意度指数 (mean value / 100)
    basic_or_better: Decimal  # (非常满意 + 满意 + 基本满意) / valid
    sample_for_rate: int | None  # valid answers for ±5 points, when the margin exceeds it
    sample_for_index: int | None


@dataclass(frozen=True)
class SurveyResult:
    form: str  # "answers" | "tallies"
    source: str  # file label
    satisfaction_values: tuple[Decimal, ...]
    questions: tuple[QuestionResult, ...]  # questions with at least one valid answer (weight 0 too)
    empty_questions: tuple[str, ...]  # questions with none
    respondents: int
    sent: int | None
    response_rate: Decimal | None
    population: int | None
    population_source: str  # where N came from, in Chinese ("花名册人数（按身份证号去重）" …)
    weights_given: bool  # survey_weights facts given; else each question weighs its valid answers
    rate: Estimate | None  # overall: weighted mean over questions; None without valid answers
    index: Estimate | None
    basic_or_better: Decimal | None
    answers_valid: int  # pooled over the questions with a weight
    answers_satisfied: int
    satisfaction_points: Decimal
    rejected: tuple[Rejected, ...]
    warnings: tuple[str, ...]

    @property
    def pooled_is_overall(self) -> bool:
        """Do the pooled counts give exactly the overall figures? They do unless question
        weights were given (then only when weights and valid answers are all equal)."""
        if not self.weights_given:
            return True
        scored = [q for q in self.questions if q.weight > 0]
        return len({q.valid for q in scored}) <= 1 and len({q.weight for q in scored}) <= 1

    @property
    def figures(self) -> dict[str, Decimal]:
        """Metric inputs (answers_valid, answers_satisfied, satisfaction_points), given only
        when they reproduce the overall figures exactly; else empty (see data_metrics)."""
        if self.rate is None or not self.pooled_is_overall:
            return {}
        return {"answers_valid": Decimal(self.answers_valid),
                "answers_satisfied": Decimal(self.answers_satisfied),
                "satisfaction_points": self.satisfaction_points}

    @property
    def data_metrics(self) -> dict[str, Decimal]:
        """satisfaction_rate and satisfaction_index: the overall (mean over questions) values."""
        if self.rate is None or self.index is None:
            return {}
        return {"satisfaction_rate": self.rate.value, "satisfaction_index": self.index.value}
