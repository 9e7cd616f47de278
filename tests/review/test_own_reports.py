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
