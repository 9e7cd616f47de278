"""Everything the checks read from a report, extracted once: indicator claims grouped by
indicator, stated totals and grades, the grade bands where printed, the code tree."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from jixiao.review.claims import CODE_IN_PARENS, CODE_RE, TOTAL_ROW, Claim, read_claims
from jixiao.review.text import Place, Report

GRADES = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中", "合格": "中",
          "低": "低", "较差": "差", "差": "差", "不合格": "差"}
_GRADE = "优秀|良好|中等|不合格|合格|较差|优|良|中|低|差"
GRADE_TEXT = re.compile(r"(?:评价等级|绩效等级|评价结果|等级)(?:为|是|：|:|评定为)?\s*[“\"「『]?(" + _GRADE + r")[”\"」』]"
                        r"|(?:属于|评定为|评为)\s*[“\"「『](" + _GRADE + r")[”\"」』]")
TOTAL_TEXT = re.compile(r"(?:总分|总得分|综合得分|综合评分|绩效评价得分|评价得分|最终得分)(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分")
BAND_GE = re.compile(r"(" + _GRADE + r")\s*[（(]\s*(?:≥|>=|大于等于)\s*(\d+(?:\.\d+)?)\s*分?\s*[）)]")
BAND_RANGE = re.compile(r"(" + _GRADE + r")\s*[（(]\s*(\d+(?:\.\d+)?)\s*(?:≤|<=)\s*X\s*<\s*\d+(?:\.\d+)?\s*分?\s*[）)]")
BAND_BELOW = re.compile(r"(" + _GRADE + r")\s*[（(]\s*(?:X\s*)?<\s*(\d+(?:\.\d+)?)\s*分?\s*[）)]")
BAND_ABOVE = re.compile(r"(\d+(?:\.\d+)?)\s*分(?:（含）|\(含\))?(?:以上|及以上)(?:（含\d+分）)?(?:的)?(?:为|评为)\s*[“\"]?(" + _GRADE + r")")
DEFAULT_BANDS = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))


@dataclass(frozen=True)
class Stated:
    """A figure or word the report states once: a total, a grade."""

    value: str
    quote: str
    place: Place


@dataclass
class Extraction:
    report: Report
    claims: list[Claim]
    totals: list[Stated] = field(default_factory=list)
    grades: list[Stated] = field(default_factory=list)
    bands: tuple[tuple[Decimal, str], ...] = DEFAULT_BANDS
    bands_printed: bool = False

    @cached_property
    def codes_by_name(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for c in self.claims:
            if c.code and c.name:
                out[c.name].add(c.code)
        return out

    @cached_property
    def names_by_code(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for c in self.claims:
            if c.code and c.name and c.origin == "table":
                out.setdefault(c.code, c.name)
        for c in self.claims:
            if c.code and c.name:
                out.setdefault(c.code, c.name)
        return out

    def key(self, claim: Claim) -> str | None:
        """The indicator a claim is about: its code, or the one code its name is known by,
        or its name where the report uses no code for it; None when ambiguous."""
        if claim.code:
            return claim.code
        name = claim.name or ""
        codes = self.codes_by_name.get(name) or self._fuzzy(name)
        if codes:
            return next(iter(codes)) if len(codes) == 1 else None
        return "名称:" + name if name else None

    def _fuzzy(self, name: str) -> set[str]:
        """'项目管理者及参与者履行责任的规范' and '…规范性' are one indicator."""
        if len(name) < 4:
            return set()
        hits = {n for n in self.codes_by_name if n != name and (n.startswith(name) or name.startswith(n))
                and abs(len(n) - len(name)) <= 2}
        codes: set[str] = set()
        for n in hits:
            codes |= self.codes_by_name[n]
        return codes

    @cached_property
    def by_key(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            k = self.key(c)
            if k:
                out[k].append(c)
        return dict(out)

    def label(self, key: str) -> str:
        if key.startswith("名称:"):
            return f"“{key[3:]}”"
        name = self.names_by_code.get(key)
        return f"{key} {name}" if name else key

    def band(self, total: Decimal) -> str:
        for low, label in self.bands:
            if total >= low:
                return label
        return self.bands[-1][1]


def extract(report: Report) -> Extraction:
    ex = Extraction(report, read_claims(report))
    bands: dict[str, Decimal] = {}
    for span in report.sentences():
        text = span.text
        for m in TOTAL_TEXT.finditer(text):
            clause = re.split(r"[，,；;]", text[:m.start()])[-1]
            if not CODE_IN_PARENS.search(clause) and not re.search(r"(指标|项目决策|项目管理|项目绩效|本项(?!目)|该项(?!目))", clause[-8:]):
                ex.totals.append(Stated(m.group(1), text, span.place))
        for m in GRADE_TEXT.finditer(text):
            ex.grades.append(Stated(GRADES[m.group(1) or m.group(2)], text, span.place))
        for pattern, low in ((BAND_GE, None), (BAND_RANGE, None), (BAND_BELOW, Decimal(0))):
            for m in pattern.finditer(text):
                bands.setdefault(GRADES[m.group(1)], low if low is not None else Decimal(m.group(2)))
        for m in BAND_ABOVE.finditer(text):
            bands.setdefault(GRADES[m.group(2)], Decimal(m.group(1)))
    for table in report.tables():
        _table_totals(ex, table)
    if len(bands) >= 2:
        ex.bands = tuple(sorted(((v, k) for k, v in bands.items()), reverse=True))
        ex.bands_printed = True
    return ex


def _table_totals(ex: Extraction, table) -> None:
    """The last 合计 row of a score table states the total; a grade word may sit in it."""
    rows = table.rows
    scored = any(CODE_RE.match(c.strip()) for r in rows for c in r[:2] if c) or "得分" in table.text
    if not scored:
        return
    for r in range(len(rows) - 1, -1, -1):
        cells = [c for c in rows[r] if c]
        if cells and TOTAL_ROW.match(re.sub(r"\s", "", cells[0])):
            nums = [c for c in cells if re.fullmatch(r"\d+(?:\.\d+)?\s*分?", c)]
            inline = re.search(r"(\d+(?:\.\d+)?)\s*分", cells[0])
            value = inline.group(1) if inline else (nums[1] if len(nums) >= 2 else None)
            if not inline and len(set(nums)) == 1:
                value = None  # 合计 100 100 100: the weights' total at every level
            quote = " | ".join(cells)
            if value:
                ex.totals.append(Stated(re.sub(r"\s*分", "", value), quote, table.place(r)))
            for c in cells:
                if c in GRADES:
                    ex.grades.append(Stated(GRADES[c], quote, table.place(r)))
            return
