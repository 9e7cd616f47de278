"""Place names of other regions (GB/T 2260): a report about 中山市 that says 特克斯 was most
likely copied from another region's report. The report's own region is the one it names
most; its province, its prefecture and the counties under it are its own too.

Names are found by one left-to-right scan (the longest name at each position) over an index
of every name and stem, not by a regex of 6 000 alternatives (which took a second to compile)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from jixiao.review.checks.vocabulary import plain_text
from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.regions import Region, regions

STREET_AFTER = re.compile(r"^(?:[东南西北中]?路|大道|大街|街(?!道办)|广场|小区|公园|村)")
ADMIN_AFTER = re.compile(r"^(?:财政|民政|残联|人民政府|政府|党委|人大|审计)")


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[Region, ...]], dict[str, tuple[int, ...]]]:
    """Every name and stem (两字 or longer) → its regions; first character → word lengths."""
    words: dict[str, list[Region]] = {}
    for r in regions():
        for word in {r.name, r.stem}:
            if len(word) >= 2:
                words.setdefault(word, []).append(r)
    lengths: dict[str, set[int]] = {}
    for word in words:
        lengths.setdefault(word[0], set()).add(len(word))
    return ({w: tuple(rs) for w, rs in words.items()},
            {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()})


def place_names(text: str) -> Iterator[tuple[int, str, tuple[Region, ...]]]:
    """(start, word, regions) of each place name in `text`, longest first, left to right."""
    words, lengths = _index()
    i, n = 0, len(text)
    while i < n:
        for size in lengths.get(text[i], ()):
            word = text[i:i + size]
            if word in words:
                yield i, word, words[word]
                i += size
                break
        else:
            i += 1


def own_regions(ex: Extraction) -> set[str]:
    """The codes of the report's own region (the full name it uses most, counties counting
    double over prefectures and provinces), its parents and the divisions under it."""
    text = plain_text(ex.report.title() + " " + " ".join(b.text for b in ex.report.blocks))
    counts: Counter = Counter()
    for _, word, matches in place_names(text):
        for r in matches:
            if r.name == word and len(word) >= 3:
                counts[r.code] += 2 if not r.code.endswith("00") else 1
    if not counts:
        return set()
    top = counts.most_common(1)[0][0]
    top_names = {r.name for r in regions() if r.code == top}
    own = {r.code for r in regions() if r.name in top_names}
    related = set()
    for code in own:
        related |= {code[:2] + "0000", code[:4] + "00"}
        related |= {r.code for r in regions() if r.code.startswith(code[:4]) and code.endswith("00")}
    return own | related


@check("other-region", "warning", "出现其他地区的地名")
def other_region(ex: Extraction) -> Iterator[Finding]:
    own = own_regions(ex)
    if not own:
        return
    own_names = {w for r in regions() if r.code in own for w in (r.name, r.stem)}
    reported: set[str] = set()
    for span in ex.report.sentences():
        text = plain_text(span.text)
        for start, word, matches in place_names(text):
            after = text[start + len(word):start + len(word) + 4]
            full = any(r.name == word for r in matches)
            if word in own_names or word in reported or STREET_AFTER.match(after):
                continue
            if not full and not (len(word) >= 3 and ADMIN_AFTER.match(after)):
                continue
            if full and len(word) < 3:
                continue
            if any(r.code in own for r in matches):
                continue
            reported.add(word)
            where = "、".join(sorted({r.name + f"（{r.code}）" for r in matches})[:3])
            yield other_region.finding(span.place, span.text, f"“{word}”是其他地区的地名（GB/T 2260：{where}），"
                                       "与本报告评价的地区无关，可能沿用了其他地区的报告。")
