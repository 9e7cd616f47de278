"""The evaluator's files: out/findings.csv (UTF-8 with BOM, CONTRACT §3 columns) and
out/findings.xlsx (a 汇总 sheet, then one sheet per code, Chinese headers, full IDs).

A text cell beginning with = + - @ (or a tab or carriage return) would be run as a formula
when the file is opened in Excel or WPS (CSV injection): it is written with a leading '
(CSV), or as a quote-prefixed text cell (xlsx), so it shows whole — an ID stays readable —
and is never evaluated. Numbers (row, amount) are written as numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa

from jixiao.audit.result import AuditResult
from jixiao.findings import CODES, CSV_COLUMNS

TABLE_NAMES = {"roster": "花名册", "payments": "发放明细", "funds": "资金", "deaths": "死亡名单",
               "dibao": "低保名单", "survey": "问卷"}
SEVERITY_NAMES = {"error": "错误", "warning": "提示"}
HEADERS = ("核查代码", "严重程度", "数据表", "行号", "身份证号", "补贴类型", "所属月份", "涉及金额（元）", "说明")
SUMMARY_HEADERS = ("核查代码", "问题类型", "严重程度", "含义", "发现数", "多发金额（元）", "少发金额（元）")
MAX_SHEET_ROWS = 1_048_575  # Excel's limit less the header


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: object) -> str:
    return "" if value is None else str(value)


def neutral(value: object) -> str:
    """A text cell that a spreadsheet will not run as a formula."""
    text = _text(value)
    return "'" + text if text.startswith(FORMULA_START) else text


BATCH_ROWS = 50_000  # findings turned into Python values a batch at a time, never all at once


def rows_of(t: pa.Table):
    """The rows of `t` as dicts, one record batch at a time (constant memory beyond the table)."""
    for batch in t.to_batches(max_chunksize=BATCH_ROWS):
        yield from batch.to_pylist()


def write_csv(t: pa.Table, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        for r in rows_of(t):
            w.writerow([r["code"], CODES[r["code"]].severity, r["table"], _text(r["row"]), neutral(r["person_id"]),
                        neutral(r["subsidy"]), neutral(r["period"]), _text(r["amount"]), neutral(r["message"])])


def write_xlsx(result: AuditResult, path: Path) -> None:
    import xlsxwriter  # heavy optional writer, imported where used

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    money_fmt = book.add_format({"num_format": "#,##0.00"})
    quoted = book.add_format({"quote_prefix": True})  # text that looks like a formula stays text
    summary = book.add_worksheet("汇总")
    summary.write_row(0, 0, SUMMARY_HEADERS, bold)
    for i, c in enumerate(result.codes, 1):
        summary.write_row(i, 0, (c.code, c.title, SEVERITY_NAMES[c.severity], c.meaning, c.count))
        summary.write_number(i, 5, float(c.overpaid), money_fmt)
        summary.write_number(i, 6, float(c.underpaid), money_fmt)
    last = len(result.codes) + 1
    summary.write_row(last, 0, ("合计", "", "", "", result.total), bold)
    summary.write_number(last, 5, float(result.overpaid), money_fmt)
    summary.write_number(last, 6, float(result.underpaid), money_fmt)
    summary.set_column(0, 0, 26)
    summary.set_column(1, 1, 18)
    summary.set_column(3, 3, 44)
    summary.set_column(4, 6, 16)

    # the findings come sorted by code: one sheet per code, a further one past Excel's limit,
    # written row by row (constant_memory) as the batches stream by
    sheet, code, part, i = None, None, 0, 0
    for r in rows_of(result.table):
        if r["code"] != code or i == MAX_SHEET_ROWS:
            part = part + 1 if r["code"] == code else 0
            code, i = r["code"], 0
            sheet = book.add_worksheet(code if part == 0 else f"{code} ({part + 1})"[:31])
            sheet.write_row(0, 0, HEADERS, bold)
            sheet.set_column(0, 0, 22)
            sheet.set_column(4, 4, 21)
            sheet.set_column(8, 8, 60)
        i += 1
        sheet.write_string(i, 0, code)
        sheet.write_string(i, 1, SEVERITY_NAMES[CODES[code].severity])
        sheet.write_string(i, 2, TABLE_NAMES.get(r["table"], r["table"]))
        if r["row"] is not None:
            sheet.write_number(i, 3, r["row"])
        for col, key in ((4, "person_id"), (5, "subsidy"), (6, "period"), (8, "message")):
            text = _text(r[key])  # text: all 18 digits of an ID kept
            sheet.write_string(i, col, text, quoted if text.startswith(FORMULA_START) else None)
        if r["amount"] is not None:
            sheet.write_number(i, 7, float(r["amount"]), money_fmt)
    book.close()
