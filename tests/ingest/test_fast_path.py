"""The typed fast path (Parquet columns kept typed, DuckDB's CSV scanner) and the general
path (text, the Python grid of a workbook) give the same store, findings and row accounting
on the same rows: bad IDs, blank amounts, numeric IDs, dates as text and as dates."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import xlsxwriter

from tests.ingest.conftest import Fixture, check_char, make_id

HEADERS = ["身份证号码", "姓名", "补贴类型", "发放月份", "发放金额", "发放日期", "发放方式"]


def payment_rows(rng: random.Random, n: int = 60) -> list[list[object]]:
    """Rows (Python values) with a planted mix of what ingest must report."""
    rows: list[list[object]] = []
    for i in range(n):
        pid = make_id(rng)
        amount: Decimal | None = Decimal("188.00") if i % 3 else Decimal("252.50")
        paid: dt.date | None = dt.date(2022, i % 12 + 1, 20)
        period = f"2022-{i % 12 + 1:02d}"
        if i % 11 == 1:
            pid = pid[:17] + ("0" if pid[17] != "0" else "1")  # id-checksum
        if i % 13 == 2:
            pid = pid[:16]  # id-malformed
        if i % 17 == 3:
            pid = "110101490101123"  # id-old-format
        if i % 7 == 4:
            amount = None  # blank required amount: row-rejected
        if i % 19 == 5:
            paid = None
        if i % 23 == 6:
            period = "2022年13月"  # unreadable month: row-rejected
        if i % 29 == 7:
            pid = pid[:6] + "18991231" + pid[14:17]
            pid += check_char(pid)  # id-birthdate
        rows.append([pid, f"张{i}", "护理补贴" if i % 2 else "生活补贴", period, amount, paid, "银行卡"])
    return rows


def write_parquet(path: Path, rows: list[list[object]], typed: bool) -> None:
    columns = list(zip(*rows))
    types = [pa.string()] * 4 + ([pa.decimal128(18, 2), pa.date32()] if typed else [pa.string()] * 2) + [pa.string()]
    arrays = []
    for values, kind in zip(columns, types):
        if not typed and kind == pa.string():
            values = [None if v is None else str(v) for v in values]
        arrays.append(pa.array(values, kind))
    pq.write_table(pa.table(arrays, names=HEADERS), path)


def write_csv(path: Path, rows: list[list[object]]) -> None:
    lines = [",".join(HEADERS)] + [",".join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_xlsx(path: Path, rows: list[list[object]], dates_as_dates: bool) -> None:
    """IDs as text, amounts as numbers, dates as date cells or as text."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("发放明细")
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADERS)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, Decimal):
                sheet.write_number(r, c, float(value))
            elif isinstance(value, dt.date) and dates_as_dates:
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
            else:
                sheet.write_string(r, c, str(value))
    book.close()


def load_as(root: Path, name: str, write) -> tuple[dict, list[tuple], list[tuple]]:
    fx = Fixture(root)
    write(fx.path(name))
    fx.use("payments", name)
    report = fx.load()
    store = fx.query("SELECT * EXCLUDE (_file) FROM payments ORDER BY _row")
    findings = fx.query('SELECT * FROM ingest_findings ORDER BY "row", code')
    return report.counts["payments"].as_json(), store, findings


@pytest.fixture
def rows(rng) -> list[list[object]]:
    return payment_rows(rng)


def test_typed_parquet_equals_text_parquet_csv_and_xlsx(tmp_path, rows):
    typed = load_as(tmp_path / "typed", "发放.parquet", lambda p: write_parquet(p, rows, typed=True))
    counts, store, findings = typed
    assert counts["rejected"] > 0 and counts["loaded"] > 0
    assert {f[0] for f in findings} >= {"row-rejected", "id-checksum", "id-malformed", "id-old-format", "id-birthdate"}
    assert Decimal("252.50") in store[0] and dt.date(2022, 1, 20) in store[0]  # amount, paid_on typed
    assert load_as(tmp_path / "text", "发放.parquet", lambda p: write_parquet(p, rows, typed=False)) == typed
    assert load_as(tmp_path / "csv", "发放.csv", lambda p: write_csv(p, rows)) == typed
    assert load_as(tmp_path / "xlsx", "发放.xlsx", lambda p: write_xlsx(p, rows, dates_as_dates=True)) == typed
    assert load_as(tmp_path / "xlsx_text", "发放.xlsx", lambda p: write_xlsx(p, rows, dates_as_dates=False)) == typed


def test_numeric_ids_typed_parquet_equal_numeric_cells(tmp_path):
    """An ID column stored as integers (Parquet INT64 / numeric cells): id-precision-lost alike."""
    ids = [110101490101123, 110101500202234, None, 110101510303345]
    dates = [dt.date(2022, 3, 5), None, dt.date(2022, 4, 1), dt.date(2022, 5, 6)]

    def parquet(p: Path) -> None:
        pq.write_table(pa.table({"身份证号": pa.array(ids, pa.int64()), "死亡日期": pa.array(dates, pa.date32())}), p)

    def xlsx(p: Path) -> None:
        book = xlsxwriter.Workbook(p)
        sheet = book.add_worksheet()
        fmt = book.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write_row(0, 0, ["身份证号", "死亡日期"])
        for r, (pid, day) in enumerate(zip(ids, dates), start=1):
            if pid is not None:
                sheet.write_number(r, 0, pid)
            if day is not None:
                sheet.write_datetime(r, 1, dt.datetime.combine(day, dt.time()), fmt)
        book.close()

    out = []
    for name, write in (("死亡.parquet", parquet), ("死亡.xlsx", xlsx)):
        fx = Fixture(tmp_path / name.replace(".", "_"))
        write(fx.path(name))
        fx.use("deaths", name)
        report = fx.load()
        out.append((report.counts["deaths"].as_json(),
                    fx.query("SELECT * EXCLUDE (_file) FROM deaths ORDER BY _row"),
                    fx.query('SELECT * FROM ingest_findings ORDER BY "row", code')))
    assert out[0] == out[1]
    counts, store, findings = out[0]
    assert counts == {"read": 4, "loaded": 2, "skipped": 0, "rejected": 2}
    assert [f[0] for f in findings].count("id-precision-lost") == 2


def test_big_parquet_read_in_pieces_equals_whole(tmp_path, rows, monkeypatch):
    """A Parquet file past PIECE_ROWS is normalised and inserted range by range: the store
    (rows in order), the findings, the accounting and the notes are those of one piece."""
    from jixiao.ingest import sources

    whole = load_as(tmp_path / "whole", "发放.parquet", lambda p: write_parquet(p, rows, typed=True))
    monkeypatch.setattr(sources, "PIECE_ROWS", 7)  # 60 rows: 9 pieces, the last one short
    pieces = load_as(tmp_path / "pieces", "发放.parquet", lambda p: write_parquet(p, rows, typed=True))
    assert pieces == whole
    assert [r[0] for r in pieces[1]] == sorted(r[0] for r in pieces[1])


def test_stand_in_counted_over_every_piece(tmp_path, monkeypatch):
    """火化时间 standing in for a blank 死亡日期 is counted across pieces in one note."""
    from jixiao.ingest import sources

    monkeypatch.setattr(sources, "PIECE_ROWS", 3)
    rng = random.Random(7)
    ids = [make_id(rng) for _ in range(10)]
    deaths = [None if i % 2 else dt.date(2022, 3, i + 1) for i in range(10)]
    cremated = [dt.date(2022, 4, i + 1) for i in range(10)]
    fx = Fixture(tmp_path)
    pq.write_table(pa.table({"身份证号": ids, "死亡日期": pa.array(deaths, pa.date32()),
                             "火化时间": pa.array(cremated, pa.date32())}), fx.path("死亡.parquet"))
    fx.use("deaths", "死亡.parquet")
    report = fx.load()
    assert report.counts["deaths"].as_json() == {"read": 10, "loaded": 10, "skipped": 0, "rejected": 0}
    notes = " ".join(report.notes)
    assert "5 行的死亡日期为空" in notes, notes


def test_piece_failing_keeps_the_last_good_table(tmp_path, rows, monkeypatch):
    """The pieces are built outside the load's transaction (in one, DuckDB keeps every
    replaced staging table until the commit): a disk that fills up at the third piece leaves
    the last load's table, findings and accounting as they were, no build table behind,
    and the next load succeeds."""
    import duckdb

    from jixiao.errors import DataError
    from jixiao.ingest import load, sources

    fx = Fixture(tmp_path)
    write_parquet(fx.path("发放.parquet"), rows[:30], typed=True)
    fx.use("payments", "发放.parquet")
    fx.load()
    before = [fx.query(f'SELECT * FROM {t} ORDER BY ALL') for t in ("payments", "ingest_findings", "row_accounting")]
    assert len(before[0]) > 0

    monkeypatch.setattr(sources, "PIECE_ROWS", 7)
    write_parquet(fx.path("发放.parquet"), rows, typed=True)
    real, calls = load._insert_piece, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise duckdb.IOException("Could not write file: No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(load, "_insert_piece", failing)
    with pytest.raises(DataError, match="磁盘空间不足"):
        fx.load()
    assert [fx.query(f'SELECT * FROM {t} ORDER BY ALL') for t in ("payments", "ingest_findings", "row_accounting")] == before
    assert fx.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_new\\_%' ESCAPE '\\'") == []

    monkeypatch.setattr(load, "_insert_piece", real)
    assert fx.load().counts["payments"].read == len(rows)
    assert load_as(tmp_path / "whole", "发放.parquet", lambda p: write_parquet(p, rows, typed=True))[1] == \
        fx.query("SELECT * EXCLUDE (_file) FROM payments ORDER BY _row")
