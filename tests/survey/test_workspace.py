"""End to end through ingest: a workspace's survey file → the store → the survey figures."""

import shutil
from decimal import Decimal


from jixiao.service import evaluate_workspace
from jixiao.workspace import load_workspace
from tests.survey.test_changji import EXAMPLE, SEED


def workspace_with_survey(tmp_path, survey_file=None):
    root = tmp_path / "changji"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out"), dirs_exist_ok=True)
    toml = root / "evaluation.toml"
    text = toml.read_text(encoding="utf-8")
    if survey_file is not None:
        text = text.replace('survey = "data/问卷统计.xlsx"', f'survey = "{survey_file}"')
    if "survey =" not in text:
        text += f'\n[data]\nsurvey = "{survey_file or "data/问卷统计.xlsx"}"\n'
    toml.write_text(text, encoding="utf-8")
    return load_workspace(root)


def test_changji_survey_through_the_loader(tmp_path):
    ws = workspace_with_survey(tmp_path)
    r = evaluate_workspace(ws).survey
    assert {q.question: tuple(q.counts.values()) for q in r.questions} == SEED
    assert (r.form, r.population, r.respondents) == ("tallies", 3968, 100)
    assert r.rate.value == Decimal("0.73")
    assert r.figures == {"answers_valid": 600, "answers_satisfied": 438, "satisfaction_points": 50260}


def test_answers_file_through_the_loader_locates_unknown_answers(tmp_path):
    root = tmp_path / "changji" / "data"  # [data] files must lie inside the workspace
    root.mkdir(parents=True)
    (root / "问卷.csv").write_text(
        "序号,姓名,政策知晓,发放及时\n1,张三,比较满意,满意\n2,李四,还好吧,非常满意\n3,王五,一般,\n",
        encoding="utf-8")
    ws = workspace_with_survey(tmp_path, "data/问卷.csv")  # the example's files are copied beside it
    r = evaluate_workspace(ws).survey
    assert [(x.row, x.column, x.answer) for x in r.rejected] == [(3, "政策知晓", "还好吧")]
    assert [(q.question, q.valid, q.satisfied) for q in r.questions] == [("政策知晓", 2, 1), ("发放及时", 2, 2)]
    assert r.respondents == 3


def test_no_survey_in_the_workspace_gives_none(tmp_path):
    root = tmp_path / "changji"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out"))
    toml = root / "evaluation.toml"
    toml.write_text(toml.read_text(encoding="utf-8").split("[data]")[0], encoding="utf-8")
    ws = load_workspace(root)
    assert "survey" not in ws.data
    assert evaluate_workspace(ws).survey is None
