"""五、主要经验及做法、存在的问题及原因分析; 六、有关建议; 七、其他需要说明的问题."""

from __future__ import annotations

from jixiao.evaluation import Evaluation
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.builder import Builder
from jixiao.narrative.causes import family_title
from jixiao.narrative.evidence import cite
from jixiao.narrative.explain import metric_value
from jixiao.narrative.inputs import metric_inputs
from jixiao.narrative.missing import report_missing
from jixiao.narrative.problems import Problem
from jixiao.narrative.work import survey_mismatch
from jixiao.workspace import DATA_TABLES

# finding families whose absence says something only when these tables were checked
NEEDS = {"paid-after-death": "deaths", "not-eligible-living": "dibao"}


def measured_good(ev: Evaluation) -> list[str]:
    """What the data show was done well: metric indicators at full marks, with their figures,
    and the checks that found nothing."""
    out = []
    values = {k: N.input_value(k, v) for k, v in metric_inputs(ev).items()}
    for leaf in ev.score.leaves():
        m = ev.score.metrics.get(leaf.metric) if leaf.metric else None
        if m is None or m.value is None or leaf.score is None or leaf.score < leaf.weight or m.id not in P.GOOD_METRIC:
            continue
        try:
            text = P.GOOD_METRIC[m.id].format(value=metric_value(m), **values)
        except KeyError:  # a figure the sentence names is not among this evaluation's inputs
            text = P.GOOD_METRIC[m.id].split("，")[0].format(value=metric_value(m))
        out.append(P.GOOD_METRIC_ITEM.format(text=text, name=leaf.name))
    if ev.audit is not None:
        clean = [family_title(c.code) for c in ev.audit.codes if not c.count and c.severity == "error"
                 and ev.provided.get(NEEDS.get(c.code, "payments"), False) and ev.provided["roster"]]
        if clean:
            out.append(P.GOOD_CLEAN.format(titles="、".join(clean)))
    return out


def judged_good(ev: Evaluation) -> list[str]:
    """Judged indicators at full marks whose basis says what was done (the evaluator's words)."""
    return [P.GOOD_JUDGED.format(name=n.name, basis=cite(ev, n.basis).rstrip("。"))
            for n in ev.score.leaves() if n.kind in ("judgment", "checklist") and n.score is not None
            and n.score == n.weight and n.basis]


def experience_and_problems(b: Builder, ev: Evaluation, problems: list[Problem]) -> None:
    b.h(1, P.H1["problems"])
    b.h(2, P.H2["experience"])
    lessons = ev.report.lessons
    for i, lesson in enumerate(lessons, 1):
        b.h(3, P.H3_NUMBERED.format(n=i, text=lesson.title))
        if lesson.text:
            for para in lesson.text.split("\n\n"):
                b.p(cite(ev, para))
    good = measured_good(ev) + ([] if lessons else judged_good(ev)[:4])
    if good:
        b.p(P.GOOD_LESSONS_THEN if lessons else P.GOOD_INTRO)
        for i, line in enumerate(good, 1):
            b.p(f"（{i}）{line.rstrip('。')}。")
    elif not lessons:
        b.p(P.GOOD_NONE)

    b.h(2, P.H2["issues"])
    if not problems:
        b.p(P.PROBLEMS_NONE)
        return
    b.p(P.PROBLEMS_INTRO.format(n=P.cn_ordinal(len(problems))))
    for i, problem in enumerate(problems, 1):
        b.h(3, P.H3_NUMBERED.format(n=i, text=problem.title))
        for text in problem.body:
            b.p(text, label=f"problem:{problem.ref}")


def advice(b: Builder, problems: list[Problem]) -> None:
    b.h(1, P.H1["advice"])
    if not problems:
        b.p(P.ADVICE_NONE)
        return
    b.p(P.ADVICE_INTRO)
    for i, problem in enumerate(problems, 1):
        b.h(2, P.H2_NUMBERED.format(n=P.cn_ordinal(i), text=problem.advice_title))
        b.p(problem.advice, label=f"advice:{problem.ref}")


def other(b: Builder, ev: Evaluation) -> None:
    r = ev.score
    b.h(1, P.H1["other"])
    items = [cite(ev, x) for x in ev.report.other]
    missing = [P.TABLE_NAMES[t] for t in DATA_TABLES if not ev.provided[t]]
    if missing:
        items.append(P.OTHER_NOT_PROVIDED.format(items="、".join(missing)))
    for warning in (*r.warnings, survey_mismatch(ev)):
        if warning:
            items.append(P.OTHER_WARNING.format(text=warning.rstrip("。")))
    for leaf in r.leaves():
        if leaf.overridden:
            items.append(P.OTHER_OVERRIDE.format(name=leaf.name, code=leaf.code, computed=N.score(leaf.computed),
                                                 score=N.score(leaf.score), basis=cite(ev, leaf.basis).rstrip("。") + "。"))
    if r.pending:
        names = [f"{n.code} {n.name}" for n in r.leaves() if n.pending]
        items.append(P.OTHER_PENDING.format(items="、".join(names)))
    items.append(P.OTHER_PRIVACY)
    todo = report_missing(ev)
    if todo:
        items.append(P.OTHER_DRAFT.format(items="、".join(m.label for m in todo)))
    b.p(P.OTHER_INTRO)
    for i, text in enumerate(items, 1):
        b.p(f"{i}. {text}")
