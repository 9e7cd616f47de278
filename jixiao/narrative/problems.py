"""Problems and recommendations, derived — never written by hand — and grouped the way
evaluators write them: by theme (前期论证和目标, 资金, 管理, 发放准确性, 及时性, 台账, 效益).

Every deducted leaf and every finding family at or above its threshold (or carrying money)
belongs to exactly one aspect of one theme; a theme with members is one problem, with its
deductions, finding counts, persons and money, and one recommendation that names them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.audit.result import CodeSummary
from jixiao.evaluation import Evaluation
from jixiao.metrics.compute import MetricValue
from jixiao.metrics.definitions import INPUT_NAMES
from jixiao.narrative import numbers as N
from jixiao.narrative import phrases as P
from jixiao.narrative.causes import cause_text, family_title, places
from jixiao.narrative.evidence import cite
from jixiao.narrative.mask import finding_message, mask_id
from jixiao.scoring.result import ScoredNode

# A finding family is a problem of its own at this many findings (errors always matter);
# below it, it is still listed when it carries money or its theme is a problem anyway.
THRESHOLD = {"error": 1, "warning": 5}
SHORT_NAME = 3  # a leaf name this short is printed after its parent's name

ASPECT_BY_METRIC = {
    "fund_arrival_rate": "f.arrival",
    "budget_execution_rate": "f.budget",
    "living_disbursement_rate": "f.budget",
    "care_disbursement_rate": "f.budget",
    "coverage_rate": "a.amount",
    "payment_accuracy_rate": "a.amount",
    "on_time_rate": "t.late",
    "roster_accuracy_rate": "r.rows",
    "satisfaction_rate": "e.satisfaction",
    "satisfaction_index": "e.satisfaction",
}
ASPECT_BY_CODE = {
    "id-malformed": "r.ids", "id-checksum": "r.ids", "id-birthdate": "r.ids", "id-precision-lost": "r.ids",
    "id-region": "r.ids", "id-old-format": "r.ids",
    "cert-mismatch": "r.ids", "name-mismatch": "r.ids", "row-rejected": "r.rows", "phone-invalid": "r.rows",
    "duplicate-person": "a.eligibility", "not-eligible-living": "a.eligibility",
    "not-eligible-care": "a.eligibility", "paid-not-on-roster": "a.eligibility",
    "paid-after-death": "a.death", "paid-outside-entitlement": "a.death",
    "double-payment": "a.amount", "amount-mismatch": "a.amount", "unpaid-month": "a.amount",
    "late-payment": "t.late",
}
ASPECT_ORDER = [key for key, *_ in P.ASPECTS]
THEME_OF = {key: theme for key, theme, *_ in P.ASPECTS}
TITLE_OF = {key: title for key, _, title, _, _ in P.ASPECTS}
HEAD_OF = {key: head for key, _, _, head, _ in P.ASPECTS}
ACTION_OF = {key: action for key, *_, action in P.ASPECTS}
THEME_ORDER = list(dict.fromkeys(THEME_OF.values()))


@dataclass(frozen=True)
class Problem:
    """One theme's problem: what went wrong (title, body) and what to do (advice)."""

    theme: str
    title: str
    body: tuple[str, ...]
    advice_title: str
    advice: str
    leaves: tuple[ScoredNode, ...] = ()  # the deducted leaves in this theme
    families: tuple[CodeSummary, ...] = ()  # the finding families in this theme

    @property
    def ref(self) -> str:
        return f"theme:{self.theme}"

    @property
    def points(self) -> Decimal:
        """The theme's deductions, summed over its leaves."""
        return sum((leaf.weight - leaf.score for leaf in self.leaves if leaf.score is not None), Decimal(0))


def deducted_leaves(ev: Evaluation) -> list[ScoredNode]:
    return [n for n in ev.score.leaves() if n.score is not None and n.score < n.weight]


def paths(ev: Evaluation) -> dict[str, tuple[ScoredNode, ...]]:
    """Leaf code → its ancestors and itself, 一级 first."""
    out: dict[str, tuple[ScoredNode, ...]] = {}

    def visit(node: ScoredNode, above: tuple[ScoredNode, ...]) -> None:
        here = above + (node,)
        if node.is_leaf:
            out[node.code] = here
        for child in node.children:
            visit(child, here)

    for top in ev.score.indicators:
        visit(top, ())
    return out


def aspect_of_leaf(leaf: ScoredNode, path: tuple[ScoredNode, ...]) -> str:
    """The aspect a leaf belongs to: by its metric, else a keyword in its own name, then in
    its parents' names, then its 一级's name."""
    if leaf.metric in ASPECT_BY_METRIC:
        return ASPECT_BY_METRIC[leaf.metric]
    for node in reversed(path):
        for key, words in P.ASPECT_KEYWORDS:
            if any(w in node.name for w in words):
                return key
    for word, key in P.ASPECT_BY_LEVEL1:
        if word in path[0].name:
            return key
    return "m.rules"


def aspect_of_code(code: str) -> str:
    """A finding family's aspect (an ID code this table does not know is an ID problem)."""
    return ASPECT_BY_CODE.get(code, "r.ids" if code.startswith("id-") else "r.rows")


def listed(f: CodeSummary) -> bool:
    return f.count >= THRESHOLD[f.severity] or bool(f.overpaid) or bool(f.underpaid)


def derive(ev: Evaluation) -> list[Problem]:
    by_path = paths(ev)
    owner = {code: path[-2].name for code, path in by_path.items() if len(path) > 1}
    leaves: dict[str, list[ScoredNode]] = {k: [] for k in ASPECT_ORDER}
    families: dict[str, list[CodeSummary]] = {k: [] for k in ASPECT_ORDER}
    for leaf in deducted_leaves(ev):
        leaves[aspect_of_leaf(leaf, by_path[leaf.code])].append(leaf)
    found = ev.audit.found if ev.audit is not None else ()
    for f in found:
        if listed(f):
            families[aspect_of_code(f.code)].append(f)
    themes = {THEME_OF[k] for k in ASPECT_ORDER if leaves[k] or families[k]}
    for f in found:  # minor families join a theme that is a problem anyway
        if not listed(f) and THEME_OF[aspect_of_code(f.code)] in themes:
            families[aspect_of_code(f.code)].append(f)
    problems = []
    for theme in THEME_ORDER:
        keys = [k for k in ASPECT_ORDER if THEME_OF[k] == theme and (leaves[k] or families[k])]
        if keys:
            problems.append(_problem(ev, theme, keys, leaves, families, owner))
    return problems


def _problem(ev: Evaluation, theme: str, keys: list[str], leaves: dict[str, list[ScoredNode]],
             families: dict[str, list[CodeSummary]], owner: dict[str, str]) -> Problem:
    all_leaves = tuple(leaf for k in keys for leaf in leaves[k])
    all_families = tuple(f for k in keys for f in families[k])
    body = []
    if len(all_leaves) > 1:
        points = sum((leaf.weight - leaf.score for leaf in all_leaves if leaf.score is not None), Decimal(0))
        body.append(P.GROUP_POINTS.format(n=len(all_leaves), points=N.score(points)))
    for i, k in enumerate(keys, 1):
        text = P.NTH.format(n=P.cn_ordinal(i)) if len(keys) > 1 else ""
        text += "".join(_leaf_sentence(ev, leaf, owner) for leaf in leaves[k])
        if families[k]:
            text += P.PROBLEM_FAMILIES.format(items=P.LIST_SEP.join(_family_item(f) for f in families[k]))
            examples = _examples(families[k])
            if examples:
                text += P.PROBLEM_EXAMPLES.format(examples=examples)
        body.append(text)
    body.append(cause_text(ev, theme, all_leaves, all_families))
    parts = [P.ADVICE_PART.format(nth=P.NTH.format(n=P.cn_ordinal(i)) if len(keys) > 1 else "",
                                  evidence=P.LIST_SEP.join(_evidence(ev, leaves[k], families[k], owner)),
                                  action=ACTION_OF[k]) + _advice_places(families[k])
             for i, k in enumerate(keys, 1)]
    money = _money_advice(ev, all_families)
    if money:
        parts.append((P.NTH.format(n=P.cn_ordinal(len(parts) + 1)) if len(parts) > 1 else "") + money)
    advice = P.ADVICE_LEAD.format(parts=P.CLAUSE_SEP.join(parts))
    title = P.TITLE_SEP.join(TITLE_OF[k] for k in keys)
    advice_title = P.TITLE_SEP.join(HEAD_OF[k] for k in keys)
    return Problem(theme, title, tuple(body), advice_title, advice, all_leaves, all_families)


def _advice_places(families: list[CodeSummary]) -> str:
    """Where to look first: the townships the money-carrying families concentrate in."""
    named = [places(f, 2) for f in families if f.has_money and f.by_township]
    joined = P.LIST_SEP.join(dict.fromkeys(p for part in named for p in part.split(P.LIST_SEP) if p))
    return P.ADVICE_PLACES.format(places=joined) if joined else ""


def _context(leaf: ScoredNode, owner: dict[str, str]) -> str:
    """The parent's name before a short leaf name that says little alone (论证决策“充分性”)."""
    parent = owner.get(leaf.code, "")
    return parent if len(leaf.name) <= SHORT_NAME and parent and parent != leaf.name else ""


def _leaf_sentence(ev: Evaluation, leaf: ScoredNode, owner: dict[str, str]) -> str:
    assert leaf.score is not None
    points = leaf.weight - leaf.score
    text = _context(leaf, owner) + P.PROBLEM_LEAF.format(name=leaf.name, code=leaf.code, weight=N.score(leaf.weight),
                                 score=N.score(leaf.score), points=N.score(points))
    reasons = []
    metric = ev.score.metrics.get(leaf.metric) if leaf.metric else None
    if metric is not None and metric.value is not None:
        reasons.append(P.PROBLEM_METRIC.format(metric=metric.name, value=N.rate(metric.value)) + _inputs(metric))
    if leaf.basis:
        reasons.append(_without_deduction(cite(ev, leaf.basis), points))
    elif leaf.kind == "checklist" and leaf.failed_items:
        reasons.append(P.PROBLEM_CHECKLIST.format(items=P.LIST_SEP.join(leaf.failed_items)))
    reason = P.TITLE_SEP.join(r for r in reasons if r)
    return text + (P.PROBLEM_REASON.format(reason=reason) if reason else "") + "。"


def _inputs(metric: MetricValue) -> str:
    """The figures behind a ratio, each under its name: （实际支出…元，预算数…元）."""
    if not metric.inputs:
        return ""
    pairs = [P.INPUT_PAIR.format(label=INPUT_NAMES.get(key, key), value=N.input_with_unit(key, value, P.YUAN))
             for key, value in metric.inputs.items()]
    return P.PROBLEM_METRIC_INPUTS.format(inputs=P.TITLE_SEP.join(pairs))


def _without_deduction(basis: str, points: Decimal) -> str:
    """The evaluator's basis without its closing '，扣2分' (the sentence already says it)."""
    text = basis.strip().rstrip("。")
    trimmed = re.sub(rf"[，,；;]\s*(酌情)?扣{re.escape(N.score(points))}分$", "", text)
    return trimmed or text


def _family_item(f: CodeSummary) -> str:
    money = ""
    if f.overpaid:
        money += P.FAMILY_OVER.format(amount=N.money(f.overpaid))
    if f.underpaid:
        money += P.FAMILY_UNDER.format(amount=N.money(f.underpaid))
    return P.FAMILY_ITEM.format(title=family_title(f.code), n=N.count(f.count), persons=N.count(f.persons),
                                money=money)


def _examples(families: list[CodeSummary]) -> str:
    """Up to two masked examples, from the families with the most money, then the most rows."""
    ranked = sorted(families, key=lambda f: (-(f.overpaid + f.underpaid), -f.count))
    picks = [f.examples[0] for f in ranked if f.examples][:2]
    return P.CLAUSE_SEP.join(P.PROBLEM_EXAMPLE.format(table=P.TABLE_NAMES.get(x.table, x.table), row=x.row or "—",
                                             person=mask_id(x.person_id) if x.person_id else "",
                                             period=x.period, message=P.FAMILY_PLAIN.get(x.code) or finding_message(x))
                    .replace("   ", " ").replace("  ", " ") for x in picks)


def _evidence(ev: Evaluation, leaves: list[ScoredNode], families: list[CodeSummary],
              owner: dict[str, str]) -> list[str]:
    out = []
    for leaf in leaves:
        assert leaf.score is not None
        metric = ev.score.metrics.get(leaf.metric) if leaf.metric else None
        if metric is not None and metric.value is not None:
            out.append(P.EVIDENCE_METRIC.format(metric=metric.name, value=N.rate(metric.value)))
        elif leaf.kind == "checklist" and leaf.failed_items:
            out.append(_context(leaf, owner) + P.EVIDENCE_CHECKLIST.format(name=leaf.name,
                                                                           items=P.LIST_SEP.join(leaf.failed_items)))
        elif leaf.kind != "findings" or not families:
            out.append(_context(leaf, owner) + P.EVIDENCE_LEAF.format(name=leaf.name,
                                                                      points=N.score(leaf.weight - leaf.score)))
    out += [P.EVIDENCE_FAMILY.format(title=family_title(f.code), n=N.count(f.count)) for f in families]
    return out


def _money_advice(ev: Evaluation, families: tuple[CodeSummary, ...]) -> str:
    """Recovering and repaying money, when this theme holds all the money the audit found
    (so the totals printed are the audit's own)."""
    over = sum((f.overpaid for f in families), Decimal(0))
    under = sum((f.underpaid for f in families), Decimal(0))
    audit = ev.audit
    if not over or audit is None or over != audit.overpaid or under != audit.underpaid:
        return ""
    if under:
        return P.ADVICE_MONEY.format(over=N.money(over), under=N.money(under))
    return P.ADVICE_MONEY_OVER.format(over=N.money(over))
