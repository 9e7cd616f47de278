"""Workbooks laid out like the files offices export, for the layout tests: the two-subsidy
information system's roster and payment exports, 惠民惠农"一卡通" release lists, the civil-
affairs 低保 release detail (per household) with its members export and bank-account list,
and funeral/cremation data sharing. Title rows, merged two-row headers, units, 合计 and
signature footers, a 填表说明 sheet in front, IDs as text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]  # row 0 is Excel's row 1; None = empty cell
    merges: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # r0, c0, r1, c1, text
    hidden: bool = False
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → "#N/A" written as a formula result


def write_book(path: Path, sheets: list[Sheet]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    first_shown = next((i for i, spec in enumerate(sheets) if not spec.hidden), None)
    for i, spec in enumerate(sheets):
        sheet = book.add_worksheet(spec.name)
        if i == first_shown:
            sheet.activate()  # Excel cannot hide the active sheet
            sheet.set_first_sheet()
        for r, row in enumerate(spec.rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, (int, float)):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, str(value))
        for r0, c0, r1, c1, text in spec.merges:
            sheet.merge_range(r0, c0, r1, c1, text)
        for (r, c), code in spec.errors.items():
            sheet.write_formula(r, c, "=NA()" if code == "#N/A" else "=1/0", None, code)
        if spec.hidden:
            sheet.hide()
    book.close()
    return path


INSTRUCTIONS = Sheet("填表说明", [["填表说明"], ["1. 身份证号须为 18 位，请设为文本格式。"],
                                  ["2. 补贴类型填写 生活补贴 或 护理补贴。"], ["3. 金额单位为元。"]])
SIGNED = "制表人：王某某    审核人：李某某    制表日期：2023年1月5日"


def system_roster(ids: list[str]) -> list[Sheet]:
    """两项补贴信息系统 花名册导出: a 填表说明 sheet first; a merged title, a unit line, a two-row
    header (残疾情况 over 残疾类别 / 残疾等级), 申请时间 beside 享受补贴起始月份, 户籍街道, 低保类别,
    then a 合计 row and a signature footer."""
    head1 = ["序号", "姓名", "身份证号", "残疾人证号", "残疾情况", None, "补贴类型", "申请时间", "享受补贴起始月份",
             "户籍街道", "低保类别", "联系电话"]
    head2 = [None, None, None, None, "残疾类别", "残疾等级", None, None, None, None, None, None]
    data = [
        [1, "张三", ids[0], ids[0] + "42", "肢体", "二级", "困难残疾人生活补贴", "2021-11-20", "2022-01", "三乡镇", "城市低保",
         "13800138000"],
        [2, "李四", ids[1], ids[1] + "51", "智力", "三级", "重度残疾人护理补贴", "2021-12-03", "2022-02", "三乡镇", "无",
         "13800138001"],
        [3, "王五", ids[2], ids[2] + "11", "视力", "一级", "困难残疾人生活补贴", "2022-02-10", "2022-03", "坦洲镇", "农村低保",
         "13800138002"],
        [4, "赵六", ids[3], ids[3] + "61", "精神", "二级", "困难残疾人生活补贴", "2022-03-01", "2022-04", "坦洲镇", None,
         "13800138003"],
        [5, "钱七", ids[4], ids[4] + "41", "肢体", "一级", "困难残疾人生活补贴", "2022-03-15", "2022-04", "坦洲镇", "特困",
         "13800138004"],
    ]
    rows = [["中山市困难残疾人生活补贴和重度残疾人护理补贴享受人员花名册"], ["单位：元"], head1, head2, *data,
            ["合计", None, None, None, None, None, None, None, None, None, None, "5人"], [SIGNED]]
    return [INSTRUCTIONS, Sheet("花名册", rows, merges=[(0, 0, 0, 11, rows[0][0]), (2, 4, 2, 5, "残疾情况")])]


def system_payments(ids: list[str]) -> list[Sheet]:
    """两项补贴信息系统 发放明细导出: 补贴类别, 补贴期号 (YYYYMM), 发放金额（元）, a 注： footer."""
    rows = [["2022年两项补贴发放明细"], ["序号", "姓名", "身份证号码", "补贴类别", "补贴期号", "发放金额（元）", "发放日期"]]
    for i, pid in enumerate(ids[:3]):
        rows.append([i + 1, "某", pid, "生活补贴", "202205", "188.00", "2022-05-20"])
    rows += [["合计", None, None, None, None, "564.00"], ["注：本表由系统导出，金额单位为元。"], [SIGNED]]
    return [Sheet("发放明细", rows)]


def yikatong(ids: list[str]) -> list[Sheet]:
    """惠民惠农财政补贴资金"一卡通"发放清单: 补贴项目名称, 发放年月 2022年05月, 社保卡号; 经办人 footer."""
    rows = [["惠民惠农财政补贴资金“一卡通”发放清单"], ["填报单位：三乡镇财政所", None, None, None, "发放批次：2022年第5批"],
            ["序号", "姓名", "公民身份号码", "补贴项目名称", "发放年月", "发放金额（元）", "社保卡号", "所属乡镇"]]
    for i, pid in enumerate(ids[:3]):
        rows.append([i + 1, "某", pid, "困难残疾人生活补贴", "2022年05月", 188, "6217000000000000" + str(i), "三乡镇"])
    rows += [["小计", None, None, None, None, 564], ["经办人：张某", None, None, "审核人：刘某"]]
    return [Sheet("Sheet1", rows)]


def dibao_households(households: list[tuple[str, int]]) -> list[Sheet]:
    """民政 低保金发放明细, one row per household: 户主姓名, 户主身份证号, 保障人数, 低保类别,
    保障金额（元）, 起始保障年月 (202201)."""
    rows = [["2022年12月城乡低保金发放明细表"],
            ["序号", "区县", "街道", "社区", "户主姓名", "户主身份证号", "保障人数", "低保类别", "保障金额（元）", "起始保障年月"]]
    for i, (head, members) in enumerate(households):
        rows.append([i + 1, "中山市", "三乡镇", "平东社区", "户主" + str(i), head, members, "城市低保", 950 * members, "202201"])
    rows += [["合计", None, None, None, None, None, sum(m for _, m in households)], [SIGNED]]
    return [Sheet("低保发放明细", rows)]


def dibao_members(members: list[tuple[str, str, str]]) -> list[Sheet]:
    """低保家庭成员导出: 户主身份证号, 成员姓名, 成员身份证号, 与户主关系."""
    rows = [["低保家庭成员信息"], ["序号", "户主身份证号", "成员姓名", "成员身份证号", "与户主关系"]]
    for i, (head, member, relation) in enumerate(members):
        rows.append([i + 1, head, "成员" + str(i), member, relation])
    return [Sheet("成员", rows)]


def dibao_accounts(people: list[str]) -> list[Sheet]:
    """低保 银行账户清单 (person level): 姓名, 身份证号码, 低保证号, 开户银行, 银行账号, 保障起始年月."""
    rows = [["低保对象银行账户清单"], ["姓名", "身份证号码", "低保证号", "开户银行", "银行账号", "保障起始年月", "停保日期"]]
    for i, pid in enumerate(people):
        rows.append(["某" + str(i), pid, f"DB{i:04d}", "农村商业银行", "6230" + str(i).zfill(12), "2021年3月",
                     "2022-06-30" if i == 0 else None])
    return [Sheet("账户", rows)]


def cremation_only(people: list[tuple[str, str]]) -> list[Sheet]:
    """殡葬 火化数据共享: 逝者姓名, 逝者身份证号, 性别, 火化时间, 殡仪馆 — no death date at all."""
    rows = [["殡葬服务火化信息共享数据"], ["序号", "逝者姓名", "逝者身份证号", "性别", "火化时间", "殡仪馆"]]
    for i, (pid, when) in enumerate(people):
        rows.append([i + 1, "逝者" + str(i), pid, "男", when, "中山市殡仪馆"])
    return [Sheet("火化数据", rows)]


def deaths_with_cremation(people: list[tuple[str, str | None, str]]) -> list[Sheet]:
    """死亡人员名单 with 逝者证件号, 死亡日期 (sometimes blank) and 火化日期."""
    rows = [["死亡人员信息比对表"], ["逝者姓名", "逝者证件号", "死亡日期", "火化日期"]]
    for i, (pid, died, cremated) in enumerate(people):
        rows.append(["逝者" + str(i), pid, died, cremated])
    rows.append([SIGNED])
    return [Sheet("死亡名单", rows)]


README_TOML = """[project]
name = "2022年困难残疾人两项补贴"
region = "某县"
year = 2022
unit = "某县残联"
base_date = "2022-12-31"

[framework]
builtin = "national-2020"

[data]
roster = "data/两项补贴花名册.xlsx"
dibao = "data/低保金发放明细.xlsx"
dibao_members = "data/低保家庭成员.xlsx"
deaths = "data/火化信息.xlsx"
"""


def readme_workspace(root: Path) -> Path:
    """The workspace of README's 准备数据 example (民政导出): a system roster export, a per-household
    低保 list with its members, and cremation data."""
    import random

    from tests.ingest.conftest import make_id

    (root / "data").mkdir(parents=True)
    rng = random.Random(7)
    ids = [make_id(rng) for _ in range(8)]
    write_book(root / "data/两项补贴花名册.xlsx", system_roster(ids))
    write_book(root / "data/低保金发放明细.xlsx", dibao_households([(ids[0], 3), (ids[2], 2)]))
    write_book(root / "data/低保家庭成员.xlsx", dibao_members([(ids[0], ids[0], "户主"), (ids[0], ids[3], "子女"),
                                                               (ids[2], ids[4], "配偶")]))
    write_book(root / "data/火化信息.xlsx", cremation_only([(ids[1], "2022-03-01 10:20:00")]))
    (root / "evaluation.toml").write_text(README_TOML, encoding="utf-8")
    return root
