"""Benchmark: the findings page with 100 000 findings, 20 concurrent clients on loopback.

    .venv/bin/python bench/bench_web.py                  # 20 clients × 50 requests
    .venv/bin/python bench/bench_web.py --requests 10    # a quicker look

A workspace whose out/findings.csv holds 100 000 findings (CONTRACT §3 columns, 18 codes,
two subsidies, twelve months) is served by `jixiao serve` in its own process on 127.0.0.1.
Each client signs in with its own session and asks for findings pages: the first page, a
random page, filtered by code, by month, by subsidy and code together, and the htmx partial
that paging swaps in. Bounded: a fixed number of requests per client and a deadline; the
server is stopped at the end. Prints the latency percentiles of every timed request."""

from __future__ import annotations

import argparse
import csv
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from jixiao.findings import CODES

PY = sys.executable
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TOML = """[project]
name = "基准测试项目"
region = "某省"
year = 2022
unit = "某单位"
base_date = "2022-12-31"
[framework]
builtin = "national-2020"
"""


def write_root(root: Path, findings: int) -> None:
    ws = root / "bench"
    (ws / "out").mkdir(parents=True)
    (ws / "evaluation.toml").write_text(TOML, encoding="utf-8")
    rng = random.Random(2022)
    codes = list(CODES)
    with (ws / "out" / "findings.csv").open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(("code", "severity", "table", "row", "person_id", "subsidy", "period", "amount", "message"))
        for i in range(findings):
            code = codes[i % len(codes)]
            w.writerow((code, CODES[code].severity, "payments", i + 2, f"4420001980{i:08d}",
                        rng.choice(("生活补贴", "护理补贴")), f"2022-{rng.randint(1, 12):02d}",
                        f"{rng.choice((181, 188, 243, 252, -188))}.00", f"第{i + 2}行：{CODES[code].meaning}"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def urls(rng: random.Random, pages: int) -> str:
    code = rng.choice(list(CODES))
    month = f"2022-{rng.randint(1, 12):02d}"
    return rng.choice((
        "/e/bench/findings",
        f"/e/bench/findings?page={rng.randint(1, pages)}",
        f"/e/bench/findings?code={code}",
        f"/e/bench/findings?period={month}&page={rng.randint(1, 20)}",
        f"/e/bench/findings?subsidy=护理补贴&code={code}",
    ))


def client(base: str, n: int, seed: int, deadline: float, out: list[float], errors: list[str],
           ready: threading.Barrier | None = None) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as http:
        token = CSRF.search(http.get("/login").text).group(1)
        http.post("/login", data={"username": "bench", "password": "bench-password", "csrf_token": token})
        if ready is not None:
            ready.wait()  # every client signed in (Argon2 is slow on purpose) before the timed part
        for _ in range(n):
            if time.monotonic() > deadline:
                break
            url = urls(rng, 2000)
            headers = {"HX-Request": "true", "HX-Target": "results"} if rng.random() < 0.5 else {}
            started = time.perf_counter()
            response = http.get(url, headers=headers)
            elapsed = time.perf_counter() - started
            if response.status_code != 200 or "符合条件" not in response.text:
                errors.append(f"{url}: {response.status_code}")
            out.append(elapsed)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="per client")
    parser.add_argument("--deadline", type=float, default=180, help="seconds for the timed part")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="jixiao-bench-web-"))
    write_root(root, args.findings)
    subprocess.run([PY, "-m", "jixiao", "user", "add", "bench", "--role", "评价人员"], cwd=root,
                   input="bench-password\n", text=True, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([PY, "-m", "jixiao", "serve", str(root), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        warm: list[float] = []
        client(base, 1, 0, time.monotonic() + 60, warm, [])  # the first read of findings.csv
        latencies: list[float] = []
        errors: list[str] = []
        ready = threading.Barrier(args.clients + 1)
        deadline = time.monotonic() + 60 + args.deadline
        threads = [threading.Thread(target=client, args=(base, args.requests, i + 1, deadline, latencies, errors, ready))
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        ready.wait()
        started = time.monotonic()
        for t in threads:
            t.join()
        wall = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(10)
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100)
    print(f"findings: {args.findings:,}; clients: {args.clients}; requests: {len(ms)} in {wall:.1f} s "
          f"({len(ms) / wall:.0f}/s); errors: {len(errors)}")
    print(f"first request (reads findings.csv): {warm[0] * 1000:.0f} ms")
    print(f"latency ms: p50 {q[49]:.0f}  p90 {q[89]:.0f}  p95 {q[94]:.0f}  p99 {q[98]:.0f}  max {ms[-1]:.0f}")
    if errors:
        print("errors:", *errors[:5], sep="\n  ")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
