"""Run every registered check over a store and write the evaluator's files.

`audit_workspace(ws)` is the service entry point: load the inputs (ingest), audit, compute
the data figures for the metrics, write out/findings.csv and out/findings.xlsx."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa

from jixiao.audit import findings_table
from jixiao.audit.builtin import CHECKS
from jixiao.audit.context import AuditContext
from jixiao.audit.engines import Engine, audit_backend
from jixiao.findings import Finding
from jixiao.progress import reporter
from jixiao.workspace import Workspace, load_workspace


@dataclass(frozen=True)
class AuditResult:
    findings: list[Finding]
    counts: dict[str, int]  # every code, contract order
    money_at_risk: dict  # {"overpaid": Decimal, "underpaid": Decimal, "by_code": {code: {...}}}
    rows: dict[str, dict[str, int]]  # table → read / loaded / skipped / rejected
    figures: dict[str, Decimal] = field(default_factory=dict)  # metric inputs computed from data
    table: pa.Table | None = None  # the findings as Arrow (same rows as .findings)
    files: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()  # what the audit could not judge, in Chinese

    def json(self) -> dict:
        """CONTRACT §6: {"rows", "findings", "money_at_risk"} (plus money by code, and
        warnings — what could not be judged — only when there are some)."""
        from jixiao.decimals import plain

        money = {"overpaid": plain(self.money_at_risk["overpaid"]),
                 "underpaid": plain(self.money_at_risk["underpaid"]),
                 "by_code": {c: {k: plain(v) for k, v in m.items()}
                             for c, m in self.money_at_risk["by_code"].items()}}
        doc = {"rows": self.rows, "findings": self.counts, "money_at_risk": money}
        return {**doc, "warnings": list(self.warnings)} if self.warnings else doc


def ibis_backend(con: Any) -> Any:
    """An Ibis backend over a DuckDB connection holding the store tables."""
    import ibis

    return ibis.duckdb.from_connection(con)


def run_checks(ctx: AuditContext, progress: Any = None) -> pa.Table:
    """Every registered check, run one by one; a crashing check is a bug and propagates."""
    parts = []
    for name, check in CHECKS.items():
        reporter(progress)(f"核查：{name}")
        parts.append(check(ctx).to_pyarrow())
    return findings_table.combine(parts)


def row_accounting(con: Any) -> dict[str, dict[str, int]]:
    got = con.execute('SELECT "table", sum(read), sum(loaded), sum(skipped), sum(rejected) '
                      'FROM row_accounting GROUP BY "table" ORDER BY "table"').fetchall()
    return {t: {"read": int(a), "loaded": int(b), "skipped": int(c), "rejected": int(d)} for t, a, b, c, d in got}


def audit_store(con: Any, ws: Workspace, progress: Any = None, write: bool = True,
                rows: dict[str, dict[str, int]] | None = None, engine: Engine | None = None) -> AuditResult:
    """Audit the store behind a DuckDB connection; write the files into ws.out when `write`.
    `rows`: the row accounting (default: read from the store's row_accounting table).
    `engine`: where the checks run (jixiao.audit.engines; default DuckDB on the store)."""
    from jixiao.metrics.data import data_figures

    if engine is not None and engine.is_spark:
        reporter(progress)(f"核查引擎：{engine.label()}")
    backend = audit_backend(engine, con, ws.out)
    rows = rows if rows is not None else row_accounting(con)
    ctx = AuditContext(backend, ws.policy, ws.project.year, ws.project.base_date, frozenset(rows))
    table = run_checks(ctx, progress)
    reporter(progress)("计算指标所需数据")
    figures = data_figures(ctx, table, rows)
    result = AuditResult(findings=findings_table.to_findings(table), counts=findings_table.counts(table),
                         money_at_risk=findings_table.money_at_risk(table), rows=rows, figures=figures,
                         table=table, warnings=unjudged(ctx))
    for warning in result.warnings:
        reporter(progress)(f"注意：{warning}")
    if not write:
        return result
    from jixiao.audit.output import write_csv, write_xlsx

    ws.out.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = ws.out / "findings.csv", ws.out / "findings.xlsx"
    reporter(progress)(f"写出 {csv_path.name}、{xlsx_path.name}")
    write_csv(table, csv_path)
    write_xlsx(table, result.counts, result.money_at_risk, xlsx_path)
    return replace(result, files=(csv_path, xlsx_path))


def unjudged(ctx: AuditContext) -> tuple[str, ...]:
    """Subsidies paid or on the roster with no standard in evaluation.toml: their amounts
    (amount-mismatch) and unpaid money cannot be judged."""
    used = set()
    for name in ("payments", "roster"):
        t = ctx.table(name)
        used |= set(t.select("subsidy").distinct().to_pyarrow().column("subsidy").to_pylist())
    missing = sorted(used - {s.subsidy for s in ctx.policy.standards} - {None})
    return tuple(f"数据中有{s}，但 evaluation.toml 未给出其月发放标准（[[policy.standard]] subsidy = \"{s}\"），"
                 "未核对其发放金额，应发未发也无金额" for s in missing)


def audit_workspace(ws: Workspace | str | Path, progress: Callable[[str], None] | Any = None,
                    engine: Engine | None = None) -> AuditResult:
    """Load the workspace's inputs into the store, audit them, write out/findings.{csv,xlsx}."""
    from jixiao.ingest.load import load_data
    from jixiao.ingest.store import open_store

    if not isinstance(ws, Workspace):
        ws = load_workspace(ws)
    report = load_data(ws, progress=reporter(progress))
    con = open_store(ws)
    try:
        bound_memory(con, ws.out / ".tmp-audit")
        return audit_store(con, ws, progress, rows=report.rows_json(), engine=engine)
    finally:
        con.close()


AUDIT_MEMORY_LIMIT = "3GB"


def bound_memory(con: Any, temp_dir: Path) -> None:
    """Bounded memory for a province: DuckDB spills beyond the limit instead of growing."""
    con.execute(f"SET memory_limit = '{AUDIT_MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{str(temp_dir).replace(chr(39), chr(39) * 2)}'")
