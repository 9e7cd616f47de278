"""The worked examples (Sanxiang 2022 from facts and judgments; Changji 2018 from facts,
judgments and survey tallies): the report's numbers are the result's, and it says plainly
which data were not provided."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.report import write_report
from jixiao.service import evaluate_workspace
from tests.report.readback import docx_read, html_read, pdf_text
from jixiao.narrative import build_document
from jixiao.narrative.missing import final_missing
from tests.report.selfcheck import (check_figures, check_language, check_private, check_shape, check_tables,
                                    check_text, squash)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# example → (total, grade) as the seed reports state them
STATED = {"sanxiang-2022": ("85.9", "良"), "changji-2018": ("92", "优")}


@pytest.fixture(scope="module", params=sorted(STATED))
def report(request, tmp_path_factory):
    ws = tmp_path_factory.mktemp("ws") / request.param
    shutil.copytree(EXAMPLES / request.param, ws, ignore=shutil.ignore_patterns("out"))
    ev = evaluate_workspace(ws)
    files = write_report(ev)
    return ev, files


def test_writes_docx_html_and_pdf(report):
    _, files = report
    for path in (files.docx, files.html, files.pdf):
        assert path is not None and path.stat().st_size > 10_000


@pytest.mark.parametrize("reader", [docx_read, html_read], ids=["docx", "html"])
def test_every_printed_number_is_the_results(report, reader):
    ev, files = report
    path = files.docx if reader is docx_read else files.html
    text, tables = reader(path)
    checked = check_text(ev, text, path.name)
    assert checked["verdict"] >= 2
    assert checked["weight_score"] >= len(ev.score.leaves()) + len(ev.score.indicators)
    assert checked["deduction"] == len([n for n in ev.score.leaves() if n.score < n.weight])
    assert checked["money"] >= 6 and checked["percent"] >= 8
    checked = check_tables(ev, tables, path.name)
    assert checked["score_rows"] == len([n for _, n in ev.score.walk()])
    assert checked["level1_rows"] == len(ev.score.indicators)
    assert checked["papers"] == len(ev.score.leaves())


def test_verdict_is_in_all_three_files(report):
    ev, files = report
    total, grade = STATED[ev.workspace.root.name]
    verdict = f"绩效评价得分为{total}分（满分100分），评价等级为“{grade}”"
    assert ev.score.total == Decimal(total) and ev.score.grade == grade
    assert verdict in docx_read(files.docx)[0]
    assert verdict in html_read(files.html)[0]
    assert verdict.replace("“", "").replace("”", "") in pdf_text(files.pdf).replace("\n", "").replace(" ", "") \
        .replace("“", "").replace("”", "")


def test_says_which_data_were_not_provided(report):
    ev, files = report
    text = docx_read(files.docx)[0]
    assert "未提供花名册和发放明细，未开展逐条数据核查" in text
    assert ("未提供问卷数据" in text) == (ev.survey is None)
    assert "逐条核查共发现问题" not in text


def test_no_personal_data(report):
    _, files = report
    for text, where in ((docx_read(files.docx)[0], "docx"), (html_read(files.html)[0], "html"),
                        (pdf_text(files.pdf), "pdf")):
        check_private(text, set(), set(), set(), where)


def test_html_is_self_contained(report):
    _, files = report
    html = files.html.read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in html
    assert "<link" not in html and 'src="http' not in html and "charts/" not in html


# example → printed figures and a wrong value for each, to show the self-check is not vacuous
TAMPER = {
    "sanxiang-2022": [("得分为85.9分", "得分为86.9分"), ("（分值20分，得分16分", "（分值20分，得分17分"),
                      ("2,200,000.00元", "2,200,001.00元"), ("57.59%", "57.60%")],
    "changji-2018": [("得分为92分", "得分为93分"), ("分值25分，得分25分", "分值25分，得分24分"),
                     ("3,793,920.00元", "3,793,902.00元"), ("92.92%", "93.00%"), ("73.00%", "90.00%")],
}


@pytest.mark.parametrize("case", range(5))
def test_the_self_check_catches_a_wrong_number(report, case):
    ev, files = report
    cases = TAMPER[ev.workspace.root.name]
    right, wrong = cases[case % len(cases)]
    text = docx_read(files.docx)[0]
    assert right in text
    with pytest.raises(AssertionError):
        check_text(ev, text.replace(right, wrong), "tampered")


def test_pdf_pages_are_numbered_from_the_contents_page_and_the_contents_agree(report):
    """The cover carries no number; pages count from it, so the contents page is 第2页 (as
    in the docx), and every contents entry points at the page where its heading is printed."""
    import re
    import subprocess

    _, files = report
    pages = subprocess.run(["pdftotext", "-layout", str(files.pdf), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    numbers = [re.findall(r"第(\d+)页", page) for page in pages[:4]]
    assert numbers[0] == [] and numbers[1][-1] == "2" and numbers[2][-1] == "3"
    entry = re.search(r"一、基本情况[ .…]+(\d+)", pages[1])
    assert entry is not None
    printed_on = next(i for i, page in enumerate(pages) if re.search(r"^\s*一、基本情况\s*$", page, re.M))
    assert re.findall(r"第(\d+)页", pages[printed_on])[-1] == entry.group(1)


def test_docx_contents_lists_every_heading_with_a_page_reference_to_it(report):
    """The contents page needs no instructions: one entry per heading of levels 1–2, each
    with a PAGEREF field to the bookmark on that heading, which Word and LibreOffice fill."""
    import docx

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    _, files = report
    paragraphs = docx.Document(str(files.docx)).paragraphs
    headings = [p for p in paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert len(headings) >= 10
    marks = {h.text.strip(): h._p.find(f"{w}bookmarkStart").get(f"{w}name") for h in headings}
    entries = {}
    for p in paragraphs:
        refs = [t.text.split()[1] for t in p._p.iter(f"{w}instrText") if "PAGEREF" in (t.text or "")]
        if refs:
            entries[p.text.strip()] = refs[0]
    assert entries == marks
    assert not any("更新域" in p.text or "右键" in p.text for p in paragraphs)


def test_notes_stay_out_and_the_report_speaks_plain_chinese(report):
    """A judgment's note is the evaluator's own remark about the seed report: never printed.
    No code, repr or English; every named figure the Evaluation's, the same in every file."""
    ev, files = report
    notes = [n.note for n in ev.score.leaves() if n.note]
    assert notes  # both examples carry remarks about their seed reports
    texts = ((docx_read(files.docx)[0], "docx"), (html_read(files.html)[0], "html"),
             (pdf_text(files.pdf, layout=False), "pdf"))
    printed = []
    for text, where in texts:
        check_language(ev, text, where)
        for note in notes:
            assert squash(note) not in squash(text), (where, note)
        printed.append(check_figures(ev, text, where, pairs=where != "pdf"))
    assert printed[0] == printed[1] and all(printed[2][k] == printed[0][k] for k in printed[2])


def test_the_report_is_as_complete_as_its_seed(report):
    """report.yaml from the seed's own content: policy documents, implementers, goals, the
    evaluation's course and evidence; only what the seed does not say (its team) is marked."""
    ev, files = report
    check_shape(ev, build_document(ev), ev.workspace.root.name)
    r = ev.report
    assert len(r.documents) >= 4 and r.implementers and r.targets and r.phases and r.evidence
    assert [m.key for m in final_missing(ev)] == ["评价工作.工作组"]
    text = squash(docx_read(files.docx)[0])
    assert "国发〔2015〕52号" in text and "（证据E" in text
    cited = [n for n in ev.score.leaves() if "【E" in n.basis]
    assert cited and all("【E" not in squash(t) for t in (text,))


def test_a_judgment_contradicting_the_survey_is_a_warning_in_the_report(report):
    ev, files = report
    if ev.survey is None:
        pytest.skip("the Sanxiang seed has no survey")
    assert any(w.startswith("C21 受益残疾人认可度") and "73.00%" in w for w in ev.score.warnings)
    assert "评分与计算结果不一致" in squash(docx_read(files.docx)[0])


def test_libreoffice_lays_out_the_docx_with_its_contents_page_numbers(report, tmp_path):
    """The docx as Word/WPS users see it (LibreOffice headless, its own profile): the contents
    page carries a page number for every entry, and the 一、基本情况 entry points at its page."""
    import re

    from tests.report.render import docx_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice is installed by scripts/install.sh --test")
    ev, files = report
    if ev.workspace.root.name != "sanxiang-2022":
        pytest.skip("one example is enough to lay out")
    pages = pdf_text(docx_to_pdf(files.docx, tmp_path)).split("\f")
    toc = next(p for p in pages if "目" in p and "录" in p and "一、基本情况" in p)
    entries = re.findall(r"^\s*(\S.*?)\.{3,}\s*(\d+)\s*$", toc, re.M)
    assert len(entries) >= 20
    page = int(next(n for t, n in entries if t.startswith("一、基本情况")))
    assert re.search(r"^\s*一、基本情况\s*$", pages[page - 1], re.M)
