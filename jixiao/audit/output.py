"""The evaluator's files: out/findings.csv (UTF-8 with BOM, CONTRACT §3 columns) and
out/findings.xlsx (a 汇总 sheet, then one sheet per code, Chinese headers, full IDs)."""

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


def _text(value: object) -> str:
    return "" if value is None else str(value)


def write_csv(t: pa.Table, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        for r in t.to_pylist():
            w.writerow([r["code"], CODES[r["code"]].severity, r["table"], _text(r["row"]), _text(r["person_id"]),
                        _text(r["subsidy"]), _text(r["period"]), _text(r["amount"]), _text(r["message"])])


def write_xlsx(result: AuditResult, path: Path) -> None:
    import xlsxwriter  # heavy optional writer, imported where used

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    money_fmt = book.add_format({"num_format": "#,##0.00"})
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

    rows_by_code: dict[str, list[dict]] = {}
    for r in result.table.to_pylist():
        rows_by_code.setdefault(r["code"], []).append(r)
    for code, rows in rows_by_code.items():
        for part, start in enumerate(range(0, len(rows), MAX_SHEET_ROWS)):
            sheet = book.add_worksheet(code if part == 0 else f"{code} ({part + 1})"[:31])
            sheet.write_row(0, 0, HEADERS, bold)
            sheet.set_column(0, 0, 22)
            sheet.set_column(4, 4, 21)
            sheet.set_column(8, 8, 60)
            for i, r in enumerate(rows[start:start + MAX_SHEET_ROWS], 1):
                sheet.write_string(i, 0, code)
                sheet.write_string(i, 1, SEVERITY_NAMES[CODES[code].severity])
                sheet.write_string(i, 2, TABLE_NAMES.get(r["table"], r["table"]))
                if r["row"] is not None:
                    sheet.write_number(i, 3, r["row"])
                sheet.write_string(i, 4, _text(r["person_id"]))  # text: all 18 digits kept
                sheet.write_string(i, 5, _text(r["subsidy"]))
                sheet.write_string(i, 6, _text(r["period"]))
                if r["amount"] is not None:
                    sheet.write_number(i, 7, float(r["amount"]), money_fmt)
                sheet.write_string(i, 8, _text(r["message"]))
    book.close()
