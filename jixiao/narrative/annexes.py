"""The annexes: 指标体系及评分表, 基础数据表, 数据核查情况, 社会调查分析, 评价工作底稿."""

from __future__ import annotations

from jixiao.evaluation import Evaluation
from jixiao.metrics.compute import MetricValue
from jixiao.metrics.definitions import INPUT_NAMES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.analysis import metric_sentence
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import ChartSpec
from jixiao.narrative.mask import finding_message, mask_id
from jixiao.scoring.result import ScoredNode

ANNEX_ORDER = ("scores", "base", "checks", "survey", "papers")


def annex_number(key: str) -> int:
    return ANNEX_ORDER.index(key) + 1


def score_cell(node: ScoredNode) -> str:
    if node.score is None:
        return P.PENDING_SCORE
    return N.score(node.score)


def scores(b: Builder, ev: Evaluation) -> None:
    b.annex(annex_number("scores"), "scores")
    r = ev.score
    rows, bold = [], []
    for depth, node in r.walk():
        indent = "　" * (depth - 1)
        if node.is_leaf:
            basis = node.basis or node.detail
            kind = P.KIND_NAMES.get(node.kind, node.kind)
            value = N.rate(node.value) if node.value is not None else ""
        else:
            basis = kind = value = ""
        if depth == 1:
            bold.append(len(rows))
        rows.append((node.code, indent + node.name, N.score(node.weight), score_cell(node), kind, value, basis))
    bold.append(len(rows))
    rows.append(("", P.TOTAL, N.score(r.max_total), N.score(r.total), "", "", r.grade or ""))
    b.table(P.SCORES_TABLE, P.SCORES_HEADERS, rows, widths=(1.0, 3.3, 0.8, 1.25, 1.4, 1.45, 5.8),
            align="llrrllL", label="scores", bold_rows=tuple(bold))


def metric_source_short(m: MetricValue) -> str:
    """The 来源 cell of the metrics table."""
    if m.source == "data":
        return P.METRIC_DATA_SOURCES.get(m.id, P.METRIC_SOURCES["data"])
    return P.METRIC_SOURCES.get(m.source, m.source)


def base(b: Builder, ev: Evaluation) -> None:
    b.annex(annex_number("base"), "base")
    metrics = [m for m in ev.score.metrics.values()]
    if metrics:
        rows = []
        for m in metrics:
            inputs = "；".join(P.INPUT_ITEM.format(name=INPUT_NAMES.get(k, k), value=N.input_with_unit(k, v, P.YUAN))
                              for k, v in m.inputs.items())
            rows.append((m.name, m.formula, inputs, N.rate(m.value), metric_source_short(m)))
        b.table(P.METRICS_TABLE, P.METRICS_HEADERS, rows, widths=(2.2, 3.5, 4.5, 1.5, 1.8), align="lllrl",
                label="metrics")
    s = ev.summaries
    if s.by_subsidy:
        payments_table(b, ev)
    if s.by_month:
        months = sorted({m.month for m in s.by_month})
        subsidies = sorted({m.subsidy for m in s.by_month})
        amounts = {(m.month, m.subsidy): m.amount for m in s.by_month}
        rows = [(m, *(N.money(amounts[(m, x)]) if (m, x) in amounts else "—" for x in subsidies))
                for m in months]
        b.table(P.MONTHLY_TABLE, (P.CHART_MONTH, *subsidies), rows,
                widths=(2, *(3,) * len(subsidies)), align="l" + "r" * len(subsidies), label="monthly")
    if s.by_township:
        rows = [(t.township, N.count(t.roster_persons), N.count(t.payments), N.money(t.amount)) for t in s.by_township]
        b.table(P.TOWNSHIP_TABLE, P.TOWNSHIP_HEADERS, rows, widths=(3, 2, 2, 3), align="lrrr", label="townships")
    if s.funds:
        funds_table(b, ev)
    if not (metrics or s.by_subsidy or s.funds):
        b.p(P.BASE_NONE)


def payments_table(b: Builder, ev: Evaluation) -> None:
    """Payments by subsidy, with the total row."""
    s = ev.summaries
    rows = [(x.subsidy, N.count(x.persons), N.count(x.payments), N.money(x.amount)) for x in s.by_subsidy]
    rows.append((P.TOTAL, N.count(ev.figures["payees"]) if "payees" in ev.figures else "",
                 N.count(s.payment_records), N.money(s.paid_total)))
    b.table(P.IMPL_BY_SUBSIDY_TABLE, P.IMPL_BY_SUBSIDY_HEADERS, rows, widths=(3, 2, 2, 3), align="lrrr",
            label="payments", bold_rows=(len(rows) - 1,))


def funds_table(b: Builder, ev: Evaluation) -> None:
    rows = [(f.kind, f.level, N.money(f.amount), N.count(f.records)) for f in ev.summaries.funds]
    b.table(P.FUNDS_LINES_TABLE, P.FUNDS_BY_LEVEL_HEADERS, rows, widths=(2, 2, 3, 1.5), align="llrr",
            label="funds-lines")


def checks(b: Builder, ev: Evaluation) -> None:
    b.annex(annex_number("checks"), "checks")
    audit = ev.audit
    if audit is None:
        b.p(P.CHECKS_NONE, label="not-provided")
        return
    rows_table(b, ev)
    found = audit.found
    b.p(P.CHECKS_MONEY.format(n=N.count(audit.total), errors=N.count(audit.errors),
                              warnings=N.count(audit.total - audit.errors),
                              over=N.money(audit.overpaid), under=N.money(audit.underpaid)), label="checks-total")
    rows = [(f.title, P.SEVERITY[f.severity], N.count(f.count), N.count(f.persons), N.money(f.overpaid),
             N.money(f.underpaid)) for f in found]
    rows.append((P.TOTAL, "", N.count(audit.total), "", N.money(audit.overpaid), N.money(audit.underpaid)))
    b.table(P.CHECKS_TABLE, P.CHECKS_HEADERS, rows, widths=(3, 1, 1.3, 1.3, 2, 2), align="lcrrrr",
            label="findings", bold_rows=(len(rows) - 1,))
    clean = [c.title for c in audit.codes if not c.count]
    if clean:
        b.p(P.CHECKS_CLEAN.format(codes="、".join(clean)))
    if found:
        chart = ChartSpec("hbars", "", tuple(f.title for f in found),
                          ((P.CHART_FINDINGS_X, tuple(float(f.count) for f in found)),), P.CHART_FINDINGS_X, "")
        b.figure(P.FIG_FINDINGS, chart, "findings-by-code")
        rows = []
        for f in found:
            for x in f.examples:
                place = P.EXAMPLE_PLACE.format(table=P.TABLE_NAMES.get(x.table, x.table), row=x.row or "—")
                rows.append((f.title, place, mask_id(x.person_id) if x.person_id else "", x.period,
                             N.money(x.amount) if x.amount is not None else "", finding_message(x)))
        b.table(P.EXAMPLES_TABLE.replace("{k}", str(max(len(f.examples) for f in found))),
                P.EXAMPLES_HEADERS, rows, widths=(2.1, 2.2, 3.3, 1.65, 1.75, 4.7), align="lllrrl",
                label="examples")


def rows_table(b: Builder, ev: Evaluation) -> None:
    """Row accounting per table: read = loaded + skipped + rejected."""
    if ev.rows:
        rows = [(P.TABLE_NAMES.get(t, t), *(N.count(acc[k]) for k in ("read", "loaded", "skipped", "rejected")))
                for t, acc in ev.rows.items()]
        b.table(P.ROWS_TABLE, P.ROWS_HEADERS, rows, widths=(2, 1.5, 1.5, 1.5, 1.5), align="lrrrr", label="rows")


def survey(b: Builder, ev: Evaluation) -> None:
    b.annex(annex_number("survey"), "survey")
    s = ev.survey
    if s is None or not s.questions:
        b.p(P.SURVEY_NONE, label="not-provided")
        return
    b.p(P.SURVEY_INTRO.format(n=N.count(s.respondents)))
    if s.rate is not None:
        text = P.SURVEY_RATE.format(rate=N.rate(s.rate.value), low=N.rate(s.rate.low), high=N.rate(s.rate.high))
        if s.index is not None:
            text += P.SURVEY_INDEX.format(index=N.rate(s.index.value), low=N.rate(s.index.low),
                                          high=N.rate(s.index.high))
        b.p(text, label="survey")
    options = tuple(s.questions[0].counts)
    rows = []
    for q in s.questions:
        rows.append((q.question, *(f"{N.count(q.counts[o])} ({N.rate(q.shares[o])})" for o in options), N.count(q.valid),
                     N.rate(q.rate.value)))
    b.table(P.SURVEY_TABLE, (P.SURVEY_HEADERS_Q, *options, P.SURVEY_HEADERS_N, P.SURVEY_HEADERS_RATE), rows,
            widths=(2.8, *(1.7,) * len(options), 1.1, 1.3), align="l" + "r" * (len(options) + 2), label="survey")
    b.figure(P.FIG_SURVEY, ChartSpec("survey", "", payload=s), "survey")
    for w in s.warnings:
        b.p(P.SURVEY_WARNING.format(text=w), style="note")


def papers(b: Builder, ev: Evaluation) -> None:
    b.annex(annex_number("papers"), "papers")
    for leaf in ev.score.leaves():
        b.h(3, P.PAPER_TITLE.format(code=leaf.code, name=leaf.name))
        b.table("", ("", ""), paper_rows(ev, leaf), widths=(1.6, 8.4), align="lL", label=f"paper:{leaf.code}",
                key_value=True)


def paper_rows(ev: Evaluation, leaf: ScoredNode) -> list[tuple[str, str]]:
    metric = ev.score.metrics.get(leaf.metric) if leaf.metric else None
    computation = []
    if metric is not None:
        computation.append(metric_sentence(metric))
    if leaf.detail:
        computation.append(leaf.detail.rstrip("。") + "。")
    result = []
    if metric is not None and metric.value is not None:
        result.append(P.PAPER_RESULT_VALUE.format(metric=metric.name, value=N.rate(metric.value)))
    if leaf.basis:
        result.append(leaf.basis.rstrip("。") + "。")
    elif leaf.kind in ("judgment", "checklist") and not leaf.pending:
        result.append(P.PAPER_NO_BASIS + "。")
    if leaf.overridden:
        result.append(P.PAPER_RESULT_OVERRIDE.format(computed=N.score(leaf.computed), score=N.score(leaf.score)))
    source = leaf.source or P.NOT_GIVEN
    if metric is not None and metric.source == "data":
        source = P.PAPER_SOURCE_DATA.format(source=source)
    standard = leaf.standard or P.KIND_STANDARDS.get(leaf.kind, P.NOT_GIVEN)
    score = P.PAPER_PENDING if leaf.score is None else P.PAPER_SCORE.format(score=N.score(leaf.score))
    values = (f"{leaf.code} {leaf.name}", leaf.explain or P.NOT_GIVEN,
              P.PAPER_SCORE.format(score=N.score(leaf.weight)), standard, source,
              "".join(computation) or P.NOT_GIVEN, "".join(result) or P.NOT_GIVEN, score)
    return list(zip(P.PAPER_ROWS, values, strict=True))
