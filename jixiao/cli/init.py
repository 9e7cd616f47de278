"""`jixiao init DIR`: a new workspace with evaluation.toml, judgments.yaml and Excel templates."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import guarded
from jixiao.ingest.templates import create_workspace


@app.command(help="新建工作区：evaluation.toml、judgments.yaml 及各数据表的 Excel 模板。")
@guarded
def init(directory: Path = typer.Argument(..., metavar="目录", help="新工作区目录（不存在则创建）")) -> None:
    written = create_workspace(directory)
    print(f"已新建工作区 {directory}：")
    for path in written:
        print(f"  {path}")
    print(f"下一步：填写 evaluation.toml 的 [project]，在 data/ 下的模板中录入数据，然后运行 jixiao check {directory}")
