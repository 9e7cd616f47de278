"""The survey as the "survey" section of out/scores.json metrics. Fractions to 0.01 %
(4 places), as the other metrics; counts as integers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.decimals import plain
from jixiao.survey.analyse import TARGET_MARGIN
from jixiao.survey.intervals import CONFIDENCE, Z, Estimate
from jixiao.survey.result import QuestionResult, SurveyResult
from jixiao.vocabulary import SATISFACTION_OPTIONS

PLACES = Decimal("0.0001")
OVERALL_METHOD = {
    False: "全部有效回答合计（即各题按有效回答数加权平均）；区间取各题区间端点的加权平均，不假定各题相互独立",
    True: "各题按 facts 中 survey_weights 给出的权重加权平均；区间取各题区间端点的加权平均，不假定各题相互独立",
}


def _fraction(value: Decimal | None) -> float | int | None:
    return plain(value.quantize(PLACES)) if value is not None else None


def estimate_json(e: Estimate | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {"value": _fraction(e.value), "low": _fraction(e.low), "high": _fraction(e.high),
            "margin": _fraction(e.margin)}


def _question(q: QuestionResult) -> dict[str, Any]:
    return {
        "question": q.question,
        "weight": plain(q.weight),
        "valid": q.valid, "missing": q.missing, "rejected": q.rejected,
        "counts": dict(q.counts),
        "shares": {o: _fraction(s) for o, s in q.shares.items()},
        "satisfied": q.satisfied,
        "points": plain(q.points),
        "satisfaction_rate": estimate_json(q.rate),
        "satisfaction_index": estimate_json(q.index),
        "basic_or_better": _fraction(q.basic_or_better),
        "sample_for_5_points": {"satisfaction_rate": q.sample_for_rate,
                                "satisfaction_index": q.sample_for_index},
    }


def survey_json(result: SurveyResult) -> dict[str, Any]:
    """Everything the survey figures rest on, JSON-ready."""
    return {
        "form": result.form,
        "source": result.source,
        "options": list(SATISFACTION_OPTIONS),
        "satisfaction_values": [plain(v) for v in result.satisfaction_values],
        "confidence": plain(CONFIDENCE), "z": plain(Z), "target_margin": plain(TARGET_MARGIN),
        "respondents": result.respondents,
        "sent": result.sent,
        "response_rate": _fraction(result.response_rate),
        "population": result.population,
        "population_source": result.population_source or None,
        "questions": [_question(q) for q in result.questions],
        "empty_questions": list(result.empty_questions),
        "overall": {
            "method": OVERALL_METHOD[result.weights_given],
            "weights": "given" if result.weights_given else "valid_answers",
            "satisfaction_rate": estimate_json(result.rate),
            "satisfaction_index": estimate_json(result.index),
            "basic_or_better": _fraction(result.basic_or_better),
        },
        "pooled": {"answers_valid": result.answers_valid, "answers_satisfied": result.answers_satisfied,
                   "satisfaction_points": plain(result.satisfaction_points),
                   "equals_overall": result.pooled_is_overall},
        "rejected": [{"file": r.file, "row": r.row, "column": r.column, "question": r.question,
                      "answer": r.answer, "count": r.count, "message": str(r.problem())}
                     for r in result.rejected],
        "warnings": list(result.warnings),
    }
