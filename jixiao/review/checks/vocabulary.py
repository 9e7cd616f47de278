"""Text left over from another report: another program's vocabulary (造林 in a disability
subsidy report), the two subsidies' names mixed up, place names of other regions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.regions import Region, regions

VOCABULARY = Path(__file__).resolve().parent.parent / "vocabulary.yaml"
ORG = re.compile(r"[^\s，。；、：:“”《》,;]{2,30}?(?:有限责任公司|有限公司|股份公司|事务所|研究院|咨询中心)")
TITLE = re.compile(r"《[^》]{0,80}》")
STREET_AFTER = re.compile(r"^(?:[东南西北中]?路|大道|大街|街(?!道办)|广场|小区|公园|村)")
ADMIN_AFTER = re.compile(r"^(?:财政|民政|残联|人民政府|政府|党委|人大|审计)")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))


def _plain_text(text: str) -> str:
    """Text with organisation names and document titles blanked (their place names are theirs)."""
    text = ORG.sub(lambda m: "　" * len(m.group(0)), text)
    return TITLE.sub(lambda m: "　" * len(m.group(0)), text)


def program_of(ex: Extraction) -> str | None:
    text = ex.report.title() + " " + " ".join(b.text for b in ex.report.blocks[:60])
    counts = {name: sum(text.count(w) for w in spec.get("detect", [])) for name, spec in vocabulary()["programs"].items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


@check("other-program", "warning", "出现其他项目的用语")
def other_program(ex: Extraction) -> Iterator[Finding]:
    own = program_of(ex)
    if own is None:
        return
    for name, spec in vocabulary()["programs"].items():
        if name == own:
            continue
        for word in spec.get("words", []):
            hits = [(span, m) for span in ex.report.sentences() for m in re.finditer(word, _plain_text(span.text))]
            if hits:
                span, _ = hits[0]
                more = f"全文共 {len(hits)} 处，" if len(hits) > 1 else ""
                yield other_program.finding(span.place, span.text, f"“{word}”是{name}项目的用语，本报告评价的是{own}项目；"
                                            f"{more}可能沿用了其他项目的报告。")


@check("subsidy-name", "warning", "补贴名称张冠李戴")
def subsidy_name(ex: Extraction) -> Iterator[Finding]:
    for wrong, right in vocabulary()["mixups"].items():
        hits = [span for span in ex.report.sentences() if wrong in span.text]
        if hits:
            more = f"全文共 {len(hits)} 处。" if len(hits) > 1 else ""
            yield subsidy_name.finding(hits[0].place, hits[0].text, f"“{wrong}”应为“{right}”。{more}")


def own_regions(ex: Extraction) -> tuple[set[str], Counter]:
    """The codes of the report's own region (most named), its parents and its children."""
    text = _plain_text(ex.report.title() + " " + " ".join(b.text for b in ex.report.blocks))
    counts: Counter = Counter()
    for r in regions():
        if len(r.name) >= 3 and r.name in text:
            counts[r.code] += text.count(r.name) * (2 if not r.code.endswith("00") else 1)
    if not counts:
        return set(), counts
    top = counts.most_common(1)[0][0]
    top_names = {r.name for r in regions() if r.code == top}
    own = {r.code for r in regions() if r.name in top_names}
    related = set()
    for code in own:
        related |= {code[:2] + "0000", code[:4] + "00"}
        related |= {r.code for r in regions() if r.code.startswith(code[:4]) and code.endswith("00")}
    return own | related, counts


@lru_cache(maxsize=1)
def _stems() -> dict[str, list[Region]]:
    out: dict[str, list[Region]] = {}
    for r in regions():
        out.setdefault(r.stem, []).append(r)
        out.setdefault(r.name, []).append(r)
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted((n for n in _stems() if len(n) >= 2), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


@check("other-region", "warning", "出现其他地区的地名")
def other_region(ex: Extraction) -> Iterator[Finding]:
    own, _ = own_regions(ex)
    if not own:
        return
    own_names = {r.name for r in regions() if r.code in own} | {r.stem for r in regions() if r.code in own}
    reported: set[str] = set()
    for span in ex.report.sentences():
        text = _plain_text(span.text)
        for m in _pattern().finditer(text):
            word = m.group(0)
            after = text[m.end():m.end() + 4]
            full = word in {r.name for r in _stems()[word]}
            if word in own_names or word in reported or STREET_AFTER.match(after):
                continue
            if not full and not (len(word) >= 3 and ADMIN_AFTER.match(after)):
                continue
            if full and len(word) < 3:
                continue
            matches = _stems()[word]
            if any(r.code in own for r in matches):
                continue
            reported.add(word)
            where = "、".join(sorted({r.name + f"（{r.code}）" for r in matches})[:3])
            yield other_region.finding(span.place, span.text, f"“{word}”是其他地区的地名（GB/T 2260：{where}），"
                                       "与本报告评价的地区无关，可能沿用了其他地区的报告。")
