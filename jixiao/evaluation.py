"""Everything one evaluation produced: what the narrative and the report render from.

Each part is optional except the score: an evaluation built from facts and judgments
alone (no roster, no ledger) has no audit, and the report says which data were not
provided rather than inventing them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jixiao.scoring.result import ScoreResult
from jixiao.workspace import Workspace


@dataclass(frozen=True)
class Evaluation:
    workspace: Workspace
    score: ScoreResult
    audit: Any | None = None  # jixiao.audit.run.AuditResult, when the workspace has roster/payments
    survey: Any | None = None  # jixiao.survey.service.SurveyResult, when it has a survey

    @property
    def provided(self) -> dict[str, bool]:
        """Which input tables the workspace named (roster, payments, funds, survey, deaths, dibao)."""
        from jixiao.workspace import DATA_TABLES

        return {t: t in self.workspace.data for t in DATA_TABLES}
