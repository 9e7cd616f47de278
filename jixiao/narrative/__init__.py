"""Narrative: the Evaluation → the report as a document model (jixiao.narrative.document),
all Chinese text from jixiao.narrative.phrases, every name of the data, ID and phone masked
by jixiao.narrative.mask. Renderers (jixiao.report) only lay the document out."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from jixiao.evaluation import Evaluation
from jixiao.narrative import analysis, annexes, closing, intro, overview, work
from jixiao.narrative import phrases as P
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import Document, Toc
from jixiao.narrative.mask import NameMasker, mask_values
from jixiao.narrative.missing import report_missing
from jixiao.narrative.problems import derive

__all__ = ["Document", "build_document"]


def build_document(ev: Evaluation, today: dt.date | None = None) -> Document:
    """The whole report, in the outline of 财预〔2020〕10号 with its annexes."""
    problems = derive(ev)
    b = Builder()
    b.blocks.append(Toc(P.TOC_TITLE))
    b.page_break()
    intro.opening(b, ev)
    b.p(analysis.verdict_text(ev), label="verdict")
    overview.basic(b, ev)
    work.work(b, ev, annexes.annex_number("checks"))
    analysis.conclusion(b, ev, problems)
    analysis.analysis(b, ev)
    closing.experience_and_problems(b, ev, problems)
    closing.advice(b, problems)
    closing.other(b, ev)
    annexes.scores(b, ev)
    annexes.base(b, ev)
    annexes.checks(b, ev)
    annexes.survey(b, ev)
    annexes.papers(b, ev)
    day = today or ev.workspace.project.report_date or dt.date.today()
    cover = intro.cover(ev, day, draft=bool(report_missing(ev)))
    doc = Document(cover, tuple(b.blocks), P.PAGE)
    masker = NameMasker(ev.names)
    return replace(doc, cover=mask_values(doc.cover, masker), blocks=mask_values(doc.blocks, masker))
