"""Money figures against each other: the same digits printed as 元 here and 万元 there
(one of them 10 000 times the other), and one labelled amount (the budget, the spending)
stated as different sums."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.numbers import YUAN, Figure, figures, grouped
from jixiao.review.text import Place

TOTAL = re.compile(r"^(合计|总计|小计|总额)")
TOTAL_WORDS = re.compile(r"合计|共计|总计|累计|总额|全年共")

LABELS = {
    "预算": re.compile(r"(预算数|预算资金|预算金额|财政预算|预算批复为|批复预算|预算总额|年度预算|年预算数)\s*(?:为|是|：|:|共|合计)?\s*$"),
    "实际支出": re.compile(r"(实际支出|支出金额|实际执行|执行金额|实际支付|支付金额|实际执行数)\s*(?:为|是|：|:|共|合计)?\s*$"),
}


def money_figures(ex: Extraction) -> list[tuple[Figure, str, Place, str]]:
    """Every money figure with its sentence, place and label ('预算', '实际支出' or '')."""
    out = []
    for table in ex.report.tables():
        unit = _table_unit(table)
        header = table.rows[0] if table.rows else ()
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                col_unit = _header_unit(header[c]) if c < len(header) else ""
                for f in figures(cell, col_unit or (unit if r > 0 and not _counter(header, c) else "")):
                    if f.is_money:
                        own = _label(cell[:f.start]) or (_label(row[0]) if row and row[0] != cell else "")
                        label = own or ("表头:" + _label(header[c]) if c < len(header) and _label(header[c]) else "")
                        out.append((f, " | ".join(x for x in row if x), table.place(r), label))
    for span in ex.report.sentences():
        if span.row is not None:
            continue
        for f in figures(span.text):
            if f.is_money:
                out.append((f, span.text, span.place, _label(span.text[:f.start])))
    return out


COLUMN = "列合计"


def column_sums(ex: Extraction) -> list[tuple[Figure, str, Place, str]]:
    """The sum of each money column of a table without a 合计 row (the amounts by township):
    printed elsewhere as a total, it shows the column's unit is the total's."""
    out = []
    for table in ex.report.tables():
        rows = table.rows
        if len(rows) < 3 or any(TOTAL.match(re.sub(r"\s", "", next((c for c in r if c), ""))) for r in rows[1:]):
            continue
        header, unit = rows[0], _table_unit(table)
        for c, head in enumerate(header):
            col_unit = _header_unit(head) or unit
            if col_unit not in YUAN or _counter(header, c):
                continue
            cells = [r[c] for r in rows[1:] if c < len(r)]
            values = [figures(x, col_unit) for x in cells]
            if len(values) < 2 or any(len(v) != 1 or not v[0].is_money or v[0].raw_number != x.strip().removesuffix(v[0].unit)
                                      for v, x in zip(values, cells)):
                continue
            places = max(v[0].decimals for v in values)
            total = sum((v[0].value for v in values), Decimal(0))
            raw = f"{total:,.{places}f}" if any("," in x for x in cells) else f"{total:.{places}f}"
            out.append((Figure(total, col_unit, places, 0, len(raw), raw), f"表中“{head}”一列之和为 {raw}", table.place(0),
                        COLUMN))
    return out


def _table_unit(table) -> str:
    text = table.caption + " " + " ".join(table.rows[0]) if table.rows else table.caption
    m = re.search(r"单位\s*[：:]\s*(万元|元|亿元)", text)
    return m.group(1) if m else ""


def _header_unit(text: str) -> str:
    m = re.search(r"[（(](万元|元|亿元)[）)]", text)
    return m.group(1) if m else ""


def _counter(header: tuple[str, ...], c: int) -> bool:
    return c < len(header) and bool(re.search(r"序号|人数|户数|份数|编号|年度|月份", header[c]))


def _label(before: str) -> str:
    for label, pattern in LABELS.items():
        if pattern.search(before):
            return label
    return ""


@check("unit-mismatch", "error", "金额单位错误（元与万元相差一万倍）")
def unit_mismatch(ex: Extraction) -> Iterator[Finding]:
    by_digits: dict[str, list[tuple[Figure, str, Place, str]]] = {}
    for item in money_figures(ex):
        if _distinctive(item[0]):
            by_digits.setdefault(item[0].digits, []).append(item)
    yield from _columns(ex)
    for items in by_digits.values():
        values: dict[Decimal, list[tuple[Figure, str, Place, str]]] = {}
        for item in items:
            key = next((v for v in values if _same(values[v][0][0], item[0])), item[0].yuan)
            values.setdefault(key, []).append(item)
        if len(values) < 2:
            continue
        usual = max(values, key=lambda v: len(values[v]))
        for value, group in values.items():
            ratio = max(value, usual) / min(value, usual) if min(value, usual) else Decimal(0)
            if value == usual or ratio not in (Decimal(10000), Decimal(100000000)) or len(group) >= len(values[usual]):
                continue
            other = next((i[0] for i in values[usual] if i[0].unit != group[0][0].unit), values[usual][0][0])
            for f, quote, place, _ in group:
                yield unit_mismatch.finding(place, quote, f"“{f.raw}”与报告别处的“{_money(other)}”数字相同而单位不同，"
                                            f"两者相差 {grouped(ratio)} 倍；此处应为 {grouped(usual)} 元，按所写单位则是 "
                                            f"{grouped(f.yuan)} 元。", [f.yuan, usual])


def _columns(ex: Extraction) -> Iterator[Finding]:
    """A money column (without a 合计 row) whose sum is, to within 1 %, a total printed
    elsewhere in the other unit: the column's unit is wrong (the rest is money the column
    does not attribute, such as payments to people on no township's roster)."""
    totals = [i for i in money_figures(ex) if TOTAL_WORDS.search(i[1]) and i[0].yuan >= 10000]
    for f, quote, place, _ in column_sums(ex):
        for t, t_quote, t_place, _ in totals:
            if t.unit != f.unit and f.value and abs(f.value - t.value) <= t.value / 100:
                yield unit_mismatch.finding(place, quote, f"{quote} {f.unit}，与报告中的合计“{_money(t)}”（{t_place}）"
                                            f"数值相当而单位不同，两者相差约{'一万' if YUAN[f.unit] * YUAN[t.unit] < 10 ** 9 else '一亿'}倍；"
                                            f"此列的单位应为{t.unit}。", [f.yuan, t.yuan])
                break


def _distinctive(f: Figure) -> bool:
    """Digits unlikely to recur by chance: three significant ones (188, 302.74), or a long
    round number (2,200,000.00); "5元" and "5万元" may well be two different amounts."""
    return len(f.digits) >= 3 or len(re.sub(r"\D", "", f.raw_number.split(".")[0])) >= 5


def _money(f: Figure) -> str:
    return f.raw if f.raw.endswith(f.unit) else f"{f.raw} {f.unit}"


@check("amount-conflict", "warning", "同一金额前后不一致")
def amount_conflict(ex: Extraction) -> Iterator[Finding]:
    figs = [item for item in money_figures(ex) if item[3]]
    for label in LABELS:
        items = [i for i in figs if i[3] in (label, "表头:" + label)]
        groups: list[list[tuple[Figure, str, Place, str]]] = []
        for item in items:
            for g in groups:
                if _same(g[0][0], item[0]):
                    g.append(item)
                    break
            else:
                groups.append([item])
        groups = [g for g in groups if not _ten_thousand(g, groups)]
        if len(groups) < 2:
            continue
        groups.sort(key=len, reverse=True)
        usual = next((i[0] for i in groups[0] if not i[3].startswith("表头:")), groups[0][0][0])
        for g in groups[1:]:
            strong = [i for i in g if not i[3].startswith("表头:")]
            if not strong:
                continue
            f, quote, place, _ = strong[0]
            yield amount_conflict.finding(place, quote, f"{label}在此为 {_money(f)}（{grouped(f.yuan)} 元），报告别处为 "
                                          f"{grouped(usual.yuan)} 元（{len(groups[0])} 处）。", [f.yuan, usual.yuan])


def _same(a: Figure, b: Figure) -> bool:
    tol = max(a.half_unit * YUAN[a.unit], b.half_unit * YUAN[b.unit])
    return abs(a.yuan - b.yuan) <= tol + Decimal("0.01")


def _ten_thousand(group, groups) -> bool:
    """A group that is another group's figure in the wrong unit: unit-mismatch says it."""
    return any(g is not group and len(g) > len(group) and
               any(a[0].digits == b[0].digits and a[0].unit != b[0].unit for a in g for b in group) for g in groups)
