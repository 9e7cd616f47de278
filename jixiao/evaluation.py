"""Everything one evaluation produced, typed and complete: what the narrative, the report,
the CLI, the web app and batch read. Nothing downstream goes back to the store.

Parts a workspace does not provide are absent, not invented: an evaluation built from
facts and judgments alone has an empty load report, no audit and no survey, and the
report says which data were not provided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jixiao.audit.result import AuditResult
from jixiao.findings import CODES
from jixiao.ingest.accounting import LoadReport
from jixiao.metrics.summaries import Summaries
from jixiao.scoring.result import ScoreResult
from jixiao.survey.result import SurveyResult
from jixiao.workspace import DATA_TABLES, Workspace


@dataclass(frozen=True)
class Evaluation:
    workspace: Workspace
    load: LoadReport  # row accounting and ingest findings of every configured table
    audit: AuditResult | None  # when the workspace has roster, payments, funds, deaths or 低保 tables
    figures: Mapping[str, Decimal]  # what the data give, by name (metrics.definitions.FIGURE_NAMES)
    summaries: Summaries  # payments by subsidy, month and township; funds by kind and level
    survey: SurveyResult | None  # when the workspace has a survey
    score: ScoreResult  # the scored tree, with every metric (value, formula, inputs, source)
    warnings: tuple[str, ...] = ()  # everything the evaluation could not judge or had to reconcile
    files: tuple[Path, ...] = ()  # out/scores.json, out/findings.csv, out/findings.xlsx

    @property
    def provided(self) -> dict[str, bool]:
        """Which input tables the workspace named (roster, payments, funds, survey, deaths, dibao)."""
        return {t: t in self.workspace.data for t in DATA_TABLES}

    @property
    def rows(self) -> dict[str, dict[str, int]]:
        """Row accounting per table: read, loaded, skipped, rejected (CONTRACT §6 `rows`)."""
        return self.load.rows_json()

    def audit_json(self) -> dict:
        return audit_json(self.load, self.audit)


def audit_json(load: LoadReport, audit: AuditResult | None) -> dict:
    """CONTRACT §6 `jixiao audit --json`: rows, findings by code, money at risk (plus money
    by code, and the warnings — what could not be judged — only when there are some)."""
    doc: dict = {"rows": load.rows_json(), "findings": audit.counts if audit else {c: 0 for c in CODES},
                 "money_at_risk": audit.money_json() if audit else {"overpaid": 0, "underpaid": 0, "by_code": {}}}
    warnings = audit.warnings if audit else ()
    return {**doc, "warnings": list(warnings)} if warnings else doc
