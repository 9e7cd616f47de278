"""The workspace survey read from the store tables (survey_answers / survey_tallies)."""

import dataclasses
from decimal import Decimal

import duckdb
import pytest

from jixiao.ingest.schema import TABLES
from jixiao.survey.service import survey_from_store
from jixiao.workspace import DataSource, load_workspace
from tests.survey.test_changji import EXAMPLE, SEED, TABLE

OPTIONS = ("非常满意", "满意", "基本满意", "不太满意", "非常不满意")


@pytest.fixture
def store():
    con = duckdb.connect(":memory:")
    for ddl in TABLES.values():
        con.execute(ddl)
    yield con
    con.close()


@pytest.fixture
def ws():
    base = load_workspace(EXAMPLE)
    return dataclasses.replace(base, data={**base.data, "survey": DataSource("survey", TABLE)})


def fill_tallies(store):
    for row, (question, counts) in enumerate(SEED.items(), 2):
        for option, count in zip(OPTIONS, counts, strict=True):
            store.execute("INSERT INTO survey_tallies VALUES (?, ?, ?, ?, ?)",
                          [row, TABLE.name, question, option, count])


def test_tallies_in_the_store_with_population_from_facts(store, ws):
    fill_tallies(store)
    r = survey_from_store(store, ws, {"persons_entitled": Decimal(3968)})
    assert r.form == "tallies" and r.source == TABLE.name
    assert (r.population, r.population_source) == (3968, "项目单位提供的应享受人数")
    assert r.rate.value == Decimal("0.73")
    assert r.questions[0].question == "满意度"


def test_population_fact_wins_and_survey_facts_are_read(store, ws):
    fill_tallies(store)
    facts = {"population": Decimal(4000), "persons_entitled": Decimal(3968), "survey_sent": Decimal(120),
             "survey_weights.满意度": Decimal(2)}
    r = survey_from_store(store, ws, facts)
    assert r.population == 4000
    assert r.response_rate == Decimal(100) / Decimal(120)
    assert r.questions[0].weight == 2 and r.questions[1].weight == 0
    assert r.rate.value == Decimal("0.67") and r.figures["answers_valid"] == 100


def test_population_from_the_roster_when_no_fact(store, ws):
    fill_tallies(store)
    r = survey_from_store(store, ws, {}, roster_persons=2)
    assert (r.population, r.population_source) == (2, "花名册人数（按身份证号去重）")
    assert survey_from_store(store, ws, {"population": Decimal(5)}, roster_persons=2).population == 5
    assert survey_from_store(store, ws, {}).population is None


def test_answers_in_the_store_normalised_with_rejections_located(store, ws):
    rows = [(2, "B", "政策知晓", "比较满意"), (2, "C", "发放及时", "还好吧"), (3, "B", "政策知晓", "一般"),
            (3, "C", "发放及时", "很满意")]
    for row, column, question, answer in rows:
        store.execute("INSERT INTO survey_answers VALUES (?, '问卷.xlsx', ?, ?, ?)", [row, question, column, answer])
    r = survey_from_store(store, ws, {})
    assert r.form == "answers" and r.respondents == 2
    assert [(x.row, x.column, x.answer) for x in r.rejected] == [(2, "C", "还好吧")]
    assert [(q.question, q.valid, q.satisfied) for q in r.questions] == [("政策知晓", 2, 1), ("发放及时", 1, 1)]


def test_empty_store_gives_no_survey(store, ws):
    assert survey_from_store(store, ws, {}) is None
