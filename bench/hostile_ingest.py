"""Hostile inputs against their plain twins: each pair loaded by `jixiao check` in a fresh
process, wall time and peak memory (RSS of the child) printed side by side, so that "linear
in the data, bounded memory" is measured rather than asserted.

    .venv/bin/python bench/hostile_ingest.py            # about two minutes; needs GNU time (Debian: time)

Pairs: a CSV of 100 000 payments with a blank line every 10th line / without; a workbook of
10 000 rows with one stray cell in column XFD / without; judgments.yaml with a billion laughs
(9 levels of 9 aliases) / a plain one, through `jixiao score`."""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ingest.conftest import make_id  # noqa: E402

TOML = """[project]
name = "基准"
region = "某县"
year = 2022
unit = "某局"

[framework]
builtin = "national-2020"
{judgments}
[data]
{data}
"""


def workspace(base: Path, name: str, data: str, judgments: str = "") -> Path:
    root = base / name
    (root / "data").mkdir(parents=True)
    (root / "evaluation.toml").write_text(TOML.format(data=data, judgments=judgments), encoding="utf-8")
    return root


def csv_payments(root: Path, blanks: bool) -> None:
    rng = random.Random(1)
    ids = [make_id(rng) for _ in range(2000)]
    lines = ["身份证号,补贴类型,发放月份,发放金额"]
    for i in range(100_000):
        lines.append("" if blanks and i % 10 == 9 else f"{ids[i % 2000]},生活补贴,2022-{i % 12 + 1:02d},188")
    (root / "data" / "发放.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def xlsx_deaths(root: Path, stray: bool) -> None:
    rng = random.Random(2)
    book = xlsxwriter.Workbook(str(root / "data" / "死亡.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["身份证号", "死亡日期"])
    for i in range(1, 10_001):
        sheet.write_row(i, 0, [make_id(rng), "2022-03-05"])
    if stray:
        sheet.write(5, 16383, "x")
    book.close()


def laughs(levels: int) -> str:
    text = "facts:\n  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        text += f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def run(command: str, root: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB of that process, exit code), measured by GNU time."""
    started = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "jixiao", command, str(root)],
                          capture_output=True, text=True, cwd=ROOT)
    seconds = time.monotonic() - started
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024, done.returncode


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        pairs = []
        for blanks in (False, True):
            root = workspace(base, f"csv{blanks}", 'payments = "data/发放.csv"')
            csv_payments(root, blanks)
            pairs.append(("CSV 100 000 行" + ("，每 10 行一个空行" if blanks else ""), "check", root))
        for stray in (False, True):
            root = workspace(base, f"xlsx{stray}", 'deaths = "data/死亡.xlsx"')
            xlsx_deaths(root, stray)
            pairs.append(("xlsx 10 000 行" + ("，XFD 列一个零散单元格" if stray else ""), "check", root))
        for evil in (False, True):
            root = workspace(base, f"yaml{evil}", "", judgments='\n[judgments]\npath = "judgments.yaml"\n')
            (root / "judgments.yaml").write_text(laughs(9) if evil else "facts:\n  budget: 100\n", encoding="utf-8")
            pairs.append(("judgments.yaml " + ("billion laughs" if evil else "plain"), "score", root))
        print(f"{'input':<40} {'exit':>4} {'seconds':>8} {'peak MB':>8}")
        for label, command, root in pairs:
            seconds, peak, code = run(command, root)
            print(f"{label:<40} {code:>4} {seconds:>8.1f} {peak:>8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
