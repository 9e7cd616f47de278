"""一、基本情况: the project (background, policy documents, implementing bodies and their
duties, beneficiaries and standards, management flow), its funds (sources by level, budget,
arrival, spending, the unspent balance and why), what was done, and its goals against
what was achieved. What report.yaml does not give is marked 【待填：…】."""

from __future__ import annotations

from decimal import Decimal

from jixiao.evaluation import Evaluation
from jixiao.metrics.definitions import INPUT_NAMES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.annexes import funds_table, payments_table
from jixiao.narrative.builder import Builder
from jixiao.narrative.document import ChartSpec
from jixiao.narrative.evidence import cite
from jixiao.narrative.goals import outcomes
from jixiao.narrative.inputs import input_sources, metric_inputs
from jixiao.narrative.missing import balance, todo

FUND_KEYS = ("budget", "allocated", "spent")
IMPL_KEYS = ("living_planned", "living_paid", "care_planned", "care_paid", "persons_entitled", "persons_paid")


def text_or_todo(b: Builder, ev: Evaluation, text: str, key: str, template: str = "{text}") -> None:
    """report.yaml's text, paragraph by paragraph, or the marker of what is to be filled."""
    if text:
        for i, para in enumerate(text.split("\n\n")):
            b.p(cite(ev, template.format(text=para) if i == 0 else para))
    else:
        b.p(todo(ev, key), label="todo")


def basic(b: Builder, ev: Evaluation) -> None:
    b.h(1, P.H1["basic"])
    project(b, ev)
    funds(b, ev)
    implementation(b, ev)
    goals(b, ev)


def project(b: Builder, ev: Evaluation) -> None:
    ws, r = ev.workspace, ev.report
    p, policy = ws.project, ws.policy
    b.h(2, P.H2["overview"])
    b.p(P.OVERVIEW.format(region=p.region, year=p.year, name=p.name, unit=p.unit))
    b.h(3, P.BACKGROUND_HEAD)
    text_or_todo(b, ev, r.background, "项目概况.背景")
    b.h(3, P.BASIS_HEAD)
    if r.documents:
        b.p(P.BASIS_INTRO)
        for i, d in enumerate(r.documents, 1):
            name = d.name if d.name.startswith("《") else f"《{d.name}》"
            b.p(P.BASIS_ITEM.format(n=i, name=name, number=P.BASIS_NUMBER.format(number=d.number) if d.number else "",
                                    sep="；" if i < len(r.documents) else "。"))
    else:
        b.p(todo(ev, "项目概况.立项依据") or P.BASIS_INTRO + "无。", label="todo")
    b.h(3, P.IMPLEMENTERS_HEAD)
    if r.implementers:
        units = [i.unit for i in r.implementers]
        b.p(P.IMPLEMENTERS_ONE.format(unit=units[0]) if len(units) == 1 else
            P.IMPLEMENTERS_INTRO.format(units="、".join(units)), style="lead")
        b.table(P.IMPLEMENTERS_TABLE, P.IMPLEMENTERS_HEADERS, [(i.unit, cite(ev, i.duties)) for i in r.implementers],
                widths=(3, 9), align="lL", label="implementers")
    else:
        b.p(todo(ev, "项目概况.实施主体"), label="todo")
    b.h(3, P.CONTENT_HEAD)
    if "生活补贴" in {s.subsidy for s in policy.standards} or not policy.standards:
        b.p(P.POLICY_LIVING.format(statuses="、".join(policy.living_requires)))
    extra = "".join(P.POLICY_CARE_EXTRA.format(grades="、".join(map(str, e.grades)),
                                               categories="、".join(e.categories)) for e in policy.care_extra)
    b.p(P.POLICY_CARE.format(grades="、".join(map(str, policy.care_grades)), extra=extra)
        + P.POLICY_SCHEDULE[policy.schedule].format(due_day=policy.due_day))
    if policy.standards:
        b.p(P.OVERVIEW_SUBSIDIES, style="lead")
        rows = [(s.subsidy, f"{s.start.year}-{s.start.month:02d}", N.money(s.monthly)) for s in policy.standards]
        b.table(P.STANDARDS_TABLE, P.STANDARDS_HEADERS, rows, widths=(3, 2, 2), align="lcr", label="standards")
    else:
        b.p(P.NO_STANDARDS)
    b.h(3, P.PROCESS_HEAD)
    text_or_todo(b, ev, r.process, "项目概况.管理流程", P.PROCESS_TEXT.replace("{process}", "{text}"))


def funds(b: Builder, ev: Evaluation) -> None:
    r = ev.report
    b.h(2, P.H2["funds"])
    if r.fund_sources:
        b.p(P.SOURCES_INTRO, style="lead")
        rows = [(f.level, N.money(f.amount), cite(ev, f.note)) for f in r.fund_sources]
        amounts = [f.amount for f in r.fund_sources if f.amount is not None]
        bold: tuple[int, ...] = ()
        if len(amounts) > 1:
            rows.append((P.TOTAL, N.money(sum(amounts, Decimal(0))), ""))
            bold = (len(rows) - 1,)
        b.table(P.SOURCES_TABLE, P.SOURCES_HEADERS, rows, widths=(2, 3, 6), align="lrL", label="sources",
                bold_rows=bold)
    elif ev.summaries.funds:
        funds_table(b, ev)
    else:
        b.p(todo(ev, "项目概况.资金来源"), label="todo")
    inputs, sources = metric_inputs(ev), input_sources(ev)
    given = {k: inputs[k] for k in FUND_KEYS if k in inputs}
    if given:
        from_data = any(sources.get(k) == "data" for k in given)
        rows = [(P.FUNDS_ROWS[k], N.money(v)) for k, v in given.items()]
        b.table(P.FUNDS_DATA_TABLE if from_data else P.FUNDS_FACTS_TABLE, P.FUNDS_HEADERS, rows,
                widths=(3, 2), align="lr", label="funds")
        if len(given) == 3:
            b.p(P.FUNDS_SENTENCE.format(**{k: N.money(v) for k, v in given.items()}))
        arrival = ev.score.metrics.get("fund_arrival_rate")
        execution = ev.score.metrics.get("budget_execution_rate")
        if arrival and execution and arrival.value is not None and execution.value is not None:
            b.p(P.FUNDS_RATES.format(arrival=N.rate(arrival.value), execution=N.rate(execution.value)))
    else:
        b.p(P.FUNDS_NONE)
    left = balance(ev)
    if left is None:
        return
    fields = dict(allocated=N.money(inputs["allocated"]), spent=N.money(inputs["spent"]), balance=N.money(left))
    if left > 0:
        b.p(P.BALANCE.format(**fields), label="balance")
        text_or_todo(b, ev, r.balance_note, "说明.结余", P.BALANCE_REASON.replace("{note}", "{text}"))
    elif left == 0:
        b.p(P.BALANCE_NONE, label="balance")
    else:
        b.p(P.OVERSPENT.format(**fields), label="balance")


def implementation(b: Builder, ev: Evaluation) -> None:
    b.h(2, P.H2["implementation"])
    headcounts(b, ev)
    s, inputs = ev.summaries, metric_inputs(ev)
    if s.by_subsidy:
        b.p(P.IMPL_DATA.format(payments=N.count(s.payment_records), amount=N.money(s.paid_total)), style="lead")
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


def goals(b: Builder, ev: Evaluation) -> None:
    r = ev.report
    b.h(2, P.H2["goals"])
    text_or_todo(b, ev, r.goal, "绩效目标.总体目标", P.GOAL_TEXT.replace("{goal}", "{text}"))
    if not r.targets:
        b.p(todo(ev, "绩效目标.指标"), label="todo")
        return
    b.p(P.TARGETS_INTRO, style="lead")
    done = outcomes(ev)
    rows = [(o.target.name, o.target.target, o.actual, o.status) for o in done]
    b.table(P.TARGETS_TABLE, P.TARGETS_HEADERS, rows, widths=(4, 2.6, 2.6, 1.8), align="lccc", label="targets")
    compared = [o for o in done if o.met is not None]
    if compared:
        missed = [o for o in compared if not o.met]
        met = N.count(len(compared) - len(missed))
        if missed:
            b.p(P.TARGETS_SUMMARY_MISSED.format(n=N.count(len(compared)), met=met, missed="、".join(
                P.TARGET_MISSED.format(name=o.target.name, target=o.target.target, actual=o.actual) for o in missed)))
        else:
            b.p(P.TARGETS_SUMMARY.format(n=N.count(len(compared)), met=met))


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
