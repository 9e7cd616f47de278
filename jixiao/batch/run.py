"""`run_batch(ROOT)`: find the regions, evaluate each through the one pipeline (in parallel),
check across them, compare them, write ROOT/out/comparison.{xlsx,docx,html,pdf} and
ROOT/out/cross-region-findings.csv."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa

from jixiao.audit.engines import Engine
from jixiao.batch.compare import Comparison, compare
from jixiao.batch.cross_region import CODE, cross_region_duplicates
from jixiao.batch.document import write_comparison_report
from jixiao.batch.previous import previous_scores
from jixiao.batch.regions import find_regions
from jixiao.batch.worker import RegionOutcome, default_workers, run_all
from jixiao.batch.xlsx import write_comparison_xlsx
from jixiao.decimals import plain
from jixiao.findings import BATCH_CODES, CODES, CSV_COLUMNS
from jixiao.progress import reporter

CROSS_CSV = "cross-region-findings.csv"


@dataclass(frozen=True)
class BatchResult:
    root: Path
    comparison: Comparison
    outcomes: tuple[RegionOutcome, ...]
    cross: pa.Table  # cross-region-duplicate findings: region, then the CONTRACT §3 columns
    findings: dict[str, int]  # every code → findings over all regions, cross-region-duplicate last
    year: int
    framework: str  # the indicator framework's name (of the first region evaluated)
    engine_label: str
    files: tuple[Path, ...] = ()

    @property
    def cross_money(self) -> Decimal:
        amounts = [a for a in self.cross.column("amount").to_pylist() if a is not None]
        return sum(amounts, Decimal("0.00"))

    def json(self) -> dict[str, Any]:
        """CONTRACT §7: {"regions": [{"name", "total", "grade", "rank"}], "findings": {CODE: n}},
        plus the regions that could not be evaluated (only when there are some) and the files."""
        doc: dict[str, Any] = {
            "regions": [{"name": r.name, "total": plain(r.total), "grade": r.grade, "rank": r.rank}
                        for r in self.comparison.regions],
            "findings": self.findings,
        }
        if self.comparison.failed:
            doc["failed"] = [{"name": n, "error": e} for n, e in self.comparison.failed]
        doc["files"] = [str(p) for p in self.files]
        return doc


def run_batch(root: str | Path, *, engine: Engine | None = None, workers: int | None = None,
              previous: Path | None = None, formats: tuple[str, ...] = ("docx", "html", "pdf"),
              region_reports: bool = True, progress: Any = None, quiet: bool = False) -> BatchResult:
    root = Path(root)
    say = reporter(progress)
    started = getattr(progress, "started", time.monotonic())
    regions, warnings = find_regions(root, say)
    last_year, missing = previous_scores(previous, regions)
    workers = workers or default_workers()
    parallel = 1 if engine is not None and engine.is_spark else min(workers, len(regions))
    say(f"批量评价 {len(regions)} 个地区（同时 {parallel} 个）")
    outcomes = run_all(regions, engine, formats if region_reports else (), parallel, quiet, started)
    say("跨地区核查：cross-region-duplicate")
    cross = cross_region_duplicates([o.paid_months for o in outcomes if o.paid_months is not None], engine)
    comparison = compare(outcomes, last_year, warnings + missing)
    findings = {code: sum(o.counts.get(code, 0) for o in outcomes) for code in CODES}
    findings[CODE] = cross.num_rows
    framework = next((o.score.framework for o in outcomes if o.score is not None), "")
    result = BatchResult(root, comparison, tuple(outcomes), cross, findings, regions[0].workspace.project.year,
                         framework, (engine or Engine()).label())
    return replace(result, files=write_outputs(result, formats, say))


def write_outputs(result: BatchResult, formats: tuple[str, ...], say: Any) -> tuple[Path, ...]:
    out = result.root / "out"
    out.mkdir(parents=True, exist_ok=True)
    say("写出 comparison.xlsx")
    files = [write_comparison_xlsx(result, out / "comparison.xlsx"), write_cross_csv(result.cross, out / CROSS_CSV)]
    if result.comparison.regions:
        files += write_comparison_report(result, out, formats, say)
    return tuple(files)


def write_cross_csv(t: pa.Table, path: Path) -> Path:
    """Like out/findings.csv (UTF-8 with BOM, CONTRACT §3 columns), with the region first."""
    severity = BATCH_CODES[CODE].severity
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(("region", *CSV_COLUMNS))
        for r in t.to_pylist():
            w.writerow([r["region"], r["code"], severity, r["table"], r["row"], r["person_id"], r["subsidy"],
                        r["period"] or "", "" if r["amount"] is None else r["amount"], r["message"]])
    return path
