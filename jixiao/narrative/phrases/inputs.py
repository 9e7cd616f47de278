"""The words of the sections report.yaml feeds: project overview, funds by level and the
unspent balance, performance goals against their actuals, the evaluation work, evidence."""

from __future__ import annotations

TODO = "【待填：{label}】"

# --- 一、（一）项目概况 --------------------------------------------------------------------

BACKGROUND_HEAD = "1. 项目背景"
BASIS_HEAD = "2. 立项依据"
BASIS_INTRO = "项目的立项依据主要有："
BASIS_ITEM = "（{n}）{name}{number}{sep}"
BASIS_NUMBER = "（{number}）"
IMPLEMENTERS_HEAD = "3. 实施主体及职责分工"
IMPLEMENTERS_INTRO = "本项目由{units}共同实施，各单位职责分工如下表。"
IMPLEMENTERS_ONE = "本项目由{unit}实施，职责如下表。"
IMPLEMENTERS_TABLE = "表{n} 实施主体及职责分工"
IMPLEMENTERS_HEADERS = ("实施单位", "主要职责")
CONTENT_HEAD = "4. 补贴对象和标准"
PROCESS_HEAD = "5. 管理流程"
PROCESS_TEXT = "项目的管理和审批流程为：{process}"

# --- 一、（二）资金投入和使用情况 -------------------------------------------------------------

SOURCES_INTRO = "项目资金来源如下表。"
SOURCES_TABLE = "表{n} 项目资金来源（按级次）"
SOURCES_HEADERS = ("资金级次", "金额（元）", "说明")
BALANCE = "截至评价基准日，实际到位资金{allocated}元，实际支出{spent}元，结余{balance}元。"
BALANCE_NONE = "截至评价基准日，到位资金已全部支出，无结余。"
BALANCE_REASON = "结余原因：{note}"
OVERSPENT = "截至评价基准日，实际支出{spent}元，超过实际到位资金{allocated}元。"

# --- 一、（四）项目绩效目标 ---------------------------------------------------------------------

GOAL_TEXT = "项目总体绩效目标为：{goal}"
TARGETS_INTRO = "项目设定的绩效指标及完成情况如下表；能由数据计算的指标，实际完成值取本次评价的计算结果。"
TARGETS_TABLE = "表{n} 绩效指标目标值及完成情况"
TARGETS_HEADERS = ("绩效指标", "目标值", "实际完成值", "完成情况")
TARGET_MET = "已完成"
TARGET_NOT_MET = "未完成"
TARGET_UNKNOWN = "无法计算"
TARGET_NOT_MAPPED = "—"
TARGETS_SUMMARY = "可量化的{n}项指标中，{met}项达到目标值。"
TARGETS_SUMMARY_MISSED = "可量化的{n}项指标中，{met}项达到目标值，未达到的为{missed}。"
TARGET_MISSED = "{name}（目标{target}，实际{actual}）"

# --- 二、绩效评价工作开展情况 --------------------------------------------------------------------

OBJECT_SCOPE = "评价对象为{unit}实施的“{name}”，评价范围为{year}年度项目资金的安排、使用和管理，评价基准日为{base_date}。"
METHODS_GIVEN = "本次评价采用的方法：{methods}。"
EVIDENCE_INTRO = "评价工作组查阅的主要资料如下表，评分依据中以证据编号引用。"
EVIDENCE_TABLE = "表{n} 查阅的主要资料（证据清单）"
EVIDENCE_HEADERS = ("证据编号", "资料名称", "类型", "说明")
EVIDENCE_NONE = "本次评价未列示查阅的资料。"
CITED = "{name}（证据{id}）"

PHASES_INTRO = "评价工作分以下阶段进行："
PHASES_TABLE = "表{n} 评价工作阶段安排"
PHASES_HEADERS = ("阶段", "时间", "主要工作")
PERIOD_RANGE = "{start}至{end}"
TEAM_INTRO = "评价工作组由以下人员组成："
TEAM_TABLE = "表{n} 评价工作组成员"
TEAM_HEADERS = ("姓名", "角色", "单位")
VISITS_INTRO = "现场核查情况："
VISIT_ITEM = "{date}，在{place}{work}。"
VISIT_WORK = "，{work}"
VISITS_NONE = "本次评价未开展现场核查，以书面评审和数据核查为主。"
INTERVIEWS_INTRO = "访谈情况："
INTERVIEW_ITEM = "{date}，{how}访谈{who}{count}{topics}。"
INTERVIEW_HOW = "以{how}方式"
INTERVIEW_COUNT = "{count}人"
INTERVIEW_TOPICS = "，了解{topics}"
INTERVIEWS_NONE = "本次评价未开展访谈。"
DATE_UNKNOWN = "日期未记录"
FILES_SAMPLE = "档案抽查：{body}。"
FILES_SAMPLE_BODY = "从{total}份档案中{method}抽取{drawn}份"
FILES_SAMPLE_DRAWN = "{method}抽取档案{drawn}份"
FILES_SAMPLE_NONE = "本次评价未开展档案抽查。"
SURVEY_SAMPLE = "问卷调查：{body}。"
SURVEY_SAMPLE_BODY = "发放问卷{sent}份，回收{returned}份，其中有效问卷{valid}份"
SAMPLE_METHOD = "，采用{method}"
SAMPLE_PERIOD = "，调查时间为{period}"
SAMPLE_NOTE = "，{note}"
SURVEY_SAMPLE_NONE = "本次评价未开展问卷调查。"
SURVEY_SAMPLE_MISMATCH = "报告信息中记录的有效问卷{stated}份与问卷数据中的{data}份答卷不一致，请核对"

# --- 五、七 from report.yaml ----------------------------------------------------------------

LESSON = "{title}。{text}"
NOTE_ON_LEAF = "说明：{note}"
