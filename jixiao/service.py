"""The service functions the front ends call. One evaluation flows
workspace → ingest → audit → metrics → survey → scoring; the report renders the result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jixiao.evaluation import Evaluation
from jixiao.frameworks import builtin_path
from jixiao.metrics.compute import MetricSet, compute_metrics
from jixiao.progress import reporter
from jixiao.scoring.engine import score_framework
from jixiao.scoring.framework import Framework, load_framework
from jixiao.scoring.judgments import load_judgments
from jixiao.scoring.result import ScoreResult
from jixiao.scoring.serialize import result_json
from jixiao.workspace import Workspace, load_workspace

Progress = Any  # a callable taking a message, an object with .step, or None (jixiao.progress)
AUDITED_TABLES = ("roster", "payments", "funds", "deaths", "dibao")


def as_workspace(ws: Workspace | str | Path) -> Workspace:
    return ws if isinstance(ws, Workspace) else load_workspace(ws)


def workspace_framework(ws: Workspace) -> Framework:
    path = ws.framework_path or builtin_path(ws.framework_builtin or "")
    return load_framework(path)


def evaluate_workspace(ws: Workspace | str | Path, progress: Progress = None, engine: Any = None) -> Evaluation:
    """Check, audit, survey and score a workspace; write out/findings.* and out/scores.json.
    Stages whose tables the workspace does not provide are skipped, not invented.
    `engine`: where the audit runs (jixiao.audit.engines.Engine; default DuckDB)."""
    ws = as_workspace(ws)
    say = reporter(progress)
    framework = workspace_framework(ws)  # a broken framework fails before any data is read
    judgments = load_judgments(ws.judgments_path, framework)
    audit = survey = None
    if any(t in ws.data for t in AUDITED_TABLES):
        from jixiao.audit.run import audit_workspace

        audit = audit_workspace(ws, say, engine=engine)
    if "survey" in ws.data:
        from jixiao.ingest.load import load_data
        from jixiao.survey.service import survey_for_workspace

        if audit is None:
            load_data(ws, progress=say)
        say("分析问卷")
        survey = survey_for_workspace(ws, judgments.facts)
    say("评分")
    figures = {**(audit.figures if audit else {}), **(survey.figures if survey else {})}
    metrics = compute_metrics(judgments.facts, figures, survey.data_metrics if survey else None)
    if audit is not None and audit.warnings:
        metrics = MetricSet(metrics.values, (*audit.warnings, *metrics.warnings))
    score = score_framework(framework, judgments, metrics, _finding_counts(audit))
    evaluation = Evaluation(ws, score, audit, survey)
    write_scores(evaluation)
    return evaluation


def _finding_counts(audit: Any) -> dict[str, int] | None:
    """The audit's counts for `findings` rules — only when it checked some roster or payment
    rows: no findings in empty tables is no evidence, so those rules stay pending (or use
    the facts' findings.<code>)."""
    if audit is None:
        return None
    checked = sum(audit.rows.get(t, {}).get("loaded", 0) for t in ("roster", "payments"))
    return audit.counts if checked else None


def scores_json(evaluation: Evaluation) -> dict[str, Any]:
    """out/scores.json: the score result, with the survey section among the metrics."""
    data = result_json(evaluation.score)
    if evaluation.survey is not None:
        from jixiao.metrics.definitions import METRICS
        from jixiao.survey.serialize import survey_json

        # shaped like every other metric (name, value: the survey's overall 满意率, formula,
        # inputs), then the analysis
        survey = survey_json(evaluation.survey)
        rate = survey["overall"]["satisfaction_rate"]
        pooled = survey["pooled"]
        data["metrics"]["survey"] = {
            "name": "问卷调查满意率", "value": rate["value"] if rate else None,
            "formula": METRICS.get("satisfaction_rate").formula,
            "inputs": {k: pooled[k] for k in ("answers_satisfied", "answers_valid")} if pooled["equals_overall"] else {},
            **survey}
    return data


def write_scores(evaluation: Evaluation) -> Path:
    out = evaluation.workspace.out
    out.mkdir(parents=True, exist_ok=True)
    path = out / "scores.json"
    path.write_text(json.dumps(scores_json(evaluation), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def score_workspace(ws: Workspace | str | Path, progress: Progress = None) -> ScoreResult:
    """Score the workspace (auditing its tables first when it has any); write out/scores.json."""
    return evaluate_workspace(ws, progress).score
