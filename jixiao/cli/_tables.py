"""Readable Chinese tables for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from jixiao.audit.result import AuditResult
from jixiao.decimals import percent
from jixiao.narrative.numbers import count, money
from jixiao.scoring.result import ScoreResult
from jixiao.scoring.rules import fmt

KIND_NAMES = {"judgment": "评价人判定", "ratio": "比率", "bands": "区间扣分", "thresholds": "分档",
              "checklist": "逐项检查", "findings": "核查扣分"}


def print_score_table(result: ScoreResult) -> None:
    console = Console()
    table = Table(title=result.framework, show_lines=False)
    for header, justify in (("代码", "left"), ("指标", "left"), ("分值", "right"), ("得分", "right"),
                            ("评分方式", "left"), ("指标值", "right")):
        table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for depth, node in result.walk():
        score = "待定" if node.score is None and node.is_leaf else fmt(node.score) if node.score is not None else "—"
        if node.overridden:
            score += f"（规则 {fmt(node.computed) if node.computed is not None else '—'}）"
        style = "bold" if depth == 1 else None
        table.add_row(node.code, "  " * (depth - 1) + node.name, fmt(node.weight), score,
                      KIND_NAMES.get(node.kind, ""), percent(node.value) if node.value is not None else "",
                      style=style)
    console.print(table)
    grade = result.grade or "（评价未完成，暂不定级）"
    console.print(f"总分 {fmt(result.total)} / {fmt(result.max_total)}，等级：{grade}")
    if result.pending:
        console.print(f"待评指标 {len(result.pending)} 项：{'、'.join(result.pending)}")
    for warning in result.warnings:
        console.print(f"[yellow]注意：{warning}[/yellow]")


def print_audit_table(audit: AuditResult) -> None:
    """Findings by code with their money, then the totals — the figures the report prints."""
    console = Console()
    table = Table(title="核查结果")
    for header, justify in (("代码", "left"), ("问题类型", "left"), ("发现数", "right"),
                            ("多发金额（元）", "right"), ("少发金额（元）", "right")):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for c in audit.found:
        table.add_row(c.code, c.title, count(c.count), money(c.overpaid), money(c.underpaid))
    console.print(table)
    console.print(audit_line(audit))


def audit_line(audit: AuditResult) -> str:
    return f"核查发现 {count(audit.total)} 条；多发 {money(audit.overpaid)} 元，少发 {money(audit.underpaid)} 元"
