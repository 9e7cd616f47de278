"""Review (复核): a 复核人员 approves or returns each scored leaf and the whole evaluation.
A decision records what it approved (a snapshot); when the leaf or the result changes
afterwards, the decision is stale and the leaf is due for review again. Whoever last
changed a leaf's judgment may not approve it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from jixiao.web.accounts import now_text
from jixiao.web.db import Database

WHOLE = "*"
APPROVED, RETURNED = "approved", "returned"
STATUS_TEXT = {"approved": "已通过", "returned": "已退回", "stale": "已变更，待重新复核", "open": "待复核",
               "pending": "待评"}


@dataclass(frozen=True)
class Decision:
    target: str
    decision: str
    user_name: str
    at: str
    comment: str
    snapshot: str


def leaf_snapshot(leaf: dict[str, Any]) -> str:
    """What a reviewer approves of a leaf: its score, rule result, value and basis."""
    keys = ("score", "computed", "value", "basis", "override")
    return json.dumps({k: leaf.get(k) for k in keys}, ensure_ascii=False, sort_keys=True)


_snapshots: dict[int, tuple[dict, str]] = {}


def whole_snapshot(scores: dict[str, Any]) -> str:
    """A digest of the whole result (total, grade, every node); remembered per scores object."""
    hit = _snapshots.get(id(scores))
    if hit is not None and hit[0] is scores:
        return hit[1]
    digest = _digest(scores)
    if len(_snapshots) > 256:
        _snapshots.clear()
    _snapshots[id(scores)] = (scores, digest)
    return digest


def _digest(scores: dict[str, Any]) -> str:
    text = json.dumps({k: scores.get(k) for k in ("total", "grade", "complete", "indicators")},
                      ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def decide(db: Database, workspace: str, target: str, decision: str, user: str, comment: str, snapshot: str) -> None:
    with db.connect() as con:
        con.execute("INSERT INTO reviews(workspace, target, decision, user_name, at, comment, snapshot) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", (workspace, target, decision, user, now_text(), comment, snapshot))


def latest(db: Database, workspace: str) -> dict[str, Decision]:
    """Target → its latest decision."""
    rows = db.read("SELECT target, decision, user_name, at, comment, snapshot FROM reviews WHERE workspace = ? "
                   "ORDER BY seq", (workspace,))
    return {r["target"]: Decision(**dict(r)) for r in rows}


def history(db: Database, workspace: str, target: str) -> list[Decision]:
    rows = db.read("SELECT target, decision, user_name, at, comment, snapshot FROM reviews WHERE workspace = ? "
                   "AND target = ? ORDER BY seq DESC", (workspace, target))
    return [Decision(**dict(r)) for r in rows]


def status(decision: Decision | None, snapshot: str | None) -> str:
    """open | approved | returned | stale | pending (no score yet: nothing to review)."""
    if snapshot is None:
        return "pending"
    if decision is None:
        return "open"
    return decision.decision if decision.snapshot == snapshot else "stale"


def evaluation_approved(db: Database, workspace: str, scores: dict[str, Any] | None) -> bool:
    """The whole evaluation is approved and nothing changed since: what 财政局 may see."""
    if scores is None:
        return False
    decision = latest(db, workspace).get(WHOLE)
    return status(decision, whole_snapshot(scores)) == APPROVED
