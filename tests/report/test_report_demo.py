"""The demo workspace (synthetic county, every anomaly injected): the report's numbers
are the result's, money at risk included, and no ID, name or phone number appears whole
in the docx, the html or the pdf."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.cli._common import Progress
from jixiao.cli.demo import make_demo
from jixiao.ingest.store import open_store
from jixiao.report import write_report
from jixiao.service import evaluate_workspace
from tests.report.readback import docx_read, html_read, pdf_text
from tests.report.selfcheck import check_private, check_tables, check_text


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
