"""Narrative: the Evaluation → the report as a document model (jixiao.narrative.document),
all Chinese text from jixiao.narrative.phrases, personal data masked by
jixiao.narrative.mask. Renderers (jixiao.report) only lay the document out."""

from __future__ import annotations

import datetime as dt

from jixiao.evaluation import Evaluation
from jixiao.narrative import analysis, annexes, closing, intro
from jixiao.narrative import phrases as P
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import Document, Toc
from jixiao.narrative.problems import derive

__all__ = ["Document", "build_document"]


def build_document(ev: Evaluation, today: dt.date | None = None) -> Document:
    """The whole report, in the outline of 财预〔2020〕10号 with its annexes."""
    problems = derive(ev)
    b = Builder()
    b.blocks.append(Toc(P.TOC_TITLE, P.TOC_PLACEHOLDER))
    b.page_break()
    intro.opening(b, ev)
    b.p(analysis.verdict_text(ev), label="verdict")
    intro.basic(b, ev)
    intro.work(b, ev, annexes.annex_number("checks"))
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
    cover = intro.cover(ev, today or ev.workspace.project.report_date or dt.date.today())
    return Document(cover, tuple(b.blocks), P.PAGE)
