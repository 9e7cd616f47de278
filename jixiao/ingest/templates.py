"""`jixiao init DIR`: a new workspace with evaluation.toml, a judgments.yaml skeleton, a
report.yaml template and one Excel template per input table (Chinese headers, drop-downs,
a 说明 sheet)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jixiao.errors import WorkspaceError
from jixiao.ingest.fields import TABLE_FIELDS, TABLE_TITLES, Field
from jixiao.reportinputs import write_template as write_report_template
from jixiao.vocabulary import CATEGORIES, GRADE_WORDS, SATISFACTION_OPTIONS, SUBSIDIES

FILES = {t: f"data/{TABLE_TITLES[t]}.xlsx"
         for t in ("roster", "payments", "funds", "deaths", "dibao", "dibao_members", "survey")}
TEXT_KINDS = ("id", "text", "month", "period", "date")  # kept as text so Excel does not convert them
DROPDOWNS = {
    "subsidy": list(SUBSIDIES), "category": list(CATEGORIES), "grade": list(GRADE_WORDS),
    "flag": ["是", "否", "城市低保", "农村低保", "特困"],
    "fund_kind": ["预算", "到位", "支出"], "fund_level": ["中央", "省", "市", "县", "镇"],
}
HINTS = {
    "id": "18 位身份证号，末位可为 X；本列已设为文本格式，请勿改为数值（数值会丢失末几位）",
    "text": "", "subsidy": "生活补贴 或 护理补贴（下拉选择）",
    "month": "如 2022-05、2022/5、2022年5月、202205", "period": "如 2022-05；按季度发放可写 2018年第一季度 或 2018Q1",
    "date": "如 2022-05-13、2022年5月13日", "money": "单位：元；表头写成“金额（万元）”则按万元读取",
    "grade": "一级…四级（下拉选择），也可写 1–4", "category": "视力、听力、言语、肢体、智力、精神、多重（下拉选择）",
    "flag": "是 或 否，或低保类别（下拉选择）", "fund_kind": "预算 / 到位 / 支出（下拉选择）",
    "fund_level": "中央 / 省 / 市 / 县 / 镇（下拉选择）",
}
NOTES = {"end": "享受的最后一个月（含）；与“停发月份”二选一", "stop": "不再发放的第一个月；截止月份 = 停发月份的前一个月",
         "start": "开始享受的第一个月（不是申请时间）",
         "dibao": "是/否，或低保类别：城市低保、农村低保、特困 视为是，无 视为否；不填为未知（按低保名单判断）",
         "cremated_on": "没有死亡日期时以火化时间代替（火化可能在死亡次月），读取时会提示",
         "household_id": "户主的身份证号，与低保名单中的身份证号（户主身份证号）对应",
         "relation": "本人（户主）、配偶、子女、父母等"}
ROWS = 10000  # rows carrying formats and drop-downs

TOML = """\
# 绩效评价工作区。相对路径均相对于本目录；输出写到 out/。
[project]
name = "（请填写项目名称）"          # 项目名称
region = "（请填写地区）"            # 地区
# region_code = "442000"           # 行政区划代码（可选）
year = {year}                        # 评价的预算年度
unit = "（请填写项目单位）"          # 项目单位
# commissioner = ""                # 委托方（可选）
# evaluator = ""                   # 评价机构（可选）
base_date = "{year}-12-31"           # 评价基准日
# report_date = "{next_year}-03-31"  # 报告封面日期（可选；不写则为出具报告当天）

[framework]
builtin = "national-2020"            # 内置指标体系；也可改为 path = "framework.yaml"

[judgments]
path = "judgments.yaml"

[policy]
schedule = "monthly"                 # monthly 按月 / quarterly 按季
due_day = 25                         # 每月（或季末月）几日前发放
living_requires = ["低保"]           # 享受生活补贴须具备的身份
care_grades = [1, 2]
care_extra = [{{ grades = [3, 4], categories = ["智力", "精神"] }}]

[[policy.standard]]                  # 每人每月补贴标准，自某月起执行
subsidy = "生活补贴"
from = "{year}-01"
monthly = 100.00

[[policy.standard]]
subsidy = "护理补贴"
from = "{year}-01"
monthly = 100.00

[data]                               # 填好 data/ 下的模板后运行：jixiao check 本目录
{data}
"""

JUDGMENTS = """\
# 评价人的判断与项目单位提供的数据（CONTRACT §5）。
facts: {}          # 例：budget: 2200000  （预算数，元）
scores: {}         # 例：A11: {score: 3, basis: 立项依据充分。}
"""


def create_workspace(folder: str | Path) -> list[Path]:
    """Write a new workspace into `folder` (created if needed); the files written."""
    root = Path(folder)
    if (root / "evaluation.toml").exists():
        raise WorkspaceError(f"{root / 'evaluation.toml'} 已存在，不会覆盖；请换一个目录")
    (root / "data").mkdir(parents=True, exist_ok=True)
    year = dt.date.today().year - 1
    data = "\n".join(f'{t:<8} = "{p}"' for t, p in FILES.items())
    written = [root / "evaluation.toml", root / "judgments.yaml"]
    written[0].write_text(TOML.format(year=year, next_year=year + 1, data=data), encoding="utf-8")
    written[1].write_text(JUDGMENTS, encoding="utf-8")
    written.append(write_report_template(root))  # report.yaml: the report's own inputs
    for table, rel in FILES.items():
        target = root / rel
        if not target.exists():
            write_template(table, target)
            written.append(target)
    return written


def write_template(table: str, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    required = book.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True})
    text = book.add_format({"num_format": "@"})
    money = book.add_format({"num_format": "0.00"})
    sheet = book.add_worksheet(TABLE_TITLES[table])
    sheet.freeze_panes(1, 0)
    fields = _template_fields(table)
    for col, (title, kind, is_required) in enumerate(fields):
        sheet.write_string(0, col, title, required if is_required else head)
        fmt = text if kind in TEXT_KINDS else money if kind == "money" else None
        sheet.set_column(col, col, max(12, 2 * len(title) + 2), fmt)
        if kind in DROPDOWNS:
            sheet.data_validation(1, col, ROWS, col, {
                "validate": "list", "source": DROPDOWNS[kind],
                "error_title": "取值不在列表中", "error_message": f"请从下拉列表中选择：{'、'.join(DROPDOWNS[kind])}"})
    _explain(book, table, fields)
    book.close()


def _template_fields(table: str) -> list[tuple[str, str, bool]]:
    if table == "survey":
        return [("问题", "text", True), *((o, "count", False) for o in SATISFACTION_OPTIONS)]
    return [(f.headers[0], f.kind, f.required) for f in TABLE_FIELDS[table]]


def _explain(book, table: str, fields: list[tuple[str, str, bool]]) -> None:
    sheet = book.add_worksheet("说明")
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 8)
    sheet.set_column(2, 3, 50)
    sheet.write_string(0, 0, f"{TABLE_TITLES[table]}填写说明", bold)
    lines = _general(table)
    for i, line in enumerate(lines, 1):
        sheet.write_string(i, 0, line)
    top = len(lines) + 2
    sheet.write_row(top, 0, ["列名", "必填", "填写要求", "也可使用的表头"], bold)
    by_title: dict[str, Field] = {f.headers[0]: f for f in TABLE_FIELDS.get(table, ())}
    for i, (title, kind, is_required) in enumerate(fields, top + 1):
        field = by_title.get(title)
        hint = NOTES.get(field.name, "") if field else ""
        hint = "；".join(h for h in (hint, HINTS.get(kind, "人数（非负整数）")) if h)
        aliases = "、".join(field.headers[1:]) if field else ""
        sheet.write_row(i, 0, [title, "是" if is_required else "否", hint, aliases], wrap)


def _general(table: str) -> list[str]:
    lines = ["· 第 1 行为表头，请勿改动列名；可增加其他列，读取时忽略。表头上方可以有标题行。",
             "· 每行一条记录；空行和第一个非空单元格为“合计/小计/总计”的行不计入。",
             "· 身份证号、月份列已设为文本格式；从其他表格粘贴时请选择“只粘贴值”。"]
    if table == "roster":
        lines.append("· 每人每种补贴一行：同时享受两项补贴的，写两行。")
    if table == "dibao":
        lines.append("· 低保名单可以按人，也可以按户（每户一行，身份证号写户主的）；按户时请同时填写低保家庭成员表。")
    if table == "dibao_members":
        lines.append("· 每位家庭成员一行（户主本人也可列出）：低保名单按户时，成员凭本表按户主身份证号与低保名单对应。")
    if table == "survey":
        lines.append("· 本模板为汇总形式（每题一行，各选项人数一列）；也可用答卷形式：每位受访者一行、每题一列，填写所选选项。")
    return lines
