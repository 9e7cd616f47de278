"""jixiao's own reports — the demo, sanxiang-2022, changji-2018, written at test time by
`service.report_workspace` — yield no finding in docx, html or pdf, and the review reads from
each the score table jixiao computed: every indicator's weight and score, the total, the grade.

Extraction reads the reports' structure (score tables by their 代码/指标/分值/得分 headers,
numbered headings, 合计 rows, working papers by their keys), not their sentences, so this
stays true when the report's wording changes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.review import review_file
from tests.review.conftest import OWN

FORMATS = ("docx", "html", "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", OWN)
def test_jixiao_report_has_no_finding(own_reports, name, fmt):
    _, files = own_reports(name)
    review = review_file(getattr(files, fmt))
    assert [(f.code, f.where, f.quote, f.detail) for f in review.findings] == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", OWN)
def test_review_reads_the_score_table_jixiao_computed(own_reports, name, fmt):
    ev, files = own_reports(name)
    review = review_file(getattr(files, fmt))
    expected = {(n.code, n.weight.normalize(), n.score.normalize()) for _, n in ev.score.walk()}
    read = {(r.code, r.weight.normalize(), r.score.normalize()) for r in review.rows
            if r.weight is not None and r.score is not None}
    assert read == expected
    assert all(r.places >= 2 and not r.conflict for r in review.rows)
    assert (review.total, review.total_recomputed) == (ev.score.total, ev.score.total)
    assert (review.grade, review.grade_recomputed) == (ev.score.grade, ev.score.grade)
    assert ev.score.total > Decimal(0)


def test_the_tables_and_headings_alone_give_the_score_table(own_reports, tmp_path):
    """Reworded sentences cannot break the review: with every body paragraph removed (only
    headings and tables left) the demo still reads as the score table jixiao computed."""
    import docx  # python-docx, to write the stripped copy
    from docx.oxml.ns import qn

    ev, files = own_reports("demo")
    document = docx.Document(str(files.docx))
    styles = {s.style_id: s.name for s in document.styles}
    for p in list(document.element.body.iterchildren(qn("w:p"))):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or not styles.get(style.get(qn("w:val")), "").startswith("Heading"):
            document.element.body.remove(p)
    stripped = tmp_path / "tables-only.docx"
    document.save(str(stripped))
    review = review_file(stripped)
    assert not any(b.kind == "para" for b in review.extraction.report.blocks)
    assert review.findings == ()
    expected = {(n.code, n.weight.normalize(), n.score.normalize()) for _, n in ev.score.walk()}
    assert {(r.code, r.weight.normalize(), r.score.normalize()) for r in review.rows} == expected
    assert (review.total, review.grade) == (ev.score.total, ev.score.grade)
