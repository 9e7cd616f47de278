"""How a rule's outcome reads in the body (formulas stay in the working papers), what each
finding family means in plain words, which control failed when it occurs, and what is
measurably good."""

from __future__ import annotations

# --- 四、指标分析: one sentence per rule kind --------------------------------------------------

METRIC_PLAIN = "{metric}为{value}（{inputs}），{source}。"
METRIC_GIVEN_PLAIN = "{metric}为{value}，{source}。"
INPUTS_SEP = "，"
RATIO_FULL = "指标值达到目标，得满分。"
RATIO_PART = "按{metric}乘以分值计，得{score}分。"
RATIO_TARGET = "按实际值与目标值{target}之比乘以分值计，得{score}分。"
RATIO_LOWER = "按目标值{target}与实际值之比乘以分值计，得{score}分。"
BANDS_FULL = "达到{full_at}的满分标准，得满分。"
BANDS_ZERO = "低于{zero_below}，按评分标准不得分。"
BANDS_PART = "低于{full_at}的满分标准{gap}个百分点，按每低1个百分点扣分值的{per}%计，得{score}分。"
STEPS_FULL = "达到{t}的最高档，得满分。"
STEPS_PART = "达到{t}档，得分值的{f}%，即{score}分。"
STEPS_ZERO = "低于最低档{t}，不得分。"
CHECK_FULL = "经逐项检查，{n}项要求均已达到，得满分。"
CHECK_PART = "经逐项检查，未达到{items}{k}项要求，{each}，得{score}分。"
ITEM_QUOTED = "“{item}”"
FOUND_NONE = "经逐条核查，未发现{titles}问题，得满分。"
FOUND_SOME = "经逐条核查，发现{items}，{each}，得{score}分。"
FOUND_CAPPED = "经逐条核查，发现{items}，{each}，扣分超过分值，得0分。"
FOUND_ITEM = "{title}{n}{unit}"
FOUND_TOTAL = "，共{total}{unit}"
FOUND_FACTS = "（项目单位提供的计数）"
LEVEL_JUDGED = "评价人判定为“{level}”，得{score}分。"
ROUNDED = ""  # rounding is shown in the working paper, not in the body
OVERRIDDEN = "按评分标准计算应得{computed}分，评价人调整为{score}分，理由见评分依据。"

# --- 附件5 底稿 when the framework gives no text for a row ------------------------------------

EXPLAIN_METRIC = "考察{metric}，计算公式为：{metric} = {formula}。"
EXPLAIN_FINDINGS = "考察是否存在{titles}等问题。"
EXPLAIN_CHECKLIST = "考察以下事项：{items}。"
EXPLAIN_JUDGMENT = "考察{name}情况，由评价人依据评分标准和佐证材料判定。"
SOURCE_FINDINGS = "花名册、发放明细等业务数据的逐条核查结果"
SOURCE_JUDGMENT = "评价人查阅的项目资料"
SOURCE_CITED = "{names}"
RESULT_FINDINGS = "{detail}。"
COMPUTATION_JUDGMENT = "由评价人判定。"

# --- finding families in plain words (examples, problems) ---------------------------------------
# The report's own names for the families, where the code's short title is a term of the
# software rather than of the evaluation.

FAMILY_TITLES = {
    "row-rejected": "必填信息缺失或无法识别",
    "id-precision-lost": "身份证号被存为数值",
}
# What one finding of the family means, for the examples table (instead of a technical message).
FAMILY_PLAIN = {
    "id-malformed": "身份证号位数或字符不符合规定",
    "id-precision-lost": "原表中身份证号以数值保存，末几位已丢失，须按原件核对",
    "row-rejected": "该行缺少必填信息或内容无法识别，未能计入",
}

# Which control failed, by finding family (used in 原因分析).
CONTROLS = {
    "id-malformed": "台账录入环节缺少身份证号位数和字符检查",
    "id-checksum": "台账录入环节未做身份证号校验位检查",
    "id-birthdate": "台账录入环节未核对身份证号中的出生日期",
    "id-precision-lost": "花名册、发放明细的身份证号列被设为数值格式，导出时末几位丢失",
    "id-region": "身份证号的地区码未与行政区划代码核对",
    "id-old-format": "仍在使用15位旧身份证号，未及时更新为18位",
    "row-rejected": "数据报送前缺少必填信息的完整性检查",
    "duplicate-person": "花名册录入和审批时未按身份证号查重",
    "not-eligible-living": "生活补贴发放前未与低保名单比对，低保退出后未及时停发",
    "not-eligible-care": "护理补贴审核未严格按残疾等级和类别把关",
    "paid-after-death": "死亡信息未按月与殡葬、户籍数据比对，停发滞后",
    "paid-outside-entitlement": "享受起止月份未在发放前校验，新增对象提前发放或停发对象未及时停发",
    "paid-not-on-roster": "发放名单未以审定的花名册为准，发放系统与花名册未关联校验",
    "double-payment": "发放系统缺少同一人同一月份只发放一次的控制",
    "amount-mismatch": "发放系统的补贴标准未随政策及时更新，发放金额未按当月标准核对",
    "unpaid-month": "发放名单未随花名册及时更新，应发对象被漏发",
    "late-payment": "审核审批与资金拨付的时序衔接不紧",
    "cert-mismatch": "残疾人证号与身份证号未作核对",
    "phone-invalid": "联系电话未定期核实更新",
    "name-mismatch": "发放明细中的姓名未与花名册核对",
}
CONTROL_DEFAULT = "相关环节缺少逐条核对"
CAUSE_FAMILY = "{title}{persons}人{rows}{where}{when}{money}，原因在于{control}"
CAUSE_ROWS = "（{n}条）"
CAUSE_WHERE = "，主要在{places}"
CAUSE_SPREAD = "，分散在{n}个乡镇（街道）"
CAUSE_PLACE = "{place}（{n}人）"
CAUSE_WHEN = "，涉及{months}"
CAUSE_AFTER_CHANGE = "，均在{month}补贴标准调整之后"
MONTH = "{y}年{m}月"
MONTH_RANGE = "{first}至{last}"
MONTH_RANGE_SAME_YEAR = "{first}至{m}月"
CAUSE_OVER = "，多发{amount}元"
CAUSE_UNDER = "，少发{amount}元"
CAUSE_LEAD = "原因分析："
CAUSE_NOTE = "{note}"
CAUSE_LEAF = "“{name}”扣分的原因：{reason}"
CAUSE_BALANCE = "资金结余{balance}元，{note}"
CAUSE_BALANCE_TODO = "资金结余{balance}元，{todo}"
CAUSE_METRIC = "{metric}为{value}，未达到评分标准的满分要求"
CLAUSE_END = "。"

# --- 六、建议 specifics -----------------------------------------------------------------------

ADVICE_PLACES = "，重点核查{places}"
ADVICE_RECOVER = "，对{title}涉及的{persons}人多发资金{amount}元逐笔核实后追回"

# --- 五、（一）主要经验及做法 ---------------------------------------------------------------------

GOOD_INTRO = "从评价数据看，项目在以下方面做得较好："
GOOD_LESSONS_THEN = "此外，评价数据表明："
GOOD_METRIC = {
    "fund_arrival_rate": "资金到位率{value}，预算资金{budget}元足额到位",
    "budget_execution_rate": "预算执行率{value}，资金支出进度与预算安排相符",
    "living_disbursement_rate": "生活补贴发放率{value}，按年初预计足额发放",
    "care_disbursement_rate": "护理补贴发放率{value}，按年初预计足额发放",
    "coverage_rate": "应补尽补率{value}，应享受补贴的{persons_entitled}人均已获得发放",
    "payment_accuracy_rate": "发放准确率{value}",
    "on_time_rate": "发放及时率{value}，{payments_on_time}笔发放在规定日期前到账",
    "roster_accuracy_rate": "台账信息准确率{value}，花名册记录总体完整准确",
    "satisfaction_rate": "服务对象满意率{value}",
    "satisfaction_index": "满意度指数{value}",
}
GOOD_METRIC_ITEM = "{text}（{name}得满分）"
GOOD_CLEAN = "逐条核查未发现{titles}问题"
GOOD_JUDGED = "{name}：{basis}"
GOOD_NONE = "本次评价各项指标均存在扣分，未发现可总结推广的突出做法。"
