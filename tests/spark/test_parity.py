"""DuckDB / Spark parity: on synthetic programs with every anomaly, the audit on Spark
(PySpark local mode, over the store exported to Parquet) writes the same findings.csv,
sorted, and the same metrics as on DuckDB. One Spark session for the module, small
programs: bounded to a few minutes."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from jixiao.audit.engines import engine_of, stop_spark
from jixiao.batch.cross_region import cross_region_duplicates
from jixiao.service import evaluate_workspace
from jixiao.synth import DEFAULT_RATES, generate

if not os.environ.get("CI"):  # CI installs Java and pyspark (install.sh --test): there they must run
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java (bash scripts/install.sh --spark)", allow_module_level=True)

RATES = {code: rate * 3 for code, rate in DEFAULT_RATES.items()}  # a few of every anomaly in 1 200 people
# Local mode tuned for small data: two cores, few partitions, the JIT's quick tier only.
SPARK = engine_of("spark", "local[2]", ("spark.sql.shuffle.partitions=2", "spark.driver.memory=1g",
                                        "spark.driver.extraJavaOptions=-XX:TieredStopAtLevel=1"))


@pytest.fixture(scope="module", autouse=True)
def spark_session():
    yield
    stop_spark()


def with_reversals(folder: Path) -> None:
    """Append a reversal (冲销) of the ledger's first payment and an unmatched negative row."""
    path = folder / "data" / "发放明细.parquet"
    t = pq.read_table(path)
    first = t.slice(0, 2).to_pylist()
    first[0]["发放金额"] = -first[0]["发放金额"]
    first[1]["发放金额"] = Decimal("-17.00")
    pq.write_table(pa.concat_tables([t, pa.Table.from_pylist(first, schema=t.schema)]), path)


def sorted_findings(folder: Path) -> list[str]:
    lines = (folder / "out" / "findings.csv").read_text(encoding="utf-8-sig").splitlines()
    return [lines[0], *sorted(lines[1:])]


def evaluate_both(folder: Path) -> tuple[dict, list[str], dict, list[str]]:
    duck = evaluate_workspace(folder)
    duck_lines = sorted_findings(folder)
    duck_metrics = json.loads((folder / "out" / "scores.json").read_text(encoding="utf-8"))["metrics"]
    spark = evaluate_workspace(folder, engine=SPARK)
    spark_metrics = json.loads((folder / "out" / "scores.json").read_text(encoding="utf-8"))["metrics"]
    assert duck.audit is not None and spark.audit is not None
    assert spark.figures == duck.figures and spark.summaries == duck.summaries
    assert spark.audit_json() == duck.audit_json()
    return duck_metrics, duck_lines, spark_metrics, sorted_findings(folder)


@pytest.mark.parametrize("schedule", ["monthly", "quarterly"])
def test_spark_finds_what_duckdb_finds(tmp_path, schedule):
    info = generate(tmp_path / schedule, persons=1200, seed=77, rates=RATES, fmt="parquet", schedule=schedule)
    if schedule == "quarterly":
        with_reversals(info.folder)
    duck_metrics, duck_lines, spark_metrics, spark_lines = evaluate_both(info.folder)
    codes = {line.split(",")[0] for line in duck_lines[1:]}
    assert codes >= set(info.expected) - {"id-precision-lost"}  # parquet keeps IDs as text
    assert spark_lines == duck_lines
    assert spark_metrics == duck_metrics
    assert {"payment_accuracy_rate", "on_time_rate", "coverage_rate", "roster_accuracy_rate"} <= set(duck_metrics)
    assert (info.folder / "out" / "parquet" / "payments.parquet").is_file()


def test_cross_region_check_is_the_same_on_both_engines(tmp_path):
    schema = pa.schema([("region", pa.string()), ("_row", pa.int64()), ("person_id", pa.string()),
                        ("subsidy", pa.string()), ("mi", pa.int64()), ("share", pa.decimal128(18, 2)),
                        ("paid_on", pa.date32())])
    import datetime as dt

    pid, other = "110101194001010012", "110101195001010017"
    rows = {"甲县": [(2, pid, "生活补贴", 24264, "188.00", dt.date(2022, 1, 10)),
                   (3, other, "护理补贴", 24265, "252.00", dt.date(2022, 2, 10))],
            "乙县": [(9, pid, "生活补贴", 24264, "188.00", dt.date(2022, 1, 20)),
                   (10, pid, "生活补贴", 24265, "188.00", dt.date(2022, 2, 20))],
            "丙县": [(4, pid, "生活补贴", 24264, "188.00", None), (5, other, "生活补贴", 24265, "188.00", None)]}
    paths = []
    for region, items in rows.items():
        table = pa.Table.from_pylist([dict(zip(schema.names, (region, r, p, s, m, Decimal(a), d)))
                                      for r, p, s, m, a, d in items], schema=schema)
        paths.append(tmp_path / f"{region}.parquet")
        pq.write_table(table, paths[-1])
    duck = cross_region_duplicates(paths)
    spark = cross_region_duplicates(paths, SPARK)
    assert spark.to_pylist() == duck.to_pylist()
    got = [(r["region"], r["row"], r["period"], r["amount"]) for r in duck.to_pylist()]
    assert sorted(got) == sorted([("甲县", 2, "2022-01", None), ("乙县", 9, "2022-01", Decimal("188.00")),
                                  ("丙县", 4, "2022-01", Decimal("188.00"))])
