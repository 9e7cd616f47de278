"""Answer texts and tallies headers → the five canonical options."""

import pytest

from jixiao.survey.options import is_blank, normalise_answer, normalise_option


@pytest.mark.parametrize("text, option", [
    ("非常满意", "非常满意"), ("满意", "满意"), ("基本满意", "基本满意"),
    ("不太满意", "不太满意"), ("非常不满意", "非常不满意"),
    ("比较满意", "满意"), ("较满意", "满意"), ("一般", "基本满意"), ("不满意", "不太满意"),
    ("很满意", "非常满意"), ("很不满意", "非常不满意"), ("十分满意", "非常满意"),
    (" 满 意 ", "满意"), ("满意\u3000", "满意"), ("Ｂ满意", "满意"), ("满意。", "满意"),
    ("Ａ．非常满意", "非常满意"), ("B、满意", "满意"), ("③基本满意", "基本满意"), ("4.不太满意", "不太满意"),
    ("还算满意", "基本满意"), ("比较不满意", "不太满意"), ("极不满意", "非常不满意"),
])
def test_answer_variants_map_to_canonical_options(text, option):
    assert normalise_answer(text) == option


@pytest.mark.parametrize("text", ["好", "满意吧", "A", "5", "不知道", "非常", "满意/一般"])
def test_unknown_answers_are_none(text):
    assert normalise_answer(text) is None


@pytest.mark.parametrize("header, option", [
    ("非常满意", "非常满意"), ("满意（人）", "满意"), ("满意(人)", "满意"), ("基本满意人数", "基本满意"),
    ("不太满意（份）", "不太满意"), ("非常不满意 ", "非常不满意"), ("合计", None),
])
def test_tallies_headers_read_with_count_suffixes(header, option):
    assert normalise_option(header) == option


@pytest.mark.parametrize("text, blank", [("", True), ("  ", True), (None, True), ("-", True),
                                         ("满意", False), ("？", False)])
def test_blank_cells_are_missing_not_unknown(text, blank):
    assert is_blank(text) is blank
