"""`jixiao batch ROOT [--json]`: evaluate every region under ROOT and compare them."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.batch import run_batch
from jixiao.cli import app
from jixiao.cli._common import Progress, guarded, print_json
from jixiao.cli._engine import ENGINE, SPARK_CONF, SPARK_MASTER, chosen_engine
from jixiao.errors import JixiaoError
from jixiao.narrative import numbers as N
from jixiao.report import FORMATS


@app.command(help="批量评价：目录下每个地区一个工作区（或目录本身是一个带区县列的工作区），逐个完成评价后比较各地区，"
                  "并核查跨地区重复发放；结果写在 目录/out/。")
@guarded
def batch(
    root: Path = typer.Argument(..., metavar="目录", help="每个地区一个工作区子目录；或一个数据带区县列的工作区"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    previous: Path | None = typer.Option(None, "--previous", metavar="目录",
                                         help="上年的批量评价目录（或存放各地区上年 scores.json 的目录），用于同比"),
    workers: int = typer.Option(0, "--workers", metavar="N", show_default=False,
                                help="同时评价的地区数（默认：本机核数）"),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="不生成 PDF"),
    no_region_reports: bool = typer.Option(False, "--no-region-reports", help="不生成各地区的评价报告（只比较）"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不打印进度"),
    engine: str = ENGINE,
    spark_master: str | None = SPARK_MASTER,
    spark_conf: list[str] | None = SPARK_CONF,
) -> None:
    if workers < 0:
        raise JixiaoError(f"--workers 应为正整数，而不是 {workers}")
    chosen = chosen_engine(engine, spark_master, spark_conf)
    progress = Progress(quiet or as_json)
    formats = tuple(f for f in FORMATS if not (no_pdf and f == "pdf"))
    result = run_batch(root, engine=chosen, workers=workers or None, previous=previous, formats=formats,
                       region_reports=not no_region_reports, progress=progress, quiet=quiet or as_json)
    progress.step("完成")
    if as_json:
        print_json(result.json())
    else:
        _print_summary(result)
    if result.comparison.failed:
        names = "、".join(n for n, _ in result.comparison.failed)
        raise JixiaoError(f"{len(result.comparison.failed)} 个地区未能完成评价：{names}（原因见上文和 comparison.xlsx 的“说明”页）")


def _print_summary(result) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table


    c = result.comparison
    table = Table(title="各地区评价结果")
    for header, justify in (("排名", "right"), ("地区", "left"), ("总分", "right"), ("等级", "center"),
                            ("核查发现", "right"), ("多发（元）", "right"), ("少发（元）", "right")):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for r in c.regions:
        table.add_row(str(r.rank or "—"), r.name, N.score(r.total), r.grade or "—", N.count(sum(r.counts.values())),
                      N.money(r.money_at_risk.get("overpaid")), N.money(r.money_at_risk.get("underpaid")))
    console = Console()
    console.print(table)
    console.print(f"跨地区重复发放 {result.findings['cross-region-duplicate']} 条，"
                  f"重复发放金额 {N.money(result.cross_money)} 元")
    for o in c.outliers:
        value = N.money(o.value) if o.measure.kind == "money" else N.rate(o.value)
        console.print(f"异常值：{o.region}的{o.measure.label}为 {value}")
    console.print("输出文件：")
    for path in result.files:
        console.print(f"  {path}")
