"""五、主要经验及做法、存在的问题及原因分析; 六、有关建议; 七、其他需要说明的问题."""

from __future__ import annotations

from jixiao.evaluation import Evaluation
from jixiao.findings import CODES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.builder import Builder
from jixiao.narrative.problems import Problem
from jixiao.workspace import DATA_TABLES


def experience_and_problems(b: Builder, ev: Evaluation, problems: list[Problem]) -> None:
    b.h(1, P.H1["problems"])
    b.h(2, P.H2["experience"])
    lines = []
    for top in ev.score.indicators:
        full = [n.name for _, n in top.walk() if n.is_leaf and n.score is not None and n.score == n.weight]
        if full:
            template = P.EXPERIENCE_ITEM_ONE if len(full) == 1 else P.EXPERIENCE_ITEM
            lines.append(template.format(level1=top.name, names="、".join(full[:6]), n=len(full)))
    if ev.audit is not None:
        found = {f.code for f in ev.audit.found}
        clean = [c.title for code, c in CODES.items() if code not in found]
        if clean:
            lines.append(P.EXPERIENCE_DATA.format(clean="、".join(clean)))
    if lines:
        b.p(P.EXPERIENCE_INTRO)
        for i, line in enumerate(lines, 1):
            b.p(f"{i}. {line}")
    else:
        b.p(P.EXPERIENCE_NONE)

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
    items = []
    missing = [P.TABLE_NAMES[t] for t in DATA_TABLES if not ev.provided[t]]
    if missing:
        items.append(P.OTHER_NOT_PROVIDED.format(items="、".join(missing)))
    for warning in r.warnings:
        items.append(P.OTHER_WARNING.format(text=warning.rstrip("。")))
    for leaf in r.leaves():
        if leaf.overridden:
            items.append(P.OTHER_OVERRIDE.format(name=leaf.name, code=leaf.code, computed=N.score(leaf.computed),
                                                 score=N.score(leaf.score), basis=leaf.basis.rstrip("。") + "。"))
    if r.pending:
        names = [f"{n.code} {n.name}" for n in r.leaves() if n.pending]
        items.append(P.OTHER_PENDING.format(items="、".join(names)))
    items.append(P.OTHER_PRIVACY)
    items.append(P.OTHER_CONSISTENCY)
    b.p(P.OTHER_INTRO)
    for i, text in enumerate(items, 1):
        b.p(f"{i}. {text}")
