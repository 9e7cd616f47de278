"""三、综合评价情况及评价结论 and 四、绩效评价指标分析: the score, grade and each 一级
indicator's score and rate; then every indicator with its figures, computation and basis."""

from __future__ import annotations

from jixiao.evaluation import Evaluation
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import ChartSpec
from jixiao.narrative.explain import leaf_body
from jixiao.narrative.problems import Problem
from jixiao.scoring.result import ScoredNode


def verdict_text(ev: Evaluation) -> str:
    r = ev.score
    if r.complete and r.grade:
        return P.VERDICT.format(total=N.score(r.total), max_total=N.score(r.max_total), grade=r.grade)
    return P.VERDICT_INCOMPLETE.format(pending_n=len(r.pending), pending="、".join(r.pending),
                                       total=N.score(r.total), max_total=N.score(r.max_total))


def level1_part(node: ScoredNode) -> str:
    if _has_pending(node):
        return P.LEVEL1_PENDING.format(name=node.name, weight=N.score(node.weight), score=N.score(node.score))
    return P.LEVEL1_PART.format(name=node.name, weight=N.score(node.weight), score=N.score(node.score),
                                rate=N.rate(node.rate))


def _has_pending(node: ScoredNode) -> bool:
    return any(n.pending for _, n in node.walk() if n.is_leaf)


def conclusion(b: Builder, ev: Evaluation, problems: list[Problem]) -> None:
    r = ev.score
    b.h(1, P.H1["conclusion"])
    b.h(2, P.H2["verdict"])
    b.p(verdict_text(ev), label="verdict")
    b.p(P.LEVEL1_SENTENCE.format(parts="；".join(level1_part(n) for n in r.indicators)), label="level1")
    rated = [n for n in r.indicators if n.rate is not None and not _has_pending(n)]
    if len(rated) > 1:
        best = max(rated, key=lambda n: n.rate)  # type: ignore[arg-type,return-value]
        worst = min(rated, key=lambda n: n.rate)  # type: ignore[arg-type,return-value]
        b.p(P.VERDICT_STRENGTH.format(best=best.name, best_rate=N.rate(best.rate), worst=worst.name,
                                      worst_rate=N.rate(worst.rate)))
    if problems:
        items = "；".join(P.PROBLEM_ITEM.format(n=P.cn_ordinal(i), title=p.title) for i, p in enumerate(problems, 1))
        b.p(P.VERDICT_PROBLEMS.format(items=items))
    else:
        b.p(P.VERDICT_NO_PROBLEMS)

    b.h(2, P.H2["by_level1"])
    rows = [(n.name, N.score(n.weight), N.score(n.score), N.rate(n.rate)) for n in r.indicators]
    rows.append((P.TOTAL, N.score(r.max_total), N.score(r.total), N.rate(r.total / r.max_total if r.max_total else None)))
    b.table(P.LEVEL1_TABLE, P.LEVEL1_HEADERS, rows, widths=(3, 1.5, 1.5, 1.5), align="lrrr", label="level1",
            bold_rows=(len(rows) - 1,))
    chart = ChartSpec("grouped_bars", "", tuple(n.name for n in r.indicators),
                      ((P.CHART_WEIGHT, tuple(float(n.weight) for n in r.indicators)),
                       (P.CHART_SCORE, tuple(float(n.score or 0) for n in r.indicators))),
                      "", P.CHART_POINTS)
    b.figure(P.FIG_LEVEL1, chart, "scores-by-level1")


def head(node: ScoredNode) -> str:
    fields = dict(name=node.name, weight=N.score(node.weight), score=N.score(node.score))
    if node.score is None:
        return P.NODE_HEAD_PENDING.format(**fields)
    if _has_pending(node):
        return P.NODE_HEAD_PARTIAL.format(**fields)
    return P.NODE_HEAD.format(**fields)


def analysis(b: Builder, ev: Evaluation) -> None:
    """Every indicator in tree order: 一级 （一）, 二级 1., 三级 （1）, 四级 ①, each with
    its weight and score; a node whose only child is a leaf of the same name is that leaf."""
    b.h(1, P.H1["analysis"])
    for i, top in enumerate(ev.score.indicators, 1):
        b.h(2, P.H2_NUMBERED.format(n=P.cn_ordinal(i), text=head(top)))
        if top.is_leaf:
            _leaf(b, ev, top, P.ITEM_NUMBERED.format(n=1))
            continue
        for j, child in enumerate(top.children, 1):
            _node(b, ev, child, 2, j)


def marker(depth: int, n: int) -> str:
    """The item number at a depth of the tree: 1. （1） ① …"""
    if depth == 2:
        return P.H3_NUMBERED.format(n=n, text="")
    if depth == 3:
        return P.ITEM_NUMBERED.format(n=n)
    return P.CIRCLED[n - 1] if n <= len(P.CIRCLED) else P.ITEM_DEEP.format(n=n)


def _node(b: Builder, ev: Evaluation, node: ScoredNode, depth: int, n: int) -> None:
    only = node.children[0] if len(node.children) == 1 else None
    if node.is_leaf or (only is not None and only.is_leaf and only.name == node.name):
        _leaf(b, ev, node if node.is_leaf else only, marker(depth, n))  # type: ignore[arg-type]
        return
    if depth == 2:
        b.h(3, P.H3_NUMBERED.format(n=n, text=head(node)))
    else:
        b.p(marker(depth, n) + head(node), style="bold", label=f"node:{node.code}")
    for k, child in enumerate(node.children, 1):
        _node(b, ev, child, depth + 1, k)


def _leaf(b: Builder, ev: Evaluation, leaf: ScoredNode, number: str) -> None:
    template = P.LEAF_HEAD_PENDING if leaf.score is None else P.LEAF_HEAD
    head_text = number + template.format(name=leaf.name, weight=N.score(leaf.weight), score=N.score(leaf.score))
    b.p(head_text + "".join(leaf_body(ev, leaf)), label=f"leaf:{leaf.code}")
