"""The perturbation harness on jixiao's own reports: one figure changed at one place per copy
— a score, a total, a grade, a rate, a unit, a sum — and every change is found. Bounded: the
demo (every kind, three places each) and sanxiang-2022 (no data tables: five kinds, two places
each); bench/bench_review.py runs all reports with more places and prints the recall table."""

from __future__ import annotations

import pytest

from jixiao.review import review_file
from jixiao.review.docxedit import units
from jixiao.review.perturb import KINDS, apply, measure, perturbations, recall


def test_perturbation_changes_one_paragraph_only(own_reports, tmp_path):
    _, files = own_reports("demo")
    p = perturbations(files.docx, per_kind=1, kinds=("total",))[0]
    copy = apply(files.docx, p, tmp_path / "copy.docx")
    before, after = units(files.docx), units(copy)
    changed = [(a.text, b.text) for a, b in zip(before, after) if a.text != b.text]
    assert len(before) == len(after)
    assert changed == [(before[p.unit].text, before[p.unit].text[:p.start] + p.new + before[p.unit].text[p.end:])]
    assert p.old != p.new and p.old in changed[0][0]


@pytest.mark.parametrize("name,per_kind,kinds", [("demo", 3, KINDS), ("sanxiang-2022", 2, KINDS[:5])])
def test_every_injected_perturbation_is_found(own_reports, tmp_path, name, per_kind, kinds):
    _, files = own_reports(name)
    assert review_file(files.docx).findings == ()
    outcomes = measure(files.docx, tmp_path, per_kind=per_kind, kinds=kinds)
    table = recall(outcomes)
    assert set(table) == set(kinds)
    assert all(n == per_kind for _, n in table.values()), table
    for kind in kinds:
        places = {o.perturbation.place for o in outcomes if o.perturbation.kind == kind}
        units_ = {o.perturbation.unit for o in outcomes if o.perturbation.kind == kind}
        assert len(units_) == per_kind, (kind, places)
    missed = [o.perturbation.describe() for o in outcomes if not o.found]
    assert missed == []
