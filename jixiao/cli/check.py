"""`jixiao check WS [--json]`: read every input into the store and print the row
accounting per table, with the first problems of each table; then the report inputs
(report.yaml) a signed report still lacks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import typer

from jixiao.cli import app
from jixiao.cli._common import PROFILE_HELP, Progress, guarded, print_json
from jixiao.findings import CODES
from jixiao.ingest.accounting import LoadReport
from jixiao.ingest.fields import TABLE_TITLES
from jixiao.reportinputs import MissingInput, ReportInputs
from jixiao.service import check_workspace, report_inputs_missing

PROBLEMS_SHOWN = 5


@app.command(help="读取全部输入数据，按表列出读取、载入、跳过、拒收的行数及前几个问题。")
@guarded
def check(
    workspace: Path = typer.Argument(..., metavar="工作区", help="工作区目录（含 evaluation.toml）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    shown: int = typer.Option(PROBLEMS_SHOWN, "--problems", help="每张表列出的问题数"),
    profile: bool = typer.Option(False, "--profile", help=PROFILE_HELP),
) -> None:
    progress = Progress(quiet=as_json, profile=profile or None)
    report = check_workspace(workspace, progress)
    inputs, missing = report_inputs_missing(workspace)
    progress.finish()
    if as_json:
        print_json({**check_json(report, shown), "report_inputs": inputs_json(inputs, missing)})
    else:
        print_check(report, shown)
        print_missing(inputs, missing)


def inputs_json(inputs: ReportInputs, missing: list[MissingInput]) -> dict[str, Any]:
    return {"file": inputs.file or None, "missing": [{"key": m.key, "label": m.label} for m in missing]}


def print_missing(inputs: ReportInputs, missing: list[MissingInput]) -> None:
    """What report.yaml still lacks: the draft prints 【待填】 there, --final refuses."""
    if not missing:
        print("报告信息（report.yaml）：已填写齐全。")
        return
    where = "report.yaml" if inputs.file else "report.yaml（工作区中还没有此文件，可参照 jixiao init 生成的模板填写）"
    print(f"报告信息（{where}）尚缺 {len(missing)} 项，报告草稿中标为【待填】，jixiao report --final 在补齐前不出具正式报告：")
    for m in missing:
        print(f"  - {m.key}：{m.label}")


def check_json(report: LoadReport, shown: int) -> dict[str, Any]:
    """CONTRACT §6 `rows`, plus the files read, finding counts and the first problems."""
    problems: dict[str, list[dict[str, Any]]] = {}
    for f in report.findings:
        listed = problems.setdefault(f.table, [])
        if len(listed) < shown:
            listed.append({"row": f.row, "column": f.column, "code": f.code, "message": f.message, "value": f.value})
    doc = {"rows": report.rows_json(),
           "files": {t: c.file for t, c in report.counts.items()},
           "findings": dict(Counter(f.code for f in report.findings)),
           "problems": problems}
    return {**doc, "notes": list(report.notes)} if report.notes else doc


def print_check(report: LoadReport, shown: int) -> None:
    if not report.counts:
        print("evaluation.toml 的 [data] 中没有配置任何数据文件。")
        return
    by_table: dict[str, list[Any]] = {}
    for f in report.findings:
        by_table.setdefault(f.table, []).append(f)
    for table, c in report.counts.items():
        print(f"{TABLE_TITLES[table]}（{c.file}）：读取 {c.read} 行，载入 {c.loaded}，跳过 {c.skipped}，拒收 {c.rejected}")
        found = by_table.get(table, [])
        for f in found[:shown]:
            place = f"第{f.row}行" if f.row is not None else ""
            print(f"  {place} [{CODES[f.code].title}] {f.message}")
        if len(found) > shown:
            print(f"  …… 另有 {len(found) - shown} 个问题（全部问题见 jixiao audit 输出的 out/findings.xlsx）")
    for note in report.notes:
        print(f"注意：{note}")
