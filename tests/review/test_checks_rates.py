"""Rates against their numerator and denominator, sums against their totals, scores against
the report's own formula and rounding — a true case and a near miss for each check."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.review.snippets import codes, found, table

TITLE = "2022年某县困难残疾人生活补贴和重度残疾人护理补贴项目绩效评价报告"


def review(review_text, *lines: str):
    return review_text("\n".join((TITLE, *lines)))


CASES = [
    ("rate-mismatch",  # printed formula
     ["资金到位率 = 实际到位资金 / 预算数 = 819,304.68元 / 844,644.00元 = 97.30%。"],
     ["资金到位率 = 实际到位资金 / 预算数 = 819,304.68元 / 844,644.00元 = 97.00%。"]),
    ("rate-mismatch",  # R%（A/B）
     ["发放及时率 99.80%（3,531/3,532）。"], ["发放及时率 99.97%（3,531/3,532）。"]),
    ("rate-mismatch",  # a named rate beside its two amounts
     ["项目预算844,644.00元，实际支出782,078.00元，预算执行率93.59%。"],
     ["项目预算844,644.00元，实际支出782,078.00元，预算执行率92.59%。"]),
    ("rate-mismatch",  # counts named …数, printed without a unit
     ["发放准确率98.39%（无错误的发放笔数3,467，发放笔数3,533）。"],
     ["发放准确率98.39%（无错误的发放笔数3,476，发放笔数3,533）。"]),
    ("rate-mismatch",  # a table row named by the rate
     [table("指标 | 计算数据 | 指标值", "资金到位率 | 实际到位资金 819,304.68元；预算数 844,644.00元 | 96.00%")],
     [table("指标 | 计算数据 | 指标值", "资金到位率 | 实际到位资金 819,304.68元；预算数 844,644.00元 | 97.00%")]),
    ("rate-conflict",
     ["资金到位率97.00%。", "经核查，资金到位率95.90%。"], ["预算执行率为93%。", "经核查，预算执行率为92.92%。"]),
    ("rate-conflict",  # a goals table: the actual value, not the target, against the text
     ["应补尽补率100.00%。", table("绩效指标 | 目标值 | 实际完成值 | 完成情况", "应补尽补率 | 100% | 98.90% | 已完成")],
     ["应补尽补率98.90%。", table("绩效指标 | 目标值 | 实际完成值 | 完成情况", "应补尽补率 | 100% | 98.90% | 未完成")]),
    ("sum-mismatch",
     [table("资金级次 | 金额（元）", "中央 | 100.00", "省 | 50.00", "合计 | 160.00")],
     [table("资金级次 | 金额（元）", "中央 | 100.00", "省 | 50.00", "合计 | 150.00")]),
    ("sum-mismatch",  # people: one may draw both subsidies, so the total lies between max and sum
     [table("补贴类型 | 领取人数 | 发放金额（元）", "生活补贴 | 137 | 270,401.00", "护理补贴 | 188 | 511,677.00",
            "合计 | 330 | 782,078.00")],
     [table("补贴类型 | 领取人数 | 发放金额（元）", "生活补贴 | 137 | 270,401.00", "护理补贴 | 188 | 511,677.00",
            "合计 | 301 | 782,078.00")]),
    ("sum-mismatch",
     ["中央资金1,625,320元，省级资金1,900,880元，合计3,525,200元。"],
     ["中央资金1,625,320元，省级资金1,900,880元，合计3,526,200元。"]),
]


@pytest.mark.parametrize("code,true,near", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_check_finds_the_true_case_and_not_the_near_miss(review_text, code, true, near):
    assert code in codes(review(review_text, *true))
    assert code not in codes(review(review_text, *near))


def test_rate_mismatch_shows_the_division(review_text):
    (f,) = found(review(review_text, CASES[0][1][0]), "rate-mismatch")
    assert f.detail == "819,304.68 / 844,644.00 = 97.0000%，报告写为 97.30%。"
    assert f.numbers == (Decimal("819304.68"), Decimal("844644.00"), Decimal("97.30"))


def test_a_rounded_rate_is_not_a_conflict_but_two_roundings_are(review_text):
    assert "rate-conflict" not in codes(review(review_text, "资金到位率97%。", "资金到位率96.995%。"))
    (f,) = found(review(review_text, "资金到位率97.00%。", "资金到位率97.00%。", "资金到位率95.90%。"), "rate-conflict")
    assert "95.9%（1 处）" in f.detail and "97%（2 处）" in f.detail and "95.90%" in f.quote


def test_a_threshold_of_a_rule_is_not_a_stated_rate(review_text):
    assert "rate-conflict" not in codes(review(review_text, "预算执行率为92.59%。", "预算执行率95%以上得满分。"))


def test_sum_mismatch_says_the_difference(review_text):
    (f,) = found(review(review_text, *CASES[7][1]), "sum-mismatch")
    assert f.detail == "100 + 50 = 150，表中合计为 160，比分项之和多 10。"


# scores against the report's own rule ----------------------------------------------------

def leaf(n: str, name: str, weight: str, score: str, rate: str) -> str:
    return f"（{n}）{name}（分值{weight}分，得分{score}分）。评分标准：得分 = {name} × 指标分值。{name}为{rate}%。"


def test_score_rule_recomputes_rate_times_weight(review_text):
    (f,) = found(review(review_text, "四、绩效评价指标分析", "（一）产出（分值40分，得分36分）",
                        leaf("1", "资金到位率", "40", "36", "95.00")), "score-rule")
    assert "应得 38.0000 分" in f.detail and "报告给 36 分" in f.detail
    assert "score-rule" not in codes(review(review_text, "四、绩效评价指标分析", "（一）产出（分值40分，得分38分）",
                                           leaf("1", "资金到位率", "40", "38", "95.00")))


def test_an_adjustment_the_report_discloses_is_not_a_rule_breach(review_text):
    text = leaf("1", "资金到位率", "40", "36", "95.00") + "综合考虑工作进度，调整为36分。"
    assert "score-rule" not in codes(review(review_text, "四、绩效评价指标分析", text))


def test_rounding_applied_two_ways(review_text):
    half_up = leaf("1", "生活补贴发放率", "5", "3.6", "71.94")   # 3.597 → 3.6
    floor = leaf("2", "资金支出率", "6", "3.4", "57.59")        # 3.4554 → 3.4 only by rounding down
    (f,) = found(review(review_text, "四、绩效评价指标分析", half_up, floor), "rounding-two-ways")
    assert "3.4554 印为 3.4" in f.detail and "3.5970 印为 3.6，是按 0.1 四舍五入" in f.detail
    same = leaf("2", "资金支出率", "6", "3.5", "57.59")         # 3.4554 → 3.5, half up like the other
    assert "rounding-two-ways" not in codes(review(review_text, "四、绩效评价指标分析", half_up, same))
