"""Units, the survey, dates, the outline and the wording — each check on a hand-made snippet:
a true case it must find, and a near miss it must leave alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.review.snippets import codes, found, table

TITLE = "2022年中山市困难残疾人生活补贴和重度残疾人护理补贴项目绩效评价报告"
SURVEY_HEAD = "问题 | 非常满意 | 满意 | 基本满意 | 不太满意 | 非常不满意 | 有效回答"


def review(review_text, *lines: str):
    return review_text("\n".join((TITLE, "一、基本情况", *lines)))


CASES = [
    ("unit-mismatch",
     ["本项目预算资金3,793,920元。", "年初批复预算3,793,920元。", "预算执行率按预算3,793,920万元计算。"],
     ["本项目预算资金3,793,920元。", "年初批复预算3,793,920元。", "折合379.39万元。"]),
    ("unit-mismatch",  # a column of amounts in the wrong unit, its sum near a total printed elsewhere
     [table("乡镇 | 发放金额（万元）", "三乡镇 | 467,569.00", "三角镇 | 390,722.00", "东凤镇 | 473,666.00"),
      "全年共发放补贴1,332,900.00元，其中未能归属乡镇的943元。"],
     [table("乡镇 | 发放金额（元）", "三乡镇 | 467,569.00", "三角镇 | 390,722.00", "东凤镇 | 473,666.00"),
      "全年共发放补贴1,332,900.00元，其中未能归属乡镇的943元。"]),
    ("amount-conflict",
     ["预算资金为3,793,920元。", "本年预算资金为3,793,920元。", "预算资金为3,893,920元。"],
     ["预算资金为3,793,920元。", "本年预算资金为3,793,920元。", "预算资金为379.39万元。"]),
    ("distribution-count",
     [table(SURVEY_HEAD, "总体满意度 | 40 | 30 | 20 | 5 | 5 | 99")],
     [table(SURVEY_HEAD, "总体满意度 | 40 | 30 | 20 | 5 | 5 | 100")]),
    ("distribution-percent",
     [table(SURVEY_HEAD, "总体满意度 | 40 (45.00%) | 30 (30.00%) | 20 (20.00%) | 5 (5.00%) | 5 (5.00%) | 100")],
     [table(SURVEY_HEAD, "总体满意度 | 40 (40.00%) | 30 (30.00%) | 20 (20.00%) | 5 (5.00%) | 5 (5.00%) | 100")]),
    ("satisfaction-rate",
     [table(SURVEY_HEAD, "总体满意度 | 40 | 30 | 20 | 5 | 5 | 100"), "问卷调查显示满意率为90%。"],
     [table(SURVEY_HEAD, "总体满意度 | 40 | 30 | 20 | 5 | 5 | 100"), "问卷调查显示满意率为70%。"]),
    ("date-conflict",
     ["评价基准日为2022年12月31日。", "数据截至评价基准日2022年12月30日。"],
     ["评价基准日为2022年12月31日。", "数据截至评价基准日2022年12月31日。"]),
    ("date-order",
     ["现场核查于2023年3月20日至2023年2月10日进行。"], ["现场核查于2023年2月10日至2023年3月20日进行。"]),
    ("date-outside-year",
     ["中央资金于2021年12月5日下达。"], ["中央资金于2022年3月5日下达，截至2023年3月31日已全部支付。"]),
    ("heading-number",
     ["项目概况。", "二、绩效评价工作开展情况", "评价过程。", "四、综合评价情况及评价结论", "结论。"],
     ["项目概况。", "二、绩效评价工作开展情况", "评价过程。", "三、综合评价情况及评价结论", "结论。"]),
    ("heading-code",
     ["（3）财务管理（B2）", table("代码 | 指标 | 分值 | 得分", "B31 | 财务制度 | 2 | 2", "B32 | 会计核算 | 2 | 1")],
     ["（3）财务管理（B3）", table("代码 | 指标 | 分值 | 得分", "B31 | 财务制度 | 2 | 2", "B32 | 会计核算 | 2 | 1")]),
    ("doc-number",
     ["依据《中山市残疾人两项补贴实施办法》（中民区字〔2022〕5号）执行。", "按《中山市残疾人两项补贴实施办法》（中民字〔2022〕5号）发放。"],
     ["依据《中山市残疾人两项补贴实施办法》（中民区字〔2022〕5号）执行。", "按《中山市残疾人两项补贴实施办法》（中民区字〔2022〕5号）发放。"]),
    ("other-program",
     ["评价组向造林工作人员发放问卷。"], ["评价组向残联工作人员发放问卷。"]),
    ("subsidy-name",
     ["全年发放重度残疾人生活补贴1,739,907元。"], ["全年发放重度残疾人护理补贴1,739,907元。"]),
    ("other-region",
     ["中山市残联负责实施，中山市财政局负责资金。", "项目单位向特克斯县财政局申请资金。"],
     ["中山市残联负责实施，中山市财政局负责资金。", "项目单位向广东省财政厅申请资金。"]),
]


@pytest.mark.parametrize("code,true,near", CASES, ids=[c[0] for c in CASES])
def test_check_finds_the_true_case_and_not_the_near_miss(review_text, code, true, near):
    assert code in codes(review(review_text, *true))
    assert code not in codes(review(review_text, *near))


def test_unit_mismatch_says_what_the_amount_should_be(review_text):
    (f,) = found(review(review_text, *CASES[0][1]), "unit-mismatch")
    assert "“3,793,920万元”" in f.detail and "相差 10,000 倍" in f.detail and "此处应为 3,793,920 元" in f.detail
    assert f.numbers == (Decimal("37939200000"), Decimal("3793920"))


def test_satisfaction_rate_names_the_wider_reading(review_text):
    (f,) = found(review(review_text, *CASES[5][1]), "satisfaction-rate")
    assert "70/100 = 70.00%" in f.detail and "把“基本满意”也计为满意（90/100 = 90.00%）" in f.detail


def test_heading_number_names_the_missing_number(review_text):
    (f,) = found(review(review_text, *CASES[9][1]), "heading-number")
    assert f.detail == "上一个同级标题为“二、”，此处为“四、”，缺少三、。"
    assert f.quote == "四、综合评价情况及评价结论"


def test_other_region_cites_gb_t_2260(review_text):
    (f,) = found(review(review_text, *CASES[14][1]), "other-region")
    assert "“特克斯县”是其他地区的地名" in f.detail and "654127" in f.detail


def test_the_counties_under_the_reports_own_prefecture_are_its_own(review_text):
    own = "2018年昌吉回族自治州残疾人两项补贴项目绩效评价报告\n一、基本情况\n昌吉回族自治州残联负责实施，昌吉回族自治州财政局负责资金。\n"
    assert codes(review_text(own + "阜康市、玛纳斯县按月发放，新疆维吾尔自治区财政厅下达资金。")) == []
    (f,) = found(review_text(own + "阜康市、玛纳斯县按月发放，向特克斯财政系统申请资金。"), "other-region")
    assert "“特克斯”" in f.detail and "特克斯县（654127）" in f.detail
