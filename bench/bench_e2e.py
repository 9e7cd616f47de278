"""Benchmark: files to findings and metrics, end to end, against the two anchors of issue 14.

    .venv/bin/python bench/bench_e2e.py                     # 300 000 people (~3.6 M payments), Parquet
    .venv/bin/python bench/bench_e2e.py --persons 1000000   # the province (~12 M payments)
    .venv/bin/python bench/bench_e2e.py --persons 1000000 --csv   # the province from CSV as well

Each timed run is one fresh process, started from the files: `jixiao audit WS` with its store
deleted first (read and type every input, every check, the data figures, findings.csv and
findings.xlsx). In the same run, alternating with it, the anchors:

- pandas: three checks (paid-after-death, double-payment, amount-mismatch) written the obvious
  way, its Parquet read included (`bench_audit.phase_pandas`);
- duckdb: `../shared/bench/duckdb_province.py`, the province hand-written in DuckDB SQL (load and
  type, GB 11643 check digits, eight checks), from the same Parquet files.

Reports the median of --runs (3) with each command's peak RSS, and the ratios the issue sets:
jixiao / pandas ≤ 1.0 at 300 000 people; jixiao / duckdb ≤ 1.5 from Parquet and ≤ 2 from CSV on
the province. The data is generated once into bench/data/ (git-ignored), with the seed of
bench_audit.py, so both benchmarks see the same province."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PY = sys.executable
ANCHOR = ROOT.parent.parent / "shared" / "bench" / "duckdb_province.py"


def timed(cmd: list[str]) -> tuple[float, float]:
    """Run one command in a fresh process: (wall seconds, peak RSS in GB)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024 / 1024


def jixiao_from_files(folder: Path) -> list[str]:
    shutil.rmtree(folder / "out", ignore_errors=True)
    return [PY, "-m", "jixiao", "audit", str(folder)]


def generate(folder: Path, persons: int) -> None:
    if (folder / "evaluation.toml").is_file():
        return
    sys.path.insert(0, str(ROOT.parent))
    from jixiao.synth import generate as synth

    t = time.perf_counter()
    info = synth(folder, persons=persons, seed=2022, fmt="parquet")
    print(f"generated {persons:,} people in {time.perf_counter() - t:.1f}s: {info.rows}", flush=True)


def as_csv(folder: Path) -> Path:
    """The same workspace with every input as a UTF-8 CSV (written by DuckDB from the Parquet)."""
    import duckdb

    target = folder.with_name(folder.name + "-csv")
    if (target / "evaluation.toml").is_file():
        return target
    (target / "data").mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    for parquet in sorted((folder / "data").glob("*.parquet")):
        csv = target / "data" / (parquet.stem + ".csv")
        con.execute(f"COPY (SELECT * FROM '{parquet}') TO '{csv}' (HEADER, DELIMITER ',')")
    toml = (folder / "evaluation.toml").read_text(encoding="utf-8").replace(".parquet\"", ".csv\"")
    (target / "evaluation.toml").write_text(toml, encoding="utf-8")
    return target


def findings_digest(folder: Path) -> str:
    """sha256 of findings.csv with its header first and the other lines sorted (LC_ALL=C order)."""
    lines = (folder / "out" / "findings.csv").read_bytes().split(b"\n")
    header, rest = lines[0], sorted(line for line in lines[1:] if line)
    return hashlib.sha256(b"\n".join([header, *rest]) + b"\n").hexdigest()


def measure(label: str, make_cmd, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        samples.append(timed(make_cmd()))
    median = statistics.median(s for s, _ in samples)
    peak = max(m for _, m in samples)
    print(f"{label:28s} runs {', '.join(f'{s:.1f}' for s, _ in samples)} s → median {median:.1f} s, "
          f"peak {peak:.2f} GB", flush=True)
    return median, peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=300_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--csv", action="store_true", help="also time jixiao from the same data as CSV")
    args = ap.parse_args()
    folder = ROOT / "data" / f"province-{args.persons}"
    generate(folder, args.persons)
    pandas_cmd = [PY, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
                  f"from bench_audit import phase_pandas; phase_pandas(Path({str(folder)!r}))"]
    results = {"jixiao": measure("jixiao audit (Parquet)", lambda: jixiao_from_files(folder), args.runs)}
    print(f"findings.csv sorted sha256: {findings_digest(folder)}")
    results["pandas"] = measure("pandas, 3 checks", lambda: pandas_cmd, args.runs)
    if ANCHOR.is_file():
        results["duckdb"] = measure("duckdb_province.py", lambda: [PY, str(ANCHOR), str(folder)], args.runs)
    if args.csv:
        csv = as_csv(folder)
        results["csv"] = measure("jixiao audit (CSV)", lambda: jixiao_from_files(csv), args.runs)
        print(f"findings.csv sorted sha256 (CSV): {findings_digest(csv)}")
    j = results["jixiao"][0]
    print(f"\n{args.persons:,} people: jixiao / pandas = {j / results['pandas'][0]:.2f}", end="")
    if "duckdb" in results:
        print(f"; jixiao / duckdb = {j / results['duckdb'][0]:.2f}", end="")
        if "csv" in results:
            print(f"; jixiao from CSV / duckdb = {results['csv'][0] / results['duckdb'][0]:.2f}", end="")
    print()


if __name__ == "__main__":
    main()
