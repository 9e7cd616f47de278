"""`jixiao review FILE [--json] [--out DIR]`: review a third-party evaluation report."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import guarded, print_json
from jixiao.review import review_file
from jixiao.review.findings import CHECKS, SEVERITY_ZH
from jixiao.review.render import write_review


@app.command(help="复核第三方绩效评价报告（.docx、.pdf、.html、.txt）：核对评分表、合计、比率、单位、日期和用语，"
                  "写出复核意见（review.docx、review.html、review.json）。")
@guarded
def review(
    file: Path = typer.Argument(..., metavar="报告文件", help="要复核的报告（.docx、.pdf、.html 或 .txt）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    out: Path | None = typer.Option(None, "--out", metavar="目录", help="复核意见的输出目录（默认：报告旁的“文件名-复核”目录）"),
) -> None:
    result = review_file(file)
    files = write_review(result, out or file.parent / f"{file.stem}-复核")
    if as_json:
        print_json(result.json())
        return
    for i, f in enumerate(result.findings, start=1):
        typer.echo(f"{i}. [{f.code}] {CHECKS.get(f.code).title}（{SEVERITY_ZH[f.severity]}）")
        typer.echo(f"   位置：{f.where}")
        typer.echo(f"   原文：“{f.quote}”")
        typer.echo(f"   说明：{f.detail}")
    errors = sum(1 for f in result.findings if f.severity == "error")
    total = "" if result.total is None else f"报告总分 {result.json()['scores']['total']} 分，等级“{result.grade}”；"
    typer.echo(f"{total}发现问题 {len(result.findings)} 条（错误 {errors} 条，提示 {len(result.findings) - errors} 条）")
    typer.echo("输出文件：")
    for path in (files.docx, files.html, files.json):
        typer.echo(f"  {path}")
