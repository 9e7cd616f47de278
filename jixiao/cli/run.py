"""`jixiao run WS [--json]`: check, audit, score and report in one go, with progress lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from jixiao.cli import app
from jixiao.cli._common import Progress, guarded, print_json
from jixiao.cli._engine import ENGINE, SPARK_CONF, SPARK_MASTER, chosen_engine


@app.command(help="一次完成数据检查、逐条核查、评分和报告；进度逐行打印在标准错误。")
@guarded
def run(
    workspace: Path = typer.Argument(..., metavar="工作区", help="工作区目录（含 evaluation.toml）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="不生成 PDF"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不打印进度"),
    engine: str = ENGINE,
    spark_master: str | None = SPARK_MASTER,
    spark_conf: list[str] | None = SPARK_CONF,
) -> None:
    run_workspace(workspace, as_json=as_json, no_pdf=no_pdf, progress=Progress(quiet),
                  engine=chosen_engine(engine, spark_master, spark_conf))


def run_workspace(workspace: Path, *, as_json: bool, no_pdf: bool, progress: Progress,
                  engine: Any = None) -> dict[str, Any]:
    """The whole evaluation of one workspace; prints the summary (or the JSON) and returns it."""
    from jixiao.report import FORMATS, write_report
    from jixiao.service import evaluate_workspace, scores_json

    progress.step(f"工作区：{workspace}")
    evaluation = evaluate_workspace(workspace, progress, engine=engine)
    formats = tuple(f for f in FORMATS if not (no_pdf and f == "pdf"))
    files = write_report(evaluation, formats=formats, progress=progress)
    progress.step("完成")
    summary = scores_json(evaluation)
    if evaluation.audit is not None:
        summary["audit"] = evaluation.audit.json()
    out = evaluation.workspace.out
    produced = [out / "scores.json", *(getattr(evaluation.audit, "files", ()) or ()),
                files.docx, files.html, files.pdf]
    summary["files"] = [str(p) for p in produced if p is not None]
    if as_json:
        print_json(summary)
    else:
        _print_summary(evaluation, summary["files"])
    return summary


def _print_summary(evaluation: Any, files: list[str]) -> None:
    from jixiao.cli._tables import print_score_table

    print_score_table(evaluation.score)
    audit = evaluation.audit
    if audit is not None:
        found = sum(audit.counts.values())
        money = audit.money_at_risk
        typer.echo(f"核查发现 {found} 条；多发 {money['overpaid']} 元，少发 {money['underpaid']} 元")
    typer.echo("输出文件：")
    for path in files:
        typer.echo(f"  {path}")
