"""Scores recomputed from the report's own rule where the rule is a formula — rate × weight
("发放率=实际发放金额/年初预计发放金额*指标分值", "5 × min(1, 71.94%)") or bands ("预算执行率
95%-100% 得满分，每偏离 1% 扣权重 2%") — and one rounding applied two ways (3.597 → 3.6
but 3.455 → 3.4). A score the report itself says was adjusted ("调整为 3.4") is left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from jixiao.review.checks.rates import FORMULA
from jixiao.review.claims import CODE_IN_PARENS, PAIR
from jixiao.review.extract import Extraction
from jixiao.review.findings import Finding, check
from jixiao.review.numbers import figures, show
from jixiao.review.tree import Node, code_tree


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


RATIO_RULE = re.compile(r"率\s*[=＝]?[^。；]{0,30}[×xX*]\s*(?:100%\s*)?(?:指标)?(?:分值|权重)|[/／][^。；，]{0,14}[×xX*]\s*(?:100%\s*)?"
                        r"(?:指标)?(?:分值|权重)|\d+(?:\.\d+)?\s*[×xX*]\s*min\s*\(\s*1\s*[,，]")
BANDS_RULE = re.compile(r"(\d+(?:\.\d+)?)%\s*[-–~至到]\s*100%\s*[，,]?\s*得满分\s*[；;，,。]?\s*每(?:偏离|降低|低于|减少|下降)\s*1\s*"
                        r"(?:%|个百分点)\s*[，,]?\s*扣(?:除)?(?:权重|分值)?(?:的)?\s*(\d+(?:\.\d+)?)\s*(%|分)"
                        r"(?:[^。]{0,6}?(\d+(?:\.\d+)?)%\s*以下不(?:计|得)分)?")
DISCLOSED = re.compile(r"调整为\s*(\d+(?:\.\d+)?)")
SHOWN = re.compile(r"\d\s*[×xX*−\-]\s*(?:min\s*)?[\d(（][^=。；]{0,60}=\s*\d+(?:\.\d+)?")
ROUNDING_SAID = re.compile(r"四舍五入|取整|向下|向上|保留\s*\d\s*位")
MODES = {"四舍五入": ROUND_HALF_UP, "向下取整": ROUND_FLOOR}
STEPS = (Decimal("0.1"), Decimal("0.01"))


@dataclass(frozen=True)
class Scored:
    key: str
    score: Decimal
    raw: Decimal  # the rule's unrounded result
    quote: str
    place: object
    fits: frozenset[tuple[str, Decimal]]  # (mode, step) that turn raw into score
    said: bool  # the context states its rounding


def _fits(raw: Decimal, score: Decimal) -> frozenset[tuple[str, Decimal]]:
    return frozenset((name, step) for name, mode in MODES.items() for step in STEPS
                     if (raw / step).quantize(Decimal(1), rounding=mode) * step == score)


def _contexts(ex: Extraction, key: str) -> dict[tuple[int, int], str]:
    """Per claim, the words that speak of it: its table row, or in prose its own sentence
    and what follows up to the next indicator."""
    blocks = ex.report.blocks
    out: dict[tuple[int, int], str] = {}
    for c in ex.by_key.get(key, []):
        b, r = c.context
        block = blocks[b]
        if r >= 0 and block.rows:
            out[c.context] = " ".join(block.rows[r])
            continue
        text = block.text
        start = max(0, text.find(c.quote[:20]))
        after = start + len(c.quote)
        nxt = [m.start() for m in PAIR.finditer(text, after)] + [m.start() for m in CODE_IN_PARENS.finditer(text, after)]
        out[c.context] = out.get(c.context, "") + " " + text[start:min(nxt) if nxt else len(text)]
    return out


def _rule_text(ex: Extraction, key: str) -> str:
    """Where the indicator's scoring rule may be written: the blocks that state its scores,
    and table rows that name it (an annex row: 名称 | 分值 | 评分标准 | 得分)."""
    blocks = ex.report.blocks
    seen = {c.context[0] for c in ex.by_key.get(key, [])}
    texts = [blocks[b].text for b in sorted(seen)]
    name = key[3:] if key.startswith("名称:") else ex.names_by_code.get(key, "")
    if len(name) >= 4:
        for table in ex.report.tables():
            for row in table.rows:
                if any(name in re.sub(r"\s", "", cell) for cell in row):
                    texts.append(" ".join(row))
    return " ".join(texts)


def scored(ex: Extraction) -> Iterator[tuple[str, Scored | None, str]]:
    """Each (indicator, score as its rule gives it, rule kind) where the rule is a formula."""
    parents = {n.key for root in code_tree(ex) for n in _walk(root) if n.children}
    for key, claims in ex.by_key.items():
        weights = [c.value for c in claims if c.attr == "weight"]
        if not weights or key in parents:
            continue
        weight = max(set(weights), key=weights.count)
        rules = _rule_text(ex, key)
        bands = BANDS_RULE.search(rules)
        ratio = RATIO_RULE.search(rules)
        if not bands and not ratio:
            continue
        contexts = _contexts(ex, key)
        if any(DISCLOSED.search(t) or SHOWN.search(t) for t in contexts.values()):
            continue  # an adjustment said, or the computation shown (the rounding check reads it)
        for c in claims:
            if c.attr != "score":
                continue
            text = contexts.get(c.context, "")
            rates = _rates(text, bands)
            if not rates:
                continue
            results = [_bands(weight, r, bands) if bands else weight * min(Decimal(1), r) for r in rates]
            best = min(results, key=lambda raw: abs(raw - c.value))
            yield key, Scored(key, c.value, best, c.quote, c.place, _fits(best, c.value),
                              bool(ROUNDING_SAID.search(text))), "bands" if bands else "ratio"


def _rates(text: str, bands: re.Match[str] | None) -> list[Decimal]:
    """The indicator's rate in this sentence or row: exact from 'A / B = R%' or two amounts
    beside it when printed, else as printed; the rule's own percentages excluded."""
    rule_spans = [m.span() for m in BANDS_RULE.finditer(text)]
    out = []
    for m in FORMULA.finditer(text):
        num, den = Decimal(m.group(1).replace(",", "")), Decimal(m.group(2).replace(",", ""))
        if den:
            out.append(num / den)
    if out:
        return out
    money = [f for f in figures(text) if f.is_money]
    for f in figures(text):
        if f.unit != "%" or any(s <= f.start < e for s, e in rule_spans) or f.value > 100:
            continue
        if not re.search(r"(率|=)\s*(?:为|达|是|达到)?\s*$", text[max(0, f.start - 6):f.start]):
            continue  # a share of something else ("占 3.2%"), not the indicator's rate
        exact = [a.yuan / b.yuan for a in money for b in money if b.yuan and abs(a.yuan / b.yuan * 100 - f.value) <= f.half_unit]
        out.append(exact[0] if exact else f.value / 100)
    return out


def _bands(weight: Decimal, rate: Decimal, m: re.Match[str]) -> Decimal:
    full, per, unit = Decimal(m.group(1)), Decimal(m.group(2)), m.group(3)
    zero = Decimal(m.group(4)) if m.group(4) else None
    pct = rate * 100
    if pct >= full:
        return weight
    if zero is not None and pct < zero:
        return Decimal(0)
    short = full - pct
    raw = weight * (1 - per / 100 * short) if unit == "%" else weight - per * short
    return max(Decimal(0), raw)


@check("score-rule", "error", "得分与报告自己的评分公式不符")
def score_rule(ex: Extraction) -> Iterator[Finding]:
    for key, s, kind in scored(ex):
        if s is not None and not s.fits:
            how = "按报告所列区间扣分规则" if kind == "bands" else "按报告所列公式（比率 × 分值）"
            yield score_rule.finding(s.place, s.quote, f"{ex.label(key)}{how}应得 {s.raw.quantize(Decimal('0.0001'))} 分"
                                     f"（按 0.1 四舍五入为 {s.raw.quantize(Decimal('0.1'), ROUND_HALF_UP)}），报告给 "
                                     f"{show(s.score)} 分。", [s.raw.quantize(Decimal("0.0001")), s.score])


@check("rounding-two-ways", "warning", "同一取整规则前后用法不一")
def rounding_two_ways(ex: Extraction) -> Iterator[Finding]:
    items = [s for _, s, _ in scored(ex) if s is not None and s.fits and not s.said and s.raw != s.score]
    by_key: dict[str, Scored] = {}
    for s in items:
        by_key.setdefault(s.key, s)
    items = list(by_key.values())
    if len(items) < 2:
        return
    usage = {fit: sum(1 for s in items if fit in s.fits) for s in items for fit in s.fits}
    usual = max(usage, key=lambda fit: (usage[fit], fit[0] == "四舍五入", fit[1]))
    followers = [s for s in items if usual in s.fits]
    mode, step = usual
    for s in items:
        if usual in s.fits or not any(st == step for _, st in s.fits):
            continue  # a different step can be that indicator's own rule; a different mode cannot
        own = "、".join(f"按 {step_} {m}" for m, step_ in sorted(s.fits))
        o = followers[0]
        yield rounding_two_ways.finding(s.place, s.quote, f"{ex.label(s.key)}：{s.raw.quantize(Decimal('0.0001'))} 印为 "
                                        f"{show(s.score)}，只能是{own}；而{ex.label(o.key)}："
                                        f"{o.raw.quantize(Decimal('0.0001'))} 印为 {show(o.score)}，是按 {step} {mode}。",
                                        [s.raw.quantize(Decimal("0.0001")), s.score, o.raw.quantize(Decimal("0.0001")), o.score])
