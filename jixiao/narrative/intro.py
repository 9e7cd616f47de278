"""Cover, opening paragraph, 一、基本情况 and 二、绩效评价工作开展情况."""

from __future__ import annotations

import datetime as dt

from jixiao.evaluation import Evaluation
from jixiao.findings import CODES
from jixiao.metrics.definitions import INPUT_NAMES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import ChartSpec, Cover
from jixiao.narrative.annexes import funds_table, payments_table, rows_table
from jixiao.narrative.inputs import input_sources, metric_inputs
from jixiao.workspace import DATA_TABLES

FUND_KEYS = ("budget", "allocated", "spent")
IMPL_KEYS = ("living_planned", "living_paid", "care_planned", "care_paid", "persons_entitled", "persons_paid")


def cn_date(d: dt.date) -> str:
    return P.DATE.format(y=d.year, m=d.month, d=d.day)


def cover(ev: Evaluation, today: dt.date) -> Cover:
    p = ev.workspace.project
    values = {"name": p.name, "unit": p.unit, "commissioner": p.commissioner, "evaluator": p.evaluator,
              "base_date": cn_date(p.base_date)}
    lines = tuple((P.COVER_LABELS[k], v) for k, v in values.items() if v)
    return Cover(P.TITLE.format(name=p.name), lines, P.COVER_DATE.format(date=cn_date(today)))


def opening(b: Builder, ev: Evaluation) -> None:
    p = ev.workspace.project
    fields = dict(commissioner=p.commissioner, evaluator=p.evaluator or P.EVALUATOR_DEFAULT, unit=p.unit,
                  name=p.name, base_date=cn_date(p.base_date))
    template = P.OPENING_COMMISSIONED if p.commissioner else P.OPENING_SELF
    method = P.OPENING_METHOD_DATA if ev.audit is not None else P.OPENING_METHOD_FACTS
    b.p(template.format(**fields) + method)


def basic(b: Builder, ev: Evaluation) -> None:
    ws = ev.workspace
    p, policy = ws.project, ws.policy
    b.h(1, P.H1["basic"])
    b.h(2, P.H2["overview"])
    b.p(P.OVERVIEW.format(region=p.region, year=p.year, name=p.name, unit=p.unit))
    if "生活补贴" in {s.subsidy for s in policy.standards} or not policy.standards:
        b.p(P.POLICY_LIVING.format(statuses="、".join(policy.living_requires)))
    extra = "".join(P.POLICY_CARE_EXTRA.format(grades="、".join(map(str, e.grades)),
                                               categories="、".join(e.categories)) for e in policy.care_extra)
    b.p(P.POLICY_CARE.format(grades="、".join(map(str, policy.care_grades)), extra=extra)
        + P.POLICY_SCHEDULE[policy.schedule].format(due_day=policy.due_day))
    if policy.standards:
        b.p(P.OVERVIEW_SUBSIDIES)
        rows = [(s.subsidy, f"{s.start.year}-{s.start.month:02d}", N.money(s.monthly)) for s in policy.standards]
        b.table(P.STANDARDS_TABLE, P.STANDARDS_HEADERS, rows, widths=(3, 2, 2), align="lcr", label="standards")
    else:
        b.p(P.NO_STANDARDS)

    b.h(2, P.H2["funds"])
    inputs, sources = metric_inputs(ev), input_sources(ev)
    funds = {k: inputs[k] for k in FUND_KEYS if k in inputs}
    if funds:
        from_data = any(sources.get(k) == "data" for k in funds)
        rows = [(P.FUNDS_ROWS[k], N.money(v)) for k, v in funds.items()]
        b.table(P.FUNDS_DATA_TABLE if from_data else P.FUNDS_FACTS_TABLE, P.FUNDS_HEADERS, rows,
                widths=(3, 2), align="lr", label="funds")
        if len(funds) == 3:
            b.p(P.FUNDS_SENTENCE.format(**{k: N.money(v) for k, v in funds.items()}))
        arrival = ev.score.metrics.get("fund_arrival_rate")
        execution = ev.score.metrics.get("budget_execution_rate")
        if arrival and execution and arrival.value is not None and execution.value is not None:
            b.p(P.FUNDS_RATES.format(arrival=N.rate(arrival.value), execution=N.rate(execution.value)))
    else:
        b.p(P.FUNDS_NONE)
    if ev.summaries.funds:
        funds_table(b, ev)

    b.h(2, P.H2["implementation"])
    headcounts(b, ev)
    s = ev.summaries
    if s.by_subsidy:
        b.p(P.IMPL_DATA.format(payments=N.count(s.payment_records), amount=N.money(s.paid_total)))
        payments_table(b, ev)
        if s.by_month:
            monthly_chart(b, ev)
    else:
        items = [P.IMPL_FACT_ITEM.format(label=INPUT_NAMES[k], value=N.input_value(k, inputs[k]),
                                         unit=P.YUAN if k in N.MONEY_INPUTS else P.PERSONS)
                 for k in IMPL_KEYS if k in inputs]
        if items:
            b.p(P.IMPL_FACTS.format(items="，".join(items)))
    if not (ev.provided["roster"] or ev.provided["payments"]):
        b.p(P.IMPL_NO_DETAIL, label="not-provided")


def headcounts(b: Builder, ev: Evaluation) -> None:
    """The counts of rows and persons, each under its own name, and how they relate."""
    f, rows = ev.figures, ev.rows
    if "roster" in rows and "roster_persons" in f:
        acc = rows["roster"]
        dup = ev.audit.code("duplicate-person").count if ev.audit else 0
        both = acc["loaded"] - int(f["roster_persons"]) - dup
        b.p(P.IMPL_ROSTER.format(
            rows=N.count(acc["loaded"] + acc["rejected"]), loaded=N.count(acc["loaded"]),
            persons=N.count(f["roster_persons"]),
            rejected=P.IMPL_ROSTER_REJECTED.format(rejected=N.count(acc["rejected"])) if acc["rejected"] else "",
            both=P.IMPL_ROSTER_BOTH.format(both=N.count(both)) if both > 0 else "",
            duplicates=P.IMPL_ROSTER_DUPLICATES.format(duplicates=N.count(dup)) if dup else ""),
            label="headcount-roster")
        if "persons_paid" in f:
            b.p(P.IMPL_PERSONS.format(entitled=N.count(f["persons_entitled"]), paid=N.count(f["persons_paid"]),
                                      payees=N.count(f["payees"])), label="headcount-persons")
        else:
            b.p(P.IMPL_PERSONS_NO_PAYMENTS.format(entitled=N.count(f["persons_entitled"])), label="headcount-persons")
    elif "payees" in f:
        b.p(P.IMPL_PAYEES.format(payees=N.count(f["payees"])), label="headcount-persons")
    if "payments" in rows and "payments" in f:
        acc, records = rows["payments"], ev.summaries.payment_records
        b.p(P.IMPL_LEDGER.format(
            rows=N.count(acc["read"]), loaded=N.count(acc["loaded"]), rejected=N.count(acc["rejected"]),
            records=P.IMPL_LEDGER_RECORDS.format(records=N.count(records)) if records != acc["loaded"] else "",
            skipped=P.IMPL_LEDGER_SKIPPED.format(skipped=N.count(acc["skipped"])) if acc["skipped"] else "",
            counted=N.count(f["payments"])), label="headcount-ledger")
    survey = ev.survey
    if survey is not None and survey.population:
        b.p(P.IMPL_SURVEY_POPULATION.format(source=survey.population_source, population=N.count(survey.population)),
            label="headcount-survey")


def monthly_chart(b: Builder, ev: Evaluation) -> None:
    lines = ev.summaries.by_month
    months = sorted({m.month for m in lines})
    subsidies = sorted({m.subsidy for m in lines})
    amounts = {(m.month, m.subsidy): m.amount for m in lines}
    series = tuple((x, tuple(float(amounts.get((m, x), 0)) for m in months)) for x in subsidies)
    b.figure(P.FIG_MONTHLY, ChartSpec("grouped_bars", "", tuple(months), series, P.CHART_MONTH, P.CHART_MONTHLY_Y),
             "payments-by-month")


def work(b: Builder, ev: Evaluation, checks_annex: int) -> None:
    ws, result = ev.workspace, ev.score
    p = ws.project
    b.h(1, P.H1["work"])
    b.h(2, P.H2["purpose"])
    b.p(P.PURPOSE.format(unit=p.unit, name=p.name, year=p.year, base_date=cn_date(p.base_date)))
    b.h(2, P.H2["framework"])
    counts: dict[int, int] = {}
    for depth, _ in result.walk():
        counts[depth] = counts.get(depth, 0) + 1
    levels = "、".join(P.LEVEL_COUNT.format(n=counts[d], level=P.LEVEL_NAMES[min(d, len(P.LEVEL_NAMES)) - 1])
                       for d in sorted(counts))
    b.p(P.FRAMEWORK_TEXT.format(framework=result.framework, levels=levels, max_total=N.score(result.max_total))
        + grade_bands(result))
    b.p(P.METHODS)
    b.h(2, P.H2["data"])
    provided = [t for t in DATA_TABLES if ev.provided[t]]
    missing = [t for t in DATA_TABLES if not ev.provided[t]]
    if provided:
        b.p(P.DATA_PROVIDED.format(items="、".join(
            P.DATA_ITEM.format(table=P.TABLE_NAMES[t], file=ws.data[t].label) for t in provided)))
    if missing:
        b.p(P.DATA_NOT_PROVIDED.format(items="、".join(P.TABLE_NAMES[t] for t in missing)))
    rows_table(b, ev)
    if ev.audit is not None:
        b.p(P.CHECKS_DONE.format(n=len(CODES), codes="、".join(c.title for c in CODES.values()), annex=checks_annex))
    else:
        b.p(P.CHECKS_NONE, label="not-provided")
    b.h(2, P.H2["process"])
    for line in P.PROCESS:
        b.p(line)


def grade_bands(result) -> str:  # type: ignore[no-untyped-def]
    bands = sorted(result.grades, key=lambda g: g[0], reverse=True)
    if not bands:
        return ""
    parts = []
    for i, (low, label) in enumerate(bands):
        if low > 0 or i == 0:
            parts.append(P.GRADE_BAND.format(label=label, min=N.score(low)))
        else:
            parts.append(P.GRADE_BAND_LAST.format(label=label, prev=N.score(bands[i - 1][0])))
    return P.GRADE_BANDS.format(n=len(bands), bands="、".join(parts))
