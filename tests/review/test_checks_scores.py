"""The score table's own arithmetic and one indicator stated two ways — each check on a
hand-made snippet: a true case it must find, and a near miss it must leave alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.review.snippets import codes, found, table

TITLE = "2022年某县困难残疾人生活补贴和重度残疾人护理补贴项目绩效评价报告"


def report(rows: dict[str, tuple[str, str]], total: str = "86", grade: str = "良", closing: str = "86",
           extra: str = "") -> str:
    """A report whose score table has the given (weight, score) per code."""
    names = {"A": "决策", "A1": "项目立项", "A11": "立项依据充分性", "A12": "立项程序规范性", "B": "过程",
             "B1": "资金管理", "B11": "资金到位率", "B12": "预算执行率"}
    body = [f"{code} | {names[code]} | {w} | {s}" for code, (w, s) in rows.items()]
    return "\n".join([TITLE, "一、评价结论", f"经综合评定，本项目绩效评价得分为{total}分，评价等级为“{grade}”。", extra,
                      "附件1：绩效评价指标体系及评分表",
                      table("代码 | 指标 | 分值 | 得分", *body, f"合计 |  | 100 | {closing}")])


GOOD = {"A": ("20", "18"), "A1": ("20", "18"), "A11": ("10", "10"), "A12": ("10", "8"),
        "B": ("80", "68"), "B1": ("80", "68"), "B11": ("40", "38"), "B12": ("40", "30")}


def with_(**changes: tuple[str, str]) -> dict[str, tuple[str, str]]:
    return {**GOOD, **changes}


def test_a_consistent_table_has_no_finding(review_text):
    review = review_text(report(GOOD))
    assert codes(review) == []
    assert (review.total, review.total_recomputed, review.grade, review.grade_recomputed) == (86, 86, "良", "良")
    assert [(r.code, r.weight, r.score) for r in review.rows][:2] == [("A", 20, 18), ("A1", 20, 18)]


CASES = [
    # code, true case, near miss
    ("weight-sum", dict(rows=with_(A12=("9", "8"))), dict(rows=with_(A11=("7.5", "7.5"), A12=("12.5", "10.5")))),
    ("score-sum", dict(rows=with_(A12=("10", "7"))), dict(rows=with_(A11=("10", "9.5"), A12=("10", "8.5")))),
    ("score-above-weight", dict(rows=with_(A11=("10", "11"), A12=("10", "7"))),
     dict(rows=with_(A11=("10", "10"), A12=("10", "8")))),
    ("total-sum", dict(rows=GOOD, total="87", closing="87"), dict(rows=GOOD, total="86.00", closing="86")),
    ("total-conflict", dict(rows=GOOD, total="86", closing="68"), dict(rows=GOOD, total="86.0", closing="86")),
    ("grade-band", dict(rows=GOOD, grade="优"),
     dict(rows=GOOD, grade="优", extra="评价等级分为：优（≥85分）、良（≥75分）、中（≥60分）、差（<60分）。")),
]


@pytest.mark.parametrize("code,true,near", CASES, ids=[c[0] for c in CASES])
def test_check_finds_the_true_case_and_not_the_near_miss(review_text, code, true, near):
    assert code in codes(review_text(report(**true)))
    assert code not in codes(review_text(report(**near)))


def test_score_sum_quotes_the_parent_and_shows_the_children(review_text):
    (f,) = found(review_text(report(with_(A12=("10", "7")))), "score-sum")
    assert "A1 项目立项得分为 18 分" in f.detail and "A11 立项依据充分性 10 + A12 立项程序规范性 7 = 17" in f.detail
    assert f.numbers == (Decimal(18), Decimal(17)) and "表格1" in f.where and "A1" in f.quote


def test_grade_band_uses_the_bands_the_report_prints(review_text):
    (f,) = found(review_text(report(GOOD, extra="评价等级分为：优（≥90分）、良（≥80分）、中（≥60分）、差（<60分）。",
                                    grade="中")), "grade-band")
    assert "按报告所列等级标准" in f.detail and "应为“良”" in f.detail and "报告写为“中”" in f.detail


# one indicator stated in two places ------------------------------------------------------

def analysis(sentence: str) -> str:
    return report(GOOD, extra=f"四、绩效评价指标分析\n{sentence}")


CONFLICTS = [
    ("weight-conflict", "立项依据充分性（A11）分值12分，得分10分。", "立项依据充分性（A11）分值10分，得分10分。"),
    ("score-conflict", "立项依据充分性（A11）分值10分，得分9分。", "立项依据充分性（A11）分值10分，得分10分。"),
    ("score-conflict", "（1）预算执行率（分值40分，得分32分）。", "（1）预算执行率（分值40分，得分30分）。"),
]


@pytest.mark.parametrize("code,true,near", CONFLICTS)
def test_one_indicator_stated_two_ways(review_text, code, true, near):
    review = review_text(analysis(true))
    assert code in codes(review)
    assert code not in codes(review_text(analysis(near)))


def test_score_conflict_names_both_places(review_text):
    (f,) = found(review_text(analysis("立项依据充分性（A11）分值10分，得分9分。")), "score-conflict")
    assert "A11 立项依据充分性的得分前后不一致" in f.detail
    assert "正文" in f.detail and "表格" in f.detail and f.numbers == (Decimal(9), Decimal(10))


def test_full_marks_claimed_for_a_lower_score(review_text):
    rows = table("指标 | 分值 | 评分说明 | 得分", "资金到位率 | 4 | 资金按时足额到位，根据评分标准，得满分。满分 4 分，得分 3 分。 | 3")
    near = table("指标 | 分值 | 评分说明 | 得分", "资金到位率 | 4 | 资金按时足额到位，根据评分标准，得满分。满分 4 分，得分 4 分。 | 4")
    assert "full-marks-claim" in codes(review_text(f"{TITLE}\n{rows}"))
    assert "full-marks-claim" not in codes(review_text(f"{TITLE}\n{near}"))
