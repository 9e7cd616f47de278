"""Rates against their numerator and denominator: a printed "A / B = R%" or "R%（A/B）", a
named rate beside the two figures it is made of (in a sentence, or in a table row named by
the rate), and one named rate stated as two values that no rounding of one number can give."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import permutations

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.numbers import Figure, figures, show
from jixiao.review.text import Block, Place, split_sentences

# "A元 / B元 = R%" and "R%（A/B）"
FORMULA = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|人|份|户|分|笔)?\s*[/÷]\s*(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|人|份|户|分|笔)?"
                     r"\s*(?:[×x*]\s*100%\s*)?=\s*(\d+(?:\.\d+)?)\s*%")
INLINE = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*[（(]\s*(\d[\d,]*(?:\.\d+)?)\s*/\s*(\d[\d,]*(?:\.\d+)?)\s*[）)]")
# a rate as a fact, not a threshold of a rule ("95%-100%", "95%以上得满分")
NAMED_RATE = re.compile(r"([\u4e00-\u9fff]{2,12}?率)\s*(?:为|达|是|达到|仅为|约为)?\s*(\d+(?:\.\d+)?)\s*%"
                        r"(?!\s*(?:[-–~至到]|以上|以下|及以上|（含）|\(含\)))")
PERCENT_CELL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")
COUNT_LABEL = re.compile(r"数\s*[：:为]?\s*$")  # "发放笔数3,533", "有效回答数 1,600": a count with no unit
KNOWN_RATES = ("预算执行率", "资金到位率", "资金支出率", "应补尽补率", "发放准确率", "发放及时率", "问卷回收率",
               "台账信息准确率", "资金执行率", "生活补贴发放率", "护理补贴发放率", "满意率")
UNRELATED = ("得分率", "满意", "比例", "占比", "增长率", "下降率")


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def rate_ok(rate: Decimal, decimals: int, num: Decimal, den: Decimal) -> bool:
    """`rate` (printed with `decimals`) is num / den rounded or cut to its printed places."""
    if den == 0:
        return False
    exact = num / den * 100
    step = Decimal(1) / Decimal(10) ** decimals
    return abs(exact - rate) <= step / 2 + Decimal("1e-9") or (rate <= exact < rate + step)


@check("rate-mismatch", "error", "比率不等于所列分子除以分母")
def rate_mismatch(ex: Extraction) -> Iterator[Finding]:
    for span in ex.report.sentences():
        text = span.text
        explicit = False
        for m in FORMULA.finditer(text):
            explicit = True
            yield from _explicit(span.place, text, m.group(3), m.group(1), m.group(2))
        for m in INLINE.finditer(text):
            explicit = True
            yield from _explicit(span.place, text, m.group(1), m.group(2), m.group(3))
        if not explicit and span.row is None:
            for m in NAMED_RATE.finditer(text):
                if not any(w in m.group(1) for w in UNRELATED):
                    yield from _beside(span.place, text, m.group(1), m.group(2), _operands(text, m.start(2)))
    for table in ex.report.tables():
        yield from _rows(table)


def _explicit(place: Place, text: str, printed: str, num_raw: str, den_raw: str) -> Iterator[Finding]:
    rate, num, den = Decimal(printed), _dec(num_raw), _dec(den_raw)
    if den and not rate_ok(rate, _decimals(printed), num, den):
        exact = (num / den * 100).quantize(Decimal("0.0001"))
        yield rate_mismatch.finding(place, text, f"{num_raw} / {den_raw} = {exact}%，报告写为 {printed}%。",
                                    [num, den, rate])


def _operands(text: str, skip: int = -1) -> list[Figure]:
    """The figures a rate may be made of: amounts, counts with a unit, and counts named
    "…数" (笔数, 人数, 有效回答数) printed without one."""
    return [f for f in figures(text) if f.start != skip and (f.is_money or f.unit in ("份", "人", "户", "人次") or (
        f.unit == "" and COUNT_LABEL.search(text[max(0, f.start - 8):f.start]) is not None))]


def _beside(place: Place, quote: str, name: str, printed: str, pool: list[Figure]) -> Iterator[Finding]:
    """'预算 X 元，支出 Y 元，执行率 R%': R must be some Y/X (or 1 − Y/X, a 偏差率)."""
    groups: dict[str, list[Figure]] = {}
    for f in pool:
        groups.setdefault("元" if f.is_money else "数", []).append(f)
    pairs = [fs for fs in groups.values() if len(fs) >= 2]
    if not pairs:
        return
    rate, decimals = Decimal(printed), _decimals(printed)
    for fs in pairs:
        for a, b in permutations(fs, 2):
            num, den = a.yuan, b.yuan
            if rate_ok(rate, decimals, num, den) or (den and rate_ok(rate, decimals, den - num, den)):
                return
    if len(pairs[0]) == 2:
        a, b = sorted(pairs[0], key=lambda f: f.yuan)
        exact = (a.yuan / b.yuan * 100).quantize(Decimal("0.01")) if b.yuan else Decimal(0)
        yield rate_mismatch.finding(place, quote, f"{name} {printed}% 与同处所列数字不符：{a.raw} / {b.raw} = {exact}%。",
                                    [rate, a.yuan, b.yuan])


def _rows(table: Block) -> Iterator[Finding]:
    """A table row named by a rate ("资金到位率 | … | 819,304.68元；844,644.00元 | 97.00%"):
    its one percentage against the figures in its other cells."""
    for r, row in enumerate(table.rows):
        name, printed = row_rate(row)
        if name is None or printed is None:
            continue
        rest = "；".join(c for c in row[1:] if not PERCENT_CELL.match(c))
        yield from _beside(table.place(r), " | ".join(c for c in row if c), name, printed, _operands(rest))


def row_rate(row: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(rate name, printed value) of a row whose first cell names a rate and one cell is a
    percentage; (None, None) otherwise."""
    name = re.sub(r"\s", "", row[0]) if row else ""
    percents = [m.group(1) for c in row[1:] for m in [PERCENT_CELL.match(c)] if m]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}率", name) or len(percents) != 1 or any(w in name for w in UNRELATED[:1]):
        return None, None
    return name, percents[0]


@check("rate-conflict", "warning", "同一比率前后数值不一致")
def rate_conflict(ex: Extraction) -> Iterator[Finding]:
    seen: dict[str, list[tuple[str, str, Place]]] = {}
    for span in ex.report.sentences():
        for sentence in split_sentences(span.text):
            for m in NAMED_RATE.finditer(sentence):
                if known := known_rate(m.group(1)):
                    seen.setdefault(known, []).append((m.group(2), sentence, span.place))
    for table in ex.report.tables():
        actual = _actual_column(table.rows[0]) if table.rows else None
        for r, row in enumerate(table.rows):
            name, printed = row_rate(row)
            if printed is None and actual is not None and actual < len(row) and (m := PERCENT_CELL.match(row[actual])):
                name, printed = re.sub(r"\s", "", row[0]), m.group(1)  # a goals table: target | actual
            if name and printed is not None and (known := known_rate(name)):
                seen.setdefault(known, []).append((printed, " | ".join(c for c in row if c), table.place(r)))
    for name, stated in seen.items():
        values = sorted({Decimal(v).normalize() for v, _, _ in stated})
        if len(values) < 2 or _one_number(stated):
            continue
        counts = {v: sum(1 for x, _, _ in stated if Decimal(x).normalize() == v) for v in values}
        odd = min(values, key=lambda v: counts[v])
        _, quote, place = next(s for s in stated if Decimal(s[0]).normalize() == odd)
        listed = "、".join(f"{show(v)}%（{counts[v]} 处）" for v in values)
        yield rate_conflict.finding(place, quote, f"报告中的{name}有不同数值：{listed}。", values)


def _actual_column(header: tuple[str, ...]) -> int | None:
    """The column of actual values in a table that also prints targets (目标值 | 实际完成值)."""
    cells = [re.sub(r"\s", "", c) for c in header]
    if not any("目标" in c for c in cells):
        return None
    return next((i for i, c in enumerate(cells) if i and "实际" in c), None)


def known_rate(name: str) -> str | None:
    """The known rate a name ends with ("本项目资金到位率" → 资金到位率); the longest wins."""
    return max((k for k in KNOWN_RATES if name.endswith(k)), key=len, default=None)


def _one_number(stated: list[tuple[str, str, Place]]) -> bool:
    """Every printed value is a rounding of one number (93% and 92.92% are; 97.00% and 95.90% are not)."""
    low = max(Decimal(v) - Decimal(5) / 10 ** (_decimals(v) + 1) for v, _, _ in stated)
    high = min(Decimal(v) + Decimal(5) / 10 ** (_decimals(v) + 1) for v, _, _ in stated)
    return low <= high
