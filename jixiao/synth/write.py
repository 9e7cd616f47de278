"""Write the synthetic tables (xlsx for small programs, Parquet or CSV for large ones),
the ground truth and evaluation.toml."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from jixiao.synth.xlsx import write_xlsx

FILE_NAMES = {"roster": "花名册", "payments": "发放明细", "deaths": "死亡名单", "dibao": "低保名单", "funds": "资金"}
TITLES = {"roster": "{year}年{region}困难残疾人生活补贴和重度残疾人护理补贴花名册",
          "payments": "{year}年{region}两项补贴发放明细表"}


def write_table(table: pa.Table, path: Path, fmt: str, title: str = "", numeric_id_rows: np.ndarray | None = None,
                total_row: bool = False) -> None:
    if fmt == "parquet":
        pq.write_table(table, path)
    elif fmt == "csv":
        pacsv.write_csv(_with_total(table) if total_row else table, path)
    else:
        write_xlsx(table, path, title, numeric_id_rows, total_row)


def _with_total(table: pa.Table) -> pa.Table:
    """A 合计 row at the bottom, as the real ledgers have (ingest counts it as skipped)."""
    cols = {}
    for i, name in enumerate(table.column_names):
        if i == 0:
            cols[name] = pa.array(["合计"])
        elif pa.types.is_decimal(table.schema.field(name).type):
            cols[name] = pa.array([pc.sum(table[name]).as_py()], table.schema.field(name).type)
        else:
            cols[name] = pa.nulls(1, table.schema.field(name).type)
    return pa.concat_tables([table, pa.table(cols, schema=table.schema)])


def write_toml(folder: Path, files: dict[str, str], year: int, region: str, region_code: str, schedule: str,
               standards: list[tuple[str, str, str]]) -> Path:
    lines = [
        "[project]",
        f'name = "{year}年{region}困难残疾人生活补贴和重度残疾人护理补贴项目"',
        f'region = "{region}"',
        f'region_code = "{region_code}"',
        f"year = {year}",
        f'unit = "{region}残疾人联合会"',
        f'commissioner = "{region}财政局"',
        'evaluator = "合成数据评价组"',
        f'base_date = "{year}-12-31"',
        "",
        "[framework]",
        'builtin = "national-2020"',
        "",
        "[policy]",
        f'schedule = "{schedule}"',
        "due_day = 25",
        'living_requires = ["低保"]',
        "care_grades = [1, 2]",
        'care_extra = [{ grades = [3, 4], categories = ["智力", "精神"] }]',
    ]
    for subsidy, start, monthly in standards:
        lines += ["", "[[policy.standard]]", f'subsidy = "{subsidy}"', f'from = "{start}"', f"monthly = {monthly}"]
    lines += ["", "[data]"] + [f'{table} = "{name}"' for table, name in files.items()]
    path = folder / "evaluation.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
