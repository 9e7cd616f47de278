"""Every Chinese word of the comparison report (ROOT/out/comparison.*), in one place.
Fields are already-formatted numbers (jixiao.narrative.numbers)."""

from __future__ import annotations

TITLE = "{year}年度各地区绩效评价比较报告"
COVER = {"scope": "比较范围", "year": "评价年度", "framework": "指标体系", "engine": "核查引擎"}
SCOPE = "{n}个地区：{names}"
SCOPE_LONG = "{n}个地区（{first}等）"

H1 = {
    "method": "一、比较范围与方法",
    "ranking": "二、综合得分与排名",
    "level1": "三、一级指标比较",
    "leaves": "四、末级指标得分率",
    "outliers": "五、异常值分析",
    "cross": "六、跨地区重复发放",
    "findings": "七、各地区核查发现",
    "years": "八、与上年比较",
}

METHOD = ("本报告按财预〔2020〕10号所列比较法，对{n}个地区{year}年度项目的绩效评价结果进行横向比较。各地区使用同一指标体系"
          "（{framework}），由同一程序逐条核查花名册和发放明细、计算指标并评分，评分口径一致，可以相互比较。")
METHOD_RANK = ("排名只在评价已完成的地区之间进行（同分同名次）；仍有待评指标的地区，其总分只合计已评指标，不参与排名，表中以“—”表示。")
METHOD_INCOMPLETE = "以下地区评价尚未完成（有待评指标），未参与排名：{names}。"
METHOD_FAILED = "以下地区的数据或配置有误，未能完成评价，未纳入比较：{items}。"
METHOD_WARNINGS = "其他说明：{items}。"

RANKING = ("{n}个地区中，总分最高的是{top}（{top_score}分，{top_grade}），最低的是{bottom}（{bottom_score}分，"
           "{bottom_grade}），相差{gap}分；各地区总分中位数为{median}分。")
RANKING_GRADES = "等级分布：{items}。"
RANKING_NONE = "没有评价已完成的地区，不作排名。"
RANKING_TABLE = "表{n} 各地区综合得分与排名"
RANKING_HEADERS = ("排名", "地区", "总分", "等级")
RANKING_FIGURE = "图{n} 各地区总分"

LEVEL1 = "各一级指标中，地区间得分率差距最大的是{name}（最高{high}，最低{low}），差距最小的是{name2}（{low2}至{high2}）。"
LEVEL1_EVEN = "各一级指标中，地区间得分率差距最大的是{name}（最高{high}，最低{low}）；{name2}各地区得分率相同，均为{low2}。"
LEVEL1_TABLE = "表{n} 各地区一级指标得分率及排名"
LEVEL1_FIGURE = "图{n} 各地区一级指标得分率（%）"
LEVEL1_CELL = "{rate}（第{rank}）"

LEAVES = ("图中每格为一个地区在一个末级指标上的得分率（得分 / 分值），颜色越红得分率越低。各地区平均得分率最低的末级指标为："
          "{items}。")
LEAVES_ITEM = "{name}（平均{rate}）"
LEAVES_ALL_FULL = "图中每格为一个地区在一个末级指标上的得分率（得分 / 分值）；各末级指标在所有地区均得满分。"
LEAVES_FIGURE = "图{n} 各地区末级指标得分率"

OUTLIERS = ("以四分位距法判断异常值：数值低于下四分位数 − 1.5 × 四分位距、或高于上四分位数 + 1.5 × 四分位距的地区为异常。"
            "地区间差别很小时，界限至少比四分位数宽1个百分点（比率）或中位数的十分之一（金额）。"
            "四项指标为：人均发放金额、应补尽补率、发放不及时率、每千人风险金额（多发与少发金额之和按应享受人数折算）。")
OUTLIERS_FEW = "参与比较的地区少于{n}个，四分位距不足以判断异常值，下表仅列各地区数值供参考。"
OUTLIERS_NONE = "四项指标均未发现异常值。"
OUTLIER_ITEM = "{region}的{measure}为{value}，{side}于{fence}（中位数{median}）"
OUTLIER_SIDES = {"high": "高", "low": "低"}
OUTLIERS_FOUND = "发现异常值{n}个：{items}。建议对上述地区重点核实原因。"
OUTLIERS_TABLE = "表{n} 各地区异常值判断指标"
OUTLIERS_HEADERS = ("指标", "中位数", "下限", "上限")
OUTLIERS_FIGURE = "图{n} 异常值判断指标（虚线为上下限，红色为异常值）"

CROSS = ("将各地区的发放明细按身份证号、补贴类型和所属月份合并比对，发现同一人同一月份在两个及以上地区领取同一补贴的"
         "发放记录{rows}条（涉及{persons}人），重复发放金额{money}元（按后发放的一笔计）。")
CROSS_NONE = "将各地区的发放明细按身份证号、补贴类型和所属月份合并比对，未发现同一人同一月份在两个地区领取同一补贴的情况。"
CROSS_SINGLE = "仅有一个地区提供了发放明细，无法开展跨地区比对。"
CROSS_TABLE = "表{n} 跨地区重复发放（按地区）"
CROSS_HEADERS = ("地区", "涉及记录（条）", "涉及人数", "重复发放金额（元）")
CROSS_EXAMPLES = "表{n} 跨地区重复发放示例（脱敏）"
CROSS_EXAMPLE_HEADERS = ("地区", "行号", "身份证号", "补贴类型", "所属月份", "说明")
CROSS_NOTE = "完整明细（含完整身份证号）见 comparison.xlsx 和 cross-region-findings.csv，仅供评价人员核实，不随报告公开。"

FINDINGS = "各地区逐条核查发现的问题条数和涉及金额如下（各类问题的明细见各地区的 findings.xlsx）。"
FINDINGS_TABLE = "表{n} 各地区核查发现"
FINDINGS_HEADERS = ("地区", "问题（条）", "错误类（条）", "多发金额（元）", "少发金额（元）", "每千人风险金额（元）")
FINDINGS_TOTAL = "合计"

YEARS = "与上年评分相比，{up}个地区总分上升，{down}个下降，{same}个持平。"
YEARS_TABLE = "表{n} 各地区总分与上年比较"
YEARS_HEADERS = ("地区", "本年总分", "上年总分", "增减", "本年等级", "上年等级")
YEARS_FIGURE = "图{n} 各地区总分与上年比较"
YEARS_SERIES = ("本年", "上年")

NONE = "—"
SEP = "；"
LIST = "、"
