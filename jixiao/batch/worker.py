"""One region through the one pipeline, in a worker process of its own (its own store):
evaluate, write its report, write its paid months for the cross-region check. What comes
back to the batch is small and picklable: the score result and the audit's totals."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.audit.engines import Engine
from jixiao.batch.cross_region import export_paid_months
from jixiao.batch.region import Region
from jixiao.errors import JixiaoError
from jixiao.ingest.store import open_store
from jixiao.scoring.result import ScoreResult
from jixiao.service import evaluate_workspace, report_workspace


@dataclass(frozen=True)
class RegionOutcome:
    name: str
    key: str
    out: Path
    score: ScoreResult | None = None
    counts: dict[str, int] = field(default_factory=dict)  # finding code → n (empty: no audit)
    money_at_risk: dict[str, Decimal] = field(default_factory=dict)  # overpaid, underpaid
    figures: dict[str, Decimal] = field(default_factory=dict)  # the audit's metric inputs
    paid_months: Path | None = None
    files: tuple[Path, ...] = ()
    error: str = ""  # the Chinese message when the region's input was wrong
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.score is not None


class RegionProgress:
    """Progress lines of one region on stderr, prefixed with its name."""

    def __init__(self, name: str, quiet: bool, started: float):
        self.name, self.quiet, self.started = name, quiet, started

    def step(self, message: str) -> None:
        if not self.quiet:
            print(f"[{time.monotonic() - self.started:6.1f}s] {self.name}：{message}", file=sys.stderr, flush=True)


def evaluate_region(region: Region, engine: Engine | None, formats: tuple[str, ...], quiet: bool,
                    started: float) -> RegionOutcome:
    """The region's evaluation; its input being wrong is an outcome (the others go on), a bug propagates."""
    t0 = time.monotonic()
    progress = RegionProgress(region.name, quiet, started)
    ws = region.workspace
    try:
        if formats:
            evaluation, report = report_workspace(ws, progress, formats, engine=engine)
            files = [*evaluation.files, *(p for p in (report.docx, report.html, report.pdf) if p is not None)]
        else:
            evaluation = evaluate_workspace(ws, progress, engine=engine)
            files = list(evaluation.files)
        audit = evaluation.audit
        paid = None
        if audit is not None:
            con = open_store(ws, read_only=True)
            try:
                paid = export_paid_months(ws, region.name, con)
            finally:
                con.close()
    except JixiaoError as exc:
        progress.step(f"未完成：{exc.render()}")
        return RegionOutcome(region.name, region.key, ws.out, error=exc.render(), seconds=time.monotonic() - t0)
    money = {"overpaid": audit.overpaid, "underpaid": audit.underpaid} if audit is not None else {}
    return RegionOutcome(region.name, region.key, ws.out, evaluation.score, dict(audit.counts) if audit else {},
                         money, dict(evaluation.figures), paid, tuple(files),
                         seconds=time.monotonic() - t0)


def run_all(regions: list[Region], engine: Engine | None, formats: tuple[str, ...], workers: int, quiet: bool,
            started: float) -> list[RegionOutcome]:
    """Every region, `workers` at a time in separate processes (Spark: one after another in
    this process, since Spark itself spreads the work over the cores or the cluster)."""
    if workers <= 1 or len(regions) <= 1 or (engine is not None and engine.is_spark):
        return [evaluate_region(r, engine, formats, quiet, started) for r in regions]
    # spawn: a fresh interpreter per worker, no inherited DuckDB or thread state
    with ProcessPoolExecutor(max_workers=min(workers, len(regions)),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(evaluate_region, r, engine, formats, quiet, started) for r in regions]
        return [f.result() for f in futures]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
