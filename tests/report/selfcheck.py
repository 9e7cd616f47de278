"""The report's self-check: every score, total, grade, rate and amount printed in the
docx and the html equals the Evaluation's value; no personal data appears whole.

Numbers inside text the result itself carries (a judgment's basis, a rule's computation,
the framework's 评分标准) are removed first — they are the result's own words — and
every other number must be one of the result's values."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.decimals import percent
from jixiao.evaluation import Evaluation
from jixiao.findings import CODES
from jixiao.narrative.mask import finding_message, scrub
from jixiao.narrative.numbers import money
from jixiao.scoring.result import ScoredNode
from tests.report.readback import Table

NUM = r"(\d+(?:\.\d+)?)"
WEIGHT_SCORE = re.compile(rf"（分值{NUM}分，(?:已评)?得分{NUM}分(?:，得分率(\d+\.\d{{2}})%)?")
DEDUCTION = re.compile(rf"“([^”]+)”（(\w+)）分值{NUM}分，得分{NUM}分，扣{NUM}分")
VERDICT = re.compile(rf"绩效评价得分为{NUM}分（满分{NUM}分），评价等级为“(\w+)”")
MONEY = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*\.\d{2})元")
PERCENT = re.compile(r"(?<![\d.])(\d+\.\d{2})%")


def result_texts(ev: Evaluation) -> list[str]:
    """Free text that comes whole from the result or the workspace (not from the narrative)."""
    out = []
    for leaf in ev.score.leaves():
        for text in (leaf.basis, leaf.detail, leaf.standard, leaf.explain, leaf.source):
            if text:
                out.append(scrub(text.rstrip("。")))
    out += [w.rstrip("。") for w in ev.score.warnings]
    if ev.survey is not None:
        out += list(ev.survey.warnings)
    if ev.audit is not None:
        out += [finding_message(f) for f in ev.audit.findings]
    return sorted(set(out), key=len, reverse=True)


def strip_result_texts(ev: Evaluation, text: str) -> str:
    for t in result_texts(ev):
        text = text.replace(t, " ")
    return text


def known_rates(ev: Evaluation) -> set[str]:
    r = ev.score
    values: list[Decimal | None] = [m.value for m in r.metrics.values()]
    values += [n.rate for _, n in r.walk()]
    values.append(r.total / r.max_total)
    s = ev.survey
    if s is not None:
        for est in (s.rate, s.index):
            if est is not None:
                values += [est.value, est.low, est.high]
        for q in s.questions:
            values += [q.rate.value, *q.shares.values()]
    return {percent(v) for v in values if v is not None}


def known_money(ev: Evaluation, extra: set[Decimal] = frozenset()) -> set[str]:  # type: ignore[assignment]
    values: set[Decimal] = set(extra)
    for m in ev.score.metrics.values():
        values |= set(m.inputs.values())
    values |= {s.monthly for s in ev.workspace.policy.standards}
    if ev.audit is not None:
        values |= {ev.audit.overpaid, ev.audit.underpaid}
        for c in ev.audit.codes:
            values |= {c.overpaid, c.underpaid}
        values |= {f.amount for f in ev.audit.findings if f.amount is not None}
    s = ev.summaries
    values |= {x.amount for x in (*s.by_subsidy, *s.by_month, *s.by_township, *s.funds)}
    if s.by_subsidy:
        values.add(s.paid_total)
    return {money(v) for v in values}


def nodes_named(ev: Evaluation, prefix: str) -> list[ScoredNode]:
    """Nodes whose name ends the text before a （分值…）."""
    return [n for _, n in ev.score.walk() if prefix.endswith(n.name)]


def dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def check_text(ev: Evaluation, raw: str, where: str, extra_money: set[Decimal] = frozenset()) -> dict[str, int]:  # type: ignore[assignment]
    """Check every printed score, rate and amount in one file's text; return how many of
    each were checked (so a test can insist the checks did bite)."""
    r = ev.score
    text = strip_result_texts(ev, raw)
    checked = {"verdict": 0, "weight_score": 0, "deduction": 0, "money": 0, "percent": 0}

    for m in VERDICT.finditer(text):
        assert (dec(m.group(1)), dec(m.group(2)), m.group(3)) == (r.total, r.max_total, r.grade), (where, m.group(0))
        checked["verdict"] += 1

    for m in WEIGHT_SCORE.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        candidates = nodes_named(ev, before)
        assert candidates, (where, "no indicator named before", before[-30:] + m.group(0))
        weight, score, rate = dec(m.group(1)), dec(m.group(2)), m.group(3)
        assert any(n.weight == weight and n.score == score and (rate is None or percent(n.rate) == rate + "%")
                   for n in candidates), (where, before[-30:] + m.group(0))
        checked["weight_score"] += 1

    for m in DEDUCTION.finditer(text):
        node = r.find(m.group(2))
        assert node is not None and node.name == m.group(1), (where, m.group(0))
        assert (node.weight, node.score, node.weight - node.score) == tuple(dec(m.group(i)) for i in (3, 4, 5)), \
            (where, m.group(0))
        checked["deduction"] += 1

    moneys = known_money(ev, set(extra_money))
    for m in MONEY.finditer(text):
        assert m.group(1) in moneys, (where, "amount not in the result", text[max(0, m.start() - 40):m.end()])
        checked["money"] += 1

    rates = known_rates(ev)
    for m in PERCENT.finditer(text):
        assert m.group(1) + "%" in rates, (where, "rate not in the result", text[max(0, m.start() - 40):m.end()])
        checked["percent"] += 1
    return checked


def check_tables(ev: Evaluation, tables: list[Table], where: str, extra_money: set[Decimal] = frozenset()) -> dict[str, int]:  # type: ignore[assignment]
    r = ev.score
    checked = {"score_rows": 0, "level1_rows": 0, "papers": 0, "finding_rows": 0, "money_cells": 0}
    moneys = known_money(ev, set(extra_money))
    for t in tables:
        head = [c.strip() for c in t[0]]
        if head[:4] == ["代码", "指标", "分值", "得分"]:
            for row in t[1:]:
                code = row[0].strip()
                if not code:  # the total row
                    assert (dec(row[2]), dec(row[3]), row[6].strip() or None) == (r.max_total, r.total, r.grade), where
                    continue
                node = r.find(code)
                assert node is not None and node.name == row[1].strip(), (where, row)
                assert dec(row[2]) == node.weight, (where, row)
                assert (row[3] == "待评" and node.score is None) or dec(row[3]) == node.score, (where, row)
                if node.value is not None:
                    assert row[5] == percent(node.value), (where, row)
                checked["score_rows"] += 1
        elif head == ["一级指标", "分值", "得分", "得分率"]:
            for row in t[1:]:
                if row[0] == "合计":
                    assert (dec(row[1]), dec(row[2]), row[3]) == (r.max_total, r.total, percent(r.total / r.max_total))
                    continue
                node = next(n for n in r.indicators if n.name == row[0])
                assert (dec(row[1]), dec(row[2]), row[3]) == (node.weight, node.score, percent(node.rate)), (where, row)
                checked["level1_rows"] += 1
        elif head and head[0] == "指标名称":
            rows = {row[0]: row[1] for row in t}
            node = r.find(rows["指标名称"].split()[0])
            assert node is not None, (where, rows["指标名称"])
            assert rows["分值"] == f"{dec(str(node.weight)).normalize():f}分" or dec(rows["分值"][:-1]) == node.weight
            assert (rows["得分"] == "待评" and node.score is None) or dec(rows["得分"][:-1]) == node.score, (where, rows)
            checked["papers"] += 1
        elif head[:2] == ["核查项目", "级别"]:
            audit = ev.audit
            assert audit is not None, where
            titles = {c.title: code for code, c in CODES.items()}
            for row in t[1:]:
                if row[0] == "合计":
                    assert int(row[2].replace(",", "")) == sum(audit.counts.values()), (where, row)
                    assert (dec(row[4]), dec(row[5])) == (audit.overpaid, audit.underpaid), (where, row)
                    continue
                c = audit.code(titles[row[0]])
                assert int(row[2].replace(",", "")) == c.count, (where, row)
                assert (dec(row[4]), dec(row[5])) == (c.overpaid, c.underpaid), (where, row)
                checked["finding_rows"] += 1
        for j, h in enumerate(head):
            if "元" in h and "元/人/月" not in h:
                for row in t[1:]:
                    cell = row[j].strip() if j < len(row) else ""
                    if re.fullmatch(r"\d{1,3}(,\d{3})*\.\d{2}", cell):
                        assert cell in moneys, (where, h, row)
                        checked["money_cells"] += 1
    return checked


ID18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def check_private(text: str, names: set[str], ids: set[str], phones: set[str], where: str) -> None:
    flat = text.replace("\n", "")
    assert not ID18.search(flat), (where, ID18.search(flat))
    assert not PHONE.search(flat), (where, PHONE.search(flat))
    for pid in ids:
        assert pid not in flat, (where, pid)
    for phone in phones:
        if len(phone) >= 7:
            assert phone not in flat, (where, phone)
    for name in names:
        if len(name) >= 2:
            assert name not in flat, (where, name)


# --- one name, one number --------------------------------------------------------------

_CJK = "\u3000-\u9fff\uff00-\uffef"


def squash(text: str) -> str:
    """Whitespace as a reader sees it: runs → one space, none between Chinese characters
    (PDF text wraps lines anywhere; table cells keep a space between them)."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(rf"(?<=[{_CJK}]) (?=[{_CJK}\d])|(?<=[\d%]) (?=[{_CJK}])", "", text)


# Sentences that print a named count, as the narrative writes them (whitespace removed).
NAMED_COUNTS = {
    "payment_records": r"全年共发放补贴([\d,]+)笔",
    "ledger_rows": r"发放明细共([\d,]+)行",
    "payments": r"载入与拒收合计的([\d,]+)笔计",
    "roster_rows_all": r"花名册共([\d,]+)行",
    "roster_persons": r"行涉及([\d,]+)人",
    "persons_entitled": r"应享受补贴([\d,]+)人",
    "persons_paid": r"至少获得一次发放([\d,]+)人",
    "payees": r"领取补贴([\d,]+)人",
    "survey_population": r"问卷调查的总体人数取[^，。]{0,30}，为([\d,]+)人",
}
NUMBER = r"[:：为]?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


def named_values(ev: Evaluation) -> dict[str, Decimal]:
    """Every named quantity the report may print, with its one value."""
    values: dict[str, Decimal] = dict(ev.figures)
    for m in ev.score.metrics.values():  # a metric's inputs as the metric used them (facts win)
        values.update(m.inputs)
    s = ev.summaries
    if s.by_subsidy:
        values["payment_records"] = Decimal(s.payment_records)
    if "payments" in ev.rows:
        values["ledger_rows"] = Decimal(ev.rows["payments"]["read"])
    if "roster" in ev.rows:
        acc = ev.rows["roster"]
        values["roster_rows_all"] = Decimal(acc["loaded"] + acc["rejected"])
    if ev.survey is not None and ev.survey.population:
        values["survey_population"] = Decimal(ev.survey.population)
    return values


def check_figures(ev: Evaluation, raw: str, where: str, pairs: bool = True) -> dict[str, set[Decimal]]:
    """Every named count and metric input printed in one file's text: name → values printed,
    each asserted to be the Evaluation's one value for that name. `pairs`: also the
    "label value" pairs of the metric inputs (not in PDF text, whose table cells interleave)."""
    from jixiao.metrics.definitions import FIGURE_NAMES

    text = squash(raw)
    expected = named_values(ev)
    printed: dict[str, set[Decimal]] = {}

    def record(name: str, number: str, context: str) -> None:
        value = dec(number)
        assert name in expected, (where, name, context)
        assert value == expected[name], (where, name, f"printed {value}, is {expected[name]}", context)
        printed.setdefault(name, set()).add(value)

    for name, pattern in NAMED_COUNTS.items():
        for m in re.finditer(pattern, text):
            record(name, m.group(1), m.group(0))
    for t in result_texts(ev):  # the evaluator's own words may quote other figures
        text = text.replace(squash(t), " ")
    # "label value" pairs of the metric inputs, longest label first (发放笔数 is inside 无错误的发放笔数)
    for name, label in sorted(FIGURE_NAMES.items(), key=lambda kv: -len(kv[1])) if pairs else ():
        for m in re.finditer(re.escape(label) + NUMBER, text):
            record(name, m.group(1), m.group(0))
        text = text.replace(label, "▯")
    return printed


# --- no code, repr, placeholder or English in the report's own words --------------------

REPR = re.compile(r"\b(None|True|False|nan|NaN|inf|Decimal|null)\b|\{[a-z_]*\}|\[\]|\{\}|TODO|FIXME")
ENGLISH = re.compile(r"[A-Za-z][A-Za-z_\-]+")
ALLOWED_ENGLISH = {"Word", "WPS", "GB", "T"}  # GB 11643, GB/T 2260: standards as cited


def workspace_texts(ev: Evaluation) -> list[str]:
    """Text the evaluator wrote into the workspace (names, file labels, indicator names …):
    printed as given, so its words are theirs."""
    p = ev.workspace.project
    out = [p.name, p.region, p.unit, p.commissioner, p.evaluator, ev.score.framework]
    out += [d.label for d in ev.workspace.data.values()]
    out += [n.name for _, n in ev.score.walk()] + [i for n in ev.score.leaves() for i in n.failed_items]
    if ev.survey is not None:
        out += [q.question for q in ev.survey.questions]
    return sorted({t for t in out if t}, key=len, reverse=True)


def check_language(ev: Evaluation, raw: str, where: str) -> None:
    text = squash(raw)
    for t in [*result_texts(ev), *workspace_texts(ev)]:
        text = text.replace(squash(t), " ")
    for code in CODES:
        assert code not in text, (where, code)
    bad = REPR.search(text)
    assert bad is None, (where, text[max(0, bad.start() - 40):bad.end() + 40])
    words = {w for w in ENGLISH.findall(text)} - ALLOWED_ENGLISH
    assert not words, (where, sorted(words))
