"""Synthetic provinces for the batch tests: region workspaces made with jixiao.synth (every
anomaly, demo judgments and a survey, so each evaluation is complete), and the rows of a
person paid in two regions injected on purpose."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from jixiao.cli.demo import DEMO_REPORT, planned_facts, write_judgments, write_survey
from jixiao.synth import generate

LEDGER = "data/发放明细.parquet"


@dataclass(frozen=True)
class Province:
    root: Path
    names: dict[str, str]  # folder → region name
    moved: list[tuple[str, int, str, int]]  # (from folder, from row, to folder, to row) of injected copies


def make_region(folder: Path, region: str, persons: int, seed: int, schedule: str = "monthly") -> Path:
    info = generate(folder, persons=persons, seed=seed, fmt="parquet", schedule=schedule)
    toml = folder / "evaluation.toml"
    text = toml.read_text(encoding="utf-8").replace('region = "中山市"', f'region = "{region}"')
    toml.write_text(text + 'survey = "data/问卷.csv"\n', encoding="utf-8")
    write_survey(folder / "data" / "问卷.csv", seed)
    write_judgments(folder / "judgments.yaml", planned_facts(info.paid))
    (folder / "report.yaml").write_text(DEMO_REPORT.read_text(encoding="utf-8"), encoding="utf-8")  # the evidence cited
    with toml.open("a", encoding="utf-8") as f:
        f.write('\n[judgments]\npath = "judgments.yaml"\n')
    return folder


def copy_payments(src: Path, dst: Path, n: int) -> list[tuple[int, int]]:
    """Append to dst's ledger n of src's ordinary payments (one per person, the first rows
    of people with a single payment that month); return (src row, dst row) pairs."""
    a = pq.read_table(src / LEDGER)
    b = pq.read_table(dst / LEDGER)
    positive = pc.greater(a.column("发放金额").fill_null(0), 0)
    picked, seen = [], set()
    for i, (pid, ok) in enumerate(zip(a.column(0).to_pylist(), positive.to_pylist())):
        if ok and pid not in seen and len(pid) == 18:
            picked.append(i)
            seen.add(pid)
        if len(picked) == n:
            break
    rows = a.take(pa.array(picked)).cast(b.schema)
    pq.write_table(pa.concat_tables([b, rows]), dst / LEDGER)
    return [(i + 2, b.num_rows + k + 2) for k, i in enumerate(picked)]


COUNTIES = ("东区", "西区", "南区")


def add_region_column(folder: Path, tables: tuple[str, ...] = ("花名册", "发放明细")) -> dict[str, str]:
    """Give the roster and the ledger a 区县 column, by person: every row of a person in one
    county (the person's ID digits decide). Returns person_id → county."""
    county_of: dict[str, str] = {}
    for name in tables:
        path = folder / "data" / f"{name}.parquet"
        t = pq.read_table(path)
        ids = t.column(0).to_pylist()
        counties = [COUNTIES[sum(map(ord, pid or "")) % len(COUNTIES)] for pid in ids]
        county_of.update(zip(ids, counties))
        pq.write_table(t.append_column("区县", pa.array(counties, pa.string())), path)
    return county_of
