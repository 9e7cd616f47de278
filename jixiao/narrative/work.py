"""二、绩效评价工作开展情况: purpose and scope, framework and methods, the data and the
evidence reviewed, and the real course of the work — phases with their dates, the team,
site visits, interviews, file and questionnaire sampling — from report.yaml."""

from __future__ import annotations

import datetime as dt

from jixiao.evaluation import Evaluation
from jixiao.findings import CODES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.annexes import rows_table
from jixiao.narrative.builder import Builder
from jixiao.narrative.evidence import cite
from jixiao.narrative.intro import cn_date, grade_bands
from jixiao.narrative.missing import todo
from jixiao.workspace import DATA_TABLES


def work(b: Builder, ev: Evaluation, checks_annex: int) -> None:
    b.h(1, P.H1["work"])
    purpose(b, ev)
    framework(b, ev)
    data(b, ev, checks_annex)
    process(b, ev)


def purpose(b: Builder, ev: Evaluation) -> None:
    p = ev.workspace.project
    b.h(2, P.H2["purpose"])
    scope = P.OBJECT_SCOPE.format(unit=p.unit, name=p.name, year=p.year, base_date=cn_date(p.base_date))
    if ev.report.purpose:
        paras = ev.report.purpose.split("\n\n")
        for para in paras:
            b.p(cite(ev, para))
        b.p(scope)
    else:
        b.p(P.PURPOSE.format(unit=p.unit, name=p.name, year=p.year, base_date=cn_date(p.base_date)))


def framework(b: Builder, ev: Evaluation) -> None:
    result = ev.score
    b.h(2, P.H2["framework"])
    counts: dict[int, int] = {}
    for depth, _ in result.walk():
        counts[depth] = counts.get(depth, 0) + 1
    levels = "、".join(P.LEVEL_COUNT.format(n=counts[d], level=P.LEVEL_NAMES[min(d, len(P.LEVEL_NAMES)) - 1])
                       for d in sorted(counts))
    b.p(P.FRAMEWORK_TEXT.format(framework=result.framework, levels=levels, max_total=N.score(result.max_total))
        + grade_bands(result))
    if ev.report.methods:
        b.p(P.METHODS_GIVEN.format(methods="、".join(ev.report.methods)))
    b.p(P.METHODS)


def data(b: Builder, ev: Evaluation, checks_annex: int) -> None:
    ws = ev.workspace
    b.h(2, P.H2["data"])
    provided = [t for t in DATA_TABLES if ev.provided[t]]
    missing = [t for t in DATA_TABLES if not ev.provided[t]]
    if provided:
        b.p(P.DATA_PROVIDED.format(items="、".join(
            P.DATA_ITEM.format(table=P.TABLE_NAMES[t], file=ws.data[t].label) for t in provided)))
    if missing:
        b.p(P.DATA_NOT_PROVIDED.format(items="、".join(P.TABLE_NAMES[t] for t in missing)))
    rows_table(b, ev)
    if ev.audit is not None:
        b.p(P.CHECKS_DONE.format(n=len(CODES), codes="、".join(c.title for c in CODES.values()), annex=checks_annex))
    else:
        b.p(P.CHECKS_NONE, label="not-provided")
    evidence = ev.report.evidence
    if evidence:
        b.p(P.EVIDENCE_INTRO, style="lead")
        b.table(P.EVIDENCE_TABLE, P.EVIDENCE_HEADERS, [(e.id, e.name, e.kind, e.note) for e in evidence],
                widths=(1.4, 6, 1.8, 3.4), align="clll", label="evidence")
    else:
        b.p(todo(ev, "证据") or P.EVIDENCE_NONE, label="todo")


def _date(d: dt.date | None) -> str:
    return cn_date(d) if d else P.DATE_UNKNOWN


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start != end:
        return P.PERIOD_RANGE.format(start=cn_date(start), end=cn_date(end))
    return _date(start or end)


def process(b: Builder, ev: Evaluation) -> None:
    r = ev.report
    b.h(2, P.H2["process"])
    if r.phases:
        b.p(P.PHASES_INTRO, style="lead")
        b.table(P.PHASES_TABLE, P.PHASES_HEADERS, [(p.name, _period(p.start, p.end), cite(ev, p.work)) for p in r.phases],
                widths=(2.2, 3.6, 7), align="llL", label="phases")
    else:
        b.p(todo(ev, "评价工作.阶段") or "", label="todo")
    if r.team:
        b.p(P.TEAM_INTRO, style="lead")
        b.table(P.TEAM_TABLE, P.TEAM_HEADERS, [(m.name, m.role, m.unit) for m in r.team], widths=(2, 3, 5),
                align="lll", label="team")
    else:
        b.p(todo(ev, "评价工作.工作组"), label="todo")
    if r.visits:
        b.p(P.VISITS_INTRO)
        for v in r.visits:
            b.p(P.VISIT_ITEM.format(date=_date(v.date), place=v.place,
                                    work=P.VISIT_WORK.format(work=cite(ev, v.work)) if v.work else ""))
    else:
        b.p(todo(ev, "评价工作.现场核查") or P.VISITS_NONE, label="todo")
    if r.interviews:
        b.p(P.INTERVIEWS_INTRO)
        for i in r.interviews:
            b.p(P.INTERVIEW_ITEM.format(
                date=_date(i.date), how=P.INTERVIEW_HOW.format(how=i.how) if i.how else "", who=i.who,
                count=P.INTERVIEW_COUNT.format(count=i.count) if i.count else "",
                topics=P.INTERVIEW_TOPICS.format(topics=cite(ev, i.topics)) if i.topics else ""))
    else:
        b.p(todo(ev, "评价工作.访谈") or P.INTERVIEWS_NONE, label="todo")
    sampling(b, ev)


def sampling(b: Builder, ev: Evaluation) -> None:
    r = ev.report
    if not r.has("评价工作.抽样"):
        b.p(todo(ev, "评价工作.抽样"), label="todo")
        return
    f = r.files_sample
    if f is None:
        b.p(P.FILES_SAMPLE_NONE)
    else:
        method = f.method or ""
        body = (P.FILES_SAMPLE_BODY.format(total=N.count(f.total), method=method, drawn=N.count(f.drawn))
                if f.total else P.FILES_SAMPLE_DRAWN.format(method=method, drawn=N.count(f.drawn)))
        b.p(P.FILES_SAMPLE.format(body=body + (P.SAMPLE_NOTE.format(note=cite(ev, f.note)) if f.note else "")))
    s = r.survey_sample
    if s is None:
        b.p(P.SURVEY_SAMPLE_NONE)
        return
    body = P.SURVEY_SAMPLE_BODY.format(sent=N.count(s.sent), returned=N.count(s.returned), valid=N.count(s.valid))
    body += P.SAMPLE_METHOD.format(method=s.method) if s.method else ""
    body += P.SAMPLE_PERIOD.format(period=s.period) if s.period else ""
    b.p(P.SURVEY_SAMPLE.format(body=body))


def survey_mismatch(ev: Evaluation) -> str:
    """A note when report.yaml's valid questionnaires differ from the survey data's respondents."""
    s, data = ev.report.survey_sample, ev.survey
    if s is None or s.valid is None or data is None or not data.respondents or s.valid == data.respondents:
        return ""
    return P.SURVEY_SAMPLE_MISMATCH.format(stated=N.count(s.valid), data=N.count(data.respondents))
