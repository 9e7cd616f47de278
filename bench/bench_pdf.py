"""Benchmark: writing the demo's report.pdf from its report.html with WeasyPrint.

    .venv/bin/python bench/bench_pdf.py --runs 3          # the demo (4 000 persons, default seed)
    .venv/bin/python bench/bench_pdf.py --profile         # one run under cProfile: where the seconds go

The demo workspace is built once into bench/data/pdf-demo (git-ignored); every timed run is a
fresh process that imports WeasyPrint and writes the PDF, as `jixiao report` does. Prints the
median of the runs (wall and CPU seconds) and each run, and the PDF's page count."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "pdf-demo"

ONE_RUN = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter(); c0 = time.process_time()
from jixiao.report.html_render import render_pdf
render_pdf(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def demo_html() -> Path:
    """The demo's report.html (and charts), built once."""
    html = DATA / "out" / "report.html"
    if html.exists():
        return html
    from jixiao.cli._common import Progress
    from jixiao.cli.demo import make_demo
    from jixiao.report import write_report
    from jixiao.service import evaluate_workspace

    make_demo(DATA, persons=4000, seed=20220101, progress=Progress(quiet=True))
    write_report(evaluate_workspace(DATA), formats=("html",))
    return html


def run_once(html: Path, pdf: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", ONE_RUN, str(html), str(pdf)], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def profile(html: Path, pdf: Path) -> None:
    import cProfile
    import pstats

    from jixiao.report.html_render import render_pdf

    started = time.perf_counter()
    cProfile.runctx("render_pdf(html, pdf)", globals(), {"render_pdf": render_pdf, "html": html, "pdf": pdf},
                    str(DATA / "pdf.prof"))
    print(f"profiled run: {time.perf_counter() - started:.1f} s")
    pstats.Stats(str(DATA / "pdf.prof")).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--html", type=Path, help="another report.html to render")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    html = args.html or demo_html()
    pdf = html.with_suffix(".bench.pdf")
    if args.profile:
        profile(html, pdf)
        return
    runs = [run_once(html, pdf) for _ in range(args.runs)]
    wall = [r["wall"] for r in runs]
    cpu = [r["cpu"] for r in runs]
    print(f"report.pdf from {html.relative_to(ROOT) if html.is_relative_to(ROOT) else html} "
          f"({html.stat().st_size / 1e6:.2f} MB html, {pages(pdf)} pages)")
    print(f"median wall {statistics.median(wall):.2f} s (runs {' / '.join(f'{w:.2f}' for w in wall)}), "
          f"median cpu {statistics.median(cpu):.2f} s, peak RSS {max(r['rss_mb'] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
