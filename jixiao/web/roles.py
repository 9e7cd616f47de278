"""The three roles (CONTRACT §7) and what each may do. One place decides; views ask."""

from __future__ import annotations

EVALUATOR = "评价人员"  # edits inputs and judgments, runs the evaluation
REVIEWER = "复核人员"  # approves or returns each scored leaf and the whole evaluation
BUREAU = "财政局"  # reads approved evaluations only
ROLES = (EVALUATOR, REVIEWER, BUREAU)


def can_edit(roles: frozenset[str]) -> bool:
    return EVALUATOR in roles


def can_review(roles: frozenset[str]) -> bool:
    return REVIEWER in roles


def approved_only(roles: frozenset[str]) -> bool:
    """财政局 alone sees approved evaluations only; a user who also edits or reviews sees all."""
    return BUREAU in roles and not (EVALUATOR in roles or REVIEWER in roles)
