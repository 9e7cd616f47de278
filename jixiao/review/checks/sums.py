"""Listed amounts against their stated total: a table's 合计 row against the rows above it
(counts of people as bounds, not sums), and a sentence's "合计" against the amounts before it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.numbers import figures, grouped, number
from jixiao.review.text import Block

TOTAL_WORD = re.compile(r"(合计|总计|共计|累计|总额|合计共|总共)[^，,。；;\d]{0,6}$")
DISTINCT = re.compile(r"(人数|户数|对象数)$|^(人数|户数)")  # counts of distinct people, not additive


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
            shown = " + ".join(grouped(p) for p in parts)
            yield sum_mismatch.finding(table.place(r), " | ".join(x for x in row if x),
                                       f"{shown} = {grouped(total)}，表中合计为 {grouped(stated)}，{_diff(stated, total)}。",
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
    shown = " + ".join(grouped(p) for p in parts)
    bound = (f"少于其中最大的一项 {grouped(max(parts))}" if stated < max(parts)
             else f"多于各项之和 {shown} = {grouped(total)}")
    yield sum_mismatch.finding(table.place(r), " | ".join(x for x in row if x),
                               f"“{head}”合计为 {grouped(stated)}，{bound}；同一人可计入多项，但合计不会{'少于最大一项' if stated < max(parts) else '多于各项之和'}。",
                               [*parts, total, stated])


def _any_column_block(rows, start: int, end: int, stated: Decimal) -> bool | None:
    """True when the stated total is the sum of the rows above it in some column (a merged
    cell may shift a row's figures), or of the rows whose code has no parent (A, B, C, D)."""
    for c in range(max(len(r) for r in rows)):
        values = [(i, number(rows[i][c])) for i in range(start, end) if c < len(rows[i])]
        run = [v for _, v in values if v is not None]
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
        yield sum_mismatch.finding(place, text, f"{shown} = {grouped(total)} 元，句中合计为 {f.raw}，"
                                   f"{_diff(f.yuan, total)} 元。", [*(x.yuan for x in parts), total, f.yuan])


def _diff(stated: Decimal, parts: Decimal) -> str:
    return f"比分项之和{'多' if stated > parts else '少'} {grouped(abs(stated - parts))}"
