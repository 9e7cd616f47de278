"""`jixiao batch` end to end on a synthetic province of four counties (every anomaly, a
person paid in two counties injected on purpose), and on one workspace split by 区县."""

from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.findings import CODES
from tests.batch.regions import add_region_column, copy_payments, make_region
from tests.report.readback import docx_read, html_read, pdf_text

_load_commands()
runner = CliRunner()
COUNTIES = {"a": "甲县", "b": "乙县", "c": "丙县", "d": "丁县"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    root = tmp_path_factory.mktemp("province")
    for i, (folder, name) in enumerate(COUNTIES.items()):
        make_region(root / folder, name, 500 + 150 * i, 300 + i, schedule="quarterly" if folder == "d" else "monthly")
    moved = [("a", src, "b", dst) for src, dst in copy_payments(root / "a", root / "b", 3)]
    moved += [("c", src, "d", dst) for src, dst in copy_payments(root / "c", root / "d", 2)]
    last_year = root.parent / "last-year"
    (last_year / "a" / "out").mkdir(parents=True)
    (last_year / "a" / "out" / "scores.json").write_text(json.dumps({"total": 70.5, "grade": "中", "indicators": []}),
                                                          encoding="utf-8")
    (last_year / "乙县.json").write_text(json.dumps({"total": 90, "grade": "优", "indicators": []}), encoding="utf-8")
    result = runner.invoke(app, ["batch", str(root), "--json", "--no-region-reports", "--previous", str(last_year)])
    assert result.exit_code == 0, result.output
    return root, json.loads(result.stdout), moved


def test_json_ranks_every_region_by_its_own_scores(province):
    root, data, _ = province
    assert set(data) >= {"regions", "findings"}
    got = {r["name"]: r for r in data["regions"]}
    assert set(got) == set(COUNTIES.values())
    for folder, name in COUNTIES.items():
        scores = json.loads((root / folder / "out" / "scores.json").read_text(encoding="utf-8"))
        assert (got[name]["total"], got[name]["grade"]) == (scores["total"], scores["grade"])
        assert scores["complete"]
    totals = sorted((r["total"] for r in data["regions"]), reverse=True)
    assert [r["total"] for r in data["regions"]] == totals
    assert [r["rank"] for r in data["regions"]] == [1 + totals.index(t) for t in totals]


def test_json_findings_add_up_the_regions_and_the_cross_region_rows(province):
    root, data, moved = province
    counted = Counter(r["code"] for folder in COUNTIES for r in read_csv(root / folder / "out" / "findings.csv"))
    assert {c: data["findings"][c] for c in CODES} == {c: counted.get(c, 0) for c in CODES}
    assert data["findings"]["cross-region-duplicate"] >= 2 * len(moved)


def test_cross_region_duplicate_lists_both_rows_and_counts_the_money_once(province):
    root, _, moved = province
    rows = read_csv(root / "out" / "cross-region-findings.csv")
    assert set(rows[0]) == {"region", "code", "severity", "table", "row", "person_id", "subsidy", "period", "amount",
                            "message"}
    located = {(r["region"], int(r["row"])) for r in rows}
    for src, src_row, dst, dst_row in moved:
        assert (COUNTIES[src], src_row) in located and (COUNTIES[dst], dst_row) in located
    by_person: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for r in rows:
        by_person.setdefault((r["person_id"], r["subsidy"], r["period"]), []).append(r)
    for pair in by_person.values():
        assert len({r["region"] for r in pair}) == 2
        assert sum(1 for r in pair if r["amount"] == "") == 1  # the payment made first carries no amount
    assert all(r["code"] == "cross-region-duplicate" and r["severity"] == "error" for r in rows)


def test_comparison_workbook_holds_the_tables(province):
    root, data, _ = province
    book = CalamineWorkbook.from_path(str(root / "out" / "comparison.xlsx"))
    assert {"排名", "一级指标排名", "末级指标得分率", "异常值", "与上年比较", "核查发现", "跨地区重复发放"} <= set(book.sheet_names)
    ranking = book.get_sheet_by_name("排名").to_python()
    assert [(row[1], row[2]) for row in ranking[1:]] == [(r["name"], r["total"]) for r in data["regions"]]
    heat = book.get_sheet_by_name("末级指标得分率").to_python()
    scores = json.loads((root / "a" / "out" / "scores.json").read_text(encoding="utf-8"))
    leaves = {n["code"]: n for _, n in _walk(scores["indicators"]) if "children" not in n}
    row = next(r for r in heat if r[0] == "甲县")
    for header, rate in zip(heat[0][1:], row[1:]):
        leaf = leaves[header.split()[0]]
        expected = Decimal(str(leaf["score"])) / Decimal(str(leaf["weight"])) if leaf["score"] is not None else None
        assert (rate == "" and expected is None) or abs(Decimal(str(rate)) - expected) < Decimal("1e-9")
    years = book.get_sheet_by_name("与上年比较").to_python()
    assert {(r[0], r[2]) for r in years[1:]} == {("甲县", 70.5), ("乙县", 90)}


def _walk(nodes):
    for n in nodes:
        yield 1, n
        yield from _walk(n.get("children", []))


def test_comparison_report_in_three_formats_with_ids_masked(province):
    root, data, _ = province
    out = root / "out"
    text, tables = docx_read(out / "comparison.docx")
    html_text, _ = html_read(out / "comparison.html")
    pdf = pdf_text(out / "comparison.pdf")
    ids = {r["person_id"] for r in read_csv(out / "cross-region-findings.csv")}
    for body in (text, html_text, pdf):
        assert "二、综合得分与排名" in body and "六、跨地区重复发放" in body and "八、与上年比较" in body
        assert not any(pid in body for pid in ids)
    top = data["regions"][0]
    ranking = next(t for t in tables if t[0][:4] == ["排名", "地区", "总分", "等级"])
    assert ranking[1][:3] == ["1", top["name"], f"{top['total']}".rstrip("0").rstrip(".")]
    assert sorted(p.name for p in (out / "comparison-charts").iterdir()) == [
        "batch-heatmap.png", "batch-level1.png", "batch-outliers.png", "batch-totals.png", "batch-years.png"]


@pytest.fixture(scope="module")
def split(tmp_path_factory):
    root = tmp_path_factory.mktemp("city")
    make_region(root, "某市", 1500, 41)
    county_of = add_region_column(root)
    result = runner.invoke(app, ["batch", str(root), "--json", "--no-region-reports", "--no-pdf"])
    assert result.exit_code == 0, result.output
    whole = runner.invoke(app, ["audit", str(root), "--json"])
    assert whole.exit_code == 0, whole.output
    return root, json.loads(result.stdout), county_of


def test_one_workspace_is_split_by_its_region_column(split):
    root, data, county_of = split
    assert sorted(r["name"] for r in data["regions"]) == sorted(set(county_of.values()))
    regions = root / "out" / "regions"
    for name in set(county_of.values()):
        rows = read_csv(regions / name / "out" / "findings.csv")
        assert all(county_of[r["person_id"]] == name for r in rows if r["table"] in ("roster", "payments")
                   and r["person_id"] in county_of)


def test_split_regions_together_find_what_the_whole_workspace_finds(split):
    root, data, _ = split
    def located(path: Path) -> list[tuple[str, ...]]:
        return sorted((r["code"], r["table"], r["row"], r["period"], r["amount"]) for r in read_csv(path)
                      if r["table"] in ("roster", "payments"))
    whole = located(root / "out" / "findings.csv")
    parts = sorted(x for p in (root / "out" / "regions").glob("*/out/findings.csv") for x in located(p))
    assert whole and parts == whole
    assert data["findings"]["cross-region-duplicate"] == 0


def test_a_region_with_broken_data_is_reported_and_the_others_finish(tmp_path):
    make_region(tmp_path / "good", "好县", 300, 7)
    make_region(tmp_path / "bad", "坏县", 300, 8)
    (tmp_path / "bad" / "data" / "发放明细.parquet").write_bytes(b"not parquet")
    result = runner.invoke(app, ["batch", str(tmp_path), "--json", "--no-pdf", "--workers", "1"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [r["name"] for r in data["regions"]] == ["好县"]
    assert [f["name"] for f in data["failed"]] == ["坏县"]
    assert "坏县" in result.stderr
    assert (tmp_path / "good" / "out" / "report.docx").is_file()  # the region's own report, by default
    assert (tmp_path / "out" / "comparison.xlsx").is_file()


def test_root_without_workspaces_is_an_error(tmp_path):
    (tmp_path / "notes").mkdir()
    result = runner.invoke(app, ["batch", str(tmp_path)])
    assert result.exit_code == 2
    assert "没有可评价的地区" in result.stderr


def test_two_regions_with_one_name_are_an_error(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "evaluation.toml").write_text(
            '[project]\nname = "项目"\nregion = "同名县"\nyear = 2022\nunit = "单位"\nbase_date = "2022-12-31"\n'
            '[framework]\nbuiltin = "national-2020"\n', encoding="utf-8")
    result = runner.invoke(app, ["batch", str(tmp_path)])
    assert result.exit_code == 2
    assert "同名县" in result.stderr and "region" in result.stderr
