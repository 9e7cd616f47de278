"""`jixiao audit WS [--json]`: check every row, write out/findings.csv and out/findings.xlsx."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import Progress, guarded, print_json
from jixiao.cli._engine import ENGINE, SPARK_CONF, SPARK_MASTER, chosen_engine


@app.command(help="逐行核查花名册与发放明细，写出 out/findings.csv 和 out/findings.xlsx。")
@guarded
def audit(
    workspace: Path = typer.Argument(..., metavar="工作区", help="工作区目录（含 evaluation.toml）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    engine: str = ENGINE,
    spark_master: str | None = SPARK_MASTER,
    spark_conf: list[str] | None = SPARK_CONF,
) -> None:
    from jixiao.audit.run import audit_workspace

    result = audit_workspace(workspace, progress=Progress(quiet=as_json),
                             engine=chosen_engine(engine, spark_master, spark_conf))
    if as_json:
        print_json(result.json())
        return
    from rich.console import Console
    from rich.table import Table

    from jixiao.findings import CODES

    console = Console()
    table = Table(title="核查结果")
    for header, justify in (("代码", "left"), ("问题类型", "left"), ("发现数", "right"),
                            ("多发金额（元）", "right"), ("少发金额（元）", "right")):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for code, n in result.counts.items():
        if n:
            m = result.money_at_risk["by_code"].get(code, {})
            table.add_row(code, CODES[code].title, str(n), f"{m.get('overpaid', 0):,.2f}" if m else "",
                          f"{m.get('underpaid', 0):,.2f}" if m else "")
    console.print(table)
    money = result.money_at_risk
    console.print(f"共 {sum(result.counts.values())} 项发现；多发 {money['overpaid']:,.2f} 元，"
                  f"少发 {money['underpaid']:,.2f} 元。")
    for path in result.files:
        console.print(f"已写出 {path}")
