"""The findings the page shows (filtered or not) as one Excel sheet, Chinese headers, full IDs
as text, money as numbers, a 合计 row — what an evaluator takes into the field."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import xlsxwriter

from jixiao.findings import CODES
from jixiao.ingest.fields import TABLE_TITLES
from jixiao.web.findingsquery import money_sums

HEADERS = ("核查代码", "问题类型", "严重程度", "数据表", "行号", "身份证号", "乡镇（街道）", "补贴类型", "所属月份",
           "涉及金额（元）", "说明")
WIDTHS = (22, 18, 8, 10, 8, 21, 14, 10, 10, 14, 60)
SEVERITY = {"error": "错误", "warning": "提示"}
MAX_ROWS = 1_048_574  # Excel's limit less the header and the 合计 row


def write_findings_xlsx(table: pa.Table, path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    money = book.add_format({"num_format": "#,##0.00"})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("核查发现")
    sheet.write_row(0, 0, HEADERS, head)
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    has_township = "township" in table.column_names
    rows = table.slice(0, MAX_ROWS).to_pylist()
    for i, r in enumerate(rows, 1):
        code = CODES[r["code"]]
        sheet.write_row(i, 0, (r["code"], code.title, SEVERITY[code.severity], TABLE_TITLES.get(r["table"], r["table"])))
        if r["row"] is not None:
            sheet.write_number(i, 4, r["row"])
        sheet.write_string(i, 5, r["person_id"] or "")  # text: all 18 characters kept
        sheet.write_string(i, 6, (r.get("township") if has_township else "") or "")
        sheet.write_row(i, 7, (r["subsidy"] or "", r["period"] or ""))
        if r["amount"] is not None:
            sheet.write_number(i, 9, float(r["amount"]), money)
        sheet.write_string(i, 10, r["message"] or "")
    over, under = money_sums(table)
    last = len(rows) + 1
    sheet.write_string(last, 0, f"合计 {table.num_rows} 条；多发 {over:,.2f} 元，少发 {under:,.2f} 元", bold)
    book.close()
    return path
