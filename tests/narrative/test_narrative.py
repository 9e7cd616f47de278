"""The narrative from a facts-only evaluation (Sanxiang 2022): problems come from every
deduction, each with a recommendation; the working papers cover every leaf."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.narrative import build_document
from jixiao.narrative.document import Heading, Paragraph, Table
from jixiao.narrative.problems import derive
from jixiao.narrative.sources import gather
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


def test_every_deduction_is_a_problem_with_advice(ev):
    problems = derive(ev, gather(ev))
    deducted = [n.code for n in ev.score.leaves() if n.score < n.weight]
    assert [p.ref for p in problems] == [f"leaf:{c}" for c in deducted]
    assert deducted == ["A111", "A122", "A123", "B111", "B121", "B221", "C211", "C212", "D121"]
    assert all(p.advice for p in problems)
    b111 = next(p for p in problems if p.ref == "leaf:B111")
    assert b111.points == Decimal("2.6") and "57.59%" in b111.title


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
