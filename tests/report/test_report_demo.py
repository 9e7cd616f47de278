"""The demo workspace (synthetic county, every anomaly injected): the report's numbers
are the result's, money at risk included, and no ID, name or phone number appears whole
in the docx, the html or the pdf."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.cli._common import Progress
from jixiao.cli._tables import audit_line
from jixiao.cli.demo import make_demo
from jixiao.ingest.store import open_store
from jixiao.report import write_report
from jixiao.service import evaluate_workspace
from tests.report.readback import docx_read, html_read, pdf_text
from tests.report.selfcheck import (NAMED_COUNTS, check_figures, check_language, check_private, check_tables,
                                    check_text, squash)

_load_commands()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "jixiao-demo"
    make_demo(folder, persons=1500, seed=7, progress=Progress(quiet=True))
    ev = evaluate_workspace(folder)
    files = write_report(ev)
    con = open_store(ev.workspace, read_only=True)
    try:
        q = lambda sql: [r for r in con.execute(sql).fetchall()]  # noqa: E731
        people = q("SELECT person_id, name, phone FROM roster") + q("SELECT person_id, name, NULL FROM payments")
        sums = q("SELECT SUM(amount) FROM payments GROUP BY subsidy") + \
            q("SELECT SUM(amount) FROM payments GROUP BY strftime(period, '%Y-%m'), subsidy") + \
            q("SELECT SUM(amount) FROM payments") + \
            q("SELECT SUM(amount) FROM funds GROUP BY kind, COALESCE(level, '')")
    finally:
        con.close()
    private = ({p for p, _, _ in people if p}, {n for _, n, _ in people if n}, {t for _, _, t in people if t})
    return ev, files, private, {Decimal(s) for (s,) in sums}


def test_the_demo_is_complete_and_finds_every_kind_of_anomaly(demo):
    ev, files, _, _ = demo
    assert ev.score.complete and ev.score.grade is not None
    assert ev.audit is not None and all(n > 0 for n in ev.audit.counts.values())
    assert ev.survey is not None
    assert files.docx and files.html and files.pdf


@pytest.mark.parametrize("reader", [docx_read, html_read], ids=["docx", "html"])
def test_every_printed_number_is_the_results(demo, reader):
    ev, files, _, sums = demo
    path = files.docx if reader is docx_read else files.html
    text, tables = reader(path)
    checked = check_text(ev, text, path.name, sums)
    assert checked["verdict"] >= 2 and checked["deduction"] >= 5
    assert checked["money"] >= 20 and checked["percent"] >= 20
    checked = check_tables(ev, tables, path.name, sums)
    assert checked["score_rows"] == len([n for _, n in ev.score.walk()])
    assert checked["finding_rows"] == len(ev.audit.counts)
    assert checked["papers"] == len(ev.score.leaves())
    assert checked["money_cells"] >= 30


def test_no_personal_data_in_any_file(demo):
    _, files, (ids, names, phones), _ = demo
    assert len(ids) > 1000 and len(names) > 500
    for text, where in ((docx_read(files.docx)[0], "docx"), (html_read(files.html)[0], "html"),
                        (pdf_text(files.pdf), "pdf")):
        check_private(text, names, ids, phones, where)


def test_masked_ids_are_shown(demo):
    _, files, _, _ = demo
    text = docx_read(files.docx)[0]
    assert "********" in text


def test_each_named_figure_has_one_value_in_every_file(demo):
    """The counts of rows and persons and every metric input are printed under one name
    with one value: the same in docx, html and pdf, and the Evaluation's."""
    ev, files, _, _ = demo
    docx = check_figures(ev, docx_read(files.docx)[0], "docx")
    html = check_figures(ev, html_read(files.html)[0], "html")
    pdf = check_figures(ev, pdf_text(files.pdf, layout=False), "pdf", pairs=False)
    assert docx == html
    assert set(NAMED_COUNTS) <= set(docx) and set(NAMED_COUNTS) <= set(pdf)
    assert all(pdf[name] == docx[name] for name in pdf)
    assert {"payments", "payments_correct", "budget", "spent"} <= set(docx)


def test_the_report_reconciles_its_counts(demo):
    """Rows read = loaded + skipped + rejected; the rate's 发放笔数 = loaded + rejected;
    roster rows = persons + second subsidies + duplicates — printed, and true."""
    ev, files, _, _ = demo
    text = squash(docx_read(files.docx)[0])
    acc = ev.rows["payments"]
    assert acc["read"] == acc["loaded"] + acc["skipped"] + acc["rejected"]
    assert ev.figures["payments"] == acc["loaded"] + acc["rejected"]
    assert f"载入{acc['loaded']:,}行、拒收{acc['rejected']:,}行" in text
    roster = ev.rows["roster"]
    m = re.search(r"载入的([\d,]+)行涉及([\d,]+)人，其中([\d,]+)人同时享受两项补贴，另有重复登记([\d,]+)行", text)
    assert m is not None
    loaded, persons, second, duplicates = (int(g.replace(",", "")) for g in m.groups())
    assert loaded == roster["loaded"] and persons == ev.figures["roster_persons"]
    assert duplicates == ev.audit.code("duplicate-person").count
    assert loaded == persons + second + duplicates
    assert ev.survey.population == ev.figures["roster_persons"]


def test_no_code_repr_placeholder_or_english_in_the_report(demo):
    ev, files, _, _ = demo
    for text, where in ((docx_read(files.docx)[0], "docx"), (html_read(files.html)[0], "html"),
                        (pdf_text(files.pdf, layout=False), "pdf")):
        check_language(ev, text, where)


def test_the_cli_and_the_audit_json_say_what_the_report_says(demo):
    ev, files, _, _ = demo
    runner = CliRunner()
    got = runner.invoke(app, ["audit", str(ev.workspace.root), "--json"])
    assert got.exit_code == 0, got.output
    doc = json.loads(got.stdout)
    text = squash(docx_read(files.docx)[0])
    m = re.search(r"逐条核查共发现问题([\d,]+)条.*?多发（应退未退）金额([\d,.]+)元，少发（应享未享）金额([\d,.]+)元", text)
    assert m is not None
    assert int(m.group(1).replace(",", "")) == sum(doc["findings"].values()) == ev.audit.total
    assert Decimal(m.group(2).replace(",", "")) == Decimal(str(doc["money_at_risk"]["overpaid"])) == ev.audit.overpaid
    assert Decimal(m.group(3).replace(",", "")) == Decimal(str(doc["money_at_risk"]["underpaid"])) == ev.audit.underpaid
    assert doc["rows"] == ev.rows
    assert audit_line(ev.audit) in runner.invoke(app, ["audit", str(ev.workspace.root)]).stdout.replace("\n", "")


def test_the_report_renders_from_the_evaluation_alone(demo, tmp_path):
    """The store deleted, the whole report is written again, the same: the narrative and
    the renderers read only the Evaluation."""
    ev, files, _, _ = demo
    store = ev.workspace.out / "jixiao.duckdb"
    store.unlink()
    again = write_report(ev, out=tmp_path)
    assert not store.exists()
    assert docx_read(again.docx)[0] == docx_read(files.docx)[0]
    assert html_read(again.html)[0] == html_read(files.html)[0]
    assert again.pdf is not None and again.pdf.stat().st_size > 10_000
