"""`jixiao run WS [--json]`: check, audit, score and report in one go, with progress lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from jixiao.cli import app
from jixiao.cli._common import PROFILE_HELP, Progress, guarded, print_json
from jixiao.cli._engine import ENGINE, SPARK_CONF, SPARK_MASTER, chosen_engine
from jixiao.audit.engines import Engine
from jixiao.cli._tables import audit_line, print_score_table
from jixiao.evaluation import Evaluation
from jixiao.report import FORMATS
from jixiao.service import report_workspace


@app.command(help="一次完成数据检查、逐条核查、评分和报告；进度逐行打印在标准错误。")
@guarded
def run(
    workspace: Path = typer.Argument(..., metavar="工作区", help="工作区目录（含 evaluation.toml）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="不生成 PDF"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不打印进度"),
    profile: bool = typer.Option(False, "--profile", help=PROFILE_HELP),
    engine: str = ENGINE,
    spark_master: str | None = SPARK_MASTER,
    spark_conf: list[str] | None = SPARK_CONF,
) -> None:
    run_workspace(workspace, as_json=as_json, no_pdf=no_pdf, progress=Progress(quiet, profile=profile or None),
                  engine=chosen_engine(engine, spark_master, spark_conf))


def run_workspace(workspace: Path, *, as_json: bool, no_pdf: bool, progress: Progress,
                  engine: Engine | None = None) -> dict[str, Any]:
    """The whole evaluation of one workspace; prints the summary (or the JSON) and returns it."""
    progress.step(f"工作区：{workspace}")
    formats = tuple(f for f in FORMATS if not (no_pdf and f == "pdf"))
    evaluation, files = report_workspace(workspace, progress, formats, engine=engine)
    progress.step("完成")
    progress.finish()
    summary = json.loads(evaluation.files[0].read_text(encoding="utf-8"))  # out/scores.json as written
    if evaluation.audit is not None:
        summary["audit"] = evaluation.audit_json()
    produced = [*evaluation.files, files.docx, files.html, files.pdf]
    summary["files"] = [str(p) for p in produced if p is not None]
    if as_json:
        print_json(summary)
    else:
        _print_summary(evaluation, summary["files"])
    return summary


def _print_summary(evaluation: Evaluation, files: list[str]) -> None:
    print_score_table(evaluation.score)
    if evaluation.audit is not None:
        typer.echo(audit_line(evaluation.audit))
    typer.echo("输出文件：")
    for path in files:
        typer.echo(f"  {path}")
