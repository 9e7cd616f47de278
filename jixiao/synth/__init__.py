"""Synthetic two-subsidy programs with known injected anomalies (the ground truth).

    from jixiao.synth import generate
    info = generate("demo", persons=4000, seed=1)        # a county, xlsx
    info = generate("big", persons=1_000_000, fmt="parquet")   # a province

The folder becomes a workspace: evaluation.toml, data/*.{xlsx,parquet,csv}, and truth.csv
(code, table, row, person_id, subsidy, period): every finding the audit must report."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from jixiao.synth.program import ALL_CODES, AUDIT_CODES, INGEST_CODES, build
from jixiao.synth.tables import build_tables
from jixiao.synth.write import FILE_NAMES, TITLES, write_table, write_toml

# Share of people carrying each anomaly (a few per code in a county, thousands in a province).
DEFAULT_RATES: dict[str, float] = {code: 0.001 for code in ALL_CODES}

__all__ = ["DEFAULT_RATES", "SynthInfo", "generate", "ALL_CODES", "AUDIT_CODES", "INGEST_CODES"]


@dataclass(frozen=True)
class SynthInfo:
    folder: Path
    persons: int
    seed: int
    fmt: str
    schedule: str
    files: dict[str, Path]
    truth_path: Path
    toml_path: Path
    rows: dict[str, int]  # data rows per table
    expected: dict[str, int] = field(default_factory=dict)  # code → findings the audit must report
    paid: dict[str, Decimal] = field(default_factory=dict)  # subsidy → Σ readable amounts in the ledger


def generate(folder: str | Path, persons: int = 4000, seed: int = 20220101, rates: dict[str, float] | None = None,
             fmt: str | None = None, schedule: str = "monthly", year: int = 2022) -> SynthInfo:
    """Write a synthetic program into `folder`; fmt defaults to xlsx up to 20 000 people, else parquet."""
    fmt = fmt or ("xlsx" if persons <= 20_000 else "parquet")
    if fmt not in ("xlsx", "parquet", "csv"):
        raise ValueError(f"fmt must be xlsx, parquet or csv, not {fmt!r}")
    rates = DEFAULT_RATES if rates is None else {**{c: 0.0 for c in ALL_CODES}, **rates}
    unknown = set(rates) - set(ALL_CODES)
    if unknown:
        raise ValueError(f"unknown finding codes in rates: {sorted(unknown)} (known: {', '.join(ALL_CODES)})")
    prog = build(persons, seed, rates, year, schedule, numeric_ids=(fmt == "xlsx"))
    title_rows = 1 if fmt == "xlsx" else 0
    tables, rows, truth = build_tables(prog, title_rows)

    root = Path(folder)
    (root / "data").mkdir(parents=True, exist_ok=True)
    region = "广东省" if prog.province else "中山市"
    region_code = "440000" if prog.province else "442000"
    numeric = {t: np.isin(src["person"], prog.id_codes.get("id-precision-lost", []))
               for t, src in (("roster", prog.roster), ("payments", prog.payments))}
    files: dict[str, Path] = {}
    for table, data in tables.items():
        path = root / "data" / f"{FILE_NAMES[table]}.{fmt}"
        numeric_rows = None
        if table in numeric:  # positions in file order of rows whose ID is typed as a number
            numeric_rows = rows[table][np.flatnonzero(numeric[table])] - 2 - title_rows
        title = TITLES.get(table, "").format(year=year, region=region) if fmt == "xlsx" else ""
        write_table(data, path, fmt, title, numeric_rows, total_row=(table == "payments" and fmt != "parquet"))
        files[table] = path
    truth_path = root / "truth.csv"
    pacsv.write_csv(truth, truth_path)
    std = prog.standards
    raise_from = f"{year}-{std.raise_month:02d}"
    standards = [("生活补贴", f"{year}-01", str(std.living[0])), ("生活补贴", raise_from, str(std.living[1])),
                 ("护理补贴", f"{year}-01", str(std.care[0])), ("护理补贴", raise_from, str(std.care[1]))]
    toml = write_toml(root, {t: f"data/{p.name}" for t, p in files.items()}, year, region, region_code,
                      schedule, standards)
    codes = truth.column("code").to_pylist()
    expected = {c: codes.count(c) for c in ALL_CODES}
    sums = tables["payments"].group_by("补贴类型").aggregate([("发放金额", "sum")]).to_pylist()
    paid = {r["补贴类型"]: Decimal(r["发放金额_sum"] or 0) for r in sums}
    return SynthInfo(root, persons, seed, fmt, schedule, files, truth_path, toml,
                     {t: d.num_rows for t, d in tables.items()}, expected, paid)


def read_truth(path: str | Path) -> pa.Table:
    return pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
        column_types={"person_id": pa.string(), "period": pa.string(), "subsidy": pa.string()},
        strings_can_be_null=False))
