"""The review's result: findings in the order of the report, and the score table as the
report states it beside what its own figures give (sums of children, the band of the total)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding
from jixiao.review.numbers import plain
from jixiao.review.tree import Node, code_tree, prose_trees


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    level: int
    weight: Decimal | None
    score: Decimal | None
    recomputed: Decimal | None  # children's sum for a parent; the stated score for a leaf
    places: int  # how many places state this indicator
    conflict: bool  # stated differently somewhere

    def json(self) -> dict:
        num = lambda v: None if v is None else plain(v)  # noqa: E731
        return {"code": self.code, "name": self.name, "level": self.level, "weight": num(self.weight),
                "score": num(self.score), "recomputed": num(self.recomputed), "places": self.places,
                "consistent": not self.conflict}


@dataclass(frozen=True)
class Review:
    file: str
    findings: tuple[Finding, ...]
    rows: tuple[Row, ...]
    total: Decimal | None  # stated
    total_recomputed: Decimal | None
    grade: str | None  # stated
    grade_recomputed: str | None
    extraction: Extraction

    def json(self) -> dict:
        num = lambda v: None if v is None else plain(v)  # noqa: E731
        return {"file": self.file, "findings": [f.json() for f in self.findings],
                "scores": {"total": num(self.total), "grade": self.grade, "total_recomputed": num(self.total_recomputed),
                           "grade_recomputed": self.grade_recomputed, "indicators": [r.json() for r in self.rows]}}


def _rows(nodes: list[Node], level: int) -> list[Row]:
    out = []
    for n in nodes:
        kids = [c.score for c in n.children]
        recomputed = sum(kids, Decimal(0)) if n.children and all(k is not None for k in kids) else n.score
        conflict = len({c.value.normalize() for c in n.scores}) > 1 or len({c.value.normalize() for c in n.weights}) > 1
        code = "" if n.key.startswith("名称:") else n.key
        name = n.label.split(" ", 1)[1] if code and " " in n.label else n.label.strip("“”")
        out.append(Row(code, name, level, n.weight, n.score, recomputed, len(n.scores) + len(n.weights), conflict))
        out += _rows(n.children, level + 1)
    return out


def build_review(ex: Extraction, findings: list[Finding]) -> Review:
    roots = code_tree(ex)
    if not roots or len(roots) < 2:
        trees = prose_trees(ex)
        roots = max(trees, key=len) if trees else roots
    rows = _rows(roots, 1)
    top = [r for r in rows if r.level == 1]
    total_re = sum((r.recomputed for r in top), Decimal(0)) if top and all(r.recomputed is not None for r in top) else None
    totals = [Decimal(s.value) for s in ex.totals]
    total = max(set(totals), key=totals.count) if totals else None
    grades = [g.value for g in ex.grades]
    base = total_re if total_re is not None else total
    ordered = sorted(findings, key=lambda f: f.severity != "error")  # errors first, each in check order
    return Review(ex.report.file, tuple(ordered), tuple(rows), total, total_re,
                  max(set(grades), key=grades.count) if grades else None,
                  ex.band(base) if base is not None else None, ex)
