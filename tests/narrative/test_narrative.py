"""The narrative from a facts-only evaluation (Sanxiang 2022): every deduction is in one
problem, grouped by theme, each group with one recommendation; the analysis follows the
four-level tree; the working papers cover every leaf."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.narrative import build_document
from jixiao.narrative.document import Heading, Paragraph, Table
from jixiao.narrative.problems import derive
from jixiao.service import evaluate_workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sanxiang-2022"


@pytest.fixture(scope="module")
def ev(tmp_path_factory):
    ws = tmp_path_factory.mktemp("ws") / "sanxiang-2022"
    shutil.copytree(EXAMPLE, ws, ignore=shutil.ignore_patterns("out"))
    return evaluate_workspace(ws)


@pytest.fixture(scope="module")
def doc(ev):
    return build_document(ev, today=dt.date(2023, 11, 1))


def test_deductions_are_grouped_by_theme_each_in_one_problem(ev):
    problems = derive(ev)
    assert [p.theme for p in problems] == ["decision", "funds", "management", "effect"]
    assert [[n.code for n in p.leaves] for p in problems] == [
        ["A111", "A122", "A123"], ["B111", "C211", "C212", "B121"], ["B221"], ["D121"]]
    deducted = sorted(n.code for n in ev.score.leaves() if n.score < n.weight)
    assert sorted(n.code for p in problems for n in p.leaves) == deducted
    assert [p.points for p in problems] == [Decimal(4), Decimal("5.6"), Decimal(2), Decimal("2.5")]
    assert all(not p.families for p in problems)  # facts only: no audit, no findings


def test_each_group_states_its_deductions_and_one_recommendation_with_its_figures(ev):
    problems = derive(ev)
    advice = [p.advice for p in problems]
    assert len(set(advice)) == len(advice)
    parts = [part for a in advice for part in a.split("；")]
    assert len(set(parts)) == len(parts)
    funds = problems[1]
    text = "".join(funds.body)
    assert "“资金支出率”（B111）分值6分，得分3.4分，扣2.6分" in text
    assert "本方面4项指标合计扣5.6分" in text
    assert "实际支出1,266,901.00元，预算数2,200,000.00元" in text
    assert "预算执行率57.59%、生活补贴发放率71.94%、护理补贴发放率88.85%" in funds.advice
    assert "目标设置“合理性”扣1分" in problems[0].advice


def test_analysis_follows_the_tree_at_every_depth(ev, doc):
    blocks = list(doc.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "四、绩效评价指标分析")
    end = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text.startswith("五、"))
    part = blocks[start:end]
    text = "\n".join(b.text for b in part if isinstance(b, (Heading, Paragraph)))
    nodes = next(p for p in part if isinstance(p, Paragraph) and p.label == "node:B11")
    assert nodes.text == "（1）资金支付（分值6分，得分3.4分）" and nodes.style == "bold"
    for depth, node in ev.score.walk():
        assert f"{node.name}（分值{node.weight:f}分，得分{node.score.normalize():f}分）" in text, (depth, node.code)
    assert "①资金支出率（分值6分，得分3.4分）。" in text
    # a 三级 whose only item has its name is printed once, as that item
    assert "（2）支出规范性（分值6分，得分5分）。本项目预算未发生调整" in text
    assert text.count("支出规范性（分值6分") == 1
    order = [b.label.split(":")[1] for b in part if isinstance(b, Paragraph) and b.label.startswith(("node:", "leaf:"))]
    assert order[:4] == ["A11", "A111", "A12", "A121"]


def test_outline_follows_the_national_template(doc):
    level1 = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == ["一、基本情况", "二、绩效评价工作开展情况", "三、综合评价情况及评价结论", "四、绩效评价指标分析",
                      "五、主要经验及做法、存在的问题及原因分析", "六、有关建议", "七、其他需要说明的问题",
                      "附件1：绩效评价指标体系及评分表", "附件2：基础数据表", "附件3：数据核查情况",
                      "附件4：社会调查分析", "附件5：评价工作底稿"]


def test_a_working_paper_per_leaf_with_the_seven_rows(ev, doc):
    papers = [b for b in doc.blocks if isinstance(b, Table) and b.label.startswith("paper:")]
    assert [p.label[6:] for p in papers] == [n.code for n in ev.score.leaves()]
    b111 = next(p for p in papers if p.label == "paper:B111")
    rows = dict(b111.rows)
    assert list(rows) == ["指标名称", "指标解释", "分值", "评分标准", "数据来源", "计算过程", "评价结果", "得分"]
    assert rows["分值"] == "6分" and rows["得分"] == "3.4分"
    assert "1,266,901.00元 / 2,200,000.00元 = 57.59%" in rows["计算过程"]
    assert "规则计算3.5分，评价人调整为3.4分" in rows["评价结果"]


def test_the_verdict_names_each_level1_score_and_rate(doc):
    text = next(b.text for b in doc.blocks if isinstance(b, Paragraph) and b.label == "level1")
    assert "决策（分值20分，得分16分，得分率80.00%）" in text
    assert "管理（分值20分，得分14.4分，得分率72.00%）" in text


def test_no_data_no_invented_figures(doc):
    labels = [b.label for b in doc.blocks if isinstance(b, (Paragraph, Table))]
    assert "not-provided" in labels
    assert not [b for b in doc.blocks if isinstance(b, Table) and b.label in ("findings", "payments", "rows")]


def test_cover_date_is_the_workspace_report_date_when_given(ev):
    import dataclasses
    project = dataclasses.replace(ev.workspace.project, report_date=dt.date(2023, 11, 30))
    dated = dataclasses.replace(ev, workspace=dataclasses.replace(ev.workspace, project=project))
    assert "2023年11月30日" in build_document(dated).cover.date
    assert "2023年11月1日" in build_document(ev, today=dt.date(2023, 11, 1)).cover.date


def test_a_computed_metric_names_where_its_figures_come_from():
    from jixiao.metrics.compute import MetricValue
    from jixiao.narrative.analysis import metric_sentence

    survey = MetricValue("satisfaction_rate", "满意率", "(非常满意 + 满意) / 有效回答数", Decimal("0.8"),
                         {"answers_satisfied": Decimal(80), "answers_valid": Decimal(100)}, "data")
    assert "问卷调查" in metric_sentence(survey) and "逐条核查" not in metric_sentence(survey)
    mixed = MetricValue("living_disbursement_rate", "生活补贴发放率", "生活补贴实际发放金额 / 年初预计发放金额",
                        Decimal("0.9"), {"living_paid": Decimal(90), "living_planned": Decimal(100)}, "data",
                        stated=("living_planned",))
    assert "发放明细" in metric_sentence(mixed)
    assert "生活补贴年初预计发放金额取自项目单位提供的数字" in metric_sentence(mixed)
    facts = MetricValue("fund_arrival_rate", "资金到位率", "实际到位资金 / 预算数", Decimal(1),
                        {"allocated": Decimal(5), "budget": Decimal(5)}, "facts")
    assert "项目单位提供的汇总数" in metric_sentence(facts)
