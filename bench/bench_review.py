"""Benchmark of `jixiao review`: recall on perturbed reports, and the time to review a long one.

    .venv/bin/python bench/bench_review.py                 # 5 places per kind, 3 timed runs
    .venv/bin/python bench/bench_review.py --places 3 --runs 3

1. Recall. jixiao's own reports (the demo of 4 000 people, as `jixiao demo` makes it, and both
   examples) are written into bench/data/review/ (git-ignored) on first run. Each .docx is
   perturbed by jixiao.review.perturb — a score, a total, a grade, a rate, a unit, a sum, each
   at up to --places places, one copy per place — and every copy is reviewed; a change is found
   when the copy has a finding of one of its kind's codes that the original does not have.
2. Time. `jixiao review FILE --json` in a fresh process (start-up, reading, checks, writing
   review.docx/html/json), median of --runs, wall clock and CPU (user + system: what the run
   costs when the machine is shared), for the demo report (docx, html, pdf) and for a longer
   document: the demo and sanxiang-2022 reports one after the other (over 60 pages); then, in
   one process, how the time divides. Target: a 40-page report in under 10 s."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data" / "review"
EXAMPLES = ROOT.parent / "examples"
PY = sys.executable


def reports() -> dict[str, Path]:
    """name → the out/ folder of each report, written once."""
    from jixiao.cli._common import Progress
    from jixiao.cli.demo import make_demo
    from jixiao.service import report_workspace

    out = {}
    for name in ("demo", "sanxiang-2022", "changji-2018"):
        ws = DATA / name
        if not (ws / "out" / "report.pdf").is_file():
            shutil.rmtree(ws, ignore_errors=True)
            t = time.perf_counter()
            if name == "demo":
                make_demo(ws, persons=4000, seed=20220101, progress=Progress(quiet=True))
            else:
                shutil.copytree(EXAMPLES / name, ws, ignore=shutil.ignore_patterns("out"))
            report_workspace(ws)
            print(f"wrote {name} report in {time.perf_counter() - t:.1f}s", flush=True)
        out[name] = ws / "out"
    return out


def recall_table(outs: dict[str, Path], places: int) -> None:
    from jixiao.review.perturb import KIND_ZH, KINDS, measure

    rows: dict[str, list] = {k: [] for k in KINDS}
    missed = []
    with tempfile.TemporaryDirectory() as work:
        for name, folder in outs.items():
            t = time.perf_counter()
            outcomes = measure(folder / "report.docx", Path(work) / name, per_kind=places)
            print(f"{name}: {len(outcomes)} perturbed copies reviewed in {time.perf_counter() - t:.1f}s", flush=True)
            for o in outcomes:
                rows[o.perturbation.kind].append((name, o))
                if not o.found:
                    missed.append(f"{name}: {o.perturbation.describe()} → {o.codes or '无发现'}")
    print("\n| kind | 类别 | injected | found | recall | places | found by |")
    print("|---|---|---|---|---|---|---|")
    total = found = 0
    for kind in KINDS:
        items = rows[kind]
        n, f = len(items), sum(o.found for _, o in items)
        total, found = total + n, found + f
        where = sorted({o.perturbation.place for _, o in items})
        codes = sorted({c for _, o in items for c in o.codes})
        print(f"| {kind} | {KIND_ZH[kind]} | {n} | {f} | {f / n:.0%} | {'、'.join(where)} | {', '.join(codes)} |"
              if n else f"| {kind} | {KIND_ZH[kind]} | 0 | 0 | – | – | – |")
    print(f"| all | 合计 | {total} | {found} | {found / total:.0%} | | |")
    for line in missed:
        print("  missed:", line)


def long_pdf(a: Path, b: Path, target: Path) -> Path:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for part in (a, b):
        src = pdfium.PdfDocument(str(part))
        doc.import_pages(src)
        src.close()
    doc.save(str(target))
    return target


def long_docx(a: Path, b: Path, target: Path) -> Path:
    """b's paragraphs and tables after a's (its pictures left out: their parts are b's)."""
    import copy

    import docx
    from docx.oxml.ns import qn

    first, second = docx.Document(str(a)), docx.Document(str(b))
    body = first.element.body
    end = body.find(qn("w:sectPr"))
    for child in second.element.body.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            el = copy.deepcopy(child)
            for drawing in el.iter(qn("w:drawing")):
                drawing.getparent().remove(drawing)
            end.addprevious(el)
    first.save(str(target))
    return target


def pages(path: Path) -> int | str:
    if path.suffix != ".pdf":
        return "–"
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def timing(outs: dict[str, Path], runs: int) -> None:
    demo, sanxiang = outs["demo"], outs["sanxiang-2022"]
    long_dir = DATA / "long"
    long_dir.mkdir(parents=True, exist_ok=True)
    files = [demo / "report.docx", demo / "report.html", demo / "report.pdf",
             long_docx(demo / "report.docx", sanxiang / "report.docx", long_dir / "demo+sanxiang.docx"),
             long_pdf(demo / "report.pdf", sanxiang / "report.pdf", long_dir / "demo+sanxiang.pdf")]
    print(f"\nload average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| file | pages | runs (wall) | median | CPU (median) |")
    print("|---|---|---|---|---|")
    for path in files:
        times, cpu = [], []
        with tempfile.TemporaryDirectory() as out:
            for _ in range(runs):
                t = time.perf_counter()
                proc = subprocess.Popen([PY, "-m", "jixiao", "review", str(path), "--json", "--out", out],
                                        stdout=subprocess.DEVNULL)
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                if proc.returncode:
                    raise SystemExit(f"jixiao review {path} failed ({proc.returncode})")
                times.append(time.perf_counter() - t)
                cpu.append(usage.ru_utime + usage.ru_stime)
        label = f"{path.parent.parent.name if path.parent.name == 'out' else path.parent.name}/{path.name}"
        print(f"| {label} | {pages(path)} | {' / '.join(f'{x:.1f}' for x in times)} s | **{statistics.median(times):.1f} s** "
              f"| {statistics.median(cpu):.1f} s |", flush=True)
    split(files[-1])


def split(path: Path) -> None:
    """Where the time goes, in one process: reading, extraction, each check family."""
    from jixiao.review.extract import extract
    from jixiao.review.findings import CHECKS
    from jixiao.review.readers import read_report
    from jixiao.review.render import write_review
    from jixiao.review.result import build_review

    t = time.perf_counter()
    report = read_report(path)
    read = time.perf_counter() - t
    t = time.perf_counter()
    ex = extract(report)
    extracted = time.perf_counter() - t
    t = time.perf_counter()
    slow = []
    for code, entry in CHECKS.items():
        s = time.perf_counter()
        list(entry.run(ex))
        slow.append((time.perf_counter() - s, code))
    checks = time.perf_counter() - t
    top = ", ".join(f"{code} {sec:.2f}s" for sec, code in sorted(slow, reverse=True)[:3])
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_review(build_review(ex, [f for _, e in CHECKS.items() for f in e.run(ex)]), Path(out))
    written = time.perf_counter() - t
    print(f"\n{path.name} in one process: read {read:.2f}s, extract {extracted:.2f}s, checks {checks:.2f}s ({top}); "
          f"writing review.docx/html/json {written:.2f}s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--places", type=int, default=5, help="places per kind in each report")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT.parent))
    outs = reports()
    recall_table(outs, args.places)
    timing(outs, args.runs)


if __name__ == "__main__":
    main()
