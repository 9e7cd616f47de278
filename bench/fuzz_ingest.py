"""Long fuzz run of ingest: ≥ 1 000 generated broken workbooks and CSV files through
`jixiao check`, outside CI. Prints how many files were read, the exit codes, any crash and
the slowest file.

    .venv/bin/python bench/fuzz_ingest.py --files 1000    # about 15 minutes on 2 cores

The files come from the hypothesis strategies of tests/fuzz (random seed each run): half
workbooks, half CSV. A crash is a failing property: pytest prints the shrunk example."""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="files to generate (split over xlsx and CSV)")
    args = parser.parse_args()
    with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as fh:
        log = Path(fh.name)
    env = {**os.environ, "JIXIAO_FUZZ_EXAMPLES": str((args.files + 1) // 2), "JIXIAO_FUZZ_RANDOM": "1",
           "JIXIAO_FUZZ_LOG": str(log)}
    done = subprocess.run([sys.executable, "-m", "pytest", "tests/fuzz", "-p", "no:cacheprovider", "-q"],
                          cwd=ROOT, env=env)
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    log.unlink()
    exits = collections.Counter(r["exit"] for r in records)
    forms = collections.Counter(r["form"] for r in records)
    slowest = max(records, key=lambda r: r["seconds"], default=None)
    crashes = sum(n for code, n in exits.items() if code not in (0, 2))
    print(f"files: {len(records)} ({', '.join(f'{k} {v}' for k, v in sorted(forms.items()))})")
    print(f"exit codes: {dict(sorted(exits.items()))}; crashes (exit not 0 or 2): {crashes}")
    print(f"properties: {'held' if done.returncode == 0 else 'FAILED (see the pytest output above)'}")
    if slowest:
        print(f"slowest file: {slowest['seconds']} s ({slowest['form']}, {slowest['table']}, {slowest['rows']} rows)")
    return 0 if done.returncode == 0 and crashes == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
