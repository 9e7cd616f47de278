"""Counts → per-question and overall 满意率 and 满意度指数 with 95 % intervals.

Overall figures are the mean over questions weighted by each question's valid answers,
which is exactly CONTRACT §5's pooled 满意率 = (非常满意 + 满意) / valid answers (and
the pooled index); `survey_weights` facts replace those weights by the evaluator's. This
is what the metrics satisfaction_rate and satisfaction_index are. The overall interval
averages the questions' interval ends with the same weights: a conservative bound that
does not assume the questions are answered independently (they are answered by the
same people). Counting and shares are exact; intervals use Decimal square roots."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from jixiao.errors import DataError, Problem
from jixiao.survey import messages
from jixiao.survey.cells import AnswerCell, TallyCell
from jixiao.survey.counts import Counted, QuestionCounts, count_answers, count_tallies
from jixiao.survey.intervals import (Estimate, mean_interval, sample_for_mean, sample_for_rate,
                                     sample_variance, wilson)
from jixiao.survey.options import BASIC_OR_BETTER, SATISFIED_OPTIONS
from jixiao.survey.result import QuestionResult, SurveyResult
from jixiao.vocabulary import SATISFACTION_OPTIONS

DEFAULT_VALUES = tuple(Decimal(v) for v in (100, 80, 60, 40, 20))
TARGET_MARGIN = Decimal("0.05")  # ±5 points
INDEX_SCALE = Decimal(100)


def analyse_survey(*, answers: Iterable[AnswerCell] | None = None,
                   tallies: Iterable[TallyCell] | None = None,
                   satisfaction_values: Sequence[Decimal] = DEFAULT_VALUES,
                   population: int | None = None, population_source: str = "",
                   sent: int | None = None,
                   weights: Mapping[str, Decimal | int] | None = None,
                   source: str = "") -> SurveyResult:
    """Analyse a survey given as answer cells or as tally cells (exactly one of them)."""
    if (answers is None) == (tallies is None):
        raise ValueError("give answers or tallies, not both or neither")
    counted = count_answers(answers) if answers is not None else count_tallies(tallies or ())
    values = tuple(Decimal(v) for v in satisfaction_values)
    weight_of = _weights(counted, weights, source)
    return _analyse(counted, values, population, population_source, sent, weight_of, source, bool(weights))


def _weights(counted: Counted, weights: Mapping[str, Decimal | int] | None, source: str) -> dict[str, Decimal]:
    names = [q.question for q in counted.questions]
    if not weights:  # pooled: each question weighs its valid answers
        return {q.question: Decimal(q.valid) for q in counted.questions}
    problems = [Problem(source, f"权重中的问题“{k}”不在问卷中（问卷的问题：{'、'.join(names)}）")
                for k in weights if k not in names]
    problems += [Problem(source, f"问题“{k}”的权重应为正数或 0，而不是 {v}")
                 for k, v in weights.items() if Decimal(v) < 0]
    if all(Decimal(v) == 0 for v in weights.values()):
        problems.append(Problem(source, "问卷题目权重全为 0，无法计算总体满意度"))
    if problems:
        raise DataError("问卷题目权重有误", problems)
    return {name: Decimal(weights.get(name, 0)) for name in names}


def _analyse(counted: Counted, values: tuple[Decimal, ...], population: int | None, population_source: str,
             sent: int | None, weight_of: dict[str, Decimal], source: str, weights_given: bool) -> SurveyResult:
    warnings = list(counted.warnings)
    value_of = dict(zip(SATISFACTION_OPTIONS, values, strict=True))
    n_max = max((q.valid for q in counted.questions), default=0)
    if population is not None and n_max > population:
        warnings.append(messages.sample_exceeds_population(n_max, population))
    questions, empty = [], []
    for q in counted.questions:
        if q.valid == 0:
            empty.append(q.question)
            warnings.append(messages.no_valid_answers(q.question))
        else:
            questions.append(_question(q, value_of, population, weight_of[q.question]))
    unweighted = [r.question for r in questions if r.weight == 0]
    if unweighted and weights_given:
        warnings.append(messages.not_weighted(unweighted))
    scored = [r for r in questions if r.weight > 0]
    rate = _overall(scored, lambda r: r.rate, lambda r: Fraction(r.satisfied, r.valid))
    index = _overall(scored, lambda r: r.index, lambda r: Fraction(r.points) / (r.valid * 100))
    basic = _overall(scored, None, lambda r: Fraction(_basic(r.counts), r.valid))
    for label, attr, key in (("满意率", "rate", "sample_for_rate"), ("满意度指数", "index", "sample_for_index")):
        margins = [m for r in scored if (m := getattr(r, attr).margin) is not None]
        needed = [n for r in scored if (n := getattr(r, key)) is not None]
        if margins and max(margins) > TARGET_MARGIN and needed:
            warnings.append(messages.margin_too_wide(label, max(margins), max(needed), population))
    if counted.rejected:
        warnings.append(messages.rejected_summary(sum(r.count for r in counted.rejected)))
    response_rate = None
    if sent:
        response_rate = Decimal(counted.respondents) / Decimal(sent)
        if counted.respondents > sent:
            warnings.append(messages.returned_exceeds_sent(counted.respondents, sent))
    return SurveyResult(
        form=counted.form, source=source, satisfaction_values=values, weights_given=weights_given,
        questions=tuple(questions), empty_questions=tuple(empty),
        respondents=counted.respondents, sent=sent, response_rate=response_rate,
        population=population, population_source=population_source if population else "",
        rate=rate, index=index, basic_or_better=basic.value if basic else None,
        answers_valid=sum(r.valid for r in scored),
        answers_satisfied=sum(r.satisfied for r in scored),
        satisfaction_points=sum((r.points for r in scored), Decimal(0)),
        rejected=counted.rejected, warnings=tuple(warnings))


def _basic(counts: Mapping[str, int]) -> int:
    return sum(counts[o] for o in BASIC_OR_BETTER)


def _question(q: QuestionCounts, value_of: dict[str, Decimal], population: int | None,
              weight: Decimal) -> QuestionResult:
    n = q.valid
    satisfied = sum(q.counts[o] for o in SATISFIED_OPTIONS)
    by_value: dict[Decimal, int] = {}
    for option, count in q.counts.items():
        if count:
            by_value[value_of[option]] = by_value.get(value_of[option], 0) + count
    points = sum((value_of[o] * c for o, c in q.counts.items()), Decimal(0))
    rate = wilson(satisfied, n, population)
    index = mean_interval(by_value, population, INDEX_SCALE)
    rate_margin, index_margin = rate.margin, index.margin
    need_rate = need_index = None
    if rate_margin is not None and rate_margin > TARGET_MARGIN:
        need_rate = sample_for_rate(rate.value, TARGET_MARGIN, population)
    if index_margin is not None and index_margin > TARGET_MARGIN:
        _, variance = sample_variance(by_value)
        need_index = sample_for_mean(variance, TARGET_MARGIN * INDEX_SCALE, population)
    return QuestionResult(
        question=q.question, weight=weight, counts=dict(q.counts),
        shares={o: Decimal(c) / Decimal(n) for o, c in q.counts.items()},
        valid=n, missing=q.missing, rejected=q.rejected, satisfied=satisfied, points=points,
        rate=rate, index=index, basic_or_better=Decimal(_basic(q.counts)) / Decimal(n),
        sample_for_rate=need_rate, sample_for_index=need_index)


def _overall(questions: list[QuestionResult], estimate: Callable[[QuestionResult], Estimate] | None,
             exact: Callable[[QuestionResult], Fraction]) -> Estimate | None:
    """Weighted mean over questions of an exact per-question value (one final division),
    and of the interval ends when every question has them; None without questions."""
    if not questions:
        return None
    total_weight = sum(r.weight for r in questions)
    mean = sum((Fraction(r.weight) * exact(r) for r in questions), Fraction(0)) / Fraction(total_weight)
    value = Decimal(mean.numerator) / Decimal(mean.denominator)
    if estimate is None:
        return Estimate(value)
    ests = [estimate(r) for r in questions]
    if any(e.low is None or e.high is None for e in ests):
        return Estimate(value)
    low = sum((r.weight * e.low for r, e in zip(questions, ests, strict=True)), Decimal(0)) / total_weight
    high = sum((r.weight * e.high for r, e in zip(questions, ests, strict=True)), Decimal(0)) / total_weight
    return Estimate(value, low, high)
