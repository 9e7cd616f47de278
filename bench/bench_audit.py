"""Benchmark: audit + metrics on a synthetic province from Parquet, against plain pandas.

    .venv/bin/python bench/bench_audit.py            # 1 000 000 people, ~12 000 000 payments
    .venv/bin/python bench/bench_audit.py --quick    # 100 000 people
    .venv/bin/python bench/bench_audit.py --folder W --runs 3   # an existing workspace W (e.g. a copy
                                                      # of /work/benchdata/province-300000)

Data is generated once into bench/data/ (git-ignored) and loaded into the store by ingest
(timed apart). Each timed phase runs in its own process, so its peak memory (max RSS) is
its own; the median of 3 runs is reported. The pandas baseline implements three checks
(paid-after-death, double-payment, amount-mismatch) the obvious way, from the Parquet files."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PY = sys.executable


def child(phase: str, folder: Path) -> tuple[float, float, dict]:
    """Run one phase in a fresh process: (seconds, peak RSS in GB, extra info)."""
    proc = subprocess.Popen([PY, __file__, "--phase", phase, str(folder)], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"phase {phase} failed ({proc.returncode})")
    info = json.loads(out.strip().splitlines()[-1])
    return info.pop("seconds"), usage.ru_maxrss / 1024 / 1024, info


def phase_generate(folder: Path, persons: int) -> dict:
    from jixiao.synth import generate

    info = generate(folder, persons=persons, seed=2022, fmt="parquet")
    return {"rows": info.rows}


def phase_load(folder: Path) -> dict:
    from jixiao.ingest.load import load_data
    from jixiao.workspace import load_workspace

    report = load_data(load_workspace(folder))
    return {"rows": report.rows_json()}


def phase_audit(folder: Path) -> dict:
    """Audit (every check) + metric figures + summaries + findings files, through the service,
    on the loaded store (the files are unchanged, so they are not read again)."""
    from jixiao.metrics.compute import compute_metrics
    from jixiao.service import audit_workspace

    examined = audit_workspace(folder)
    metrics = compute_metrics({}, examined.figures)
    return {"findings": sum(examined.counts.values()),
            "metrics": {k: str(v.value) for k, v in metrics.values.items() if v.value is not None}}


def phase_pandas(folder: Path) -> dict:
    """Three checks written the obvious pandas way (read + compute)."""
    import pandas as pd

    pay = pd.read_parquet(folder / "data" / "发放明细.parquet")
    deaths = pd.read_parquet(folder / "data" / "死亡名单.parquet")
    pay = pay.rename(columns={"身份证号": "person_id", "补贴类型": "subsidy", "所属月份": "period", "发放金额": "amount",
                              "发放日期": "paid_on"})
    pay["_row"] = pay.index + 2
    pay["month"] = pd.to_datetime(pay["period"], format="%Y-%m")
    # paid-after-death
    d = deaths.rename(columns={"身份证号": "person_id", "死亡日期": "death_date"})
    d["death_month"] = pd.to_datetime(d["death_date"]).dt.to_period("M").dt.to_timestamp()
    m = pay.merge(d[["person_id", "death_month"]], on="person_id")
    after_death = m[m["month"] > m["death_month"]]
    # double-payment
    s = pay.sort_values(["paid_on", "_row"])
    double = s[s.duplicated(["person_id", "subsidy", "period"], keep="first")]
    # amount-mismatch
    std = {("生活补贴", False): 181, ("生活补贴", True): 188, ("护理补贴", False): 243, ("护理补贴", True): 252}
    raised = pay["month"] >= pd.Timestamp("2022-07-01")
    due = [std[(s_, r_)] for s_, r_ in zip(pay["subsidy"], raised)]
    mismatch = pay[pay["amount"].astype(float) != pd.Series(due, index=pay.index)]
    return {"paid-after-death": len(after_death), "double-payment": len(double), "amount-mismatch": len(mismatch)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="100 000 people instead of 1 000 000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--phase", nargs=2, metavar=("PHASE", "FOLDER"), help=argparse.SUPPRESS)
    ap.add_argument("--persons", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, default=None, help="an existing workspace instead of bench/data/")
    args = ap.parse_args()
    if args.phase:
        phase, folder = args.phase
        started = time.perf_counter()
        fn = {"load": phase_load, "audit": phase_audit, "pandas": phase_pandas}[phase]
        info = fn(Path(folder))
        print(json.dumps({"seconds": time.perf_counter() - started, **info}, ensure_ascii=False))
        return
    persons = args.persons or (100_000 if args.quick else 1_000_000)
    folder = args.folder.resolve() if args.folder else ROOT / "data" / f"province-{persons}"
    sys.path.insert(0, str(ROOT.parent))
    if not (folder / "evaluation.toml").is_file():
        t = time.perf_counter()
        info = phase_generate(folder, persons)
        print(f"generated {persons:,} people in {time.perf_counter() - t:.1f}s: {info['rows']}", flush=True)
    secs, mem, info = child("load", folder)
    print(f"ingest load (Parquet → store): {secs:.1f}s, peak {mem:.2f} GB; rows "
          f"{ {t: r['loaded'] for t, r in info['rows'].items()} }", flush=True)
    results = {}
    for phase in ("audit", "pandas"):
        runs = [child(phase, folder) for _ in range(args.runs)]
        times = [r[0] for r in runs]
        results[phase] = (statistics.median(times), max(r[1] for r in runs), runs[-1][2])
        print(f"{phase}: runs {', '.join(f'{x:.1f}s' for x in times)} → median {results[phase][0]:.1f}s, "
              f"peak {results[phase][1]:.2f} GB", flush=True)
    print(f"audit findings: {results['audit'][2]['findings']:,}; pandas counts: {results['pandas'][2]}")
    print(f"pandas (3 checks) / jixiao (all 18 checks + metrics): {results['pandas'][0] / results['audit'][0]:.2f}×")


if __name__ == "__main__":
    main()
