"""`jixiao audit WS [--json]`: check every row, write out/findings.csv and out/findings.xlsx."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from jixiao.cli import app
from jixiao.cli._common import PROFILE_HELP, Progress, guarded, print_json
from jixiao.cli._engine import ENGINE, SPARK_CONF, SPARK_MASTER, chosen_engine
from jixiao.cli._tables import print_audit_table
from jixiao.service import audit_workspace


@app.command(help="逐行核查花名册与发放明细，写出 out/findings.csv 和 out/findings.xlsx。")
@guarded
def audit(
    workspace: Path = typer.Argument(..., metavar="工作区", help="工作区目录（含 evaluation.toml）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    profile: bool = typer.Option(False, "--profile", help=PROFILE_HELP),
    engine: str = ENGINE,
    spark_master: str | None = SPARK_MASTER,
    spark_conf: list[str] | None = SPARK_CONF,
) -> None:
    progress = Progress(quiet=as_json, profile=profile or None)
    examined = audit_workspace(workspace, progress, engine=chosen_engine(engine, spark_master, spark_conf))
    progress.finish()
    if as_json:
        print_json(examined.json())
        return
    console = Console()
    if examined.audit is None:
        console.print("evaluation.toml 的 [data] 中没有花名册、发放明细、资金、死亡名单或低保名单，未开展核查。")
        return
    print_audit_table(examined.audit)
    for path in examined.audit.files:
        console.print(f"已写出 {path}")
