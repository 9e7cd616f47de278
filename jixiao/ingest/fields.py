"""The columns of each input table (CONTRACT §2): store name, value kind, whether required,
and the headers read for it. The first header is the one templates write; when a sheet has
two columns for one field, the one whose header comes first here is read.

Headers deliberately not read (their meaning differs): 申请时间 / 申请日期 (the application,
not the first entitled month), 应发金额 (due, not paid), 领取人身份证号 (a guardian may collect)."""

from __future__ import annotations

from dataclasses import dataclass

# Value kinds, each parsed by a SQL macro in sqlfuncs.py:
#   id, text, subsidy, month, period (month or quarter), date, money, grade, category,
#   flag (是/否), fund_kind, fund_level


@dataclass(frozen=True)
class Field:
    name: str  # column in the store (or a staging-only name such as roster.stop)
    kind: str
    required: bool
    headers: tuple[str, ...]
    label: str = ""  # Chinese name for messages and templates; defaults to headers[0]
    stands_in: str = ""  # a required field this one replaces where that one is absent or blank

    @property
    def title(self) -> str:
        return self.label or self.headers[0]


def _f(name: str, kind: str, required: bool, *headers: str) -> Field:
    return Field(name, kind, required, headers)


_ID_HEADERS = ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "身份证件号码", "公民身份证号码",
               "残疾人身份证号", "居民身份证号码", "身份证号(18位)", "证件号", "残疾人身份证号码", "公民身份证号")
_NAME_HEADERS = ("姓名", "残疾人姓名", "享受对象姓名", "对象姓名", "补贴对象姓名", "名字")


PERSON_ID = _f("person_id", "id", True, *_ID_HEADERS)
NAME = _f("name", "text", True, *_NAME_HEADERS)
SUBSIDY = _f("subsidy", "subsidy", True, "补贴类型", "补贴类别", "享受补贴", "补贴项目", "补贴名称",
             "补贴种类", "享受补贴类型", "补助类型", "项目名称", "补贴项目名称", "惠民惠农补贴项目", "补贴资金名称")

# The region (区县) a row belongs to, when one workspace holds many regions: `jixiao batch`
# splits such a workspace by it (a name or a GB/T 2260 code, kept as written).
REGION = _f("region", "text", False, "区县", "行政区划代码", "所属区县", "县区", "区县名称", "县(市、区)",
            "区划代码", "行政区划")

ROSTER = (
    PERSON_ID,
    NAME,
    SUBSIDY,
    _f("start", "month", True, "起始月份", "享受起始月份", "开始发放月份", "审批月份", "享受开始月份",
       "享受补贴起始月份", "补贴起始月份", "享受补贴开始月份", "享受起始年月", "起始年月", "发放起始年月",
       "起始时间", "开始时间", "享受起始时间", "发放起始月份", "审批时间", "批准月份", "开始月份"),
    _f("end", "month", False, "享受截止月份", "截止月份", "终止月份", "截止时间", "终止时间",
       "结束月份", "享受截止时间", "享受终止月份", "享受补贴截止月份", "补贴截止月份", "截止年月"),
    _f("stop", "month", False, "停发月份", "停发时间", "停止发放月份", "停发年月"),
    _f("end_reason", "text", False, "停发原因", "终止原因", "退出原因", "停发理由"),
    _f("township", "text", False, "乡镇（街道）", "乡镇街道", "乡镇", "街道", "所属乡镇", "镇街",
       "所属镇街", "乡镇(街道)名称", "所属乡镇(街道)", "户籍街道", "户籍乡镇", "户籍乡镇(街道)", "户籍所在乡镇(街道)",
       "所属街道", "属地"),
    _f("cert_no", "text", False, "残疾人证号", "残疾证号", "残疾人证号码", "残疾证号码", "第二代残疾人证号"),
    _f("category", "category", False, "残疾类别", "残疾类型", "残疾种类"),
    _f("grade", "grade", False, "残疾等级", "残疾级别", "等级"),
    # 低保 status: 是 / 否, or the kind of 低保 (城市低保, 农村低保, 特困 …: yes; 无: no); blank is unknown
    _f("dibao", "flag", False, "是否低保", "低保对象", "是否低保对象", "是否低保户", "低保户", "是否享受低保",
       "是否是低保对象", "低保类别", "低保类型", "是否低保家庭", "是否享受最低生活保障"),
    _f("phone", "text", False, "联系电话", "手机号", "电话", "手机号码", "联系方式", "电话号码"),
    REGION,
)

PAYMENTS = (
    PERSON_ID,
    Field("name", "text", False, NAME.headers),
    SUBSIDY,
    # the month the money is for; 补贴期号 / 发放年月 of 一卡通 release lists hold 202205 or 2022年第5期
    _f("period", "period", True, "所属月份", "补贴月份", "发放月份", "所属期", "补贴所属月份", "所属时期",
       "发放所属月份", "所属年月", "补贴期号", "发放年月", "发放期号", "补贴年月", "期号"),
    _f("amount", "money", True, "发放金额", "金额", "补贴金额", "实发金额", "发放金额合计", "本期发放金额",
       "实发金额合计"),
    _f("paid_on", "date", False, "发放日期", "到账日期", "发放时间", "到账时间", "入账日期", "支付日期",
       "资金发放日期", "入卡日期"),
    _f("channel", "text", False, "发放方式", "发放渠道", "支付方式"),
    REGION,
)

# Funeral / cremation data sharing names the deceased 逝者; its only date may be 火化时间, which
# stands in for the death date (with a warning: cremation can fall in the month after death).
DEATHS = (
    Field("person_id", "id", True, (*_ID_HEADERS, "逝者身份证号", "逝者证件号", "逝者身份证号码", "逝者证件号码",
                                     "死者身份证号", "死亡人员身份证号")),
    Field("name", "text", False, (*_NAME_HEADERS, "逝者姓名", "死者姓名")),
    _f("death_date", "date", True, "死亡日期", "死亡时间", "死亡年月"),
    Field("cremated_on", "date", False, ("火化时间", "火化日期", "火化年月"), stands_in="death_date"),
    REGION,
)

# A 低保 list may be per household (户主 and 保障人数, the 低保金发放明细 of civil affairs):
# its 户主身份证号 is then the person_id, and dibao_members names the household's members.
DIBAO = (
    Field("person_id", "id", True, (*_ID_HEADERS, "保障对象身份证号", "户主身份证号", "户主身份证号码", "户主证件号码")),
    Field("name", "text", False, (*_NAME_HEADERS, "保障对象姓名", "户主姓名", "户主")),
    _f("from_date", "date", False, "起始日期", "开始日期", "享受起始日期", "纳入日期", "纳入时间", "起始时间",
       "起始保障年月", "保障起始年月", "保障起始日期", "保障开始时间", "享受低保起始时间"),
    _f("to_date", "date", False, "终止日期", "截止日期", "退出日期", "终止时间", "截止时间", "终止保障年月",
       "保障终止年月", "停保日期", "停保时间"),
    REGION,
)

DIBAO_MEMBERS = (
    _f("household_id", "id", True, "户主身份证号", "户主身份证号码", "户主证件号码", "户主公民身份号码"),
    Field("person_id", "id", True, ("成员身份证号", "成员身份证号码", "家庭成员身份证号", "成员证件号码",
                                     *_ID_HEADERS)),
    _f("relation", "text", False, "与户主关系", "关系", "家庭关系", "与户主的关系"),
    Field("name", "text", False, ("成员姓名", "家庭成员姓名", *_NAME_HEADERS)),
)

FUNDS = (
    _f("kind", "fund_kind", True, "类型", "资金类型", "类别", "收支类型", "业务类型"),
    _f("level", "fund_level", False, "资金级次", "级次", "资金来源", "资金级别"),
    _f("amount", "money", True, "金额", "资金金额", "发生额", "金额合计"),
    _f("date", "date", False, "日期", "时间", "发生日期", "记账日期"),
    Field("subsidy", "subsidy", False, SUBSIDY.headers),
    _f("voucher", "text", False, "凭证号", "凭证编号", "记账凭证号"),
    _f("summary", "text", False, "摘要", "说明"),
    REGION,
)

TABLE_FIELDS: dict[str, tuple[Field, ...]] = {
    "roster": ROSTER,
    "payments": PAYMENTS,
    "deaths": DEATHS,
    "dibao": DIBAO,
    "funds": FUNDS,
    "dibao_members": DIBAO_MEMBERS,
}

# Wide layouts (wide.py): one amount column per subsidy (payments) or per fund kind (funds)
# instead of a type column and one amount column.
WIDE_FUND_KINDS = {
    "预算": ("预算数", "预算金额", "年初预算", "预算安排", "预算", "预算资金", "预算指标", "安排数", "年初预算数"),
    "到位": ("到位数", "到位金额", "下达数", "实际到位", "到位", "到位资金", "下达金额", "资金到位", "实际到位数",
           "下达资金", "拨入数"),
    "支出": ("支出数", "支出金额", "实际支出", "执行数", "实际执行", "支出", "执行金额", "已支出", "实际支出数",
           "累计支出", "执行"),
}
# A header naming a subsidy that holds something other than its amount (or a total over both)
WIDE_NOT_AMOUNT = ("合计", "总计", "小计", "标准", "月份", "日期", "时间", "年月", "类型", "类别", "人数", "户数",
                   "人次", "备注", "说明", "原因", "账号", "卡号", "起始", "截止", "是否", "对象", "名称", "项目",
                   "等级", "证号", "表", "明细", "名册", "清单", "汇总")

TABLE_TITLES = {"roster": "花名册", "payments": "发放明细", "funds": "资金", "deaths": "死亡名单",
                "dibao": "低保名单", "survey": "问卷", "dibao_members": "低保家庭成员"}

# Rows skipped like 合计: signature and note lines under (or above) a table. Matched on the
# row's first non-empty cell, folded (full-width to half-width, spaces removed).
FOOTER_PATTERN = (r"^((制表|填表|填报|审核|复核|经办|审批|核对|统计)(人|日期|时间|单位)"
                  r"|(单位|部门|分管|主管)?(负责人|领导)[:：]|制表[:：]|填表说明|(注|说明|备注)\s*[:：0-9１-９一二三]"
                  r"|(盖章|签字|签章)[:：(（]|(单位|部门)(盖章|公章))")
# Values of a roster 低保 column: the status named (yes), or none (no). Blank is unknown.
DIBAO_YES = ("是", "y", "yes", "true", "1", "√", "✓", "有", "享受", "已享受")
DIBAO_NO = ("否", "n", "no", "false", "0", "×", "✗", "无", "非低保", "非低保户", "不是", "不享受", "未享受", "一般户",
            "普通户", "低保边缘", "低保边缘户", "低收入", "低收入户", "非")
DIBAO_YES_PATTERN = r"^(城市|农村|城镇|城乡)?(低保|最低生活保障)(户|对象|家庭|人员|金)?$|^(城市|农村)?特困(供养)?(人员|对象|户)?$|^(分散|集中)供养(人员|对象)?$"
# Excel error values: a cell holding one is named, never read as blank
EXCEL_ERRORS = ("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!",
                "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#N/A!")

# Survey: the question column of the tallies form, and respondent columns of the answers
# form that are not questions.
SURVEY_QUESTION_HEADERS = ("问题", "题目", "调查问题", "问卷题目", "调查内容", "调查项目", "测评内容", "题目内容")
SURVEY_NOT_OPTIONS = ("序号", "编号", "合计", "小计", "总计", "样本数", "样本量", "有效样本", "有效问卷",
                      "回答人数", "总数", "人数", "备注", "满意率", "满意度", "占比", "比例", "满意度指数")
SURVEY_RESPONDENT_HEADERS = (
    "序号", "编号", "问卷编号", "姓名", "受访者", "被访者", "调查对象", "性别", "年龄", "联系电话", "电话",
    "手机号", "地址", "住址", "家庭住址", "乡镇", "乡镇(街道)", "街道", "村", "社区", "村(社区)", "村(居)",
    "调查时间", "调查日期", "填写时间", "提交时间", "调查员", "访问员", "备注", "残疾类别", "残疾等级",
    "补贴类型", "来源", "ip", "用时", "答题时间", *PERSON_ID.headers, *REGION.headers,
)
