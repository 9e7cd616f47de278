"""Text left over from another report: another program's vocabulary (造林 in a disability
subsidy report), the two subsidies' names mixed up. Place names of other regions: places.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check

VOCABULARY = Path(__file__).resolve().parent.parent / "vocabulary.yaml"
ORG = re.compile(r"[^\s，。；、：:“”《》,;]{2,30}?(?:有限责任公司|有限公司|股份公司|事务所|研究院|咨询中心)")
TITLE = re.compile(r"《[^》]{0,80}》")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))


def plain_text(text: str) -> str:
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
    plain = [(span, plain_text(span.text)) for span in ex.report.sentences()]
    for name, spec in vocabulary()["programs"].items():
        if name == own:
            continue
        for word in spec.get("words", []):
            hits = [(span, text.count(word)) for span, text in plain if word in text]
            if hits:
                span, times = hits[0][0], sum(n for _, n in hits)
                more = f"全文共 {times} 处，" if times > 1 else ""
                yield other_program.finding(span.place, span.text, f"“{word}”是{name}项目的用语，本报告评价的是{own}项目；"
                                            f"{more}可能沿用了其他项目的报告。")


@check("subsidy-name", "warning", "补贴名称张冠李戴")
def subsidy_name(ex: Extraction) -> Iterator[Finding]:
    for wrong, right in vocabulary()["mixups"].items():
        hits = [span for span in ex.report.sentences() if wrong in span.text]
        if hits:
            more = f"全文共 {len(hits)} 处。" if len(hits) > 1 else ""
            yield subsidy_name.finding(hits[0].place, hits[0].text, f"“{wrong}”应为“{right}”。{more}")
