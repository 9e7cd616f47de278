"""原因分析 specific to what was found: for each finding family, how many persons, where
(the townships with most), when (the months), how much money, and which control failed;
for each deduction without findings, the evaluator's explanation (report.yaml 说明.指标),
the unspent balance and why (说明.结余), or the figure that fell short. The theme's general
sentence only when nothing specific is known."""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.audit.result import CodeSummary
from jixiao.evaluation import Evaluation
from jixiao.findings import CODES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.evidence import cite
from jixiao.narrative.missing import balance, todo
from jixiao.scoring.result import ScoredNode

PLACES = 3  # townships named per family
FUNDS_METRICS = {"budget_execution_rate", "fund_arrival_rate", "living_disbursement_rate", "care_disbursement_rate"}


def family_title(code: str) -> str:
    """A finding family's name as the report prints it."""
    return P.FAMILY_TITLES.get(code) or (CODES[code].title if code in CODES else code)


def places(f: CodeSummary, n: int = PLACES) -> str:
    """三乡镇（5人）、东区街道（3人): the townships where the family concentrates — those
    with at least two of its persons, when together they hold half of them; else ""."""
    shares = [s for s in sorted(f.by_township, key=lambda s: (-s.persons, -s.count, s.key))[:n]
              if s.key and s.persons >= 2]
    if not shares or 2 * sum(s.persons for s in shares) < f.persons:
        return ""
    return P.LIST_SEP.join(P.CAUSE_PLACE.format(place=s.key, n=N.count(s.persons)) for s in shares)


def where_text(f: CodeSummary) -> str:
    concentrated = places(f)
    if concentrated:
        return P.CAUSE_WHERE.format(places=concentrated)
    spread = len([s for s in f.by_township if s.key])
    return P.CAUSE_SPREAD.format(n=N.count(spread)) if spread > 1 else ""


def month_text(month: str) -> str:
    """2022-03 → 2022年3月."""
    year, m = month.split("-")[:2]
    return P.MONTH.format(y=year, m=int(m))


def months_text(first: str, last: str) -> str:
    if first == last:
        return month_text(first)
    if first[:4] == last[:4]:
        return P.MONTH_RANGE_SAME_YEAR.format(first=month_text(first), m=int(last[5:7]))
    return P.MONTH_RANGE.format(first=month_text(first), last=month_text(last))


def family_cause(ev: Evaluation, f: CodeSummary) -> str:
    months = [s.key for s in f.by_period if s.key]
    when = ""
    if months:
        first, last = months[0], months[-1]
        when = P.CAUSE_WHEN.format(months=months_text(first, last))
        changes = sorted(f"{s.start.year}-{s.start.month:02d}" for s in ev.workspace.policy.standards
                         if s.start.month > 1)
        if f.code == "amount-mismatch" and changes and first >= changes[0]:
            when += P.CAUSE_AFTER_CHANGE.format(month=month_text(changes[0]))
    money = (P.CAUSE_OVER.format(amount=N.money(f.overpaid)) if f.overpaid else "") + \
        (P.CAUSE_UNDER.format(amount=N.money(f.underpaid)) if f.underpaid else "")
    count = P.CAUSE_ROWS.format(n=N.count(f.count)) if f.count != f.persons else ""
    return P.CAUSE_FAMILY.format(title=family_title(f.code), persons=N.count(f.persons), rows=count,
                                 where=where_text(f), when=when, money=money,
                                 control=P.CONTROLS.get(f.code, P.CONTROL_DEFAULT))


def leaf_cause(ev: Evaluation, leaf: ScoredNode) -> str:
    """Why a deducted leaf lost points, where something specific is known."""
    note = ev.report.indicator_notes.get(leaf.code)
    if note:
        return P.CAUSE_LEAF.format(name=leaf.name, reason=cite(ev, note).rstrip("。"))
    if leaf.metric in FUNDS_METRICS:
        left = balance(ev)
        if left is not None and left > 0:
            reason = ev.report.balance_note
            if reason:
                return P.CAUSE_BALANCE.format(balance=N.money(left), note=cite(ev, reason).rstrip("。"))
            return P.CAUSE_BALANCE_TODO.format(balance=N.money(left), todo=todo(ev, "说明.结余"))
    return ""


def cause_text(ev: Evaluation, theme: str, leaves: Sequence[ScoredNode], families: Sequence[CodeSummary]) -> str:
    """The problem's 原因分析, one clause per family and per explained leaf."""
    parts = list(dict.fromkeys(c for c in (*(leaf_cause(ev, x) for x in leaves),
                                           *(family_cause(ev, f) for f in families)) if c))
    if not parts:
        return P.THEME_CAUSES[theme]
    if len(parts) == 1:
        return P.CAUSE_LEAD + parts[0] + P.CLAUSE_END
    return P.CAUSE_LEAD + P.CLAUSE_SEP.join(P.NTH.format(n=P.cn_ordinal(i)) + p
                                            for i, p in enumerate(parts, 1)) + P.CLAUSE_END
