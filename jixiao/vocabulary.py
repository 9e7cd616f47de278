"""Canonical names of the domain and the spellings users send for them."""

from __future__ import annotations

LIVING = "生活补贴"
CARE = "护理补贴"
SUBSIDIES = (LIVING, CARE)

SUBSIDY_ALIASES: dict[str, str] = {
    "生活补贴": LIVING,
    "困难残疾人生活补贴": LIVING,
    "living": LIVING,
    "护理补贴": CARE,
    "重度残疾人护理补贴": CARE,
    "care": CARE,
}

CATEGORIES = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
STATUSES = ("低保", "低保边缘", "低收入", "特困")
GRADE_WORDS = {"一级": 1, "二级": 2, "三级": 3, "四级": 4}
SATISFACTION_OPTIONS = ("非常满意", "满意", "基本满意", "不太满意", "非常不满意")


def subsidy_name(text: str) -> str | None:
    """The canonical subsidy name for a spelling, or None."""
    return SUBSIDY_ALIASES.get(text.strip().lower() if text.isascii() else text.strip())
