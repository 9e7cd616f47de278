"""The survey section of out/scores.json."""

import json

from jixiao.survey.analyse import analyse_survey
from jixiao.survey.cells import answer_cells
from jixiao.survey.serialize import survey_json
from tests.survey.test_changji import changji


def test_changji_survey_json_shape_and_values():
    data = survey_json(changji())
    json.dumps(data, ensure_ascii=False)  # plain JSON, no Decimals
    assert data["form"] == "tallies" and data["population"] == 3968
    assert data["options"] == ["非常满意", "满意", "基本满意", "不太满意", "非常不满意"]
    first = data["questions"][0]
    assert first["counts"]["非常满意"] == 51 and first["shares"]["非常满意"] == 0.51
    assert first["satisfaction_rate"] == {"value": 0.67, "low": 0.5743, "high": 0.7534, "margin": 0.0957}
    assert first["sample_for_5_points"] == {"satisfaction_rate": 314, "satisfaction_index": None}
    assert data["overall"]["satisfaction_rate"]["value"] == 0.73
    assert data["overall"]["satisfaction_index"]["value"] == 0.8377
    assert data["overall"]["basic_or_better"] == 0.9017
    assert data["pooled"] == {"answers_valid": 600, "answers_satisfied": 438, "satisfaction_points": 50260,
                              "equals_overall": True}


def test_rejected_answers_carry_row_column_and_message():
    rows = [{"甲": "满意", "乙": "好"}, {"甲": "非常满意", "乙": "满意"}]
    data = survey_json(analyse_survey(answers=answer_cells(rows, file="问卷.xlsx")))
    [rejected] = data["rejected"]
    assert (rejected["file"], rejected["row"], rejected["column"], rejected["answer"]) == ("问卷.xlsx", 2, "乙", "好")
    assert rejected["message"].startswith("第2行 乙：回答“好”无法识别")
