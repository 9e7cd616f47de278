"""Benchmark at national scale: a synthetic national program (27 M people, ~324 M monthly
payments) generated in chunks to Parquet, audited by DuckDB out of core; Spark local on a
10 % slice; DuckDB threads and Spark cores on a 1 % slice.

    .venv/bin/python bench/bench_national.py generate            # bench/data/national{,-10pct,-1pct}/
    nice -n 19 .venv/bin/python bench/bench_national.py run national --engine duckdb
    nice -n 19 .venv/bin/python bench/bench_national.py run national-10pct --engine spark --cores 2
    .venv/bin/python bench/bench_national.py run national-1pct --engine duckdb --cores 1
    .venv/bin/python bench/bench_national.py clean                # delete the generated data

Each chunk is jixiao.synth's program (every anomaly at its default rate) for 900 000 people
with its own seed, appended to one Parquet file per table as row groups, so memory stays at
one chunk's size. IDs are random per chunk: the few that repeat across chunks show up as
duplicates, as they would nationally. `run` loads the workspace (ingest, DuckDB, 2 GB memory
limit) and audits it (every check and the metric figures) in a fresh process, sampling the
resident memory of the whole process tree (the Spark JVM included) every half second."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
PY = sys.executable
CHUNK = 900_000
NATIONAL = 27_000_000
SLICES = {"national": 30, "national-10pct": 3, "national-1pct": None}  # chunks of CHUNK people
ONE_PCT = 270_000


def generate(chunks: int = NATIONAL // CHUNK, chunk: int = CHUNK, one_pct: int = ONE_PCT) -> None:
    """Write the national workspace and its 10 % slice chunk by chunk, and the 1 % slice whole."""
    import pyarrow.parquet as pq

    from jixiao.synth import DEFAULT_RATES, generate as synth_generate
    from jixiao.synth.program import build
    from jixiao.synth.tables import build_tables
    from jixiao.synth.write import FILE_NAMES

    synth_generate(DATA / "national-1pct", persons=one_pct, seed=1, fmt="parquet")
    writers: dict[tuple[str, str], pq.ParquetWriter] = {}
    started = time.monotonic()
    for i in range(chunks):
        prog = build(chunk, 1000 + i, DEFAULT_RATES, 2022, "monthly", numeric_ids=False)
        tables, _, _ = build_tables(prog, 0)
        for name, folder in (("national", DATA / "national"), ("national-10pct", DATA / "national-10pct")):
            if name == "national-10pct" and i >= SLICES[name]:  # type: ignore[operator]
                continue
            for table, data in tables.items():
                if table == "funds" and i:
                    continue  # one funds table for the whole program
                key = (name, table)
                if key not in writers:
                    (folder / "data").mkdir(parents=True, exist_ok=True)
                    writers[key] = pq.ParquetWriter(folder / "data" / f"{FILE_NAMES[table]}.parquet", data.schema)
                writers[key].write_table(data, row_group_size=1_000_000)
        del prog, tables
        if i + 1 == SLICES["national-10pct"]:  # the slice is complete: usable while the rest is written
            _close(writers, "national-10pct", DATA / "national-1pct")
        print(f"[{time.monotonic() - started:7.1f}s] chunk {i + 1}/{chunks}", file=sys.stderr, flush=True)
    for name in ("national", "national-10pct"):
        _close(writers, name, DATA / "national-1pct")
    print(json.dumps({"seconds": round(time.monotonic() - started, 1), "disk_gb": disk_gb()}))


def _close(writers: dict, name: str, template: Path) -> None:
    """Close a workspace's Parquet files and give it the evaluation.toml of the 1 % slice."""
    for key in [k for k in writers if k[0] == name]:
        writers.pop(key).close()
    if not (DATA / name).is_dir():
        return
    text = (template / "evaluation.toml").read_text(encoding="utf-8").replace("广东省", "全国")
    (DATA / name / "evaluation.toml").write_text(text, encoding="utf-8")


def disk_gb() -> dict[str, float]:
    out = {}
    for folder in sorted(DATA.glob("national*")):
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        out[folder.name] = round(size / 1e9, 2)
    return out


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, todo = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(cmd: list[str]) -> tuple[float, float, dict]:
    """Run `cmd`, sampling its process tree's memory: (seconds, peak GB, its last JSON line)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out = proc.stdout.read() if proc.stdout else ""
    proc.wait()
    thread.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode})")
    return time.monotonic() - started, peak[0] / 1e9, json.loads(out.strip().splitlines()[-1])


def phase(folder: Path, step: str, engine: str, cores: int, write: bool = False) -> None:
    """One step in this (fresh) process: load, or audit (+ findings files) + figures on the loaded store."""
    from jixiao.workspace import load_workspace

    ws = load_workspace(folder)
    t0 = time.monotonic()
    if step == "load":
        from jixiao.ingest.load import load_data

        rows = load_data(ws).rows_json()
        print(json.dumps({"seconds": time.monotonic() - t0, "rows": rows}))
        return
    from jixiao.audit.engines import engine_of, stop_spark
    from jixiao.audit.run import audit, audit_context, bound_memory, write_files
    from jixiao.ingest import store
    from jixiao.ingest.load import load_data
    from jixiao.metrics.data import data_figures

    con = store.open_store(ws)
    store.configure(con, store.temp_dir(ws))
    load = load_data(ws, None, con)  # unchanged files: the store's accounting, nothing read again
    bound_memory(con)
    con.execute(f"SET threads = {cores}")
    chosen = engine_of(engine, f"local[{cores}]" if engine == "spark" else None,
                       ("spark.driver.memory=16g",) if engine == "spark" else ())
    ctx = audit_context(con, ws, frozenset(load.counts), chosen)
    t1 = time.monotonic()
    result = audit(ctx)
    t2 = time.monotonic()
    if write:
        write_files(result, ws.out)
    t3 = time.monotonic()
    data_figures(ctx, result.table, load.rows_json())
    t4 = time.monotonic()
    ctx.release()
    stop_spark()
    con.close()
    shutil.rmtree(store.temp_dir(ws), ignore_errors=True)
    print(json.dumps({"seconds": t4 - t0, "checks": t2 - t1, "files": t3 - t2, "figures": t4 - t3,
                      "findings": result.table.num_rows, "payments": load.counts["payments"].loaded}))


def run(name: str, engine: str, cores: int, write: bool = False) -> None:
    folder = DATA / name
    results = {}
    store = folder / "out" / "jixiao.duckdb"
    if not store.is_file():
        secs, peak, info = measure([PY, __file__, "phase", str(folder), "load", engine, str(cores)])
        results["load"] = {"seconds": round(secs, 1), "peak_gb": round(peak, 2), "rows": info["rows"]}
        print(json.dumps(results["load"], ensure_ascii=False), file=sys.stderr, flush=True)
    secs, peak, info = measure([PY, __file__, "phase", str(folder), "audit", engine, str(cores)]
                               + (["--write"] if write else []))
    results["audit"] = {"engine": engine, "cores": cores, "seconds": round(secs, 1),
                        "in_process_seconds": round(info["seconds"], 1), "checks_seconds": round(info["checks"], 1),
                        "files_seconds": round(info["files"], 1), "figures_seconds": round(info["figures"], 1),
                        "peak_gb": round(peak, 2), "findings": info["findings"], "payments": info["payments"]}
    results["disk_gb"] = disk_gb()
    print(json.dumps(results, ensure_ascii=False, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--chunks", type=int, default=NATIONAL // CHUNK)
    g.add_argument("--chunk", type=int, default=CHUNK, help="people per chunk (smaller for a smoke test)")
    g.add_argument("--one-pct", type=int, default=ONE_PCT)
    r = sub.add_parser("run")
    r.add_argument("name", choices=sorted(SLICES))
    r.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    r.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    r.add_argument("--write", action="store_true", help="also write out/findings.csv and findings.xlsx")
    p = sub.add_parser("phase")
    p.add_argument("folder", type=Path)
    p.add_argument("step", choices=("load", "audit"))
    p.add_argument("engine")
    p.add_argument("cores", type=int)
    p.add_argument("--write", action="store_true")
    sub.add_parser("clean")
    args = parser.parse_args()
    if args.cmd == "generate":
        generate(args.chunks, args.chunk, args.one_pct)
    elif args.cmd == "run":
        run(args.name, args.engine, args.cores, args.write)
    elif args.cmd == "phase":
        phase(args.folder, args.step, args.engine, args.cores, args.write)
    else:
        for name in SLICES:
            shutil.rmtree(DATA / name, ignore_errors=True)


if __name__ == "__main__":
    main()
