"""The survey chart prints the same numbers as the report's text (same precision, same rounding):
a reviewer never sees 83.8% in the figure beside 83.77% in the paragraph."""

from jixiao.narrative import numbers as N
from jixiao.survey import chart
from tests.survey.test_changji import changji


def test_question_notes_print_the_texts_rates_and_indexes():
    result = changji()
    for q in result.questions:
        note = chart.question_note(q)
        assert f"满意率 {N.rate(q.rate.value)}" in note
        assert f"（{N.rate(q.rate.low)}–{N.rate(q.rate.high)}）" in note
        assert note.endswith(f"指数 {N.index(q.index.value)}")
        assert N.rate(q.rate.value).count(".") == 1 and len(N.rate(q.rate.value).split(".")[1]) == 3  # "dd%"


def test_subtitle_prints_the_overall_rate_and_index_as_the_text():
    result = changji()
    line = chart.subtitle(result)
    assert f"总体满意率 {N.rate(result.rate.value)}" in line
    assert f"满意度指数 {N.index(result.index.value)}" in line
