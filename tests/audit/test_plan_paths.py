"""The audit plan's fast paths agree with the plain forms they replace: the first payment
of each person-month (window over the repeats only), and the findings files written a
batch at a time (CSV bytes, xlsx sheets split past Excel's row limit)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import ibis
import pyarrow as pa
import pytest
from python_calamine import CalamineWorkbook

from jixiao.audit import output
from jixiao.audit.entitlement import first_payments
from jixiao.audit.findings_table import TABLE_SCHEMA
from jixiao.audit.result import AuditResult


def _months() -> pa.Table:
    d = dt.date
    rows = [  # _row, person, subsidy, mi, paid_on: repeats, ties on paid_on, NULL paid_on, a shared _row
        (2, "A", "s", 1, d(2022, 1, 5)), (3, "A", "s", 1, d(2022, 1, 3)), (4, "A", "s", 1, None),
        (5, "A", "s", 2, d(2022, 2, 1)), (6, "B", "s", 1, d(2022, 1, 1)), (7, "B", "s", 1, d(2022, 1, 1)),
        (7, "B", "t", 1, d(2022, 1, 1)), (8, "C", "t", 3, None), (9, "C", "t", 3, None), (10, "D", "s", 4, None),
    ]
    return pa.table({k: [r[i] for r in rows] for i, k in enumerate(["_row", "person_id", "subsidy", "mi", "paid_on"])})


def test_first_payments_agrees_with_one_window_over_every_month():
    con = ibis.duckdb.connect()
    j = con.create_table("pm", _months())
    w = ibis.window(group_by=[j.person_id, j.subsidy, j.mi], order_by=[j.paid_on.asc(nulls_first=False), j._row])
    plain = j.mutate(rank=ibis.row_number().over(w), first_row=j._row.first().over(w))
    key = ["_row", "person_id", "subsidy", "mi"]
    got = first_payments(j).to_pyarrow().sort_by([(k, "ascending") for k in key]).to_pylist()
    want = plain.to_pyarrow().sort_by([(k, "ascending") for k in key]).to_pylist()
    assert got == want
    assert {(r["_row"], r["rank"], r["first_row"]) for r in got if r["person_id"] == "A" and r["mi"] == 1} == \
        {(3, 0, 3), (2, 1, 3), (4, 2, 3)}


def _findings(n: int) -> pa.Table:
    codes = ["paid-after-death"] * n + ["unpaid-month"] * 3
    return pa.table({
        "code": codes, "table": ["payments"] * n + ["roster"] * 3, "row": list(range(2, len(codes) + 2)),
        "person_id": ["=cmd" if i == 1 else f"11010{i}" for i in range(len(codes))],
        "subsidy": ["生活补贴"] * len(codes), "period": ["2022-03"] * len(codes),
        "amount": [Decimal("181.00") if i % 2 else None for i in range(len(codes))],
        "message": ['含,逗号与"引号"' if i == 2 else "说明" for i in range(len(codes))],
        "township": [None] * len(codes)}, schema=TABLE_SCHEMA)


def test_csv_written_in_batches_is_the_one_shot_file(tmp_path, monkeypatch):
    t = _findings(7)
    monkeypatch.setattr(output, "BATCH_ROWS", 3)
    output.write_csv(t, tmp_path / "batched.csv")
    with (tmp_path / "plain.csv").open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(output.CSV_COLUMNS)
        for r in t.to_pylist():
            w.writerow([r["code"], output.CODES[r["code"]].severity, r["table"], output._text(r["row"]),
                        output.neutral(r["person_id"]), output.neutral(r["subsidy"]), output.neutral(r["period"]),
                        output._text(r["amount"]), output.neutral(r["message"])])
    assert (tmp_path / "batched.csv").read_bytes() == (tmp_path / "plain.csv").read_bytes()
    assert "'=cmd" in (tmp_path / "batched.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("limit", [2, 3, 100])
def test_xlsx_sheets_split_past_the_row_limit(tmp_path, monkeypatch, limit):
    t = _findings(7)
    monkeypatch.setattr(output, "BATCH_ROWS", 2)
    monkeypatch.setattr(output, "MAX_SHEET_ROWS", limit)
    path = tmp_path / "f.xlsx"
    output.write_xlsx(AuditResult(table=t, codes=()), path)
    book = CalamineWorkbook.from_path(str(path))

    def sheets(code: str, n: int) -> list[str]:
        return [code] + [f"{code} ({i})" for i in range(2, -(-n // limit) + 1)]

    assert book.sheet_names == ["汇总", *sheets("paid-after-death", 7), *sheets("unpaid-month", 3)]
    rows = [r for n in book.sheet_names[1:] for r in book.get_sheet_by_name(n).to_python()[1:]]
    assert all(len(book.get_sheet_by_name(n).to_python()) <= limit + 1 for n in book.sheet_names[1:])
    assert [int(r[3]) for r in rows] == list(range(2, 12))
    assert rows[1][4] == "=cmd"  # quote-prefixed text, not a formula
