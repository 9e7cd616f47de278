"""`jixiao score WS [--json]`: score the framework, write out/scores.json."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import PROFILE_HELP, Progress, guarded, print_json
from jixiao.cli._tables import print_score_table
from jixiao.service import evaluate_workspace


@app.command(help="按指标体系评分，写出 out/scores.json；不加 --json 时打印评分表。")
@guarded
def score(
    workspace: Path = typer.Argument(..., metavar="工作区", help="工作区目录（含 evaluation.toml）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    profile: bool = typer.Option(False, "--profile", help=PROFILE_HELP),
) -> None:
    progress = Progress(quiet=as_json, profile=profile or None)
    evaluation = evaluate_workspace(workspace, progress)
    progress.finish()
    if as_json:
        print_json(json.loads(evaluation.files[0].read_text(encoding="utf-8")))  # out/scores.json as written
    else:
        print_score_table(evaluation.score)
