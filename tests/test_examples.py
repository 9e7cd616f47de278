"""The example workspaces reproduce their seed reports' score tables exactly."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.service import evaluate_workspace

EXAMPLES = Path(__file__).parent.parent / "examples"

# Seed 003 (Sanxiang 2022), the annex's leaf scores as printed.
SANXIANG = {
    "充分性": "2", "完整性": "2", "合理性": "1", "可衡量性": "1", "制度完整性": "1", "计划安排合理性": "1",
    "资金到位率": "3", "资金到位及时性": "2", "资金分配合理性": "3", "资金支出率": "3.4", "支出规范性": "5",
    "程序规范性": "4", "监管有效性": "2", "预算控制": "3", "成本节约": "2", "困难残疾人生活补贴发放率": "3.6",
    "重度残疾人护理补贴发放率": "4.4", "残疾人认定准确性": "15", "残疾人生活水平稳步提升": "10",
    "补助群体覆盖情况": "10", "制度建设完善性": "5", "服务对象满意度": "2.5",
}
# Seed 002 (Changji 2018), the score table of section 三.
CHANGJI = {
    "A11": "8", "A12": "8", "A21": "3", "A22": "3", "A23": "3", "B11": "2", "B12": "3", "B13": "2",
    "B21": "4", "B22": "3", "B23": "2", "B24": "2", "B31": "1", "B32": "1", "B33": "2", "C11": "8",
    "C12": "6", "C13": "6", "C21": "6", "C22": "6", "C23": "5", "C31": "4", "C32": "4",
}


def test_sanxiang_reproduces_seed_003(tmp_path):
    result = evaluate_workspace(EXAMPLES / "sanxiang-2022").score
    assert (result.total, result.grade, result.complete) == (Decimal("85.9"), "良", True)
    leaves = {leaf.name: leaf for leaf in result.leaves()}
    assert {name: leaves[name].score for name in SANXIANG} == {k: Decimal(v) for k, v in SANXIANG.items()}
    assert len(result.leaves()) == 22
    assert [n.score for n in result.indicators] == [Decimal(16), Decimal("14.4"), Decimal(28), Decimal("27.5")]
    spend = leaves["资金支出率"]
    assert spend.overridden and spend.computed == Decimal("3.5") and spend.value.quantize(Decimal("0.0001")) == Decimal("0.5759")


def test_changji_reproduces_seed_002():
    result = evaluate_workspace(EXAMPLES / "changji-2018").score
    assert (result.total, result.grade) == (Decimal(92), "优")
    assert {leaf.code: leaf.score for leaf in result.leaves()} == {k: Decimal(v) for k, v in CHANGJI.items()}
    assert [n.score for n in result.indicators] == [Decimal(25), Decimal(22), Decimal(45)]
    accuracy = result.find("B11")
    assert (accuracy.computed, accuracy.score, accuracy.overridden) == (Decimal("1.92"), Decimal(2), True)


@pytest.mark.parametrize("name", ["sanxiang-2022", "changji-2018"])
def test_scores_json_is_written_in_contract_shape(name):
    evaluate_workspace(EXAMPLES / name)
    data = json.loads((EXAMPLES / name / "out" / "scores.json").read_text(encoding="utf-8"))
    assert {"framework", "total", "grade", "complete", "pending", "indicators", "metrics"} <= set(data)
    assert isinstance(data["total"], (int, float))
    assert data["metrics"]["budget_execution_rate"]["formula"] == "实际支出 / 预算数"


# Seed 002's survey table (附件 3): 非常满意, 满意, 基本满意, 不太满意, 非常不满意 per question.
CHANGJI_SURVEY = [(51, 16, 20, 13, 0), (66, 12, 18, 4, 0), (58, 17, 17, 8, 0),
                  (55, 19, 14, 12, 0), (51, 18, 18, 13, 0), (53, 22, 16, 9, 0)]


def test_changji_survey_figures_flow_into_scores_json():
    from jixiao.service import evaluate_workspace, scores_json

    data = scores_json(evaluate_workspace(EXAMPLES / "changji-2018"))
    answers = sum(sum(q) for q in CHANGJI_SURVEY)
    satisfied = sum(q[0] + q[1] for q in CHANGJI_SURVEY)
    points = sum(sum(n * v for n, v in zip(q, (100, 80, 60, 40, 20))) for q in CHANGJI_SURVEY)
    metrics = data["metrics"]
    assert metrics["satisfaction_rate"]["value"] == round(satisfied / answers, 4)
    assert metrics["satisfaction_index"]["value"] == round(points / answers / 100, 4)
    overall = metrics["survey"]["overall"]
    assert overall["basic_or_better"] == round(sum(q[0] + q[1] + q[2] for q in CHANGJI_SURVEY) / answers, 4)
    assert overall["satisfaction_rate"]["low"] < overall["satisfaction_rate"]["value"] < overall["satisfaction_rate"]["high"]
    assert data["total"] == 92  # the report's score table does not use the survey metrics


def test_every_metrics_entry_has_the_contract_shape_the_survey_included():
    """CONTRACT §6: metrics: {ID: {name, value, formula, inputs}}; the survey section too."""
    from jixiao.service import evaluate_workspace, scores_json

    metrics = scores_json(evaluate_workspace(EXAMPLES / "changji-2018"))["metrics"]
    assert "survey" in metrics
    for key, entry in metrics.items():
        assert {"name", "value", "formula", "inputs"} <= set(entry), key
        assert isinstance(entry["value"], (int, float)) and isinstance(entry["inputs"], dict), key
    assert metrics["survey"]["value"] == metrics["satisfaction_rate"]["value"]
