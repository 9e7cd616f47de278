"""CSV in UTF-8, UTF-8 with BOM and GB18030, read by the DuckDB scanner (or the exact
reader when a quoted field spans lines), and Parquet with typed columns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.ingest.conftest import make_id

HEADER = "身份证号码,姓名,补贴类别,发放月份,发放金额（元）,到账日期"


def payments_lines(rng, n):
    """n valid payment lines and the IDs used."""
    ids = [make_id(rng) for _ in range(n)]
    return [f"{pid},张三,生活补贴,2022-{i % 12 + 1:02d},188.00,2022-{i % 12 + 1:02d}-20" for i, pid in enumerate(ids)], ids


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings_with_title_blank_lines_and_total(fx, rng, encoding):
    body, ids = payments_lines(rng, 40)
    lines = ["2022年两项补贴发放明细表,,,,,", "", HEADER, *body[:10], "", "", *body[10:30], ",,,,,",
             "1.10105194912310E+17,李四,护理补贴,2022年5月,252,", *body[30:], "合计,,,,7772.00,", "", ""]
    fx.path("发放.csv").write_bytes("\r\n".join(lines).encode(encoding))
    fx.use("payments", "发放.csv")
    report = fx.load()
    data = lines[3:]
    while not data[-1]:  # lines after the last non-blank one are not rows of the table
        data.pop()
    skipped = sum(not line.strip(",") or line.startswith("合计") for line in data)
    assert report.counts["payments"].as_json() == {"read": len(data), "loaded": len(data) - skipped,
                                                   "skipped": skipped, "rejected": 0}
    rows = fx.query("SELECT _row, person_id FROM payments ORDER BY _row")
    line_of = {line.split(",")[0]: n for n, line in enumerate(lines, start=1)}
    assert [line_of[pid] for _, pid in rows if pid in ids] == [r for r, pid in rows if pid in ids]
    assert len(rows) == 41
    numeric = [f for f in report.findings if f.code == "id-precision-lost"]
    assert [f.row for f in numeric] == [lines.index("1.10105194912310E+17,李四,护理补贴,2022年5月,252,") + 1]
    assert fx.query("SELECT sum(amount) FROM payments")[0][0] == Decimal("188.00") * 40 + Decimal("252.00")


def test_csv_quoted_newline_falls_back_to_exact_rows(fx, rng):
    body, ids = payments_lines(rng, 5)
    lines = [HEADER, body[0], f'{ids[1]},"张\n三",生活补贴,2022-02,188.00,', body[2], ",,,", f"{ids[3]},,生活补贴,,188,"]
    fx.path("发放.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fx.use("payments", "发放.csv")
    report = fx.load()
    # Excel shows a quoted line break inside one cell: record n is row n
    assert fx.query("SELECT _row, name FROM payments") == [(2, "张三"), (3, "张 三"), (4, "张三")]
    assert [(f.row, f.column) for f in report.findings] == [(6, "发放月份")]
    assert report.counts["payments"].as_json() == {"read": 5, "loaded": 3, "skipped": 1, "rejected": 1}


def test_csv_wan_yuan_header(fx):
    fx.path("资金.csv").write_text("类型,金额(万元),摘要\n预算,220,年初预算\n到位,\"1,234.5\",省级下达\n支出,abc,\n",
                                   encoding="utf-8")
    fx.use("funds", "资金.csv")
    report = fx.load()
    assert fx.query("SELECT amount FROM funds ORDER BY _row") == [(Decimal("2200000.00"),), (Decimal("12345000.00"),)]
    assert [(f.row, f.column, f.value) for f in report.findings] == [(4, "金额(万元)", "abc")]


def test_parquet_numeric_ids_and_typed_columns(fx, rng):
    ids = [make_id(rng) for _ in range(4)]
    table = pa.table({
        "证件号码": pa.array([int(p[:17] + "0") for p in ids], pa.int64()),
        "死亡日期": pa.array([dt.date(2022, 3, 1), None, dt.date(2022, 5, 9), dt.date(2021, 1, 1)], pa.date32()),
    })
    pq.write_table(table, fx.path("deaths.parquet"))
    fx.use("deaths", "deaths.parquet")
    report = fx.load()
    assert report.counts["deaths"].as_json() == {"read": 4, "loaded": 3, "skipped": 0, "rejected": 1}
    assert [f.row for f in report.findings if f.code == "id-precision-lost"] == [2, 4, 5]
    assert [(f.row, f.column) for f in report.findings if f.code == "row-rejected"] == [(3, "死亡日期")]


def test_parquet_text_columns(fx, rng):
    ids = [make_id(rng) for _ in range(3)]
    table = pa.table({"身份证号": ids, "姓名": ["甲", "乙", "丙"], "补贴类型": ["生活补贴", "护理补贴", "生活补贴"],
                      "起始月份": ["2022-01", "202203", "2022年5月"], "备注": ["", "", ""]})
    pq.write_table(table, fx.path("roster.parquet"))
    fx.use("roster", "roster.parquet")
    report = fx.load()
    assert report.counts["roster"].loaded == 3 and report.findings == ()
    assert [str(r[0]) for r in fx.query("SELECT start FROM roster ORDER BY _row")] == [
        "2022-01-01", "2022-03-01", "2022-05-01"]
