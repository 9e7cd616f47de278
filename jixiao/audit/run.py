"""Run every registered check over the store and write the evaluator's files.

`audit_context(con, ws, provided)` opens the store's tables to the checks; `audit(ctx)` runs
them and summarises the findings; `write_files(result, out)` writes out/findings.csv and
out/findings.xlsx. The service runs them once per evaluation, in that order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import ibis
import pyarrow as pa

from jixiao.audit import findings_table
from jixiao.audit.builtin import CHECKS
from jixiao.audit.context import AuditContext
from jixiao.audit.engines import Engine, audit_backend
from jixiao.audit.output import write_csv, write_xlsx
from jixiao.audit.payment_checks import absent_tables
from jixiao.audit.result import AuditResult
from jixiao.findings import CODES
from jixiao.progress import reporter
from jixiao.workspace import Workspace

AUDIT_MEMORY_LIMIT = "3GB"


def ibis_backend(con: duckdb.DuckDBPyConnection) -> object:
    """An Ibis backend over a DuckDB connection holding the store tables."""
    return ibis.duckdb.from_connection(con)


def audit_context(con: duckdb.DuckDBPyConnection, ws: Workspace, provided: frozenset[str],
                  engine: Engine | None = None) -> AuditContext:
    """The checks' view of the store behind `con`, on the chosen engine (jixiao.audit.engines:
    DuckDB on the store, or Spark over its tables exported to Parquet); `provided`: the tables
    the workspace named."""
    return AuditContext(audit_backend(engine, con, ws.out), ws.policy, ws.project.year, ws.project.base_date,
                        provided)


def bound_memory(con: duckdb.DuckDBPyConnection) -> None:
    """Bounded memory for a province: DuckDB spills (to the store's temp directory) beyond
    the limit instead of growing."""
    con.execute(f"SET memory_limit = '{AUDIT_MEMORY_LIMIT}'")


def run_checks(ctx: AuditContext, progress: object = None) -> pa.Table:
    """Every registered check, run one by one; a crashing check is a bug and propagates."""
    say = reporter(progress)
    parts = []
    for name, check in CHECKS.items():
        say(f"核查：{CODES[name].title if name in CODES else name}")
        parts.append(check(ctx).to_pyarrow())
    return findings_table.combine(parts, townships(ctx))


def townships(ctx: AuditContext) -> pa.Table | None:
    """person_id → township (the first in the roster's order of names), for the findings."""
    if not ctx.has("roster"):
        return None
    r = ctx.table("roster")
    r = r.filter(r.township.notnull() & (r.township != ""))
    return r.group_by("person_id").aggregate(township=r.township.min()).to_pyarrow()


def audit(ctx: AuditContext, progress: object = None) -> AuditResult:
    """Run the checks; summarise the findings by code; say what could not be judged."""
    say = reporter(progress)
    table = run_checks(ctx, say)
    result = AuditResult(table=table, codes=findings_table.summarise(table), warnings=unjudged(ctx) + absent_tables(ctx))
    for warning in result.warnings:
        say(f"注意：{warning}")
    return result


def write_files(result: AuditResult, out: Path, progress: object = None) -> AuditResult:
    """out/findings.csv and out/findings.xlsx; the result with their paths."""
    out.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = out / "findings.csv", out / "findings.xlsx"
    reporter(progress)(f"写出 {csv_path.name}、{xlsx_path.name}")
    write_csv(result.table, csv_path)
    write_xlsx(result, xlsx_path)
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
