"""The comparison report: the batch result → a document model (jixiao.narrative.document)
→ ROOT/out/comparison.docx, .html and .pdf through the report's own renderers, so it
looks and reads like the regions' reports. Personal data is masked as everywhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.batch import phrases as P
from jixiao.batch.charts import draw_comparison_charts
from jixiao.batch.compare import MIN_FOR_OUTLIERS, Comparison, RegionRow, quantile
from jixiao.findings import CODES
from jixiao.narrative import numbers as N
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import ChartSpec, Cover, Document, Toc
from jixiao.narrative.intro import cn_date
from jixiao.narrative.mask import mask_id
from jixiao.narrative.phrases import COVER_DATE, PAGE, TOC_TITLE
from jixiao.report.docx_render import render_docx
from jixiao.report.html_render import render_html, render_pdf

EXAMPLES = 8
ERRORS = [c for c, code in CODES.items() if code.severity == "error"]


def _list(items: list[str]) -> str:
    return P.LIST.join(items)


def _value(kind: str, v: Decimal | None) -> str:
    return N.money(v) if kind == "money" else N.rate(v)


def build_comparison(result: Any, today: dt.date | None = None) -> Document:
    c: Comparison = result.comparison
    b = Builder()
    b.blocks.append(Toc(TOC_TITLE))
    b.page_break()
    method(b, c, result)
    ranking(b, c)
    level1(b, c)
    leaves(b, c)
    outliers(b, c)
    cross(b, result)
    findings(b, c)
    years(b, c)
    return Document(cover(result, today or dt.date.today()), tuple(b.blocks), PAGE)


def cover(result: Any, today: dt.date) -> Cover:
    c = result.comparison
    names = [r.name for r in c.regions]
    scope = P.SCOPE.format(n=len(names), names=_list(names)) if len(names) <= 12 else \
        P.SCOPE_LONG.format(n=len(names), first=_list(names[:3]))
    lines = ((P.COVER["scope"], scope), (P.COVER["year"], f"{result.year}年"),
             (P.COVER["framework"], result.framework), (P.COVER["engine"], result.engine_label))
    return Cover(P.TITLE.format(year=result.year), lines, COVER_DATE.format(date=cn_date(today)))


def method(b: Builder, c: Comparison, result: Any) -> None:
    b.h(1, P.H1["method"])
    b.p(P.METHOD.format(n=len(c.regions), year=result.year, framework=result.framework))
    b.p(P.METHOD_RANK)
    incomplete = [r.name for r in c.regions if not r.complete]
    if incomplete:
        b.p(P.METHOD_INCOMPLETE.format(names=_list(incomplete)))
    if c.failed:
        b.p(P.METHOD_FAILED.format(items=P.SEP.join(f"{n}（{e.splitlines()[0]}）" for n, e in c.failed)))
    if c.warnings:
        b.p(P.METHOD_WARNINGS.format(items=P.SEP.join(c.warnings)), style="note")


def _ranked(c: Comparison) -> list[RegionRow]:
    return [r for r in c.regions if r.rank is not None]


def ranking(b: Builder, c: Comparison) -> None:
    b.h(1, P.H1["ranking"])
    ranked = _ranked(c)
    if ranked:
        top, bottom = ranked[0], ranked[-1]
        totals = sorted(r.total for r in ranked if r.total is not None)
        b.p(P.RANKING.format(n=len(ranked), top=top.name, top_score=N.score(top.total), top_grade=top.grade or P.NONE,
                             bottom=bottom.name, bottom_score=N.score(bottom.total),
                             bottom_grade=bottom.grade or P.NONE, gap=N.score(top.total - bottom.total),  # type: ignore[operator]
                             median=N.score(quantile(totals, Decimal("0.5")).quantize(Decimal("0.01")))))
        grades: dict[str, int] = {}
        for r in ranked:
            grades[r.grade or P.NONE] = grades.get(r.grade or P.NONE, 0) + 1
        b.p(P.RANKING_GRADES.format(items=P.LIST.join(f"{g}{n}个" for g, n in grades.items())))
    else:
        b.p(P.RANKING_NONE)
    headers = (*P.RANKING_HEADERS, *[name for _, name, _ in c.level1])
    rows = [(str(r.rank) if r.rank else P.NONE, r.name, N.score(r.total), r.grade or P.NONE,
             *[N.score(r.level1[code]) for code, _, _ in c.level1]) for r in c.regions]
    b.table(P.RANKING_TABLE, headers, rows, align="cl" + "r" * (len(headers) - 2), label="batch:ranking")
    if c.regions:
        spec = ChartSpec("hbars", "", tuple(r.name for r in c.regions),
                         (("总分", tuple(float(r.total or 0) for r in c.regions)),), xlabel="总分")
        b.figure(P.RANKING_FIGURE, spec, "batch-totals")


def level1(b: Builder, c: Comparison) -> None:
    b.h(1, P.H1["level1"])
    spreads = []
    for code, name, weight in c.level1:
        rates = [r.level1[code] / weight for r in c.regions if r.level1[code] is not None and weight]
        if rates:
            spreads.append((max(rates) - min(rates), name, min(rates), max(rates)))
    if len(spreads) >= 2:
        spreads.sort()
        (_, name2, low2, high2), (_, name, low, high) = spreads[0], spreads[-1]
        phrase = P.LEVEL1_EVEN if low2 == high2 else P.LEVEL1
        b.p(phrase.format(name=name, high=N.rate(high), low=N.rate(low), name2=name2, low2=N.rate(low2),
                            high2=N.rate(high2)))
    headers = ("地区", *[f"{name}（{N.score(w)}分）" for _, name, w in c.level1])
    rows = []
    for r in c.regions:
        cells = []
        for code, _, w in c.level1:
            score = r.level1[code]
            rate = N.rate(score / w) if score is not None and w else P.NONE
            cells.append(P.LEVEL1_CELL.format(rate=rate, rank=r.level1_rank[code]) if r.level1_rank[code] else rate)
        rows.append((r.name, *cells))
    b.table(P.LEVEL1_TABLE, headers, rows, align="l" + "r" * len(c.level1), label="batch:level1")
    if c.regions and c.level1:
        series = tuple((name, tuple(float((r.level1[code] or 0) / w * 100) if w else 0.0 for r in c.regions))
                       for code, name, w in c.level1)
        b.figure(P.LEVEL1_FIGURE, ChartSpec("grouped_bars", "", tuple(r.name for r in c.regions), series,
                                            ylabel="得分率（%）"), "batch-level1")


def leaves(b: Builder, c: Comparison) -> None:
    b.h(1, P.H1["leaves"])
    means = []
    for code, name, _ in c.leaves:
        rates = [r.rates[code] for r in c.regions if r.rates[code] is not None]
        if rates:
            means.append((sum(rates, Decimal(0)) / len(rates), name))
    weak = sorted(m for m in means if m[0] < 1)[:3]
    if weak:
        b.p(P.LEAVES.format(items=P.LIST.join(P.LEAVES_ITEM.format(name=n, rate=N.rate(m)) for m, n in weak)))
    else:
        b.p(P.LEAVES_ALL_FULL)
    if c.regions and c.leaves:
        spec = ChartSpec("heatmap", "", tuple(f"{code} {name}" for code, name, _ in c.leaves),
                         tuple((r.name, ()) for r in c.regions),
                         payload=[[None if r.rates[code] is None else float(r.rates[code]) for code, _, _ in c.leaves]
                                  for r in c.regions])
        b.figure(P.LEAVES_FIGURE, spec, "batch-heatmap")


def outliers(b: Builder, c: Comparison) -> None:
    b.h(1, P.H1["outliers"])
    b.p(P.OUTLIERS)
    judged = any(s.low is not None for s in c.stats)
    if not judged:
        b.p(P.OUTLIERS_FEW.format(n=MIN_FOR_OUTLIERS))
    elif c.outliers:
        items = [P.OUTLIER_ITEM.format(region=o.region, measure=o.measure.label.split("（")[0],
                                       value=_value(o.measure.kind, o.value), side=P.OUTLIER_SIDES[o.side],
                                       fence=_value(o.measure.kind, o.fence), median=_value(o.measure.kind, o.median))
                 for o in c.outliers]
        b.p(P.OUTLIERS_FOUND.format(n=len(items), items=P.SEP.join(items)))
    else:
        b.p(P.OUTLIERS_NONE)
    headers = (*P.OUTLIERS_HEADERS, *[r.name for r in c.regions])
    rows = [(s.measure.label, _value(s.measure.kind, s.median), _value(s.measure.kind, s.low),
             _value(s.measure.kind, s.high), *[_value(s.measure.kind, r.measures[s.measure.id]) for r in c.regions])
            for s in c.stats]
    b.table(P.OUTLIERS_TABLE, headers, rows, align="l" + "r" * (len(headers) - 1), label="batch:outliers")
    flagged = {(o.measure.id, o.region) for o in c.outliers}
    panels = [(s.measure.label, [(r.name, float(r.measures[s.measure.id]), (s.measure.id, r.name) in flagged)
                                 for r in c.regions if r.measures[s.measure.id] is not None],
               None if s.low is None else float(s.low), None if s.high is None else float(s.high))
              for s in c.stats]
    panels = [p for p in panels if p[1]]
    if panels:
        b.figure(P.OUTLIERS_FIGURE, ChartSpec("strips", "", payload=panels), "batch-outliers")


def cross(b: Builder, result: Any) -> None:
    b.h(1, P.H1["cross"])
    t = result.cross
    ledgers = sum(1 for o in result.outcomes if o.paid_months is not None)
    if ledgers < 2:
        b.p(P.CROSS_SINGLE)
        return
    if not t.num_rows:
        b.p(P.CROSS_NONE)
        return
    rows = t.to_pylist()
    b.p(P.CROSS.format(rows=N.count(len(rows)), persons=N.count(len({r["person_id"] for r in rows})),
                       money=N.money(result.cross_money)))
    by_region: dict[str, list[dict]] = {}
    for r in rows:
        by_region.setdefault(r["region"], []).append(r)
    table = [(region, N.count(len(rs)), N.count(len({r["person_id"] for r in rs})),
              N.money(sum((r["amount"] for r in rs if r["amount"] is not None), Decimal("0.00"))))
             for region, rs in sorted(by_region.items())]
    b.table(P.CROSS_TABLE, P.CROSS_HEADERS, table, align="lrrr", label="batch:cross")
    examples = [(r["region"], str(r["row"]), mask_id(r["person_id"]), r["subsidy"], r["period"] or "", r["message"])
                for r in rows[:EXAMPLES]]
    b.table(P.CROSS_EXAMPLES, P.CROSS_EXAMPLE_HEADERS, examples, widths=(2, 1, 3, 2, 1.5, 6), align="lrllll",
            label="batch:cross-examples")
    b.p(P.CROSS_NOTE, style="note")


def findings(b: Builder, c: Comparison) -> None:
    b.h(1, P.H1["findings"])
    b.p(P.FINDINGS)
    rows = []
    for r in c.regions:
        money = r.money_at_risk
        rows.append((r.name, N.count(sum(r.counts.values())), N.count(sum(r.counts.get(k, 0) for k in ERRORS)),
                     N.money(money.get("overpaid")), N.money(money.get("underpaid")),
                     N.money(r.measures.get("risk_per_1000"))))
    total_over = sum((r.money_at_risk.get("overpaid", Decimal(0)) for r in c.regions), Decimal("0.00"))
    total_under = sum((r.money_at_risk.get("underpaid", Decimal(0)) for r in c.regions), Decimal("0.00"))
    rows.append((P.FINDINGS_TOTAL, N.count(sum(sum(r.counts.values()) for r in c.regions)),
                 N.count(sum(r.counts.get(k, 0) for r in c.regions for k in ERRORS)), N.money(total_over),
                 N.money(total_under), P.NONE))
    b.table(P.FINDINGS_TABLE, P.FINDINGS_HEADERS, rows, align="lrrrrr", label="batch:findings",
            bold_rows=(len(rows) - 1,))


def years(b: Builder, c: Comparison) -> None:
    if not c.years:
        return
    b.h(1, P.H1["years"])
    changes = [y.change for y in c.years if y.change is not None]
    b.p(P.YEARS.format(up=sum(1 for x in changes if x > 0), down=sum(1 for x in changes if x < 0),
                       same=sum(1 for x in changes if x == 0)))
    rows = [(y.region, N.score(y.total), N.score(y.previous),
             P.NONE if y.change is None else ("+" if y.change > 0 else "") + N.score(y.change),
             y.grade or P.NONE, y.previous_grade or P.NONE) for y in c.years]
    b.table(P.YEARS_TABLE, P.YEARS_HEADERS, rows, align="lrrrcc", label="batch:years")
    series = ((P.YEARS_SERIES[0], tuple(float(y.total or 0) for y in c.years)),
              (P.YEARS_SERIES[1], tuple(float(y.previous or 0) for y in c.years)))
    b.figure(P.YEARS_FIGURE, ChartSpec("grouped_bars", "", tuple(y.region for y in c.years), series, ylabel="总分"),
             "batch-years")


def write_comparison_report(result: Any, out: Path, formats: tuple[str, ...], say: Any) -> list[Path]:
    say("生成比较报告")
    doc = build_comparison(result)
    images = draw_comparison_charts(doc, out / "comparison-charts")
    files = []
    if "docx" in formats:

        files.append(render_docx(doc, images, out / "comparison.docx"))
    if "html" in formats or "pdf" in formats:

        html = render_html(doc, images, out / "comparison.html")
        if "pdf" in formats:
            files.append(render_pdf(html, out / "comparison.pdf"))
        if "html" in formats:
            files.append(html)
        else:
            html.unlink()
    return files
