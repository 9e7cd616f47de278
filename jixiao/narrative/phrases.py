"""Every Chinese word the report prints, in one place (STYLE 16): section titles, sentence
templates, table headers, problem and recommendation texts.

Templates are str.format strings; their fields are always already-formatted numbers
(jixiao.narrative.numbers), so wording can be reviewed and changed here without touching
any computation."""

from __future__ import annotations

# --- cover, table of contents, footer -------------------------------------------------

TITLE = "{name}绩效评价报告"
COVER_LABELS = {
    "name": "项目名称",
    "unit": "项目单位",
    "commissioner": "委托单位",
    "evaluator": "评价机构",
    "base_date": "评价基准日",
}
COVER_DATE = "报告生成日期：{date}"
DATE = "{y}年{m}月{d}日"
TOC_TITLE = "目　　录"
TOC_PLACEHOLDER = "（以上为目录标题；在 Word 或 WPS 中右键此处选择“更新域”即可生成页码）"
PAGE = "第 {page} 页"

# --- the outline ---------------------------------------------------------------------

H1 = {
    "basic": "一、基本情况",
    "work": "二、绩效评价工作开展情况",
    "conclusion": "三、综合评价情况及评价结论",
    "analysis": "四、绩效评价指标分析",
    "problems": "五、主要经验及做法、存在的问题及原因分析",
    "advice": "六、有关建议",
    "other": "七、其他需要说明的问题",
}
H2 = {
    "overview": "（一）项目概况",
    "funds": "（二）资金投入和使用情况",
    "implementation": "（三）项目实施情况",
    "purpose": "（一）评价目的、对象和范围",
    "framework": "（二）评价指标体系和评价方法",
    "data": "（三）评价数据来源及数据核查",
    "process": "（四）评价工作过程",
    "verdict": "（一）综合评价结论",
    "by_level1": "（二）各一级指标得分情况",
    "experience": "（一）主要经验及做法",
    "issues": "（二）存在的问题及原因分析",
}
CN_ORDINALS = "一二三四五六七八九十"


def cn_ordinal(i: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十 (enough for any indicator tree)."""
    if i <= 10:
        return CN_ORDINALS[i - 1]
    tens, ones = divmod(i, 10)
    return (CN_ORDINALS[tens - 1] if tens > 1 else "") + "十" + (CN_ORDINALS[ones - 1] if ones else "")


H2_NUMBERED = "（{n}）{text}"
H3_NUMBERED = "{n}. {text}"
ITEM_NUMBERED = "（{n}）"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ITEM_DEEP = "{n}）"

ANNEX_TITLE = "附件{n}：{title}"
ANNEXES = {
    "scores": "绩效评价指标体系及评分表",
    "base": "基础数据表",
    "checks": "数据核查情况",
    "survey": "社会调查分析",
    "papers": "评价工作底稿",
}

# --- opening and conclusion ----------------------------------------------------------

OPENING_COMMISSIONED = ("受{commissioner}委托，{evaluator}对{unit}实施的“{name}”开展绩效评价，"
                        "评价基准日为{base_date}。")
OPENING_SELF = "{evaluator}对{unit}实施的“{name}”开展绩效评价，评价基准日为{base_date}。"
EVALUATOR_DEFAULT = "评价工作组"
OPENING_METHOD_DATA = "评价以项目单位提供的业务数据为基础，逐条核查后计算绩效指标，并结合书面评审和评价人判断形成本报告。"
OPENING_METHOD_FACTS = "评价以项目单位提供的汇总数据和书面材料为基础，结合评价人判断形成本报告。"

VERDICT = "经综合评定，本项目绩效评价得分为{total}分（满分{max_total}分），评价等级为“{grade}”。"
VERDICT_INCOMPLETE = ("评价尚未完成：{pending_n}项指标待评（{pending}），已评指标得分合计{total}分"
                      "（满分{max_total}分），暂不评定等级。")
LEVEL1_PART = "{name}（分值{weight}分，得分{score}分，得分率{rate}）"
LEVEL1_PENDING = "{name}（分值{weight}分，已评得分{score}分，含待评指标）"
LEVEL1_SENTENCE = "其中，{parts}。"
VERDICT_STRENGTH = "得分率最高的一级指标为{best}（{best_rate}），得分率最低的为{worst}（{worst_rate}）。"
VERDICT_PROBLEMS = "评价发现的主要问题：{items}。详见本报告第五部分。"
VERDICT_NO_PROBLEMS = "评价未发现扣分事项和达到列示标准的数据问题。"
PROBLEM_ITEM = "{n}是{title}"
GRADE_BANDS = "评价结果分为{n}个等级：{bands}。"
GRADE_BAND = "{label}（≥{min}分）"
GRADE_BAND_LAST = "{label}（<{prev}分）"

LEVEL1_TABLE = "表{n} 一级指标得分情况"
LEVEL1_HEADERS = ("一级指标", "分值", "得分", "得分率")
TOTAL = "合计"
FIG_LEVEL1 = "图{n} 各一级指标分值与得分"
CHART_WEIGHT = "分值"
CHART_SCORE = "得分"
CHART_POINTS = "分"

# --- 一、基本情况 -----------------------------------------------------------------------

OVERVIEW = "本项目为{region}{year}年度实施的“{name}”，项目单位为{unit}。"
OVERVIEW_SUBSIDIES = "项目向符合条件的残疾人发放补贴，执行的补贴标准如下表。"
STANDARDS_TABLE = "表{n} 补贴标准"
STANDARDS_HEADERS = ("补贴类型", "执行起始月份", "标准（元/人/月）")
POLICY_LIVING = "困难残疾人生活补贴的享受条件：持有残疾人证且为{statuses}对象。"
POLICY_CARE = "重度残疾人护理补贴的享受条件：残疾等级为{grades}级{extra}。"
POLICY_CARE_EXTRA = "，以及{grades}级的{categories}残疾人"
POLICY_SCHEDULE = {"monthly": "补贴按月发放，每月{due_day}日前发放到位。",
                   "quarterly": "补贴按季发放，每季度末月{due_day}日前发放到位。"}
NO_STANDARDS = "评价工作区未给出补贴标准。"

FUNDS_FACTS_TABLE = "表{n} 项目资金情况（项目单位提供）"
FUNDS_DATA_TABLE = "表{n} 项目资金情况（资金表汇总）"
FUNDS_HEADERS = ("项目", "金额（元）")
FUNDS_ROWS = {"budget": "预算数", "allocated": "实际到位资金", "spent": "实际支出"}
FUNDS_SENTENCE = "项目预算{budget}元，实际到位{allocated}元，实际支出{spent}元。"
FUNDS_RATES = "资金到位率{arrival}，预算执行率{execution}。"
FUNDS_NONE = "未提供预算、到位和支出资金数据。"
FUNDS_BY_LEVEL_HEADERS = ("类型", "资金级次", "金额（元）", "笔数")
FUNDS_LINES_TABLE = "表{n} 资金按类型和级次汇总（资金表）"

IMPL_FACTS = "据项目单位提供的数据，{items}。"
IMPL_FACT_ITEM = "{label}{value}{unit}"
YUAN = "元"
PERSONS = "人"
IMPL_DATA = "据发放明细，全年共发放补贴{payments}笔，合计{amount}元，分补贴情况见下表。"
IMPL_LEDGER = ("发放明细共{rows}行，载入{loaded}行{records}、拒收{rejected}行{skipped}；"
               "发放准确率、发放及时率以载入与拒收合计的{counted}笔计，拒收行计为有误。")
IMPL_LEDGER_RECORDS = "（{records}笔发放）"
IMPL_LEDGER_SKIPPED = "、跳过{skipped}行（空行、合计行等）"
IMPL_ROSTER = "花名册共{rows}行{rejected}，载入的{loaded}行涉及{persons}人{both}{duplicates}。"
IMPL_ROSTER_REJECTED = "（其中拒收{rejected}行）"
IMPL_ROSTER_BOTH = "，其中{both}人同时享受两项补贴"
IMPL_ROSTER_DUPLICATES = "，另有重复登记{duplicates}行"
IMPL_PERSONS = "按评价基准日和享受条件计算，应享受补贴{entitled}人，其中至少获得一次发放{paid}人；发放明细中领取补贴{payees}人。"
IMPL_PERSONS_NO_PAYMENTS = "按评价基准日和享受条件计算，应享受补贴{entitled}人。"
IMPL_PAYEES = "发放明细中领取补贴{payees}人。"
IMPL_SURVEY_POPULATION = "问卷调查的总体人数取{source}，为{population}人。"
IMPL_BY_SUBSIDY_TABLE = "表{n} 补贴发放情况（发放明细汇总）"
IMPL_BY_SUBSIDY_HEADERS = ("补贴类型", "领取人数", "发放笔数", "发放金额（元）")
TOWNSHIP_TABLE = "表{n} 各乡镇（街道）享受人数与发放金额"
TOWNSHIP_HEADERS = ("乡镇（街道）", "花名册人数", "发放笔数", "发放金额（元）")
IMPL_NO_DETAIL = "未提供花名册和发放明细，未开展逐条数据核查；本报告涉及发放的数字均为项目单位提供的汇总数。"
FIG_MONTHLY = "图{n} 各月补贴发放金额"
MONTHLY_TABLE = "表{n} 各月补贴发放金额（元）"
CHART_MONTHLY_Y = "发放金额（元）"
CHART_MONTH = "所属月份"

# --- 二、评价工作开展情况 ---------------------------------------------------------------

PURPOSE = ("评价旨在客观反映财政资金的使用情况和项目绩效，核实补贴是否足额到位、按标准及时发放给"
           "符合条件的对象，发现管理中存在的问题并提出改进建议，为预算安排和政策调整提供参考。"
           "评价对象为{unit}实施的“{name}”，评价范围为{year}年度项目资金的安排、使用和管理，"
           "评价基准日为{base_date}。")
FRAMEWORK_TEXT = ("评价采用“{framework}”，共{levels}，满分{max_total}分。")
LEVEL_COUNT = "{n}个{level}指标"
LEVEL_NAMES = ("一级", "二级", "三级", "四级", "五级", "六级")
METHODS = ("定量指标按指标体系规定的公式由数据计算评分，定性指标由评价人依据佐证材料判定并逐项记录评分依据；"
           "指标得分按规则取整一次，上级指标得分为下级指标得分之和。")
DATA_PROVIDED = "本次评价取得的数据：{items}。"
DATA_ITEM = "{table}（{file}）"
DATA_NOT_PROVIDED = "未提供的数据：{items}。"
TABLE_NAMES = {"roster": "花名册", "payments": "发放明细", "funds": "资金表", "survey": "问卷",
               "deaths": "死亡名单", "dibao": "低保名单"}
ROWS_TABLE = "表{n} 数据读取情况"
ROWS_HEADERS = ("数据表", "读取行数", "载入行数", "跳过行数", "拒收行数")
CHECKS_DONE = ("对载入的数据逐条开展了{n}类核查：{codes}。核查结果见附件{annex}，"
               "逐条明细已另行提供给评价人（含完整身份信息，不随报告公开）。")
CHECKS_NONE = "未提供花名册和发放明细，未开展逐条数据核查。"
PROCESS = (
    "1. 前期准备：明确评价对象和范围，收集项目立项、预算、管理制度和发放资料。",
    "2. 数据采集与核查：读取项目单位提供的数据，记录每一行的读取、载入、跳过和拒收情况，并对载入数据开展逐条核查。",
    "3. 指标计算与评分：按指标体系计算各项指标，定性指标由评价人逐项判定并记录依据。",
    "4. 形成报告：依据评分结果和核查结果撰写报告。",
)

# --- 四、指标分析 ------------------------------------------------------------------------

NODE_HEAD = "{name}（分值{weight}分，得分{score}分）"
NODE_HEAD_PENDING = "{name}（分值{weight}分，待评）"
NODE_HEAD_PARTIAL = "{name}（分值{weight}分，已评得分{score}分，含待评指标）"
LEAF_HEAD = "{name}（分值{weight}分，得分{score}分）。"
LEAF_HEAD_PENDING = "{name}（分值{weight}分，待评）。"
FORMULA = "{metric} = {formula} = {expr} = {value}。"
FORMULA_GIVEN = "{metric}为{value}（{note}）。"
FORMULA_NONE = "{metric}无法计算：{note}。"
METRIC_SOURCE = {"facts": "数据来自项目单位提供的汇总数", "given": "指标值由项目单位直接提供",
                 "data": "数据由逐条核查后的业务数据计算"}
# where a metric computed from data (source "data") takes its figures
METRIC_DATA_SOURCE = {
    "fund_arrival_rate": "数据由资金收支记录汇总计算",
    "budget_execution_rate": "数据由资金收支记录汇总计算",
    "living_disbursement_rate": "实际发放金额由逐条核查后的发放明细汇总",
    "care_disbursement_rate": "实际发放金额由逐条核查后的发放明细汇总",
    "coverage_rate": "数据由花名册与发放明细逐人逐月比对计算",
    "payment_accuracy_rate": "数据由发放明细逐笔核查计算",
    "on_time_rate": "数据由发放明细逐笔比对发放日期计算",
    "roster_accuracy_rate": "数据由花名册逐条核查计算",
    "satisfaction_rate": "数据来自问卷调查的有效回答",
    "satisfaction_index": "数据来自问卷调查的有效回答",
}
METRIC_STATED_INPUTS = "，{names}取自项目单位提供的数字"
COMPUTATION = "按评分标准计算：{detail}。"
BASIS = "{basis}"
DEDUCTED = "扣{points}分。"
FULL_MARKS = "得满分。"
PENDING_LEAF = "该指标尚待评价：{detail}。"
OVERRIDE_NOTE = "规则计算得分为{computed}分，评价人调整为{score}分，调整理由见评分依据。"
KIND_NAMES = {"judgment": "评价人判定", "ratio": "比率计分", "bands": "区间扣分", "thresholds": "分档计分",
              "checklist": "逐项检查", "findings": "核查扣分"}
KIND_STANDARDS = {
    "judgment": "由评价人依据佐证材料判定得分。",
    "ratio": "按指标实际值与目标值之比乘以分值计分，最高得满分。",
    "bands": "指标值达到满分线得满分，低于满分线按差距逐点扣分，低于下限不得分。",
    "thresholds": "按指标值所达到的档次计分。",
    "checklist": "逐项检查，每一项不符合按规定扣分，扣完为止。",
    "findings": "按数据核查发现的问题数量逐例扣分，扣完为止。",
}
CHECKLIST_PASSED = "经逐项检查，各项均符合要求。"
NOT_GIVEN = "指标体系未单独说明"

# --- 五、六：经验、问题、建议 --------------------------------------------------------------

EXPERIENCE_INTRO = "从评分结果看，项目在以下方面表现较好："
EXPERIENCE_ITEM = "{level1}方面：{names}等{n}项指标得满分。"
EXPERIENCE_ITEM_ONE = "{level1}方面：{names}指标得满分。"
EXPERIENCE_DATA = "数据核查方面：{clean}等类核查未发现问题。"
EXPERIENCE_NONE = "本次评价各一级指标均存在扣分事项，未形成可总结推广的突出经验。"

PROBLEMS_NONE = "本次评价未发现扣分事项和达到列示标准的数据问题。"
PROBLEMS_INTRO = "对照评分结果和数据核查结果，评价发现的问题按性质归纳为以下{n}个方面："
NTH = "{n}是"
GROUP_POINTS = "本方面{n}项指标合计扣{points}分。"
PROBLEM_LEAF = "“{name}”（{code}）分值{weight}分，得分{score}分，扣{points}分"
PROBLEM_REASON = "：{reason}"
PROBLEM_METRIC = "{metric}{value}"
PROBLEM_METRIC_INPUTS = "（{inputs}）"
INPUT_PAIR = "{label}{value}"
PROBLEM_CHECKLIST = "未达到“{items}”"
PROBLEM_FAMILIES = "逐条核查发现{items}。"
FAMILY_ITEM = "{title}{n}条（涉及{persons}人{money}）"
FAMILY_OVER = "，多发{amount}元"
FAMILY_UNDER = "，少发{amount}元"
PROBLEM_EXAMPLES = "示例（已脱敏）：{examples}。"
PROBLEM_EXAMPLE = "{table}第{row}行 {person} {period} {message}"
LIST_SEP = "、"
TITLE_SEP = "，"
CLAUSE_SEP = "；"

ADVICE_INTRO = "针对上述问题，提出以下建议："
ADVICE_NONE = "建议项目单位保持现有管理做法，持续开展数据比对和定期复核。"
ADVICE_LEAD = "建议项目单位{parts}。"
ADVICE_PART = "{nth}针对{evidence}的问题，{action}"
ADVICE_MONEY = "对核查发现的多发资金{over}元逐笔核实后限期追回，少发资金{under}元及时补发"
ADVICE_MONEY_OVER = "对核查发现的多发资金{over}元逐笔核实后限期追回"
EVIDENCE_METRIC = "{metric}{value}"
EVIDENCE_LEAF = "“{name}”扣{points}分"
EVIDENCE_CHECKLIST = "“{name}”未达到“{items}”"
EVIDENCE_FAMILY = "{title}{n}条"

# Problems are grouped by theme; each theme states its cause in one sentence.
THEME_CAUSES = {
    "decision": "原因分析：项目单位立项前对补贴对象底数的摸查和论证不够扎实，绩效目标管理意识有待加强。",
    "funds": "原因分析：预算测算对年内人员增减和各级资金安排考虑不够充分，资金管理的精细化程度有待提高。",
    "management": "原因分析：管理制度的执行和过程资料留存不够到位，动态管理机制有待完善。",
    "accuracy": "原因分析：资格审核和停发环节与低保、户籍、殡葬等信息的比对不够及时，发放前缺少逐人逐月校验。",
    "timeliness": "原因分析：审核审批和资金拨付的时序衔接不够紧密。",
    "records": "原因分析：台账录入缺少格式和校验控制，信息更新不够及时。",
    "effect": "原因分析：对补贴效果的跟踪和服务对象意见的收集不够充分。",
}
# Aspects, in report order: (key, theme, what went wrong — joined into the problem title,
# what to do in a word — joined into the recommendation title, what to do).
ASPECTS = (
    ("d.basis", "decision", "前期论证不够充分", "做实前期论证", "在立项和预算申报前开展对象摸底调查，形成书面论证材料，为预算测算提供依据"),
    ("d.goals", "decision", "绩效目标设置不够规范", "科学设置绩效目标", "对照年度核定人数和资金量设置可衡量的产出、效益指标，使绩效目标与预算逐项对应"),
    ("f.budget", "funds", "预算测算不够精准", "提高预算测算精准度", "以核定人数、补贴标准和各级配套资金为依据测算预算，按月跟踪执行进度，避免资金大额结余"),
    ("f.arrival", "funds", "资金到位不足", "保障资金及时足额到位", "加强与财政部门的沟通衔接，按用款计划及时足额拨付资金"),
    ("f.accounting", "funds", "会计核算不够规范", "规范会计核算", "严格专账管理，按补贴类型和资金级次分设明细账核算，加强财务审核"),
    ("m.rules", "management", "管理制度不够健全", "健全管理制度", "补充完善实施细则和定期复核等管理制度，明确各环节责任"),
    ("m.oversight", "management", "监管和过程留痕不足", "加强过程监管和留痕", "按规定开展定期资格复核，及时办理停发手续，做好审核、复核资料的整理归档"),
    ("a.eligibility", "accuracy", "补贴对象认定不够精准", "严把对象认定关", "对相关人员逐一复核资格，不符合条件的立即停发，定期与低保、残联信息比对，发放前以花名册为准逐人校验"),
    ("a.death", "accuracy", "停发不及时", "及时停发", "建立与殡葬、户籍死亡信息的按月比对机制，停发原因发生后次月即停发，已多发资金由本人或家属退回"),
    ("a.amount", "accuracy", "发放金额存在差错", "确保发放金额准确", "按当月执行标准核对发放金额，发放系统设置同人同月唯一性控制，应发未发的逐人核实后补发"),
    ("t.late", "timeliness", "补贴发放不够及时", "确保补贴按时发放", "优化审核和资金拨付时序，确保补贴在规定发放日前到账"),
    ("r.ids", "records", "身份信息存在错误", "更正身份信息", "与公安户籍、残联信息比对后逐条更正，身份证号列统一设为文本格式，录入环节启用位数和校验位检查"),
    ("r.rows", "records", "台账信息不完整", "补齐台账信息", "补齐缺失的必填信息和联系方式，建立数据报送前的完整性检查和定期更新机制"),
    ("e.satisfaction", "effect", "服务对象满意度有待提高", "提升服务对象满意度", "加强政策宣传和服务对象回访，畅通意见反馈渠道，针对不满意事项改进服务"),
    ("e.outcome", "effect", "项目效果有待巩固", "巩固项目效果", "跟踪补贴对象生活和照护状况，完善补贴标准动态调整和部门数据比对等长效机制"),
)
# Which aspect an indicator belongs to, by a word in its name (then in its parents'
# names), tried in this order; then by a word in its 一级 indicator's name.
ASPECT_KEYWORDS = (
    ("f.arrival", ("到位",)),
    ("t.late", ("及时",)),
    ("e.satisfaction", ("满意",)),
    ("a.eligibility", ("认定", "资格")),
    ("a.amount", ("标准执行", "准确", "金额")),
    ("r.rows", ("台账", "信息")),
    ("f.budget", ("预算编制", "测算", "预算", "执行率")),
    ("f.accounting", ("合规", "核算", "财务", "会计", "支出", "资金")),
    ("d.goals", ("目标", "指标", "可衡量")),
    ("d.basis", ("论证", "立项", "必要", "可行", "依据")),
    ("e.outcome", ("长效", "可持续", "效益", "效果", "生活", "照护", "覆盖")),
    ("m.oversight", ("监管", "复核", "执行", "跟踪")),
    ("m.rules", ("制度", "管理", "程序", "机制", "组织", "实施")),
)
ASPECT_BY_LEVEL1 = (("决策", "d.goals"), ("过程", "m.rules"), ("管理", "m.rules"), ("产出", "a.amount"),
                    ("效益", "e.outcome"), ("绩效", "e.outcome"))

# --- 七、其他需要说明的问题 --------------------------------------------------------------

OTHER_INTRO = "其他需要说明的问题如下："
OTHER_NOT_PROVIDED = "本次评价未取得{items}，相关内容未作逐条核查或统计分析，报告中未对这些数据作任何推算。"
OTHER_WARNING = "数据一致性提示：{text}。"
OTHER_OVERRIDE = "{name}（{code}）规则计算得分{computed}分，评价人调整为{score}分，理由：{basis}"
OTHER_PENDING = "以下指标尚待评价，未计入总分：{items}。"
OTHER_PRIVACY = "报告中的身份证号、姓名和联系电话均已脱敏处理；含完整信息的核查明细仅提供给评价人。"
OTHER_CONSISTENCY = "本报告的全部得分、金额和比率均由同一评价结果生成，正文、表格与附件数字一致。"

# --- 附件：评分表、基础数据、核查、问卷、底稿 ----------------------------------------------------

SCORES_TABLE = "表{n} 绩效评价指标体系及评分表"
SCORES_HEADERS = ("代码", "指标", "分值", "得分", "评分方式", "指标值", "评分依据")
PENDING_SCORE = "待评"
METRICS_TABLE = "表{n} 绩效指标计算表"
METRICS_HEADERS = ("指标", "计算公式", "计算数据", "指标值", "数据来源")
METRIC_SOURCES = {"facts": "项目单位提供", "given": "项目单位直接提供", "data": "业务数据计算"}
METRIC_DATA_SOURCES = {"fund_arrival_rate": "资金收支记录", "budget_execution_rate": "资金收支记录",
                       "satisfaction_rate": "问卷调查", "satisfaction_index": "问卷调查"}
INPUT_ITEM = "{name} {value}"
BASE_NONE = "未提供可列示的基础数据。"

CHECKS_TABLE = "表{n} 数据核查发现汇总"
CHECKS_HEADERS = ("核查项目", "级别", "发现条数", "涉及人数", "多发金额（元）", "少发金额（元）")
SEVERITY = {"error": "错误", "warning": "提示"}
CHECKS_MONEY = ("逐条核查共发现问题{n}条，其中错误{errors}条、提示{warnings}条；"
                "涉及多发（应退未退）金额{over}元，少发（应享未享）金额{under}元。")
CHECKS_CLEAN = "以下核查项目未发现问题：{codes}。"
FIG_FINDINGS = "图{n} 数据核查发现（按核查项目）"
CHART_FINDINGS_X = "发现条数"
EXAMPLES_TABLE = "表{n} 核查发现示例（每类最多{k}条，已脱敏）"
EXAMPLES_HEADERS = ("核查项目", "位置", "身份证号", "月份", "金额（元）", "说明")
EXAMPLE_PLACE = "{table}第{row}行"

SURVEY_NONE = "未提供问卷数据，未开展满意度问卷统计分析。"
SURVEY_INTRO = "共回收有效问卷{n}份。"
SURVEY_RATE = "满意率（非常满意与满意之和占有效回答的比例）为{rate}，95%置信区间为{low}至{high}。"
SURVEY_INDEX = "满意度指数为{index}，95%置信区间为{low}至{high}。"
SURVEY_TABLE = "表{n} 问卷各题回答分布"
SURVEY_HEADERS_Q = "问题"
SURVEY_HEADERS_N = "有效回答"
SURVEY_HEADERS_RATE = "满意率"
FIG_SURVEY = "图{n} 问卷各题回答分布"
SURVEY_WARNING = "说明：{text}"

PAPER_TITLE = "{code} {name}评价工作底稿"
PAPER_ROWS = ("指标名称", "指标解释", "分值", "评分标准", "数据来源", "计算过程", "评价结果", "得分")
PAPER_SCORE = "{score}分"
PAPER_PENDING = "待评"
PAPER_RESULT_VALUE = "{metric}：{value}。"
PAPER_RESULT_OVERRIDE = "规则计算{computed}分，评价人调整为{score}分。"
PAPER_SOURCE_DATA = "{source}（逐条数据计算）"
PAPER_NO_BASIS = "未记录评分依据"

UNIT_POINTS = "分"
