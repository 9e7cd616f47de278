"""Narrative: the Evaluation → the report as a document model (jixiao.narrative.document),
all Chinese text from jixiao.narrative.phrases, personal data masked by
jixiao.narrative.mask. Renderers (jixiao.report) only lay the document out."""

from __future__ import annotations

import datetime as dt

from jixiao.evaluation import Evaluation
from jixiao.narrative.document import Document, Toc
from jixiao.narrative.sources import Sources, gather

__all__ = ["Document", "build_document"]


def build_document(ev: Evaluation, src: Sources | None = None, today: dt.date | None = None) -> Document:
    """The whole report, in the outline of 财预〔2020〕10号 with its annexes."""
    from jixiao.narrative import analysis, annexes, closing, intro
    from jixiao.narrative import phrases as P
    from jixiao.narrative.builder import Builder
    from jixiao.narrative.problems import derive

    src = src if src is not None else gather(ev)
    problems = derive(ev, src)
    b = Builder()
    b.blocks.append(Toc(P.TOC_TITLE, P.TOC_PLACEHOLDER))
    b.page_break()
    intro.opening(b, ev, src)
    b.p(analysis.verdict_text(ev), label="verdict")
    intro.basic(b, ev, src)
    intro.work(b, ev, src, annexes.annex_number("checks"))
    analysis.conclusion(b, ev, problems)
    analysis.analysis(b, ev)
    closing.experience_and_problems(b, ev, src, problems)
    closing.advice(b, problems)
    closing.other(b, ev)
    annexes.scores(b, ev)
    annexes.base(b, ev, src)
    annexes.checks(b, ev, src)
    annexes.survey(b, ev)
    annexes.papers(b, ev, src)
    cover = intro.cover(ev, today or ev.workspace.project.report_date or dt.date.today())
    return Document(cover, tuple(b.blocks), P.PAGE)
