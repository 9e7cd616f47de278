"""The metrics of CONTRACT §5. Each is a pure function: its parameter names are its
inputs, its docstring the formula printed in reports (name before ' = ')."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.registry import Registry


@dataclass(frozen=True)
class Metric:
    id: str
    fn: Callable[..., Decimal]

    @property
    def name(self) -> str:
        return self.fn.__doc__.split("=", 1)[0].strip()  # type: ignore[union-attr]

    @property
    def formula(self) -> str:
        return self.fn.__doc__.split("=", 1)[1].strip()  # type: ignore[union-attr]

    @property
    def inputs(self) -> tuple[str, ...]:
        return tuple(inspect.signature(self.fn).parameters)


METRICS: Registry[Metric] = Registry("metric")


def metric(fn: Callable[..., Decimal]) -> Callable[..., Decimal]:
    METRICS.add(fn.__name__, Metric(fn.__name__, fn))
    return fn


# Chinese names of every input, as reports print them.
INPUT_NAMES: dict[str, str] = {
    "budget": "预算数",
    "allocated": "实际到位资金",
    "spent": "实际支出",
    "living_planned": "生活补贴年初预计发放金额",
    "living_paid": "生活补贴实际发放金额",
    "care_planned": "护理补贴年初预计发放金额",
    "care_paid": "护理补贴实际发放金额",
    "persons_entitled": "应享受人数",
    "persons_paid": "至少发放一次的应享受人数",
    "payments": "发放笔数",
    "payments_correct": "无错误的发放笔数",
    "payments_dated": "有发放日期的发放笔数",
    "payments_on_time": "按时发放笔数",
    "roster_rows": "花名册记录数",
    "roster_rows_clean": "无问题的花名册记录数",
    "answers_valid": "有效回答数",
    "answers_satisfied": "非常满意与满意回答数",
    "satisfaction_points": "回答分值合计",
}

# Figures the data give besides the metric inputs, printed where the report reconciles
# its counts (basic data): every name the report prints a count under is here.
FIGURE_NAMES: dict[str, str] = {
    **INPUT_NAMES,
    "roster_persons": "花名册人数（按身份证号去重）",
    "payees": "领取补贴人数（按身份证号去重）",
    "payment_rows_rejected": "发放明细拒收行数",
}


@metric
def fund_arrival_rate(allocated: Decimal, budget: Decimal) -> Decimal:
    """资金到位率 = 实际到位资金 / 预算数"""
    return allocated / budget


@metric
def budget_execution_rate(spent: Decimal, budget: Decimal) -> Decimal:
    """预算执行率 = 实际支出 / 预算数"""
    return spent / budget


@metric
def living_disbursement_rate(living_paid: Decimal, living_planned: Decimal) -> Decimal:
    """生活补贴发放率 = 生活补贴实际发放金额 / 年初预计发放金额"""
    return living_paid / living_planned


@metric
def care_disbursement_rate(care_paid: Decimal, care_planned: Decimal) -> Decimal:
    """护理补贴发放率 = 护理补贴实际发放金额 / 年初预计发放金额"""
    return care_paid / care_planned


@metric
def coverage_rate(persons_paid: Decimal, persons_entitled: Decimal) -> Decimal:
    """应补尽补率 = 至少发放一次的应享受人数 / 应享受人数"""
    return persons_paid / persons_entitled


@metric
def payment_accuracy_rate(payments_correct: Decimal, payments: Decimal) -> Decimal:
    """发放准确率 = 无错误核查发现的发放笔数 / 发放笔数"""
    return payments_correct / payments


@metric
def on_time_rate(payments_on_time: Decimal, payments_dated: Decimal) -> Decimal:
    """发放及时率 = 按时发放笔数 / 有发放日期的发放笔数"""
    return payments_on_time / payments_dated


@metric
def roster_accuracy_rate(roster_rows_clean: Decimal, roster_rows: Decimal) -> Decimal:
    """台账信息准确率 = 无核查发现的花名册记录数 / 花名册记录数"""
    return roster_rows_clean / roster_rows


@metric
def satisfaction_rate(answers_satisfied: Decimal, answers_valid: Decimal) -> Decimal:
    """满意率 = (非常满意 + 满意) / 有效回答数"""
    return answers_satisfied / answers_valid


@metric
def satisfaction_index(satisfaction_points: Decimal, answers_valid: Decimal) -> Decimal:
    """满意度指数 = 有效回答分值的平均数 / 100"""
    return satisfaction_points / answers_valid / 100
