"""Seed 002 (Changji 2018): its survey table gives figures we can state exactly, and
shows where the report's "平均满意度为 90%" comes from."""

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from python_calamine import CalamineWorkbook

from jixiao.survey.analyse import analyse_survey
from jixiao.survey.cells import TallyCell

EXAMPLE = Path(__file__).parents[2] / "examples" / "changji-2018"
TABLE = EXAMPLE / "data" / "问卷统计.xlsx"
POPULATION = 3968

# The report's table (附件 问卷分析报告), transcribed: 非常满意, 满意, 基本满意, 不太满意, 非常不满意
SEED = {
    "满意度": (51, 16, 20, 13, 0),
    "管理人员的管理方式的满意度": (66, 12, 18, 4, 0),
    "先进性的满意度": (58, 17, 17, 8, 0),
    "工作态度的满意度": (55, 19, 14, 12, 0),
    "技能水平的满意度": (51, 18, 18, 13, 0),
    "准确性的满意度": (53, 22, 16, 9, 0),
}


def tallies_from_example() -> list[TallyCell]:
    sheet = CalamineWorkbook.from_path(str(TABLE)).get_sheet_by_index(0).to_python()
    header, *rows = sheet
    assert header[0] == "问题"
    return [TallyCell(number, row[0], option, int(count), TABLE.name)
            for number, row in enumerate(rows, 2) for option, count in zip(header[1:], row[1:], strict=True)]


def changji():
    return analyse_survey(tallies=tallies_from_example(), population=POPULATION, source=TABLE.name)


def test_example_file_holds_the_seed_table():
    r = changji()
    assert {q.question: tuple(q.counts.values()) for q in r.questions} == SEED
    assert {q.valid for q in r.questions} == {100}
    assert r.respondents == 100 and r.rejected == ()


def test_changji_exact_figures():
    r = changji()
    assert [q.rate.value for q in r.questions] == [Decimal(x) for x in ("0.67", "0.78", "0.75", "0.74", "0.69", "0.75")]
    assert [q.index.value for q in r.questions] == [Decimal(x) for x in ("0.81", "0.88", "0.85", "0.834", "0.814", "0.838")]
    assert r.rate.value == Decimal("0.73")  # 438 / 600
    assert r.index.value == Decimal(50260) / Decimal(60000)  # 83.77 %
    assert r.figures == {"answers_valid": 600, "answers_satisfied": 438, "satisfaction_points": 50260}


def test_the_reports_90_percent_is_the_basic_or_better_share_not_the_satisfaction_rate():
    r = changji()
    top_three = [sum(c[:3]) for c in SEED.values()]  # 87, 96, 92, 88, 87, 91
    assert r.basic_or_better == Decimal(sum(top_three)) / Decimal(600)  # 541 / 600 = 90.17 %
    assert round(float(r.basic_or_better) * 100) == 90
    assert r.rate.value != Decimal("0.9") and r.index.value < Decimal("0.9")


def test_changji_intervals_with_finite_population_correction():
    r = changji()
    first = r.questions[0]  # 67 of 100, N = 3968
    assert (round(float(first.rate.low), 4), round(float(first.rate.high), 4)) == (0.5743, 0.7534)
    assert (round(float(first.index.low), 4), round(float(first.index.high), 4)) == (0.7669, 0.8531)
    # the overall interval averages the questions' ends
    assert r.rate.low == sum(q.rate.low for q in r.questions) / 6
    assert (round(float(r.rate.low), 4), round(float(r.rate.high), 4)) == (0.6373, 0.8061)


def test_changji_margin_warning_names_the_sample_needed():
    r = changji()
    assert [q.sample_for_rate for q in r.questions] == [314, 248, 269, 276, 304, 269]
    assert all(q.sample_for_index is None for q in r.questions)  # index margins are under 5 points
    assert any("314 份" in w and "3968" in w for w in r.warnings)
    # 1.96²·0.67·0.33/0.05² with FPC, computed exactly
    n0 = Fraction(196, 100) ** 2 * Fraction(67, 100) * Fraction(33, 100) / Fraction(5, 100) ** 2
    assert -(-n0 * POPULATION // (POPULATION - 1 + n0)) == 314
