"""Ingest benchmark: a 1 000 000-row roster and a 12 000 000-row payments table from CSV
and from Parquet, and a 200 000-row xlsx roster. Median of 3 runs and peak memory, each
run a fresh process loading into a fresh store.

    .venv/bin/python bench/bench_ingest.py [--quick] [--runs 3]
    .venv/bin/python bench/bench_ingest.py --synth 100000 [--formats parquet,csv] [--runs 3]

--synth N: a whole synthetic program of N persons (jixiao.synth, seed 2022: five tables, with
the planted bad IDs and rejected rows) as a workspace, each format loaded by load_data into a
fresh store; the issue-14 measure (100 000 persons ≈ 1.2 M payments).

Input data is generated once into bench/data/ (git-ignored) with DuckDB."""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ROOT = HERE.parent

TOML = """[project]
name = "基准测试"
region = "测试"
year = 2022
unit = "测试"
base_date = "2022-12-31"
[framework]
builtin = "national-2020"
[data]
{table} = "{path}"
"""

# valid-looking IDs: area + birth date + sequence from the row number, GB 11643 check character
ID_SQL = """(SELECT p || substr('10X98765432', ((
    (ord(p[1])-48)*7 + (ord(p[2])-48)*9 + (ord(p[3])-48)*10 + (ord(p[4])-48)*5 + (ord(p[5])-48)*8 +
    (ord(p[6])-48)*4 + (ord(p[7])-48)*2 + (ord(p[8])-48)*1 + (ord(p[9])-48)*6 + (ord(p[10])-48)*3 +
    (ord(p[11])-48)*7 + (ord(p[12])-48)*9 + (ord(p[13])-48)*10 + (ord(p[14])-48)*5 + (ord(p[15])-48)*8 +
    (ord(p[16])-48)*4 + (ord(p[17])-48)*2) % 11) + 1, 1)
  FROM (SELECT (442000 + {k} % 50)::VARCHAR || strftime(DATE '1940-01-01' + ({k} % 20000)::INTEGER, '%Y%m%d')
               || lpad(({k} // 20000 % 1000)::VARCHAR, 3, '0') AS p))"""

ROSTER_SQL = f"""SELECT {ID_SQL.format(k='i')} AS "身份证号码", '张' || (i % 97)::VARCHAR AS "姓名",
    CASE WHEN i % 3 = 0 THEN '护理补贴' ELSE '生活补贴' END AS "补贴类型",
    '2022-' || lpad((i % 12 + 1)::VARCHAR, 2, '0') AS "起始月份",
    CASE WHEN i % 50 = 0 THEN '2022年12月' END AS "停发月份",
    ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'][i % 7 + 1] AS "残疾类别",
    ['一级', '二级', '三级', '四级'][i % 4 + 1] AS "残疾等级", CASE WHEN i % 2 = 0 THEN '是' ELSE '否' END AS "是否低保",
    '138' || lpad((i % 100000000)::VARCHAR, 8, '0') AS "联系电话", '第' || (i % 40)::VARCHAR || '镇' AS "乡镇（街道）"
  FROM range({{n}}) t(i)"""

PAYMENTS_SQL = f"""SELECT {ID_SQL.format(k='(i // 12)')} AS "身份证号码", '张' || (i % 97)::VARCHAR AS "姓名",
    CASE WHEN (i // 12) % 3 = 0 THEN '护理补贴' ELSE '生活补贴' END AS "补贴类型",
    '2022-' || lpad((i % 12 + 1)::VARCHAR, 2, '0') AS "发放月份",
    CASE WHEN (i // 12) % 3 = 0 THEN '252.00' ELSE '188.00' END AS "发放金额",
    '2022-' || lpad((i % 12 + 1)::VARCHAR, 2, '0') || '-20' AS "发放日期", '银行卡' AS "发放方式"
  FROM range({{n}}) t(i)"""


def generate(sizes: dict[str, int]) -> dict[str, Path]:
    import duckdb

    DATA.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    files = {}
    for name, sql, n in (("roster", ROSTER_SQL, sizes["roster"]), ("payments", PAYMENTS_SQL, sizes["payments"])):
        for fmt in ("csv", "parquet"):
            path = DATA / f"{name}_{n}.{fmt}"
            if not path.exists():
                started = time.monotonic()
                option = "(HEADER, DELIMITER ',')" if fmt == "csv" else "(FORMAT parquet)"
                con.execute(f"COPY ({sql.format(n=n)}) TO '{path}.part' {option}")
                os.replace(f"{path}.part", path)
                print(f"generated {path.name} in {time.monotonic() - started:.1f}s", file=sys.stderr)
            files[f"{name}_{fmt}"] = path
    xlsx = DATA / f"roster_{sizes['xlsx']}.xlsx"
    if not xlsx.exists():
        started = time.monotonic()
        _write_xlsx(con.execute(ROSTER_SQL.format(n=sizes["xlsx"])).to_arrow_table(), xlsx)
        print(f"generated {xlsx.name} in {time.monotonic() - started:.1f}s", file=sys.stderr)
    files["roster_xlsx"] = xlsx
    return files


def _write_xlsx(table, path: Path) -> None:
    """xlsxwriter has no bulk API: rows are written one by one (IDs as text, as templates do)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(f"{path}.part.xlsx", {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    sheet.write(0, 0, "2022年困难残疾人两项补贴花名册")
    sheet.write_row(1, 0, table.column_names)
    columns = [c.to_pylist() for c in table.columns]
    for r, row in enumerate(zip(*columns), start=2):
        sheet.write_row(r, 0, row)
    book.close()
    os.replace(f"{path}.part.xlsx", path)


CHILD = """
import json, resource, sys, time
from jixiao.workspace import load_workspace
from jixiao.ingest.load import load_data
started = time.monotonic()
report = load_data(load_workspace(sys.argv[1]))
elapsed = time.monotonic() - started
counts = {t: c.as_json() for t, c in report.counts.items()}
print(json.dumps({"seconds": elapsed, "counts": counts, "findings": len(report.findings),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_once(case: str, table: str, path: Path, fresh: bool = True) -> dict:
    ws = DATA / f"ws_{case}"
    if fresh:
        shutil.rmtree(ws / "out", ignore_errors=True)
    ws.mkdir(parents=True, exist_ok=True)
    (ws / "evaluation.toml").write_text(TOML.format(table=table, path=os.path.relpath(path, ws)), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHILD, str(ws)], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{case} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def synth_workspace(persons: int, fmt: str) -> Path:
    ws = DATA / f"synth_{fmt}_{persons}"
    if not (ws / "evaluation.toml").exists():
        from jixiao.synth import generate

        started = time.monotonic()
        shutil.rmtree(ws, ignore_errors=True)
        generate(ws, persons=persons, seed=2022, fmt=fmt)
        print(f"generated {ws.name} in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return ws


def run_synth(ws: Path) -> dict:
    shutil.rmtree(ws / "out", ignore_errors=True)
    done = subprocess.run([sys.executable, "-c", CHILD, str(ws)], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{ws.name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main_synth(persons: int, formats: list[str], runs: int) -> None:
    results = []
    for fmt in formats:
        ws = synth_workspace(persons, fmt)
        done = [run_synth(ws) for _ in range(runs)]
        seconds = statistics.median(r["seconds"] for r in done)
        rows = sum(c["read"] for c in done[0]["counts"].values())
        results.append({"case": f"synth_{fmt}", "persons": persons, "rows": rows, "median_s": round(seconds, 1),
                        "runs_s": [round(r["seconds"], 1) for r in done], "findings": done[0]["findings"],
                        "peak_mb": round(max(r["peak_mb"] for r in done))})
        print(f"synth_{fmt:8} {persons:>9,} persons {rows:>11,} rows  median {seconds:6.1f}s  findings "
              f"{done[0]['findings']}  (runs {', '.join(format(r['seconds'], '.1f') for r in done)})", flush=True)
    print(json.dumps({"results": results}, ensure_ascii=False, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--synth", type=int, metavar="PERSONS", help="time a whole synthetic workspace instead")
    parser.add_argument("--formats", default="parquet,csv", help="with --synth: parquet, csv, xlsx")
    args = parser.parse_args()
    if args.synth:
        main_synth(args.synth, args.formats.split(","), args.runs)
        return
    scale = 10 if args.quick else 1
    sizes = {"roster": 1_000_000 // scale, "payments": 12_000_000 // scale, "xlsx": 200_000 // scale}
    files = generate(sizes)
    cases = [("roster_csv", "roster"), ("roster_parquet", "roster"), ("payments_csv", "payments"),
             ("payments_parquet", "payments"), ("roster_xlsx", "roster")]
    results = []
    for case, table in cases:
        runs = [run_once(case, table, files[case]) for _ in range(args.runs)]
        again = run_once(case, table, files[case], fresh=False)  # unchanged file: skipped by hash
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        c = runs[0]["counts"][table]
        results.append({"case": case, "rows": c["read"], "loaded": c["loaded"], "median_s": round(seconds, 1),
                        "runs_s": [round(r["seconds"], 1) for r in runs], "peak_mb": round(peak),
                        "unchanged_reload_s": round(again["seconds"], 1),
                        "file_mb": round(files[case].stat().st_size / 2**20)})
        print(f"{case:18} {c['read']:>11,} rows  median {seconds:6.1f}s  peak {peak:6.0f} MB  "
              f"(runs {', '.join(format(r['seconds'], '.1f') for r in runs)}; unchanged reload {again['seconds']:.1f}s)",
              flush=True)
    machine = {"cpus": os.cpu_count(), "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
               "python": platform.python_version(), "platform": platform.platform()}
    print(json.dumps({"machine": machine, "results": results}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
