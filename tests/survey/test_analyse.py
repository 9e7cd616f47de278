"""Per-question and overall figures on hand-computed surveys, in both input forms."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.errors import DataError
from jixiao.survey.analyse import analyse_survey
from jixiao.survey.cells import answer_cells, tally_cells
from jixiao.vocabulary import SATISFACTION_OPTIONS

OPTIONS = SATISFACTION_OPTIONS

# Two questions, five respondents (rows 2–6 of the sheet).
ROWS = [
    {"政策知晓": "非常满意", "发放及时": "满意"},
    {"政策知晓": "满意", "发放及时": "比较满意"},
    {"政策知晓": "一般", "发放及时": "不满意"},
    {"政策知晓": "很满意", "发放及时": "非常不满意"},
    {"政策知晓": "不太满意", "发放及时": "基本满意"},
]
TALLIES = {"政策知晓": {"非常满意": 2, "满意": 1, "基本满意": 1, "不太满意": 1, "非常不满意": 0},
           "发放及时": {"非常满意": 0, "满意": 2, "基本满意": 1, "不太满意": 1, "非常不满意": 1}}


def figures(result):
    return [(q.question, dict(q.counts), q.valid, q.satisfied, q.points, q.rate, q.index, q.basic_or_better)
            for q in result.questions], result.rate, result.index, result.figures, result.data_metrics


def test_answers_and_tallies_give_the_same_figures():
    a = analyse_survey(answers=answer_cells(ROWS), population=200)
    t = analyse_survey(tallies=tally_cells(TALLIES), population=200)
    assert figures(a) == figures(t)
    assert (a.form, t.form) == ("answers", "tallies")
    assert a.respondents == t.respondents == 5


def test_per_question_rate_index_and_shares_hand_computed():
    r = analyse_survey(answers=answer_cells(ROWS))
    q1, q2 = r.questions
    assert q1.counts == {"非常满意": 2, "满意": 1, "基本满意": 1, "不太满意": 1, "非常不满意": 0}
    assert q1.shares["非常满意"] == Decimal("0.4")
    assert q1.rate.value == Decimal("0.6")  # (2 + 1) / 5
    assert q1.points == 100 * 2 + 80 + 60 + 40  # 380
    assert q1.index.value == Decimal("0.76")  # 380 / 5 / 100
    assert q2.rate.value == Decimal("0.4")  # 2 / 5
    assert q2.index.value == Decimal("0.56")  # (80·2 + 60 + 40 + 20) / 5 / 100
    assert r.rate.value == Decimal("0.5")  # mean of 0.6 and 0.4
    assert r.index.value == Decimal("0.66")
    assert r.basic_or_better == Decimal("0.7")  # (4/5 + 3/5) / 2
    # equal valid counts and weights: the pooled inputs reproduce the overall metric
    assert r.figures == {"answers_valid": 10, "answers_satisfied": 5, "satisfaction_points": 660}


def test_policy_values_change_the_index_not_the_rate():
    r = analyse_survey(answers=answer_cells(ROWS), satisfaction_values=[100, 80, 60, 30, 0])
    assert r.questions[0].index.value == Decimal("0.74")  # (200 + 80 + 60 + 30) / 500
    assert r.rate.value == Decimal("0.5")


def test_unknown_answer_is_excluded_from_its_question_only_and_located():
    rows = [dict(r) for r in ROWS]
    rows[2]["政策知晓"] = "还好吧"  # sheet row 4
    r = analyse_survey(answers=answer_cells(rows, file="问卷.xlsx"))
    assert [(x.row, x.column, x.answer) for x in r.rejected] == [(4, "政策知晓", "还好吧")]
    q1, q2 = r.questions
    assert (q1.valid, q1.rejected, q2.valid) == (4, 1, 5)  # the respondent's other answer counts
    assert q1.rate.value == Decimal("0.75")
    problem = r.rejected[0].problem()
    assert (problem.file, problem.row, problem.key) == ("问卷.xlsx", 4, "政策知晓")
    assert "第4行" in str(problem) and "还好吧" in str(problem)
    assert any("无法识别" in w for w in r.warnings)


def test_unequal_valid_counts_give_the_contracts_pooled_rate():
    """CONTRACT §5: 满意率 = (非常满意 + 满意) / valid answers, pooled over the questions."""
    rows = [dict(r) for r in ROWS]
    rows[0]["政策知晓"] = "??"
    r = analyse_survey(answers=answer_cells(rows))
    # 政策知晓 2/4 satisfied, 发放及时 2/5: pooled 4/9, not the plain mean of the questions 0.45
    assert r.rate.value == Decimal(4) / Decimal(9)
    assert r.figures == {"answers_valid": 9, "answers_satisfied": 4, "satisfaction_points": r.satisfaction_points}
    assert r.data_metrics["satisfaction_rate"] == Decimal(4) / Decimal(9)
    assert r.rate.low < r.rate.value < r.rate.high


def test_blank_answers_are_missing_not_rejected():
    rows = [dict(r) for r in ROWS]
    rows[1]["发放及时"] = ""
    r = analyse_survey(answers=answer_cells(rows))
    assert (r.questions[1].valid, r.questions[1].missing, r.rejected) == (4, 1, ())


def test_question_weights_weight_the_overall():
    r = analyse_survey(tallies=tally_cells(TALLIES), weights={"政策知晓": 3, "发放及时": 1})
    assert r.rate.value == Decimal("0.55")  # (3·0.6 + 0.4) / 4
    assert r.figures == {}


def test_unknown_weight_question_is_an_error():
    with pytest.raises(DataError, match="权重"):
        analyse_survey(tallies=tally_cells(TALLIES), weights={"不存在": 1})


def test_unknown_tally_column_is_rejected_with_row_and_column():
    table = {"政策知晓": {"非常满意": 2, "满意": 1, "说不清": 3}}
    r = analyse_survey(tallies=tally_cells(table, file="统计.xlsx"))
    assert [(x.row, x.column, x.count) for x in r.rejected] == [(2, "说不清", 3)]
    assert r.questions[0].valid == 3
    assert r.respondents == 6


def test_tally_total_column_is_checked_not_counted():
    table = {"政策知晓": {"非常满意": 2, "满意": 1, "合计": 4}}
    r = analyse_survey(tallies=tally_cells(table))
    assert r.questions[0].valid == 3
    assert any("合计" in w and "3" in w for w in r.warnings)


def test_question_without_valid_answers_is_left_out_and_said():
    r = analyse_survey(tallies=tally_cells({"甲": {"满意": 4}, "乙": {"满意": 0}}))
    assert [q.question for q in r.questions] == ["甲"]
    assert r.empty_questions == ("乙",)


def test_no_valid_answers_gives_no_metrics():
    r = analyse_survey(tallies=tally_cells({"甲": {"满意": 0}}))
    assert (r.rate, r.figures, r.data_metrics) == (None, {}, {})


def test_response_rate_when_sent_is_given():
    r = analyse_survey(tallies=tally_cells(TALLIES), sent=8)
    assert r.response_rate == Decimal("0.625")


def test_wide_margin_warns_with_the_sample_needed():
    r = analyse_survey(tallies=tally_cells(TALLIES), population=200)
    rate_warning = next(w for w in r.warnings if w.startswith("满意率"))
    needed = max(q.sample_for_rate for q in r.questions)
    assert f"{needed} 份" in rate_warning and "总体 200 人" in rate_warning


counts = st.lists(st.integers(0, 30), min_size=5, max_size=5).filter(lambda c: sum(c) > 0)


@given(st.dictionaries(st.sampled_from(["甲", "乙", "丙"]), counts, min_size=1))
def test_any_tallies_equal_the_same_answers(table):
    tallies = {q: dict(zip(OPTIONS, c, strict=True)) for q, c in table.items()}
    size = max(sum(c) for c in table.values())
    rows = [{} for _ in range(size)]
    for q, c in table.items():
        answers = [o for o, k in zip(OPTIONS, c, strict=True) for _ in range(k)]
        for i in range(size):
            rows[i][q] = answers[i] if i < len(answers) else ""
    a = analyse_survey(answers=answer_cells(rows), population=1000)
    t = analyse_survey(tallies=tally_cells(tallies), population=1000)
    assert figures(a) == figures(t)


def test_questions_left_out_of_the_weights_are_shown_but_not_in_the_overall():
    r = analyse_survey(tallies=tally_cells(TALLIES), weights={"发放及时": 1})
    assert [(q.question, q.weight) for q in r.questions] == [("政策知晓", 0), ("发放及时", 1)]
    assert r.rate.value == Decimal("0.4")
    assert r.figures == {"answers_valid": 5, "answers_satisfied": 2, "satisfaction_points": 280}
    assert any("政策知晓" in w and "不计入总体" in w for w in r.warnings)
