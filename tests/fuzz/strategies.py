"""Hypothesis strategies for broken input files: a table's header (aliases, a BOM, a missing
required column, unknown columns), title rows, and data rows made of the values offices get
wrong (numeric and 15-digit IDs, 2022.1 months, 1e18 amounts, #N/A, blanks, 合计 and 制表人
lines, ragged and over-long rows); written as .xlsx (hidden and instruction sheets, error
cells, a stray cell in column XFD) or .csv (three encodings, four delimiters, blank lines,
quoted line breaks).

A `Case` knows how many rows the reader must account for: every row after the header up to
the last one that is not blank (the used range of a sheet), each loaded, skipped or rejected."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter
from hypothesis import strategies as st

from jixiao.ingest.fields import TABLE_FIELDS
from tests.ingest.conftest import make_id

TABLES = ("roster", "payments", "deaths", "dibao", "dibao_members")
TITLES = ("2022年某县困难残疾人两项补贴发放明细", "单位：元", "填报单位：某镇公共服务办", "（2022年12月）", "单位：万元")
UNKNOWN = ("序号", "备注", "开户银行", "银行账号", "性别", "年龄", "社区", "审核意见", "申请时间")
FOOTERS = ("制表人：张三  审核人：李四  制表日期：2023-01-05", "注：本表由系统导出", "填表说明：身份证号须为18位",
           "单位负责人：王五", "说明：数据截至12月31日", "经办人：某")
TOTALS = ("合计", "小计", "总 计", "合计：")
GARBAGE = st.text(alphabet="0123456789.-/年月日甲乙丙丁abcXYZ #%&()（）：,，\"'\u3000\u200b\ufeff", max_size=12)
EXCEL_ERRORS = ("#N/A", "#VALUE!", "#REF!", "#DIV/0!")


def _ids(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [make_id(rng) for _ in range(8)]


def values(kind: str, ids: list[str]) -> st.SearchStrategy:
    """Cells a column of this kind holds in real files, good and bad."""
    common = st.one_of(st.just(None), st.just(""), st.just(" "), GARBAGE, st.sampled_from(EXCEL_ERRORS))
    good = {
        "id": st.one_of(st.sampled_from(ids), st.sampled_from(ids).map(str.lower),
                        st.sampled_from(ids).map(lambda p: float(p) if p[-1] != "X" else p),
                        st.sampled_from(ids).map(lambda p: p[:6] + p[8:17]), st.just("123456199001011234"),
                        st.sampled_from(ids).map(lambda p: " " + p + " ")),
        # a bare \r is a line break to every CSV reader (Excel too), which the writer would not quote;
        # lone surrogates cannot be written to a file at all
        "text": st.one_of(st.sampled_from(("张三", "李 四", "王五·买买提", "赵六" * 40, "张\n三", "a\"b")),
                          st.text(st.characters(blacklist_characters="\r", blacklist_categories=("Cs",)), max_size=6)),
        "subsidy": st.sampled_from(("生活补贴", "护理补贴", "困难残疾人生活补贴", "重度残疾人护理补贴", "高龄津贴")),
        "month": st.one_of(st.sampled_from(("2022-05", "2022年5月", "2022/13", "202205", "2022年第5期", "2022.10",
                                            "2022年1-3月")), st.sampled_from((202205, 2022.1, 2022.12, 44682))),
        "period": st.one_of(st.sampled_from(("2022-05", "2018年第一季度", "2022Q2", "2022年1月至3月", "2022.1")),
                            st.sampled_from((202205, 2022.1, 44682))),
        "date": st.one_of(st.sampled_from(("2022-05-13", "2022年5月13日", "2022-02-30", "18991231", "2022/7/9 10:20")),
                          st.sampled_from((44682, 44682.5, 1e9))),
        "money": st.one_of(st.sampled_from(("188.00", "1,234.50", "(188.00)", "1e18", "¥188", "188元", "NaN", "-inf")),
                           st.sampled_from((188, -188, 0, 1e19, 1e14, 0.005)), st.decimals(allow_nan=False, places=2,
                                                                                          min_value=-10**6, max_value=10**6).map(str)),
        "grade": st.sampled_from(("一级", "2", "三级", "4级", "五级", 2)),
        "category": st.sampled_from(("肢体", "智力残疾", "精神类", "7", "其他")),
        "flag": st.sampled_from(("是", "否", "城市低保", "农村低保", "特困", "无", "不详")),
    }[kind]
    return st.one_of(good, good, good, common)


@dataclass
class Case:
    table: str
    header: list[str]  # as written
    titles: list[str]
    rows: list[list[object]]
    complete: bool  # every required column (or its stand-in) is present
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # xlsx: (data row, col) error cells
    stray: bool = False  # xlsx: a cell in column XFD on the first data row
    instructions_first: bool = False  # xlsx: a 填表说明 sheet (and a hidden copy) before the data
    bom: bool = False

    @property
    def expected_read(self) -> int:
        """Rows after the header up to the last non-blank one."""
        last = 0
        for i, row in enumerate(self.rows, 1):
            if not _blank(row) or any(r == i - 1 for r, _ in self.errors):
                last = i
        return last


def _blank(row: list[object]) -> bool:
    return all(c is None or (isinstance(c, str) and c.strip(" \t\r\n\u3000\u00a0\ufeff") == "") for c in row)


@st.composite
def cases(draw, for_csv: bool = False) -> Case:
    table = draw(st.sampled_from(TABLES))
    ids = _ids(draw(st.integers(0, 3)))
    fields = [f for f in TABLE_FIELDS[table] if f.name != "stop"]
    chosen = [f for f in fields if f.required or f.stands_in or draw(st.booleans())]
    drop = draw(st.one_of(st.none(), st.sampled_from([f.name for f in chosen if f.required])))
    chosen = [f for f in chosen if f.name != drop]
    present = {f.name for f in chosen}
    complete = all(f.name in present or any(g.stands_in == f.name and g.name in present for g in chosen)
                   for f in fields if f.required)
    columns = [(f.kind, draw(st.sampled_from(f.headers))) for f in chosen]
    columns += [("text", u) for u in draw(st.lists(st.sampled_from(UNKNOWN), max_size=3, unique=True))]
    columns = draw(st.permutations(columns))
    header = [h for _, h in columns]
    bom = draw(st.booleans())
    if bom and header:
        header[0] = "\ufeff" + header[0]
    n = draw(st.integers(0, 25))
    rows: list[list[object]] = []
    for _ in range(n):
        shape = draw(st.sampled_from(("data", "data", "data", "data", "blank", "total", "footer", "ragged")))
        if shape == "blank":
            rows.append([draw(st.sampled_from((None, "", " ", "\u3000")))] * draw(st.integers(0, len(columns))))
        elif shape == "total":
            rows.append([draw(st.sampled_from(TOTALS)), *([None] * (len(columns) - 1)), "3人"])
        elif shape == "footer":
            rows.append([draw(st.sampled_from(FOOTERS))])
        else:
            row = [draw(values(kind, ids)) for kind, _ in columns]
            if shape == "ragged":
                row = row[: draw(st.integers(0, len(row)))] + draw(st.lists(GARBAGE, max_size=3))
            rows.append(row)
    errors: dict[tuple[int, int], str] = {}
    if not for_csv and rows and columns and draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            errors[(draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, len(columns) - 1)))] = draw(
                st.sampled_from(EXCEL_ERRORS))
    titles = draw(st.lists(st.sampled_from(TITLES), max_size=3))
    return Case(table, header, titles, rows, complete, errors,
                stray=not for_csv and bool(rows) and not _blank(rows[0]) and draw(st.booleans()),
                instructions_first=not for_csv and draw(st.booleans()), bom=bom)


def write_xlsx(case: Case, path: Path) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "nan_inf_to_errors": True})
    if case.instructions_first:
        hidden = book.add_worksheet("旧表")
        hidden.write_row(0, 0, case.header)
        notes = book.add_worksheet("填表说明")
        notes.write(0, 0, "填表说明")
        notes.write(1, 0, "1. 身份证号请设为文本格式")
        notes.activate()
        hidden.hide()
    sheet = book.add_worksheet("数据")
    if not case.instructions_first:
        sheet.activate()
    r = 0
    for title in case.titles:
        sheet.write_string(r, 0, title)
        r += 1
    sheet.write_row(r, 0, case.header)
    top = r + 1
    for i, row in enumerate(case.rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(top + i, c, value)
            else:
                sheet.write_string(top + i, c, str(value))
    for (i, c), code in case.errors.items():
        sheet.write_formula(top + i, c, "=NA()", None, code)
    if case.stray:
        sheet.write_string(top, 16383, "x")
    book.close()


def write_csv(case: Case, path: Path, encoding: str, delimiter: str, blank_lines: bool) -> None:
    """The case as CSV; with `blank_lines`, each blank row is written as an empty line."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    for title in case.titles:
        writer.writerow([title])
    writer.writerow(case.header)
    for row in case.rows:
        if blank_lines and _blank(row):
            out.write("\n")
            continue
        writer.writerow(["" if v is None else _csv_text(v) for v in row])
    path.write_bytes(out.getvalue().encode(encoding))


def _csv_text(value: object) -> str:
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)


def csv_options() -> st.SearchStrategy:
    return st.tuples(st.sampled_from(("utf-8", "utf-8-sig", "gb18030")), st.sampled_from((",", "\t", ";", "|")),
                     st.booleans())
