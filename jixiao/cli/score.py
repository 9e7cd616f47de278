"""`jixiao score WS [--json]`: score the framework, write out/scores.json."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import guarded, print_json


@app.command(help="按指标体系评分，写出 out/scores.json；不加 --json 时打印评分表。")
@guarded
def score(
    workspace: Path = typer.Argument(..., help="工作区目录（含 evaluation.toml）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
) -> None:
    from jixiao.scoring.serialize import result_json
    from jixiao.service import score_workspace

    result = score_workspace(workspace)
    if as_json:
        print_json(result_json(result))
    else:
        from jixiao.cli._tables import print_score_table

        print_score_table(result)
