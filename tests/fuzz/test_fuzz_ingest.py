"""Property: whatever broken workbook or CSV an office sends, `jixiao check` ends in exit 0
(every row after the header up to the last non-blank one read, and read = loaded + skipped +
rejected) or, when a required column is missing, exit 2 with a Chinese message — never a
crash.

CI runs FUZZ_EXAMPLES examples per test (default 25, about a minute in all); set
JIXIAO_FUZZ_EXAMPLES=500 for a long run (bench/fuzz_ingest.py runs ≥ 1 000 files and reports
the count, crashes and the slowest file). JIXIAO_FUZZ_LOG=path appends one JSON line per
file (form, table, exit code, rows, seconds)."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from tests.fuzz.strategies import Case, cases, csv_options, write_csv, write_xlsx

EXAMPLES = int(os.environ.get("JIXIAO_FUZZ_EXAMPLES", "25"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("JIXIAO_FUZZ_RANDOM"),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], database=None)
TOML = """[project]
name = "模糊测试"
region = "某县"
year = 2022
unit = "某局"
base_date = "2022-12-31"

[framework]
builtin = "national-2020"

[data]
{table} = "data/{file}"
"""


def run_check(case: Case, write, file: str, form: str) -> None:
    _load_commands()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "data").mkdir()
        write(root / "data" / file)
        (root / "evaluation.toml").write_text(TOML.format(table=case.table, file=file), encoding="utf-8")
        started = time.monotonic()
        result = CliRunner().invoke(app, ["check", str(root), "--json"])
        seconds = time.monotonic() - started
    _log(form, case, result.exit_code, seconds)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if not case.complete:
        assert result.exit_code == 2, result.output
        assert "错误：" in result.output and "Traceback" not in result.output
        return
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)["rows"][case.table]
    assert counts["read"] == counts["loaded"] + counts["skipped"] + counts["rejected"]
    assert counts["read"] == case.expected_read, (counts, case)


def _log(form: str, case: Case, code: int, seconds: float) -> None:
    target = os.environ.get("JIXIAO_FUZZ_LOG")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"form": form, "table": case.table, "exit": code, "rows": len(case.rows),
                                 "seconds": round(seconds, 3)}) + "\n")


@SETTINGS
@given(cases())
def test_broken_workbooks_end_in_exit_0_or_2_with_every_row_accounted(case):
    run_check(case, lambda path: write_xlsx(case, path), "表.xlsx", "xlsx")


@SETTINGS
@given(cases(for_csv=True), csv_options())
def test_broken_csv_end_in_exit_0_or_2_with_every_row_accounted(case, options):
    encoding, delimiter, blank_lines = options
    run_check(case, lambda path: write_csv(case, path, encoding, delimiter, blank_lines), "表.csv", "csv")
