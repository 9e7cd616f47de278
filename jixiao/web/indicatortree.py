"""The indicators page's rows: the scored tree of the latest run (scores JSON) beside the
framework's texts and rule keys, the leaf's judgment in judgments.yaml, its review state and
who last scored it. Assembly for display only: every number comes from the run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.scoring.framework import Framework
from jixiao.web import reviews
from jixiao.web.reviews import Decision


@dataclass(frozen=True)
class Row:
    depth: int
    node: dict[str, Any]  # the scores JSON node
    leaf: bool
    pending: bool
    review: str = ""  # open | approved | returned | stale | pending
    decision: Decision | None = None
    scorer: str | None = None
    explain: str = ""
    standard: str = ""
    source: str = ""
    items: tuple[str, ...] = ()  # a checklist's items, in the framework's order
    rule: dict[str, Any] = field(default_factory=dict)


def rows(scores: dict[str, Any] | None, framework: Framework, decisions: dict[str, Decision],
         scorers: dict[str, str]) -> list[Row]:
    if scores is None:
        return []
    pending = set(scores.get("pending", []))
    out: list[Row] = []

    def walk(node: dict[str, Any], depth: int) -> None:
        code = node["code"]
        indicator = framework.find(code)
        leaf = "children" not in node
        snapshot = reviews.leaf_snapshot(node) if leaf and node.get("score") is not None else None
        params = dict(indicator.rule.params) if indicator is not None and indicator.rule else {}
        items = tuple(str(i) for i in params.get("items", ()) or ()) if node.get("kind") == "checklist" else ()
        out.append(Row(depth, node, leaf, code in pending,
                       reviews.status(decisions.get(code), snapshot) if leaf else "",
                       decisions.get(code), scorers.get(code),
                       indicator.explain if indicator else "", indicator.standard if indicator else "",
                       indicator.source if indicator else "", items,
                       {k: v for k, v in params.items() if k != "items"}))
        for child in node.get("children", ()):
            walk(child, depth + 1)

    for top in scores["indicators"]:
        walk(top, 1)
    return out


def review_counts(table: list[Row]) -> dict[str, int]:
    counts = {k: 0 for k in reviews.STATUS_TEXT}
    for r in table:
        if r.leaf:
            counts[r.review] += 1
    return counts
