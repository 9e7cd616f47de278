"""`jixiao report WS`: evaluate the workspace and write out/report.docx, .html and .pdf."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import PROFILE_HELP, Progress, guarded
from jixiao.report import FORMATS
from jixiao.service import report_workspace


@app.command(help="生成评价报告：写出 out/report.docx、out/report.html 和 out/report.pdf。")
@guarded
def report(
    workspace: Path = typer.Argument(..., metavar="工作区", help="工作区目录（含 evaluation.toml）"),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="不生成 PDF"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不打印进度"),
    profile: bool = typer.Option(False, "--profile", help=PROFILE_HELP),
) -> None:
    formats = tuple(f for f in FORMATS if not (no_pdf and f == "pdf"))
    progress = Progress(quiet, profile=profile or None)
    _, files = report_workspace(workspace, progress, formats)
    progress.finish()
    for path in (files.docx, files.html, files.pdf):
        if path is not None:
            print(path, file=sys.stdout)
