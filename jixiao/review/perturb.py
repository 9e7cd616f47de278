"""The perturbation harness: take a report jixiao wrote (.docx), change one figure at one
place — a score, a total, a grade, a rate, a unit, a sum — write the copy, review it, and say
whether the review found the change. Recall per kind is the share of copies it found.

Places are found from the report's structure, not from the review's own extraction (which
would only test what the review already reads): score tables by their 代码/分值/得分 headers,
"（分值N分，得分M分）" items, working papers by their 得分 row, 合计 rows, "A / B = R%"
formulas, amounts in 元 and 金额（元） headers. Each kind is injected at several places, one
copy per place, spread over the kinds of place (table, analysis, working paper …).

    from jixiao.review.perturb import perturbations, measure
    results = measure(Path("out/report.docx"), Path("tmp"), per_kind=3)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jixiao.review import review_file
from jixiao.review.docxedit import Unit, apply_change, units

KINDS = ("score", "total", "grade", "rate", "unit", "sum")
KIND_ZH = {"score": "指标得分", "total": "总分", "grade": "等级", "rate": "比率", "unit": "金额单位", "sum": "分项与合计"}
# the checks that may find each kind (a total changed is found by the sum of the first level, …)
EXPECTED = {
    "score": {"score-sum", "score-conflict", "score-above-weight", "total-sum", "score-rule", "rate-mismatch"},
    "total": {"total-sum", "total-conflict", "grade-band", "rate-mismatch"},
    "grade": {"grade-band"},
    "rate": {"rate-mismatch", "rate-conflict"},
    "unit": {"unit-mismatch", "amount-conflict"},
    "sum": {"sum-mismatch"},
}
GRADES = ("优", "良", "中", "差")
MONEY = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?=\s*元)")
NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
PAIR = re.compile(r"[（(]分值\s*(\d+(?:\.\d+)?)\s*分[，,]\s*得分\s*(\d+(?:\.\d+)?)\s*分")
TOTAL = re.compile(r"(?:得分为|总分为?|综合得分为?)\s*(\d+(?:\.\d+)?)\s*分")
GRADE = re.compile(r"等级为\s*[“\"]?(优|良|中|差)")
RATE = re.compile(r"=\s*[\d,.]+\s*(?:元|人|笔)?\s*/\s*[\d,.]+\s*(?:元|人|笔)?\s*=\s*(\d+\.\d+)%")


@dataclass(frozen=True)
class Perturbation:
    kind: str
    place: str  # what kind of place: 评分表, 指标分析, 工作底稿, 正文 …
    unit: int
    start: int
    end: int
    old: str
    new: str

    def describe(self) -> str:
        return f"{KIND_ZH[self.kind]}（{self.place}，第{self.unit + 1}段）：“{self.old}” → “{self.new}”"


@dataclass(frozen=True)
class Outcome:
    perturbation: Perturbation
    found: bool
    codes: tuple[str, ...]  # codes of the findings the change brought


# --- where to perturb ----------------------------------------------------------------------

def _score_table(u: Unit) -> bool:
    head = "|".join(re.sub(r"\s", "", h) for h in u.header)
    return u.table is not None and "得分" in head and ("代码" in head or "指标" in head) and "分值" in head


def _col(u: Unit, *names: str) -> int | None:
    for i, h in enumerate(u.header):
        if re.sub(r"\s", "", h) in names:
            return i
    return None


def _span(u: Unit, kind: str, place: str, start: int, end: int, new: str) -> Perturbation:
    return Perturbation(kind, place, u.index, start, end, u.text[start:end], new)


def _minus_one(raw: str) -> str:
    value = Decimal(raw.replace(",", ""))
    return _like(raw, value - 1 if value >= 1 else value + 1)


def _like(raw: str, value: Decimal) -> str:
    """`value` printed as `raw` is: as many decimals, thousands separators if it has them."""
    places = len(raw.split(".")[1]) if "." in raw else 0
    return f"{value:,.{places}f}" if "," in raw else f"{value:.{places}f}"


def _scores(us: list[Unit]) -> Iterator[Perturbation]:
    codes = {u.cells[0].strip() for u in us if _score_table(u) and u.cells}
    for u in us:
        if _score_table(u) and u.row > 0 and u.col == _col(u, "得分"):
            code = u.cells[0].strip() if u.cells else ""
            leaf = re.fullmatch(r"[A-H]\d+", code) and not any(c != code and c.startswith(code) for c in codes)
            if leaf and NUMBER.match(u.text.strip()):
                yield _span(u, "score", "评分表", 0, len(u.text), _minus_one(u.text.strip()))
        elif u.table is None:
            m = PAIR.search(u.text)
            if m and re.match(r"^[（(]\d+[）)]", u.text):
                yield _span(u, "score", "指标分析", m.start(2), m.end(2), _minus_one(m.group(2)))
        elif u.col == 1 and u.cells and re.sub(r"\s", "", u.cells[0]) in ("得分", "指标得分"):
            m = re.match(r"\s*(\d+(?:\.\d+)?)", u.text)
            if m:
                yield _span(u, "score", "工作底稿", m.start(1), m.end(1), _minus_one(m.group(1)))


def _totals(us: list[Unit]) -> Iterator[Perturbation]:
    for u in us:
        if u.table is None:
            for m in TOTAL.finditer(u.text):
                yield _span(u, "total", "正文", m.start(1), m.end(1), _plus_one(m.group(1)))
        elif u.cells and any(re.sub(r"\s", "", c) in ("合计", "总分", "总计") for c in u.cells[:2]):
            if u.col == _col(u, "得分") and NUMBER.match(u.text.strip()):
                yield _span(u, "total", "评分表合计" if _score_table(u) else "得分表合计", 0, len(u.text),
                            _plus_one(u.text.strip()))


def _plus_one(raw: str) -> str:
    return _like(raw, Decimal(raw.replace(",", "")) + 1)


def _grades(us: list[Unit]) -> Iterator[Perturbation]:
    for u in us:
        if u.table is None:
            for m in GRADE.finditer(u.text):
                yield _span(u, "grade", "正文", m.start(1), m.end(1), _other_grade(m.group(1)))
        elif u.text.strip() in GRADES and u.cells and any(re.sub(r"\s", "", c) in ("合计", "等级") for c in u.cells):
            yield _span(u, "grade", "评分表", 0, len(u.text), _other_grade(u.text.strip()))


def _other_grade(grade: str) -> str:
    return GRADES[(GRADES.index(grade) + 1) % len(GRADES)] if grade != "良" else "优"


def _rates(us: list[Unit]) -> Iterator[Perturbation]:
    for u in us:
        if u.table is None:
            for m in RATE.finditer(u.text):
                yield _span(u, "rate", "指标分析", m.start(1), m.end(1), _rate_change(m.group(1)))
            m = re.search(r"率(\d+\.\d+)%[（(][^）)]*\d[^）)]*[，,][^）)]*\d", u.text)
            if m and not RATE.search(u.text):
                yield _span(u, "rate", "问题分析", m.start(1), m.end(1), _rate_change(m.group(1)))
        elif u.cells and u.cells[0].strip().endswith("率") and re.fullmatch(r"\d+\.\d+%", u.text.strip()) and u.col > 0:
            yield _span(u, "rate", "计算表", 0, len(u.text) - 1, _rate_change(u.text.strip()[:-1]))


def _rate_change(raw: str) -> str:
    value = Decimal(raw)
    return _like(raw, value - Decimal("1.1") if value >= 2 else value + Decimal("1.1"))


def _units(us: list[Unit]) -> Iterator[Perturbation]:
    for u in us:
        if u.table is None:
            for m in MONEY.finditer(u.text):
                end = u.text.index("元", m.end())
                if u.text[end - 1:end] != "万":
                    yield _span(u, "unit", "正文", end, end + 1, "万元")
        elif u.row == 0 and re.search(r"[（(]元[）)]", u.text):
            m = re.search(r"[（(](元)[）)]", u.text)
            yield _span(u, "unit", "表头", m.start(1), m.end(1), "万元")  # type: ignore[union-attr]


def _sums(us: list[Unit]) -> Iterator[Perturbation]:
    totals = {(u.table, u.row) for u in us if u.table is not None and u.cells and not _score_table(u)
              and re.sub(r"\s", "", next((c for c in u.cells if c), "")) in ("合计", "总计")}
    for u in us:
        if u.table is None or _score_table(u) or u.row == 0 or not NUMBER.match(u.text.strip()):
            continue
        head = u.header[u.col] if u.col < len(u.header) else ""
        if re.search(r"率|比例|人数|户数", head) or not any(t == u.table and r >= u.row for t, r in totals):
            continue
        place = "合计行" if (u.table, u.row) in totals else "分项"
        raw = u.text.strip()
        yield _span(u, "sum", place, 0, len(u.text), _add_ten(raw))


def _add_ten(raw: str) -> str:
    return _like(raw, Decimal(raw.replace(",", "")) + 10)


FINDERS: dict[str, Callable[[list[Unit]], Iterator[Perturbation]]] = {
    "score": _scores, "total": _totals, "grade": _grades, "rate": _rates, "unit": _units, "sum": _sums}


def perturbations(path: Path, per_kind: int = 3, kinds: tuple[str, ...] = KINDS) -> list[Perturbation]:
    """Up to `per_kind` changes of each kind, taken in turn from each kind of place and spread
    over the document (first, last, middle …)."""
    us = units(path)
    out: list[Perturbation] = []
    for kind in kinds:
        by_place: dict[str, list[Perturbation]] = {}
        for p in FINDERS[kind](us):
            by_place.setdefault(p.place, []).append(p)
        spread = {place: _spread(ps) for place, ps in by_place.items()}
        chosen: list[Perturbation] = []
        while len(chosen) < per_kind and any(spread.values()):
            for place in list(spread):
                if spread[place] and len(chosen) < per_kind:
                    chosen.append(spread[place].pop(0))
        out += chosen
    return out


def _spread(items: list[Perturbation]) -> list[Perturbation]:
    """first, last, middle, then the rest in order"""
    if len(items) <= 2:
        return list(items)
    order = [0, len(items) - 1, len(items) // 2]
    return [items[i] for i in order] + [p for i, p in enumerate(items) if i not in order]


def apply(source: Path, p: Perturbation, target: Path) -> Path:
    """`source` with the one change written to `target`."""
    return apply_change(source, p.unit, p.start, p.end, p.new, target)


def measure(source: Path, work: Path, per_kind: int = 3, kinds: tuple[str, ...] = KINDS) -> list[Outcome]:
    """Review every perturbed copy of `source`; a change is found when the copy has a finding
    of one of its kind's codes that the original does not have."""
    work.mkdir(parents=True, exist_ok=True)
    before = {(f.code, f.where, f.quote) for f in review_file(source).findings}
    out = []
    for i, p in enumerate(perturbations(source, per_kind, kinds)):
        copy = apply(source, p, work / f"{source.stem}-{i:02d}-{p.kind}{source.suffix}")
        new = [f for f in review_file(copy).findings if (f.code, f.where, f.quote) not in before]
        codes = tuple(sorted({f.code for f in new}))
        out.append(Outcome(p, bool(set(codes) & EXPECTED[p.kind]), codes))
    return out


def recall(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """kind → (found, injected)"""
    table: dict[str, tuple[int, int]] = {}
    for o in outcomes:
        found, n = table.get(o.perturbation.kind, (0, 0))
        table[o.perturbation.kind] = (found + o.found, n + 1)
    return table
