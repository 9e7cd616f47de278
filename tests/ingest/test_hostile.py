"""Files that try to break us end in exit 0 or 2 with a located Chinese message: no row
vanishes, nothing is misread, nothing crashes. (Time and memory on big hostile files are
measured in bench/fuzz_ingest.py, never asserted here.)"""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.ingest.csvfile import line_scan
from tests.ingest import layouts
from tests.ingest.conftest import make_id


def check(fx, *extra):
    _load_commands()
    return CliRunner().invoke(app, ["check", str(fx.root), *extra])


def payments_book(fx, rows, header=("身份证号", "补贴类型", "发放月份", "发放金额")):
    layouts.write_book(fx.path("发放.xlsx"), [layouts.Sheet("发放", [list(header), *rows])])
    fx.use("payments", "发放.xlsx")


def test_amounts_beyond_decimal_18_2_are_rejected_rows(fx, rng):
    pid = make_id(rng)
    payments_book(fx, [[pid, "生活补贴", "2022-01", "1e18"], [pid, "生活补贴", "2022-02", 1e19],
                       [pid, "生活补贴", "2022-03", "188"]])
    result = check(fx, "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["rows"]["payments"] == {"read": 3, "loaded": 1, "skipped": 0, "rejected": 2}
    assert [(p["row"], p["column"]) for p in doc["problems"]["payments"]] == [(2, "发放金额"), (3, "发放金额")]
    assert all("超出可处理的范围" in p["message"] for p in doc["problems"]["payments"])


def test_amount_in_wan_yuan_beyond_the_range_is_rejected(fx, rng):
    payments_book(fx, [[make_id(rng), "生活补贴", "2022-01", 1e14]], ("身份证号", "补贴类型", "发放月份", "金额（万元）"))
    report = fx.load()
    assert report.counts["payments"].rejected == 1
    assert "超出可处理的范围" in report.findings[0].message


def test_a_month_typed_as_the_number_2022_1_is_rejected_never_january(fx, rng):
    pid = make_id(rng)
    payments_book(fx, [[pid, "生活补贴", 2022.10, 188], [pid, "生活补贴", 2022.11, 188], [pid, "生活补贴", "2022.10", 188]])
    report = fx.load()
    assert fx.query("SELECT _row, period FROM payments ORDER BY _row") == [
        (3, dt.date(2022, 11, 1)), (4, dt.date(2022, 10, 1))]  # the number 2022.11 and the text 2022.10 are clear
    [finding] = [f for f in report.findings if f.code == "row-rejected"]
    assert (finding.row, finding.column, finding.value) == (2, "发放月份", "2022.1")
    assert "无法区分是 1 月还是 10 月" in finding.message


def test_a_row_of_error_cells_is_counted_and_its_errors_named(fx, rng):
    sheet = layouts.Sheet("死亡", [["身份证号", "死亡日期"], [make_id(rng), "2022-01-01"], [None, None]],
                          errors={(2, 0): "#N/A", (2, 1): "#N/A"})
    layouts.write_book(fx.path("死亡.xlsx"), [sheet])
    fx.use("deaths", "死亡.xlsx")
    report = fx.load()
    assert report.counts["deaths"].as_json() == {"read": 2, "loaded": 1, "skipped": 0, "rejected": 1}
    assert report.findings[0].message == "无法载入：身份证号 单元格为错误值 #N/A；死亡日期 单元格为错误值 #N/A"


def test_error_value_written_as_text_in_a_csv_is_named_too(fx, rng):
    fx.path("死亡.csv").write_text(f"身份证号,死亡日期\n{make_id(rng)},#VALUE!\n", encoding="utf-8")
    fx.use("deaths", "死亡.csv")
    report = fx.load()
    assert report.findings[0].message == "无法载入：死亡日期 单元格为错误值 #VALUE!"


def test_a_stray_cell_in_column_xfd_is_left_out_with_a_note(fx, rng):
    book = xlsxwriter.Workbook(str(fx.path("死亡.xlsx")))
    sheet = book.add_worksheet("死亡")
    sheet.write_row(0, 0, ["身份证号", "死亡日期"])
    ids = [make_id(rng) for _ in range(300)]
    for i, pid in enumerate(ids, start=1):
        sheet.write_row(i, 0, [pid, "2022-03-05"])
    sheet.write(5, 16383, "x")
    sheet.merge_range(310, 0, 310, 16383, "制表人：某")  # a footer merged across the whole sheet
    book.close()
    fx.use("deaths", "死亡.xlsx")
    report = fx.load()
    assert report.counts["deaths"].as_json() == {"read": 310, "loaded": 300, "skipped": 10, "rejected": 0}
    assert report.notes == ("死亡.xlsx#死亡：表格右侧远处有 1 个单元格（如 XFD6），与表格之间隔着 50 列以上的空列，不属于表格，未读取",)


def test_bom_in_a_long_sheets_header_keeps_every_data_row(fx, rng):
    ids = [make_id(rng) for _ in range(3)]
    rows = [["\ufeff补贴类型", "身份证号", "发放月份", "发放金额"], *(["生活补贴", p, "2022-01", 188] for p in ids)]
    layouts.write_book(fx.path("发放.xlsx"), [layouts.Sheet("发放", rows)])
    fx.use("payments", "发放.xlsx")
    report = fx.load()
    assert report.counts["payments"].as_json() == {"read": 3, "loaded": 3, "skipped": 0, "rejected": 0}
    assert [r[0] for r in fx.query("SELECT person_id FROM payments ORDER BY _row")] == ids


def test_survey_count_beyond_int32_is_a_rejected_row(fx):
    fx.path("问卷.csv").write_text("问题,满意,不满意\n问题1,3000000000,1\n问题2,5,1\n", encoding="utf-8")
    fx.use("survey", "问卷.csv")
    report = fx.load()
    assert report.counts["survey"].as_json() == {"read": 2, "loaded": 1, "skipped": 0, "rejected": 1}
    assert "人数过大" in report.findings[0].message and report.findings[0].row == 2


def test_survey_csv_cell_longer_than_the_csv_default_limit_loads(fx):
    fx.path("问卷.csv").write_text("姓名,问题1\n甲," + "满" * 140_000 + "\n乙,满意\n", encoding="utf-8")
    fx.use("survey", "问卷.csv")
    report = fx.load()
    assert report.counts["survey"].as_json() == {"read": 2, "loaded": 2, "skipped": 0, "rejected": 0}


def test_zero_byte_and_truncated_survey_parquet_are_exit_2(fx):
    fx.path("问卷.parquet").write_bytes(b"")
    fx.use("survey", "问卷.parquet")
    result = check(fx)
    assert result.exit_code == 2 and "不是有效的 Parquet 文件" in result.output
    pq.write_table(pa.table({"问题": ["甲"] * 50, "满意": list(range(50))}), fx.path("问卷.parquet"))
    data = fx.path("问卷.parquet").read_bytes()
    fx.path("问卷.parquet").write_bytes(data[: len(data) // 2])
    result = check(fx)
    assert result.exit_code == 2 and "问卷.parquet" in result.output and "不是有效的 Parquet 文件" in result.output


def test_all_null_parquet_records_are_counted(fx, rng):
    pid = make_id(rng)
    table = pa.table({"身份证号": [pid, None, None], "死亡日期": ["2022-01-01", None, None]})
    pq.write_table(table, fx.path("死亡.parquet"))
    fx.use("deaths", "死亡.parquet")
    report = fx.load()
    assert report.counts["deaths"].as_json() == {"read": 3, "loaded": 1, "skipped": 2, "rejected": 0}


def test_parquet_month_stored_as_a_float_is_not_read_as_january(fx, rng):
    pid = make_id(rng)
    pq.write_table(pa.table({"身份证号": [pid, pid], "补贴类型": ["生活补贴"] * 2, "发放月份": [2022.1, 2022.12],
                             "发放金额": ["188", "188"]}), fx.path("发放.parquet"))
    fx.use("payments", "发放.parquet")
    report = fx.load()
    assert fx.query("SELECT period FROM payments") == [(dt.date(2022, 12, 1),)]
    assert report.findings[0].row == 2 and "无法区分" in report.findings[0].message


def test_footer_rows_are_skipped_like_totals(fx, rng):
    ids = [make_id(rng) for _ in range(2)]
    rows = [["身份证号", "死亡日期"], [ids[0], "2022-01-01"], ["合计", "1"], [ids[1], "2022-02-01"],
            ["制表人：张三  审核人：李四  制表日期：2023-01-05"], ["注：本表数据来自殡葬系统。"], ["填表说明：身份证号须为18位"],
            ["单位负责人：王五"], ["说明：死亡日期以医学证明为准"]]
    layouts.write_book(fx.path("死亡.xlsx"), [layouts.Sheet("死亡", rows)])
    fx.use("deaths", "死亡.xlsx")
    report = fx.load()
    assert report.counts["deaths"].as_json() == {"read": 8, "loaded": 2, "skipped": 6, "rejected": 0}
    assert report.findings == ()


def test_many_blank_lines_in_a_csv_keep_their_row_numbers(fx, rng):
    ids = [make_id(rng) for _ in range(200)]
    lines = ["身份证号,死亡日期"]
    for i, pid in enumerate(ids):
        lines += [f"{pid},2022-01-01"] + ([""] if i % 3 == 2 else [])
    fx.path("死亡.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fx.use("deaths", "死亡.csv")
    report = fx.load()
    expected = [n for n, line in enumerate(lines, start=1) if line and n > 1]
    assert [r[0] for r in fx.query("SELECT _row FROM deaths ORDER BY _row")] == expected
    assert report.counts["deaths"].skipped == sum(1 for line in lines[1:-1] if not line)


def test_line_scan_finds_blank_lines_across_chunk_boundaries(tmp_path, monkeypatch):
    from jixiao.ingest import csvfile

    monkeypatch.setattr(csvfile, "CHUNK", 7)  # a tiny chunk: every blank line sits near a boundary
    text = "a,b\n\n1,2\n\r\n3,4\n\n\n5,6\n"
    path = tmp_path / "x.csv"
    path.write_bytes(text.encode())
    lines, blanks = line_scan(path)
    assert (lines, blanks) == (8, [n for n, line in enumerate(text.split("\n")[:-1], 1) if line in ("", "\r")])
