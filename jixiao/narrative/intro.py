"""The cover (title, project lines, the signature and seal block, the report date), the
opening paragraph, and the dates and grade bands the sections share."""

from __future__ import annotations

import datetime as dt

from jixiao.evaluation import Evaluation
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import Cover


def cn_date(d: dt.date) -> str:
    return P.DATE.format(y=d.year, m=d.month, d=d.day)


def cover(ev: Evaluation, today: dt.date, draft: bool) -> Cover:
    p = ev.workspace.project
    values = {"name": p.name, "unit": p.unit, "commissioner": p.commissioner, "evaluator": p.evaluator,
              "base_date": cn_date(p.base_date)}
    lines = tuple((P.COVER_LABELS[k], v) for k, v in values.items() if v)
    lead = ev.report.lead()
    signature = ((P.SIGN_SEAL, ""), (P.SIGN_LEAD, lead.name if lead else ""), (P.SIGN_DATE, cn_date(today)))
    return Cover(P.TITLE.format(name=p.name), lines, P.COVER_DATE.format(date=cn_date(today)), signature,
                 P.COVER_DRAFT if draft else "")


def opening(b: Builder, ev: Evaluation) -> None:
    p = ev.workspace.project
    fields = dict(commissioner=p.commissioner, evaluator=p.evaluator or P.EVALUATOR_DEFAULT, unit=p.unit,
                  name=p.name, base_date=cn_date(p.base_date))
    template = P.OPENING_COMMISSIONED if p.commissioner else P.OPENING_SELF
    method = P.OPENING_METHOD_DATA if ev.audit is not None else P.OPENING_METHOD_FACTS
    b.p(template.format(**fields) + method)


def grade_bands(result) -> str:  # type: ignore[no-untyped-def]
    bands = sorted(result.grades, key=lambda g: g[0], reverse=True)
    if not bands:
        return ""
    parts = []
    for i, (low, label) in enumerate(bands):
        if low > 0 or i == 0:
            parts.append(P.GRADE_BAND.format(label=label, min=N.score(low)))
        else:
            parts.append(P.GRADE_BAND_LAST.format(label=label, prev=N.score(bands[i - 1][0])))
    return P.GRADE_BANDS.format(n=len(bands), bands="、".join(parts))
