"""Answer texts → the five canonical options (非常满意 … 非常不满意).

Texts are folded first (NFKC: full-width forms and spaces; whitespace and trailing
punctuation removed; a leading choice label such as "A." or "①" dropped), then looked
up among the canonical options and their common variants. Anything else is unknown."""

from __future__ import annotations

import re
import unicodedata

from jixiao.vocabulary import SATISFACTION_OPTIONS

VERY_SATISFIED, SATISFIED, BASIC, DISSATISFIED, VERY_DISSATISFIED = SATISFACTION_OPTIONS
SATISFIED_OPTIONS = (VERY_SATISFIED, SATISFIED)  # counted by 满意率
BASIC_OR_BETTER = (VERY_SATISFIED, SATISFIED, BASIC)  # 基本满意及以上

VARIANTS: dict[str, str] = {
    **{o: o for o in SATISFACTION_OPTIONS},
    # 非常满意
    "很满意": VERY_SATISFIED, "十分满意": VERY_SATISFIED, "特别满意": VERY_SATISFIED,
    "非常满足": VERY_SATISFIED, "极其满意": VERY_SATISFIED, "极满意": VERY_SATISFIED,
    # 满意
    "比较满意": SATISFIED, "较满意": SATISFIED, "较为满意": SATISFIED, "挺满意": SATISFIED,
    "满足": SATISFIED,
    # 基本满意
    "一般": BASIC, "一般满意": BASIC, "基本满足": BASIC, "还行": BASIC, "还可以": BASIC,
    "尚可": BASIC, "还算满意": BASIC, "中立": BASIC,
    # 不太满意
    "不满意": DISSATISFIED, "不太满足": DISSATISFIED, "不大满意": DISSATISFIED,
    "较不满意": DISSATISFIED, "比较不满意": DISSATISFIED, "不很满意": DISSATISFIED,
    "不够满意": DISSATISFIED, "不满": DISSATISFIED,
    # 非常不满意
    "很不满意": VERY_DISSATISFIED, "十分不满意": VERY_DISSATISFIED, "特别不满意": VERY_DISSATISFIED,
    "极不满意": VERY_DISSATISFIED, "极其不满意": VERY_DISSATISFIED, "完全不满意": VERY_DISSATISFIED,
}

_LABEL = re.compile(r"^(?:[A-Ea-e]|[1-5]|[①②③④⑤])[.、:：)）\-]?")
_TRAILING = re.compile(r"[.。,，;；!！、]+$")
# Suffixes a tallies header may carry after the option: "非常满意（人）", "满意人数", "满意(份)".
_COUNT_SUFFIX = re.compile(r"(?:\((?:人|份|人数|户|票|个)\)|人数|份数|户数|票数)$")


def fold(text: str) -> str:
    """NFKC (full-width → half-width), no whitespace, no trailing punctuation."""
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(folded.split())
    return _TRAILING.sub("", folded)


def normalise_answer(text: object) -> str | None:
    """The canonical option for an answer text, or None when it is not recognised."""
    if text is None:
        return None
    folded = fold(str(text))
    if folded in VARIANTS:
        return VARIANTS[folded]
    unlabelled = _LABEL.sub("", folded, count=1)
    return VARIANTS.get(unlabelled) if unlabelled != folded else None


def normalise_option(header: object) -> str | None:
    """The canonical option a tallies column is headed with ("满意（人）" → 满意), or None."""
    if header is None:
        return None
    folded = fold(str(header))
    return normalise_answer(folded) or normalise_answer(_COUNT_SUFFIX.sub("", folded))


def is_blank(text: object) -> bool:
    """A cell with nothing in it (no answer given), as opposed to an unrecognised answer."""
    return text is None or not fold(str(text)) or fold(str(text)) in ("-", "/", "—", "无")
