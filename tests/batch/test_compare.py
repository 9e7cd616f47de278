"""The comparison tables from regions scored through the real parser and engine: ranks
(ties share one), first-level ranks, leaf score rates, Tukey outliers, year over year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.batch.compare import MEASURES, compare, quantile, ranks
from jixiao.batch.worker import RegionOutcome
from tests.scoring.helpers import score

FRAMEWORK = {"name": "比较测试", "total": Decimal(20), "indicators": [
    {"code": "A", "name": "决策", "weight": Decimal(10), "children": [
        {"code": "A1", "name": "立项", "weight": Decimal(10), "rule": {"kind": "judgment"}}]},
    {"code": "B", "name": "产出", "weight": Decimal(10), "children": [
        {"code": "B1", "name": "覆盖", "weight": Decimal(6), "rule": {"kind": "judgment"}},
        {"code": "B2", "name": "准确", "weight": Decimal(4), "rule": {"kind": "judgment"}}]},
]}


def region(name: str, a1: str | None, b1: str, b2: str, *, paid: str = "100000", persons: str = "500",
           entitled: str = "500", over: str = "1000", under: str = "0") -> RegionOutcome:
    entries = {"B1": {"score": Decimal(b1), "basis": "依据"}, "B2": {"score": Decimal(b2), "basis": "依据"}}
    if a1 is not None:
        entries["A1"] = {"score": Decimal(a1), "basis": "依据"}
    result = score(FRAMEWORK, {"scores": entries})
    figures = {"living_paid": Decimal(paid), "care_paid": Decimal(0), "persons_paid": Decimal(persons),
               "persons_entitled": Decimal(entitled)}
    return RegionOutcome(name, name, Path(name), result, {"double-payment": 1}, {"overpaid": Decimal(over),
                         "underpaid": Decimal(under)}, figures)


def test_ranks_share_a_rank_on_ties_and_skip_the_next():
    assert ranks({"甲": Decimal(90), "乙": Decimal(85), "丙": Decimal(90), "丁": None, "戊": Decimal(70)}) == \
        {"甲": 1, "丙": 1, "乙": 3, "戊": 4}


def test_quantile_interpolates_between_closest_ranks():
    values = [Decimal(v) for v in (1, 2, 3, 4)]
    assert quantile(values, Decimal("0.25")) == Decimal("1.75")
    assert quantile(values, Decimal("0.5")) == Decimal("2.5")
    assert quantile([Decimal(7)], Decimal("0.75")) == Decimal(7)


def test_regions_ranked_by_total_incomplete_ones_last_without_rank():
    """Ties are listed by name (code point order: 乙 before 甲)."""
    c = compare([region("甲", "8", "6", "4"), region("乙", "9", "5", "4"), region("丙", None, "6", "4"),
                 region("丁", "7", "6", "3")])
    assert [(r.name, r.total, r.rank, r.complete) for r in c.regions] == [
        ("乙", Decimal(18), 1, True), ("甲", Decimal(18), 1, True), ("丁", Decimal(16), 3, True),
        ("丙", Decimal(10), None, False)]
    assert c.level1 == (("A", "决策", Decimal(10)), ("B", "产出", Decimal(10)))


def test_first_level_ranks_and_leaf_rates():
    c = compare([region("甲", "8", "6", "4"), region("乙", "9", "5", "4"), region("丁", "7", "6", "3")])
    by = {r.name: r for r in c.regions}
    assert {n: r.level1_rank["A"] for n, r in by.items()} == {"乙": 1, "甲": 2, "丁": 3}
    assert {n: r.level1_rank["B"] for n, r in by.items()} == {"甲": 1, "乙": 2, "丁": 2}
    assert by["乙"].rates == {"A1": Decimal("0.9"), "B1": Decimal(5) / 6, "B2": Decimal(1)}


def test_outliers_beyond_tukey_fences_in_each_measure():
    regions = [region(n, "8", "6", "4", paid=p, over=o) for n, p, o in (
        ("甲", "100000", "1000"), ("乙", "101000", "1100"), ("丙", "99000", "900"), ("丁", "100500", "1000"),
        ("戊", "180000", "50000"))]
    c = compare(regions)
    cost = next(s for s in c.stats if s.measure.id == "cost_per_person")
    assert cost.median == Decimal(201)  # 100 500 / 500
    found = sorted((o.measure.id, o.region, o.side) for o in c.outliers)
    assert found == [("cost_per_person", "戊", "high"), ("risk_per_1000", "戊", "high")]
    risk = next(o for o in c.outliers if o.measure.id == "risk_per_1000")
    assert risk.value == Decimal(100000)  # 50 000 元 over 500 entitled persons, per 1 000
    assert risk.value > risk.fence


def test_no_outliers_judged_with_fewer_than_four_regions():
    c = compare([region("甲", "8", "6", "4"), region("乙", "8", "6", "4", paid="900000"),
                 region("丙", "8", "6", "4")])
    assert c.outliers == ()
    assert all(s.low is None and s.high is None for s in c.stats)
    assert {m.id for m in MEASURES} == {s.measure.id for s in c.stats}


def test_year_over_year_from_last_years_scores_json():
    last = {"甲": {"total": 15.5, "grade": "中", "indicators": [{"code": "A", "score": 7}, {"code": "B", "score": 8.5}]}}
    c = compare([region("甲", "8", "6", "4"), region("乙", "9", "5", "4")], last)
    assert len(c.years) == 1
    y = c.years[0]
    assert (y.region, y.total, y.previous, y.change, y.previous_grade) == \
        ("甲", Decimal(18), Decimal("15.5"), Decimal("2.5"), "中")
    assert y.level1 == {"A": (Decimal(8), Decimal(7)), "B": (Decimal(10), Decimal("8.5"))}


def test_failed_regions_are_listed_not_compared():
    bad = RegionOutcome("丙", "丙", Path("丙"), error="发放明细.xlsx 缺少必填列")
    c = compare([region("甲", "8", "6", "4"), bad])
    assert [r.name for r in c.regions] == ["甲"]
    assert c.failed == (("丙", "发放明细.xlsx 缺少必填列"),)


def test_hardly_different_regions_are_no_outliers():
    """Tukey alone would flag 202 元 against 200, 200, 200, 200 (IQR 0); a tenth of the median is the least margin."""
    regions = [region(n, "8", "6", "4", paid=p) for n, p in (("甲", "100000"), ("乙", "100000"), ("丙", "100000"),
                                                              ("丁", "100000"), ("戊", "101000"))]
    c = compare(regions)
    cost = next(s for s in c.stats if s.measure.id == "cost_per_person")
    assert (cost.low, cost.high) == (Decimal(180), Decimal(220))
    assert not [o for o in c.outliers if o.measure.id == "cost_per_person"]


@pytest.mark.parametrize("entitled,expected", [("0", None), ("250", Decimal(4000))])
def test_money_at_risk_per_thousand_persons(entitled, expected):
    c = compare([region("甲", "8", "6", "4", entitled=entitled)])
    assert c.regions[0].measures["risk_per_1000"] == expected


def _level1_text(regions: list[RegionOutcome]) -> str:
    from jixiao.batch.document import level1
    from jixiao.narrative.builder import Builder

    b = Builder()
    level1(b, compare(regions))
    return "".join(str(getattr(block, "text", "")) for block in b.blocks)


def test_level1_text_says_equal_rates_once_instead_of_a_range_from_x_to_x():
    """All regions scored alike on 决策: no "80.00%至80.00%"."""
    text = _level1_text([region("甲", "8", "6", "4"), region("乙", "8", "5", "3"), region("丙", "8", "4", "4")])
    assert "决策各地区得分率相同，均为80.00%" in text
    assert "至" not in text
    spread = _level1_text([region("甲", "8", "6", "4"), region("乙", "7", "3", "3"), region("丙", "9", "4", "4")])
    assert "差距最小的是决策（70.00%至90.00%）" in spread
