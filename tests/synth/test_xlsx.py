"""The fast xlsx writer writes the very sheet the cell-by-cell xlsxwriter loop wrote: the
same XML bytes for every kind of value (hostile strings, blanks, numeric IDs, totals)."""

import datetime as dt
import decimal
import zipfile

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from jixiao.synth.xlsx import SHEET, write_xlsx


def reference_xlsx(table, path, title, numeric_id_rows, total):
    """The former writer: xlsxwriter, one call per cell."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Sheet1")
    bold = book.add_format({"bold": True})
    r0 = 0
    if title:
        sheet.merge_range(0, 0, 0, table.num_columns - 1, title, book.add_format({"bold": True, "align": "center"}))
        r0 = 1
    sheet.write_row(r0, 0, table.column_names, bold)
    numeric = set(numeric_id_rows.tolist()) if numeric_id_rows is not None else set()
    columns = [table[c].to_pylist() for c in table.column_names]
    for i in range(table.num_rows):
        row = r0 + 1 + i
        for j, col in enumerate(columns):
            v = col[i]
            if v is None:
                continue
            if j == 0 and i in numeric:
                sheet.write_number(row, j, float(v))
            elif isinstance(v, decimal.Decimal):
                sheet.write_number(row, j, float(v))
            elif isinstance(v, dt.date):
                sheet.write_string(row, j, v.isoformat())
            else:
                sheet.write_string(row, j, str(v))
    if total:
        amount = [j for j, c in enumerate(table.column_names) if pa.types.is_decimal(table.schema.field(c).type)]
        sheet.write_string(r0 + 1 + table.num_rows, 0, "合计")
        for j in amount:
            sheet.write_number(r0 + 1 + table.num_rows, j, float(pc.sum(table.column(j)).as_py() or 0))
    book.close()


HOSTILE = ["440102199001011234", " 前导空格", "尾随空格 ", "a&b<c>d\"e'", "控制\x01字符\x1f", "_x0041_ 字面转义",
           "", None, "换行\n中间", "\t制表", "全角\u3000", "\ufffe非字符", "普通姓名", None]


def hostile_table(n: int = len(HOSTILE)) -> pa.Table:
    ids = (HOSTILE * (n // len(HOSTILE) + 1))[:n]
    amounts = [None if i % 5 == 3 else decimal.Decimal(f"{i * 37 % 400}.{i % 100:02d}") for i in range(n)]
    dates = [None if i % 4 == 1 else dt.date(2022, 1 + i % 12, 1 + i % 28) for i in range(n)]
    ints = [None if i % 6 == 0 else i * 3 for i in range(n)]
    row_all_none = [None] * n
    return pa.table({"身份证号": pa.array(ids, pa.string()),
                     "发放金额": pa.array(amounts, pa.decimal128(12, 2)),
                     "发放日期": pa.array(dates, pa.date32()),
                     "等级": pa.array(ints, pa.int64()),
                     "备注": pa.array(row_all_none, pa.string())})


def sheet_xml(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(SHEET)


@pytest.mark.parametrize("title,total", [("2022年两项补贴发放明细表", True), ("花名册", False), ("", True), ("", False)])
def test_same_sheet_as_cell_by_cell(tmp_path, title, total):
    table = hostile_table(60)
    numeric = np.array([0, 14, 28, 7])  # row 7 has no ID: stays blank
    write_xlsx(table, tmp_path / "fast.xlsx", title, numeric, total)
    reference_xlsx(table, tmp_path / "ref.xlsx", title, numeric, total)
    assert sheet_xml(tmp_path / "fast.xlsx") == sheet_xml(tmp_path / "ref.xlsx")
    with zipfile.ZipFile(tmp_path / "fast.xlsx") as a, zipfile.ZipFile(tmp_path / "ref.xlsx") as b:
        assert a.namelist() == b.namelist()


def test_trailing_empty_rows_and_no_rows(tmp_path):
    table = pa.table({"身份证号": pa.array(["1", None, None], pa.string()), "姓名": pa.array([None] * 3, pa.string())})
    for t in (table, table.slice(0, 0), table.slice(1)):
        write_xlsx(t, tmp_path / "fast.xlsx", "标题", None, False)
        reference_xlsx(t, tmp_path / "ref.xlsx", "标题", None, False)
        assert sheet_xml(tmp_path / "fast.xlsx") == sheet_xml(tmp_path / "ref.xlsx")


def test_read_back_through_ingest_reader(tmp_path):
    calamine = pytest.importorskip("python_calamine")
    table = hostile_table(30)
    write_xlsx(table, tmp_path / "fast.xlsx", "标题", np.array([0]), True)
    reference_xlsx(table, tmp_path / "ref.xlsx", "标题", np.array([0]), True)
    read = [calamine.CalamineWorkbook.from_path(str(tmp_path / f)).get_sheet_by_index(0).to_python()
            for f in ("fast.xlsx", "ref.xlsx")]
    assert read[0] == read[1] and len(read[0]) == 1 + 1 + 30 + 1
