"""The survey of a workspace: its store tables (survey_answers or survey_tallies) analysed
with the workspace's policy and the judgments' facts.

Facts read (all optional): `population` (the surveyed population), else `persons_entitled`,
else the roster's distinct person_ids, for the finite-population correction;
`survey_sent` (questionnaires sent) for the response rate; `survey_weights.<question>`
for question weights in the overall figures."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from jixiao.survey.analyse import analyse_survey
from jixiao.survey.cells import AnswerCell, TallyCell
from jixiao.survey.result import QuestionResult, SurveyResult
from jixiao.workspace import Workspace

__all__ = ["SurveyResult", "QuestionResult", "survey_from_store"]

ANSWERS_SQL = "SELECT _row, _file, question, column_name, answer FROM survey_answers"
TALLIES_SQL = 'SELECT _row, _file, question, "option", "count" FROM survey_tallies'
WEIGHT_PREFIX = "survey_weights."


def survey_from_store(store: Any, ws: Workspace, facts: Mapping[str, Decimal],
                      roster_persons: int | None = None) -> SurveyResult | None:
    """Analyse the survey tables of an open store (a DuckDB connection or anything with
    `execute(sql).fetchall()`); None when both tables are empty. `roster_persons`: the
    roster's distinct persons, the population when the facts give none."""
    answers = [AnswerCell(row, column, question, answer, file)
               for row, file, question, column, answer in store.execute(ANSWERS_SQL).fetchall()]
    tallies = [TallyCell(row, question, option, count, file)
               for row, file, question, option, count in store.execute(TALLIES_SQL).fetchall()]
    if not answers and not tallies:
        return None
    population, population_source = _population(facts, roster_persons)
    sent = facts.get("survey_sent")
    weights = {k[len(WEIGHT_PREFIX):]: v for k, v in facts.items() if k.startswith(WEIGHT_PREFIX)}
    common = dict(satisfaction_values=ws.policy.satisfaction_values, population=population,
                  population_source=population_source, sent=int(sent) if sent else None,
                  weights=weights or None, source=ws.data["survey"].label)
    if answers:
        return analyse_survey(answers=answers, **common)
    return analyse_survey(tallies=tallies, **common)


def _population(facts: Mapping[str, Decimal], roster_persons: int | None) -> tuple[int | None, str]:
    for key, label in (("population", "项目单位提供的问卷总体人数"),
                       ("persons_entitled", "项目单位提供的应享受人数")):
        if facts.get(key):
            return int(facts[key]), label
    return (roster_persons, "花名册人数（按身份证号去重）") if roster_persons else (None, "")
