"""The report's own inputs as values: what report.yaml says, typed, and what is still missing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.errors import Problem

FUND_LEVELS = ("中央", "省", "市", "县", "镇")
CITATION = re.compile(r"[\[【]([A-Za-z]{1,4}\d{1,4})[\]】]")


@dataclass(frozen=True)
class PolicyDocument:
    name: str  # 名称
    number: str = ""  # 文号


@dataclass(frozen=True)
class Implementer:
    unit: str  # 单位
    duties: str = ""  # 职责


@dataclass(frozen=True)
class FundSource:
    level: str  # 级次: 中央 / 省 / 市 / 县 / 镇 (or the evaluator's own word)
    amount: Decimal | None = None  # 金额（元）
    note: str = ""  # 说明


@dataclass(frozen=True)
class Target:
    name: str  # 名称
    target: str  # 目标值 as written: "100%", "≥90%", "3968人", "按季度发放"
    maps_to: str = ""  # 对应: a metric id or a figure name, compared automatically
    actual: str = ""  # 完成值 as written, for a target that maps to nothing


@dataclass(frozen=True)
class Phase:
    name: str  # 名称
    start: dt.date | None = None  # 开始
    end: dt.date | None = None  # 结束
    work: str = ""  # 内容


@dataclass(frozen=True)
class Member:
    name: str  # 姓名
    role: str = ""  # 角色: 项目负责人, 财务专家 …
    unit: str = ""  # 单位


@dataclass(frozen=True)
class Visit:
    date: dt.date | None
    place: str  # 地点
    work: str = ""  # 内容


@dataclass(frozen=True)
class Interview:
    date: dt.date | None
    who: str  # 对象
    count: int | None = None  # 人数
    how: str = ""  # 方式: 座谈, 电话访谈 …
    topics: str = ""  # 内容


@dataclass(frozen=True)
class FileSample:
    """档案抽查: case files checked."""

    total: int | None = None  # 总数
    drawn: int | None = None  # 抽取
    method: str = ""  # 方法
    note: str = ""  # 说明


@dataclass(frozen=True)
class SurveySample:
    """问卷: how the questionnaire was sent and returned."""

    sent: int | None = None  # 发放
    returned: int | None = None  # 回收
    valid: int | None = None  # 有效
    method: str = ""  # 方法
    period: str = ""  # 时间


@dataclass(frozen=True)
class Evidence:
    id: str  # 编号: E1 …, what a basis cites as [E1]
    name: str  # 名称, as the report prints it (with 《》 where it is a document title)
    kind: str = ""  # 类型: 会议纪要, 自评表, 会计凭证 …
    note: str = ""  # 说明


@dataclass(frozen=True)
class Lesson:
    title: str  # 标题
    text: str = ""  # 内容


@dataclass(frozen=True)
class MissingInput:
    key: str  # the report.yaml key path: 项目概况.立项依据 (or 评分.A11 for a pending indicator)
    label: str  # what to fill, in Chinese

    def __str__(self) -> str:
        return f"{self.key}：{self.label}"


# What a signed report needs, in report order: key path → what to fill. A key that is absent
# is missing; 无 (or an empty list) says the thing was not done, and the report says so.
REQUIRED: dict[str, str] = {
    "项目概况.背景": "项目背景（政策出台背景、项目设立目的）",
    "项目概况.立项依据": "立项依据（政策文件名称及文号）",
    "项目概况.实施主体": "实施主体及各部门职责分工",
    "项目概况.资金来源": "资金来源（按中央、省、市、县、镇级次的金额）",
    "项目概况.管理流程": "项目管理和审批流程",
    "绩效目标.总体目标": "项目总体绩效目标",
    "绩效目标.指标": "绩效指标及目标值",
    "评价工作.阶段": "评价工作各阶段及起止日期",
    "评价工作.工作组": "评价工作组成员及分工",
    "评价工作.现场核查": "现场核查情况（日期、地点、内容；未开展写“无”）",
    "评价工作.访谈": "访谈情况（日期、对象、人数、方式；未开展写“无”）",
    "评价工作.抽样": "档案抽查和问卷抽样情况（未开展写“无”）",
    "证据": "查阅的资料清单（证据编号、名称）",
}
FUND_KEY = "项目概况.资金来源"
BALANCE_KEY = "说明.结余"
BALANCE_LABEL = "资金结余的原因说明"


@dataclass(frozen=True)
class ReportInputs:
    file: str = ""  # "" when the workspace has no report.yaml
    given: frozenset[str] = frozenset()  # key paths the file fills (for `missing`)
    background: str = ""
    documents: tuple[PolicyDocument, ...] = ()
    implementers: tuple[Implementer, ...] = ()
    fund_sources: tuple[FundSource, ...] = ()  # in level order 中央 … 镇
    process: str = ""
    goal: str = ""
    targets: tuple[Target, ...] = ()
    purpose: str = ""
    phases: tuple[Phase, ...] = ()
    team: tuple[Member, ...] = ()
    methods: tuple[str, ...] = ()
    visits: tuple[Visit, ...] = ()
    interviews: tuple[Interview, ...] = ()
    files_sample: FileSample | None = None
    survey_sample: SurveySample | None = None
    evidence: tuple[Evidence, ...] = ()
    balance_note: str = ""
    indicator_notes: Mapping[str, str] = field(default_factory=dict)  # 说明.指标: code → explanation
    lessons: tuple[Lesson, ...] = ()
    other: tuple[str, ...] = ()

    def has(self, key: str) -> bool:
        return key in self.given

    def missing(self, *, fund_levels_known: bool = False, balance: Decimal | None = None,
                balance_unknown: bool = False) -> list[MissingInput]:
        """The inputs a signed report still needs. `fund_levels_known`: the data give the funds
        by level (then 资金来源 may be left out); `balance`: the unspent money, explained when
        positive; `balance_unknown`: not known yet (`jixiao check`), so its explanation is
        listed while absent."""
        out = [MissingInput(k, v) for k, v in REQUIRED.items()
               if k not in self.given and not (k == FUND_KEY and fund_levels_known)]
        if BALANCE_KEY not in self.given and (balance_unknown or (balance is not None and balance > 0)):
            out.append(MissingInput(BALANCE_KEY, BALANCE_LABEL + ("（有结余时）" if balance_unknown else "")))
        return out

    def evidence_by_id(self) -> dict[str, Evidence]:
        return {e.id: e for e in self.evidence}

    def lead(self) -> Member | None:
        """The team's 项目负责人, who signs the report."""
        return next((m for m in self.team if "负责人" in m.role), None)

    def texts(self) -> list[str]:
        """Every free text the evaluator wrote here (the report prints them as written)."""
        out = [self.background, self.process, self.goal, self.purpose, self.balance_note, *self.methods,
               *self.other, *self.indicator_notes.values()]
        out += [x for d in self.documents for x in (d.name, d.number)]
        out += [x for i in self.implementers for x in (i.unit, i.duties)]
        out += [x for f in self.fund_sources for x in (f.level, f.note)]
        out += [x for t in self.targets for x in (t.name, t.target, t.actual)]
        out += [x for p in self.phases for x in (p.name, p.work)]
        out += [x for m in self.team for x in (m.name, m.role, m.unit)]
        out += [x for v in self.visits for x in (v.place, v.work)]
        out += [x for i in self.interviews for x in (i.who, i.how, i.topics)]
        out += [x for e in self.evidence for x in (e.name, e.kind, e.note)]
        out += [x for lesson in self.lessons for x in (lesson.title, lesson.text)]
        for sample in (self.files_sample, self.survey_sample):
            if sample is not None:
                out += [v for v in vars(sample).values() if isinstance(v, str)]
        return [t for t in out if t]

    def amounts(self) -> list[Decimal]:
        return [f.amount for f in self.fund_sources if f.amount is not None]


# --- targets: "≥95%", "100%", "3968人" ------------------------------------------------------

_TARGET = re.compile(r"^\s*(≥|>=|不低于|不少于|达到|≤|<=|不高于|不超过|=|＝)?\s*"
                     r"([0-9]+(?:\.[0-9]+)?)\s*(%|％)?\s*([^\d\s]{0,4}?)\s*(以上|以下|及以上|及以下)?\s*$")


@dataclass(frozen=True)
class ParsedTarget:
    at_least: bool  # True: an actual ≥ value meets it; False: ≤ value does
    value: Decimal  # a fraction when `percent`
    percent: bool
    unit: str  # 人, 笔 … as written

    def met(self, actual: Decimal) -> bool:
        return actual >= self.value if self.at_least else actual <= self.value


def parse_target(text: str) -> ParsedTarget | None:
    """A target written as a number: 100%, ≥95%, ≤5%, 3968人, 不低于90%, 90%以上."""
    m = _TARGET.match(text or "")
    if not m:
        return None
    op, number, pct, unit, tail = m.groups()
    value = Decimal(number) / (100 if pct else 1)
    at_least = op not in ("≤", "<=", "不高于", "不超过") and tail not in ("以下", "及以下")
    return ParsedTarget(at_least, value, bool(pct), unit or "")


# --- citations of the evidence -----------------------------------------------------------------

def citations(text: str) -> list[str]:
    """The evidence ids a text cites: [E1], 【E2】."""
    return CITATION.findall(text or "")


def check_citations(inputs: ReportInputs, texts: Mapping[str, str], file: str, key: str) -> list[Problem]:
    """A problem for every cited id not in the evidence list; `texts`: where → text (an
    indicator code → its basis), reported as `file`, where, `key`."""
    known = inputs.evidence_by_id()
    listed = "、".join(known) or "无（report.yaml 中没有 证据 清单）"
    return [Problem(file, f"引用的证据 {cited} 不在 report.yaml 的证据清单中（已有：{listed}）", where, key)
            for where, text in texts.items() for cited in citations(text) if cited not in known]


def check_indicator_notes(inputs: ReportInputs, codes: Collection[str]) -> list[Problem]:
    """说明.指标 may only explain indicators of the framework."""
    return [Problem(inputs.file, "指标体系中没有此代码的指标", "", f"说明.指标.{code}")
            for code in inputs.indicator_notes if code not in codes]
