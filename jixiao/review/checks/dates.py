"""Dates: one named date stated as two days, an end before its start, the end of the
evaluation before the evaluation work, and money moving outside the evaluated year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check

DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})(?!\d)")
NAMED = re.compile(r"(评价基准日|基准日|评价结束日|报告日期|报告生成日期|评价时间)")
RANGE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[-—–~至到]+)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
WORK = re.compile(r"(数据采集|问卷|访谈|资金使用情况检查|现场核查|调研)")
MONEY_MOVE = re.compile(r"(下达|拨付|到位|发放|支付)")


def _day(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def evaluated_year(ex: Extraction) -> int | None:
    m = re.search(r"(20\d{2}|19\d{2})\s*年", ex.report.title())
    return int(m.group(1)) if m else None


def _dates(text: str) -> Iterator[tuple[re.Match[str], date]]:
    for m in DATE.finditer(text):
        g = m.groups()
        d = _day(*g[:3]) if g[0] else _day(*g[3:])
        if d:
            yield m, d


@check("date-conflict", "warning", "同一日期前后不一致")
def date_conflict(ex: Extraction) -> Iterator[Finding]:
    named: dict[str, list[tuple[date, str, object]]] = {}
    for span in ex.report.sentences():
        for m, d in _dates(span.text):
            label = NAMED.search(span.text[max(0, m.start() - 12):m.end() + 8])
            if label:
                key = "评价基准日" if label.group(1) == "基准日" else label.group(1)
                named.setdefault(key, []).append((d, span.text, span.place))
    for label, items in named.items():
        days = sorted({d for d, _, _ in items})
        if len(days) > 1:
            d, quote, place = next(i for i in items if i[0] == days[-1 if len(items) > 2 else 0])
            listed = "、".join(x.isoformat() for x in days)
            yield date_conflict.finding(place, quote, f"报告中的{label}有不同日期：{listed}。",
                                        [Decimal(x.strftime("%Y%m%d")) for x in days])


@check("date-order", "warning", "日期先后颠倒")
def date_order(ex: Extraction) -> Iterator[Finding]:
    work: list[date] = []
    ends: list[tuple[date, str, object]] = []
    for span in ex.report.sentences():
        for m in RANGE.finditer(span.text):
            start = _day(m.group(1), m.group(2), m.group(3))
            end = _day(m.group(4) or m.group(1), m.group(5), m.group(6))
            if start and end and end < start:
                yield date_order.finding(span.place, span.text, f"起止日期颠倒：{start.isoformat()} 至 {end.isoformat()}。",
                                         [Decimal(start.strftime("%Y%m%d")), Decimal(end.strftime("%Y%m%d"))])
        for m, d in _dates(span.text):
            if WORK.search(span.text):
                work.append(d)
            if re.search(r"评价结束日|评价结束", span.text[max(0, m.start() - 4):m.end() + 10]):
                ends.append((d, span.text, span.place))
    if work:
        first = min(work)
        for d, quote, place in ends:
            if d < first:
                yield date_order.finding(place, quote, f"评价结束日 {d.isoformat()} 早于报告所述评价工作开始的 "
                                         f"{first.isoformat()}。", [Decimal(d.strftime("%Y%m%d")), Decimal(first.strftime("%Y%m%d"))])


@check("date-outside-year", "warning", "资金下达或发放日期不在评价年度内")
def date_outside_year(ex: Extraction) -> Iterator[Finding]:
    year = evaluated_year(ex)
    if year is None:
        return
    for span in ex.report.sentences():
        for m, d in _dates(span.text):
            around = span.text[max(0, m.start() - 20):m.end() + 20]
            if MONEY_MOVE.search(around) and not re.search(r"截[止至]|评价|问卷|访谈|检查", around) and d.year != year:
                yield date_outside_year.finding(span.place, span.text, f"{d.isoformat()} 不在评价年度 {year} 年内。",
                                                [Decimal(d.strftime("%Y%m%d")), Decimal(year)])
