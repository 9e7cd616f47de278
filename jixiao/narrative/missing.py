"""What a signed report still needs: the report inputs report.yaml does not give (those a
draft prints as 【待填：…】) and the indicators not yet scored. `jixiao report --final`
refuses while any is missing; `jixiao check` lists the report inputs."""

from __future__ import annotations

from decimal import Decimal

from jixiao.evaluation import Evaluation
from jixiao.narrative import phrases as P
from jixiao.narrative.inputs import metric_inputs
from jixiao.reportinputs import MissingInput

PENDING_KEY = "评分.{code}"
PENDING_LABEL = "指标“{name}”尚待评分（judgments.yaml）"


def balance(ev: Evaluation) -> Decimal | None:
    """The unspent money: allocated − spent, when both are known."""
    inputs = metric_inputs(ev)
    if "allocated" in inputs and "spent" in inputs:
        return inputs["allocated"] - inputs["spent"]
    return None


def fund_levels_known(ev: Evaluation) -> bool:
    return any(f.level for f in ev.summaries.funds)


def report_missing(ev: Evaluation) -> list[MissingInput]:
    """The report inputs the report prints as 【待填】."""
    return ev.report.missing(fund_levels_known=fund_levels_known(ev), balance=balance(ev))


def final_missing(ev: Evaluation) -> list[MissingInput]:
    """Everything a final report needs and the evaluation lacks: report inputs, then scores."""
    pending = [MissingInput(PENDING_KEY.format(code=n.code), PENDING_LABEL.format(name=n.name))
               for n in ev.score.leaves() if n.pending]
    return report_missing(ev) + pending


def todo(ev: Evaluation, key: str) -> str:
    """The visible marker of a missing input, or "" when the input is given."""
    item = next((m for m in report_missing(ev) if m.key == key), None)
    return P.TODO.format(label=item.label) if item else ""
