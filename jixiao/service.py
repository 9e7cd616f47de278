"""The one pipeline. `evaluate_workspace` runs every stage once, in order, over one store
connection — load → audit → metrics (figures, summaries) → survey → scoring — and returns
the complete Evaluation. The CLI, the web app and batch call these functions and nothing
else composes stages; the report renders the Evaluation without going back to the store."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.audit.engines import Engine
from jixiao.audit.findings_table import finding_units
from jixiao.audit.result import AuditResult
from jixiao.audit.run import audit, audit_context, bound_memory, write_files
from jixiao.errors import Problem, ReportIncomplete
from jixiao.evaluation import Evaluation, audit_json
from jixiao.findings import Finding
from jixiao.frameworks import builtin_path
from jixiao.ingest import store
from jixiao.ingest.accounting import LoadReport
from jixiao.ingest.load import load_data
from jixiao.metrics.compute import MetricSet, compute_metrics
from jixiao.metrics.data import data_figures
from jixiao.metrics.definitions import FIGURE_NAMES, METRICS
from jixiao.metrics.summaries import Summaries, personal_names, summarise
from jixiao.narrative.missing import final_missing
from jixiao.progress import ProgressLike, reporter, stage
from jixiao.report import FORMATS, ReportFiles, write_report
from jixiao.reportinputs import (
    MissingInput,
    ReportInputs,
    ReportInputsError,
    check_citations,
    check_indicator_notes,
    load_report_inputs,
)
from jixiao.scoring.engine import score_framework
from jixiao.scoring.framework import Framework, load_framework
from jixiao.scoring.judgments import Judgments, load_judgments
from jixiao.scoring.serialize import result_json
from jixiao.survey.result import SurveyResult
from jixiao.survey.serialize import survey_json
from jixiao.survey.service import survey_from_store
from jixiao.workspace import Workspace, load_workspace

AUDITED_TABLES = frozenset({"roster", "payments", "funds", "deaths", "dibao"})


@dataclass(frozen=True)
class Examined:
    """What the data say, before scoring: the first half of the pipeline."""

    load: LoadReport
    audit: AuditResult | None
    figures: Mapping[str, Decimal]
    summaries: Summaries
    survey: SurveyResult | None
    names: frozenset[str] = frozenset()  # personal names in the data, for masking

    @property
    def rows(self) -> dict[str, dict[str, int]]:
        return self.load.rows_json()

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.audit.findings if self.audit else ()

    @property
    def counts(self) -> dict[str, int]:
        return audit_json(self.load, self.audit)["findings"]

    def json(self) -> dict:
        """CONTRACT §6 `jixiao audit --json`."""
        return audit_json(self.load, self.audit)


def as_workspace(ws: Workspace | str | Path) -> Workspace:
    return ws if isinstance(ws, Workspace) else load_workspace(ws)


def workspace_framework(ws: Workspace) -> Framework:
    path = ws.framework_path or builtin_path(ws.framework_builtin or "")
    return load_framework(path)


def evaluate_workspace(ws: Workspace | str | Path, progress: ProgressLike = None,
                       engine: Engine | None = None) -> Evaluation:
    """Check, audit, survey and score a workspace; write out/findings.* and out/scores.json.
    Stages whose tables the workspace does not provide are skipped, not invented.
    `engine`: where the audit runs (jixiao.audit.engines.Engine; default DuckDB)."""
    ws = as_workspace(ws)
    say = reporter(progress)
    framework = workspace_framework(ws)  # a broken framework fails before any data is read
    judgments = load_judgments(ws.judgments_path, framework)
    inputs = workspace_report_inputs(ws, framework, judgments)
    data = examine(ws, progress, judgments.facts, engine)
    with stage(progress, "评分"):
        say("评分")
        survey_figures = data.survey.figures if data.survey else {}
        metrics = compute_metrics(judgments.facts, {**data.figures, **survey_figures},
                                  data.survey.data_metrics if data.survey else None)
        warnings = (*(data.audit.warnings if data.audit else ()), *metrics.warnings)
        counts = _finding_counts(data, judgments)
        score = score_framework(framework, judgments, MetricSet(metrics.values, warnings), counts,
                                finding_units(data.audit.table, data.audit.codes) if counts is not None and data.audit else None)
        evaluation = Evaluation(ws, data.load, data.audit, data.figures, data.summaries, data.survey, score,
                                warnings, report=inputs, names=data.names)
        scores = write_scores(evaluation)
    return replace(evaluation, files=(scores, *(data.audit.files if data.audit else ())))


REPORT_TARGETS = frozenset(METRICS.names()) | frozenset(FIGURE_NAMES)  # what a goal's 对应 may name


def workspace_report_inputs(ws: Workspace, framework: Framework, judgments: Judgments) -> ReportInputs:
    """report.yaml, validated, and checked against the framework and the judgments: the
    evidence every basis cites is listed, the indicators it explains exist."""
    inputs = load_report_inputs(ws.root, REPORT_TARGETS)
    bases = {code: j.basis for code, j in judgments.entries.items()}
    problems = check_citations(inputs, bases, judgments.file or "judgments.yaml", "basis")
    problems += [p for text in inputs.texts() for p in check_citations(inputs, {"": text}, inputs.file, "")]
    problems += check_indicator_notes(inputs, {i.code for _, i in framework.walk()})
    if problems:
        raise ReportInputsError("报告信息与指标体系、评分判断不一致", problems)
    return inputs


def report_inputs_missing(ws: Workspace | str | Path) -> tuple[ReportInputs, list[MissingInput]]:
    """report.yaml and what it still lacks, before any evaluation (`jixiao check`): the
    unspent balance is not known yet, so its explanation is listed while absent."""
    ws = as_workspace(ws)
    inputs = load_report_inputs(ws.root, REPORT_TARGETS)
    return inputs, inputs.missing(fund_levels_known=_fund_levels(ws), balance_unknown=True)


def _fund_levels(ws: Workspace) -> bool:
    """Whether the loaded funds table gives 资金级次 (then report.yaml need not)."""
    if "funds" not in ws.data or not store.store_path(ws).exists():
        return False
    con = store.open_store(ws, read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return "funds" in tables and bool(con.execute(
            "SELECT count(*) FROM funds WHERE coalesce(level, '') <> ''").fetchone()[0])
    finally:
        con.close()


def audit_workspace(ws: Workspace | str | Path, progress: ProgressLike = None,
                    engine: Engine | None = None) -> Examined:
    """The data half of the pipeline alone (load, audit, figures, summaries, survey), for
    `jixiao audit`: it needs no framework and writes out/findings.*, not out/scores.json."""
    return examine(as_workspace(ws), progress, {}, engine)


def check_workspace(ws: Workspace | str | Path, progress: ProgressLike = None) -> LoadReport:
    """Read every input into the store (`jixiao check`): the row accounting and ingest findings."""
    with stage(progress, "读取数据"):
        return load_data(as_workspace(ws), reporter(progress))


def examine(ws: Workspace, progress: ProgressLike, facts: Mapping[str, Decimal],
            engine: Engine | None = None) -> Examined:
    """Load, audit, data figures, summaries and survey, over one store connection."""
    if not ws.data:
        return Examined(LoadReport({}, ()), None, {}, Summaries(), None)
    say = reporter(progress)
    con = store.open_store(ws)
    try:
        store.configure(con, store.temp_dir(ws))
        with stage(progress, "读取数据"):
            load = load_data(ws, say, con)
        provided = frozenset(load.counts)
        result, figures, summaries, names = None, {}, Summaries(), frozenset()
        if provided & AUDITED_TABLES:
            bound_memory(con)
            if engine is not None and engine.is_spark:
                say(f"核查引擎：{engine.label()}")
            ctx = audit_context(con, ws, provided, engine)
            try:
                with stage(progress, "逐条核查"):
                    result = audit(ctx, say)
                with stage(progress, "写出核查明细"):
                    result = write_files(result, ws.out, say)
                with stage(progress, "计算指标数据"):
                    say("计算指标所需数据")
                    figures = data_figures(ctx, result.table, load.rows_json())
                    summaries = summarise(ctx)
                    names = personal_names(ctx)
            finally:
                ctx.release()
        survey = None
        if "survey" in provided:
            with stage(progress, "分析问卷"):
                say("分析问卷")
                persons = figures.get("roster_persons")
                survey = survey_from_store(con, ws, facts, int(persons) if persons else None)
    finally:
        con.close()
        shutil.rmtree(store.temp_dir(ws), ignore_errors=True)
    return Examined(load, result, figures, summaries, survey, names)


def _finding_counts(data: Examined, judgments: Judgments) -> dict[str, int] | None:
    """The audit's counts for `findings` rules — only when it checked some roster or payment
    rows: no findings in empty tables is no evidence, so those rules stay pending (or use
    the facts' findings.<code>)."""
    if data.audit is None:
        return None
    checked = sum(data.load.counts[t].loaded for t in ("roster", "payments") if t in data.load.counts)
    return data.audit.counts if checked else None


def scores_json(evaluation: Evaluation) -> dict[str, Any]:
    """out/scores.json: the score result, with the survey section among the metrics."""
    data = result_json(evaluation.score)
    if evaluation.survey is not None:
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


def report_workspace(ws: Workspace | str | Path, progress: ProgressLike = None,
                     formats: tuple[str, ...] = FORMATS, final: bool = False,
                     engine: Engine | None = None) -> tuple[Evaluation, ReportFiles]:
    """The whole evaluation, then its report (`jixiao run`, `jixiao report`, the web app).
    `final`: refuse (ReportIncomplete, exit 2) while report inputs or scores are missing."""
    evaluation = evaluate_workspace(ws, progress, engine)
    missing = final_missing(evaluation) if final else []
    if missing:
        file = str(evaluation.workspace.root / "report.yaml")
        raise ReportIncomplete("报告信息尚未齐全，不能出具正式报告（可去掉 --final 生成草稿，缺少的内容在草稿中标为【待填】）",
                               [Problem(file if not m.key.startswith("评分.") else "judgments.yaml", m.label, "", m.key)
                                for m in missing])
    with stage(progress, "出具报告"):
        return evaluation, write_report(evaluation, formats=formats, progress=progress)
