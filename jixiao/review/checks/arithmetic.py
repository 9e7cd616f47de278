"""Rates against their numerator and denominator, listed amounts against their stated
total (in tables and in sentences), and one named rate or amount stated two ways."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import permutations

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.numbers import Figure, close, figures, number, show
from jixiao.review.text import Block, split_sentences

# "A元 / B元 = R%" and "R%（A/B）"
FORMULA = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|人|份|户|分)?\s*[/÷]\s*(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|人|份|户|分)?"
                     r"\s*(?:[×x*]\s*100%\s*)?=\s*(\d+(?:\.\d+)?)\s*%")
INLINE = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*[（(]\s*(\d[\d,]*(?:\.\d+)?)\s*/\s*(\d[\d,]*(?:\.\d+)?)\s*[）)]")
NAMED_RATE = re.compile(r"([\u4e00-\u9fff]{2,12}?率)\s*(?:为|达|是|达到|仅为|约为)?\s*(\d+(?:\.\d+)?)\s*%(?!\s*[-–~至到])")
TOTAL_WORD = re.compile(r"(合计|总计|共计|累计|总额|合计共|总共)[^，,。；;\d]{0,6}$")
DISTINCT = re.compile(r"(人数|户数|对象数)$|^(人数|户数)")  # counts of distinct people, not additive
KNOWN_RATES = ("预算执行率", "资金到位率", "资金支出率", "应补尽补率", "发放准确率", "发放及时率", "问卷回收率",
               "台账信息准确率", "资金执行率")


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _rate_ok(rate: Decimal, decimals: int, num: Decimal, den: Decimal) -> bool:
    if den == 0:
        return False
    exact = num / den * 100
    step = Decimal(1) / Decimal(10) ** decimals
    return abs(exact - rate) <= step / 2 + Decimal("1e-9") or (rate <= exact < rate + step)


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


@check("rate-mismatch", "error", "比率不等于所列分子除以分母")
def rate_mismatch(ex: Extraction) -> Iterator[Finding]:
    for span in ex.report.sentences():
        text = span.text
        explicit = False
        for m in FORMULA.finditer(text):
            explicit = True
            num, den, rate = _dec(m.group(1)), _dec(m.group(2)), Decimal(m.group(3))
            if den and not _rate_ok(rate, _decimals(m.group(3)), num, den):
                exact = (num / den * 100).quantize(Decimal("0.0001"))
                yield rate_mismatch.finding(span.place, text, f"{show(num)} / {show(den)} = {exact}%，报告写为 {m.group(3)}%。",
                                            [num, den, rate])
        for m in INLINE.finditer(text):
            explicit = True
            rate, num, den = Decimal(m.group(1)), _dec(m.group(2)), _dec(m.group(3))
            if den and not _rate_ok(rate, _decimals(m.group(1)), num, den):
                exact = (num / den * 100).quantize(Decimal("0.0001"))
                yield rate_mismatch.finding(span.place, text, f"{show(num)} / {show(den)} = {exact}%，报告写为 {m.group(1)}%。",
                                            [num, den, rate])
        if not explicit and span.row is None:
            yield from _implicit(span, text)


def _implicit(span, text: str) -> Iterator[Finding]:
    """'预算 X 元，支出 Y 元，执行率 R%': R must be some Y/X (or 1 − Y/X, a 偏差率)."""
    for m in NAMED_RATE.finditer(text):
        name = m.group(1)
        if "得分率" in name or "满意" in name or "比例" in name:
            continue
        rate = Decimal(m.group(2))
        pool = [f for f in figures(text) if f.unit in ("元", "万元", "份", "人", "户") and f.start != m.start(2)]
        by_unit: dict[str, list[Figure]] = {}
        for f in pool:
            by_unit.setdefault("元" if f.is_money else f.unit, []).append(f)
        groups = [fs for fs in by_unit.values() if len(fs) >= 2]
        if not groups:
            continue
        decimals = _decimals(m.group(2))
        ok = False
        for fs in groups:
            for a, b in permutations(fs, 2):
                num, den = a.yuan if a.is_money else a.value, b.yuan if b.is_money else b.value
                if _rate_ok(rate, decimals, num, den) or (den and _rate_ok(rate, decimals, den - num, den)):
                    ok = True
        if not ok and len(groups[0]) == 2:
            a, b = groups[0]
            num, den = (a, b) if a.yuan <= b.yuan else (b, a)
            exact = (num.yuan / den.yuan * 100).quantize(Decimal("0.01")) if den.yuan else Decimal(0)
            yield rate_mismatch.finding(span.place, text, f"{name} {m.group(2)}% 与同句所列数字不符："
                                        f"{num.raw} / {den.raw} = {exact}%。", [rate, num.yuan, den.yuan])


@check("sum-mismatch", "error", "分项金额之和与所列合计不符")
def sum_mismatch(ex: Extraction) -> Iterator[Finding]:
    for table in ex.report.tables():
        yield from _table_sums(table)
    for block in ex.report.paragraphs():
        for sentence in re.split(r"(?<=。)", block.text):
            if sentence.strip():
                yield from _sentence_sums(sentence, block.place())


def _table_sums(table: Block) -> Iterator[Finding]:
    rows = table.rows
    codes = {len(m.group(0)) for r in rows if r for m in [re.match(r"[A-H]\d*(?=\s|$)", r[0].strip())] if m}
    if len(codes) >= 2:
        return  # a score table with its tree in one column: the tree checks read it
    cols = max(len(r) for r in rows)
    header = rows[0]
    last_total = -1
    for r, row in enumerate(rows):
        first = next((c for c in row if c), "")
        if not re.match(r"^(合计|总计|小计)", re.sub(r"\s", "", first)) or r == 0:
            continue
        for c in range(cols):
            stated = number(row[c]) if c < len(row) else None
            if stated is None or c < len(row) and "%" in row[c] or (c < len(header) and re.search(r"率|比例|占比|%", header[c])):
                continue
            parts = [number(rows[i][c]) for i in range(last_total + 1, r) if c < len(rows[i])]
            parts = [p for p in parts if p is not None]
            if c < len(header) and DISTINCT.search(re.sub(r"\s", "", header[c])):
                yield from _distinct(table, r, row, header[c], parts, stated)
                continue
            if len(parts) < 2 or _any_column_block(rows, last_total + 1, r, stated):
                continue
            total = sum(parts, Decimal(0))
            shown = " + ".join(show(p) for p in parts)
            yield sum_mismatch.finding(table.place(r), " | ".join(x for x in row if x),
                                       f"{shown} = {show(total)}，表中合计为 {show(stated)}，相差 {show(stated - total)}。",
                                       [*parts, total, stated])
        last_total = r


def _distinct(table: Block, r: int, row: tuple[str, ...], head: str, parts: list[Decimal],
              stated: Decimal) -> Iterator[Finding]:
    """A count of people (人数, 户数) is not additive — one person may draw both subsidies —
    but the total lies between the largest part and the sum of the parts."""
    if len(parts) < 2:
        return
    total = sum(parts, Decimal(0))
    if max(parts) <= stated <= total:
        return
    shown = " + ".join(show(p) for p in parts)
    bound = (f"少于其中最大的一项 {show(max(parts))}" if stated < max(parts)
             else f"多于各项之和 {shown} = {show(total)}")
    yield sum_mismatch.finding(table.place(r), " | ".join(x for x in row if x),
                               f"“{head}”合计为 {show(stated)}，{bound}；同一人可计入多项，但合计不会{'少于最大一项' if stated < max(parts) else '多于各项之和'}。",
                               [*parts, total, stated])


def _any_column_block(rows, start: int, end: int, stated: Decimal) -> bool | None:
    """True when the stated total is the sum of a run of rows just above it (any column),
    or of the rows whose code has no parent in the table (A, B, C, D)."""
    for c in range(max(len(r) for r in rows)):
        values = [(i, number(rows[i][c])) for i in range(start, end) if c < len(rows[i])]
        for s in range(len(values)):
            run = [v for _, v in values[s:] if v is not None]
            if len(run) >= 1 and abs(sum(run, Decimal(0)) - stated) <= Decimal("0.011"):
                return True
        tops = [number(rows[i][c]) for i in range(start, end) if c < len(rows[i]) and rows[i][0] and
                re.fullmatch(r"[A-H]", rows[i][0].strip())]
        if tops and all(t is not None for t in tops) and abs(sum(tops, Decimal(0)) - stated) <= Decimal("0.011"):
            return True
    return None


def _sentence_sums(text: str, place) -> Iterator[Finding]:
    money = [f for f in figures(text) if f.is_money]
    for i, f in enumerate(money):
        if i < 2 or not TOTAL_WORD.search(text[:f.start]):
            continue
        before = money[:i]
        if any(abs(sum((x.yuan for x in before[s:]), Decimal(0)) - f.yuan) <= f.half_unit * 10000 ** (f.unit == "万元")
               for s in range(len(before) - 1)):
            continue
        parts = before
        total = sum((x.yuan for x in parts), Decimal(0))
        if abs(total - f.yuan) <= Decimal("0.01"):
            continue
        shown = " + ".join(x.raw for x in parts)
        yield sum_mismatch.finding(place, text, f"{shown} = {show(total)} 元，句中合计为 {f.raw}，相差 "
                                   f"{show(f.yuan - total)} 元。", [*(x.yuan for x in parts), total, f.yuan])


@check("rate-conflict", "warning", "同一比率前后数值不一致")
def rate_conflict(ex: Extraction) -> Iterator[Finding]:
    seen: dict[str, list[tuple[Decimal, str, object]]] = {}
    for span in ex.report.sentences():
        for sentence in split_sentences(span.text):
            for m in NAMED_RATE.finditer(sentence):
                name = m.group(1)
                if name in KNOWN_RATES:
                    seen.setdefault(name, []).append((Decimal(m.group(2)), sentence, span.place))
    for name, stated in seen.items():
        values = sorted({v.normalize() for v, _, _ in stated})
        if len(values) < 2 or max(values) - min(values) < 1:
            continue
        counts = {v: sum(1 for x, _, _ in stated if x.normalize() == v) for v in values}
        odd = min(values, key=lambda v: counts[v])
        value, quote, place = next(s for s in stated if s[0].normalize() == odd)
        listed = "、".join(f"{show(v)}%（{counts[v]} 处）" for v in values)
        yield rate_conflict.finding(place, quote, f"报告中的{name}有不同数值：{listed}。", values)
