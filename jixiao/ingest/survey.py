"""Survey (问卷) in either form (CONTRACT §2): answers, one row per respondent and one
column per question; or tallies, one row per question (问题) and one count column per
option. Stored as read (answers and option headers as text); the survey stage
normalises them. Survey sheets are small, so this works on the Python grid."""

from __future__ import annotations

import re
import unicodedata

import duckdb
import pyarrow as pa

from jixiao.errors import DataError, Problem
from jixiao.ingest.accounting import TableCount
from jixiao.ingest.excel import iter_sheets
from jixiao.ingest.fields import FOOTER_PATTERN, SURVEY_NOT_OPTIONS, SURVEY_QUESTION_HEADERS, SURVEY_RESPONDENT_HEADERS
from jixiao.ingest.grid import ExcelError, Grid, cell_text, is_number
from jixiao.ingest.headers import SCAN_ROWS, fold, header_key
from jixiao.ingest.sources import WORKBOOKS, grid_of
from jixiao.ingest.store import recreate
from jixiao.workspace import DataSource

_TOTAL = re.compile(r"^\s*[合小总]\s*计")
_FOOTER = re.compile(FOOTER_PATTERN)
INT32 = 2**31 - 1
_QUESTION_KEYS = {header_key(h)[0] for h in SURVEY_QUESTION_HEADERS}
_NOT_OPTION_KEYS = {header_key(h)[0] for h in SURVEY_NOT_OPTIONS}
_RESPONDENT_KEYS = {header_key(h)[0] for h in SURVEY_RESPONDENT_HEADERS}


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def survey_grid(source: DataSource) -> Grid:
    """The survey's grid. A workbook without a named sheet: the first visible sheet with a
    question column (问题 …), else the first visible sheet with a header that is not a
    说明 sheet; the note says which sheet was read when it is not the first."""
    if source.sheet is not None or source.path.suffix.lower() not in WORKBOOKS:
        return grid_of(source)
    sheets = list(iter_sheets(source.path))
    chosen = next((g for g in sheets if _question_row(g.text_rows(SCAN_ROWS)) is not None), None)
    if chosen is None:
        chosen = next((g for g in sheets if "说明" not in g.sheet and _any_header(g.text_rows(SCAN_ROWS))), sheets[0])
    if chosen is not sheets[0]:
        chosen.notes.insert(0, f"{source.path.name}：第一个工作表「{sheets[0].sheet}」不是问卷表，读取的是工作表「{chosen.sheet}」")
    return chosen


def _question_row(rows: list[list[str]]) -> int | None:
    return next((i for i, row in enumerate(rows[:SCAN_ROWS]) if any(header_key(c)[0] in _QUESTION_KEYS for c in row)),
                None)


def _any_header(rows: list[list[str]]) -> bool:
    return any(sum(bool(c.strip()) for c in row) >= 2 for row in rows[:SCAN_ROWS])


def load_survey(con: duckdb.DuckDBPyConnection, grid: Grid):
    """Replace survey_answers / survey_tallies from the grid; return its TableCount."""
    rows = grid.text_rows()
    file = grid.label.split("#")[0]
    head = _header_row(rows, file, grid.sheet)
    grid.fill_merged(head)
    rows = grid.text_rows()
    headers = rows[head]
    question_col = next((i for i, h in enumerate(headers) if header_key(h)[0] in _QUESTION_KEYS), None)
    if question_col is None:
        answers, tallies, findings, status = _answers(grid, rows, head, headers, file, grid.sheet)
    else:
        answers, tallies, findings, status = _tallies(grid, rows, head, headers, question_col, file, grid.sheet)
    for name in ("survey_answers", "survey_tallies"):
        recreate(con, name)
    label = grid.label
    if answers:
        _insert(con, "survey_answers", ["_row", "_file", "question", "column_name", "answer"],
                [[r, label, q, c, a] for r, q, c, a in answers])
    if tallies:
        _insert(con, "survey_tallies", ["_row", "_file", "question", "option", "count"],
                [[r, label, q, o, n] for r, q, o, n in tallies])
    con.execute("DELETE FROM ingest_findings WHERE \"table\" = 'survey'")
    for row, column, message, value in findings:
        con.execute('INSERT INTO ingest_findings (code, "table", "row", message, "column", value)'
                    " VALUES ('row-rejected', 'survey', ?, ?, ?, ?)", [row, message, column, value])
    last = max((i for i, s in status.items() if s != "blank"), default=head)
    kept = [s for i, s in status.items() if i <= last]
    return TableCount("survey", label, len(kept), kept.count("loaded"),
                      sum(s in ("blank", "total", "footer") for s in kept), kept.count("rejected"))


def _insert(con: duckdb.DuckDBPyConnection, table: str, names: list[str], rows: list[list]) -> None:
    arrow = pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})
    con.register("_survey_rows", arrow)
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM _survey_rows")
    con.unregister("_survey_rows")


def _header_row(rows: list[list[str]], file: str, sheet: str) -> int:
    question = _question_row(rows)
    if question is not None:
        return question
    for i, row in enumerate(rows[:SCAN_ROWS]):
        if sum(bool(c.strip()) for c in row) >= 2:
            return i
    raise DataError(f"{file} 中找不到问卷表头", [Problem(file, f"前 {SCAN_ROWS} 行中没有表头", where=sheet)])


def _kind(row: list[str]) -> str | None:
    first = next((c for c in row if c.strip()), None)
    if first is None:
        return "blank"
    if _TOTAL.match(unicodedata.normalize("NFKC", first)):
        return "total"
    return "footer" if _FOOTER.search(fold(first)) else None


def _rejected(row: int, column: str, reason: str, value: str = "") -> tuple[int, str, str, str]:
    shown = f"：「{value}」" if value else ""
    return row, column, f"无法载入：{column} {reason}{shown}", value


def _answers(grid, rows, head, headers, file, sheet):
    def grid_row(i: int) -> list:
        return grid.rows[i] if i < len(grid.rows) else []

    questions = [(i, h) for i, h in enumerate(headers) if h.strip() and header_key(h)[0] not in _RESPONDENT_KEYS]
    if not questions:
        raise DataError(f"{file} 中没有问卷题目列", [Problem(
            file, f"问卷表头中没有题目列；找到的表头：{'、'.join(h for h in headers if h) or '（空）'}", where=sheet,
            row=head + 1)])
    answers, findings, status = [], [], {}
    for i in range(head + 1, len(rows)):
        row, excel_row = rows[i], i + 1
        status[i] = _kind(row) or "loaded"
        if status[i] != "loaded":
            continue
        errors = [(c, h) for c, h in questions if c < len(grid_row(i)) and isinstance(grid_row(i)[c], ExcelError)]
        if errors:
            status[i] = "rejected"
            c, h = errors[0]
            findings.append(_rejected(excel_row, h.strip(), f"单元格为错误值 {grid_row(i)[c]}"))
            continue
        given = [(excel_row, clean(h), h.strip(), clean(row[c])) for c, h in questions if c < len(row) and row[c].strip()]
        if given:
            answers += given
        else:
            status[i] = "rejected"
            findings.append(_rejected(excel_row, questions[0][1].strip(), "所有题目均未作答"))
    return answers, [], findings, status


def _tallies(grid: Grid, rows, head, headers, qcol, file, sheet):
    options = [(i, h) for i, h in enumerate(headers)
               if i != qcol and h.strip() and header_key(h)[0] not in _NOT_OPTION_KEYS]
    if not options:
        raise DataError(f"{file} 中没有选项列", [Problem(
            file, f"问卷汇总表除「{headers[qcol]}」外没有选项计数列", where=sheet, row=head + 1)])
    tallies, findings, status = [], [], {}
    for i in range(head + 1, len(rows)):
        row, excel_row = rows[i], i + 1
        status[i] = _kind(row) or "loaded"
        if status[i] != "loaded":
            continue
        question = clean(row[qcol]) if qcol < len(row) else ""
        if not question:
            status[i] = "rejected"
            findings.append(_rejected(excel_row, headers[qcol].strip(), "缺少必填值"))
            continue
        counts, bad = [], None
        for c, h in options:
            cell = grid.rows[i][c] if c < len(grid.rows[i]) else None
            text = cell_text(cell).strip()
            if not text:
                continue
            number = _count(cell, text)
            if isinstance(cell, ExcelError):
                bad = _rejected(excel_row, h.strip(), f"单元格为错误值 {cell}")
                break
            if number is None:
                bad = _rejected(excel_row, h.strip(), "无法识别为人数（非负整数）", text)
                break
            if number > INT32:
                bad = _rejected(excel_row, h.strip(), f"人数过大（不超过 {INT32}）", text)
                break
            counts.append((excel_row, question, clean(h), number))
        if bad:
            status[i] = "rejected"
            findings.append(bad)
        else:
            tallies += counts
    return [], tallies, findings, status


def _count(cell: object, text: str) -> int | None:
    if is_number(cell):
        value = float(cell)  # type: ignore[arg-type]
        return int(value) if value == value and abs(value) != float("inf") and value.is_integer() and value >= 0 else None
    text = unicodedata.normalize("NFKC", text).replace(",", "").removesuffix("人")
    return int(text) if text.isdigit() else None
