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
from tests.report.selfcheck import check_figures, check_language, check_private, check_tables, check_text, squash

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
    """The cover carries no number; the page after it is 第1页, as in the docx, and every
    contents entry points at the page where its heading is printed."""
    import re
    import subprocess

    _, files = report
    pages = subprocess.run(["pdftotext", "-layout", str(files.pdf), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    numbers = [re.findall(r"第(\d+)页", page) for page in pages[:4]]
    assert numbers[0] == [] and numbers[1][-1] == "1" and numbers[2][-1] == "2"
    entry = re.search(r"一、基本情况[ .…]+(\d+)", pages[1])
    assert entry is not None
    printed_on = next(i for i, page in enumerate(pages) if re.search(r"^\s*一、基本情况\s*$", page, re.M))
    assert re.findall(r"第(\d+)页", pages[printed_on])[-1] == entry.group(1)


def test_docx_contents_field_lists_the_headings_before_word_updates_it(report):
    import docx

    _, files = report
    paragraphs = docx.Document(str(files.docx)).paragraphs
    toc = next(p for p in paragraphs if "TOC" in "".join(t.text or "" for t in p._p.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText")))
    headings = [p.text for p in paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert len(headings) >= 10
    for heading in headings:
        assert heading.strip() in toc.text


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
