"""What a report says about its indicators: every weight (分值/权重) and score (得分) it
prints, for which indicator (code, name or both), in which sentence or table cell.

Read from the report's structure, not its sentences: "名称（分值N分，得分M分）" items,
sentences that name a code ("资金到位率 (B12)…得分 1 分"), score tables found by their
header cells, tables with one column pair per level (一级 分值 二级 分值 …), tables whose
rows start with a code, and key–value working papers (指标权重 / 指标得分)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.review.outline import MARKS, enumerator
from jixiao.review.text import Block, Place, Report, split_sentences

NUM = r"(\d+(?:\.\d+)?)"
CODE = r"[A-H]\d{0,4}"
CODE_RE = re.compile(r"^(" + CODE + r")(?![\dA-Za-z])\s*(.*)$")
CODE_IN_PARENS = re.compile(r"[（(]\s*([A-H]\d{0,4})\s*(?:评[价级]指标)?\s*[）)]")
CODE_BARE = re.compile(r"(?<![A-Za-z0-9])([A-H]\d{1,4})(?![A-Za-z0-9])")
PAIR = re.compile(r"[（(]\s*(?:分值|权重|满分)\s*" + NUM + r"\s*分\s*[,，、；;]\s*得分\s*" + NUM + r"\s*分[^）)]{0,20}[）)]")
WEIGHT_TEXT = re.compile(r"(?:分值|(?<!得)满分|权重(?:分)?(?:为|分为)?|总分|共计)\s*(?:为\s*)?" + NUM + r"\s*分")
FULL_MARKS = re.compile(r"得满分\s*" + NUM + r"\s*分")
FULL_SCORE = re.compile(r"得分满分\s*" + NUM + r"\s*分")
SCORE_TEXT = re.compile(r"(?:(?<![应可])(?<!计算)(?<!规则)得分(?!率)(?:为|是)?|实际得(?:分)?|(?<![应可满])得|指标得分\s*[：:])\s*" + NUM + r"\s*分?(?![\d.%])")
CLASS_WEIGHT = re.compile(r"([\u4e00-\u9fff]{2,8}?)类指标权重(?:分)?为\s*" + NUM + r"\s*分")
PAPER_WEIGHT = re.compile(r"指标(?:权重|分值)\s*[：:]\s*" + NUM)
PAPER_SCORE = re.compile(r"指标得分\s*[：:]\s*" + NUM)
_LEAD = re.compile(r"^(?:" + "|".join(p.pattern.lstrip("^") for _, p in MARKS) + r")\s*")
_PAPER_TITLE = re.compile(r"(评价工作底稿|工作底稿|评价底稿|评价稿|底稿)$")
WEIGHT_HEAD = re.compile(r"^(分值|权重|指标分值|指标权重|满分|标准分)")
SCORE_HEAD = re.compile(r"^(得分|评价得分|实际得分|指标得分)$")
LEVEL_HEAD = re.compile(r"^([一二三四五])级(指标)?")
NAME_HEAD = re.compile(r"^(指标|指标名称|评价指标|名称|细化指标|内容)")
CODE_HEAD = re.compile(r"^(代码|编号|指标代码|序号)$")
TOTAL_ROW = re.compile(r"^(合计|总计|总分|小计)")


@dataclass(frozen=True)
class Claim:
    attr: str  # weight | score
    value: Decimal
    raw: str
    code: str | None
    name: str | None
    quote: str
    place: Place
    origin: str  # text | table | paper
    context: tuple[int, int]  # (block, row): claims read together
    rank: int | None = None  # outline rank of a "名称（分值…）" item, for the prose tree
    order: int = 0


def norm(name: str | None) -> str:
    """An indicator name compared across places: no blanks, quotes, enumerators, suffixes."""
    if not name:
        return ""
    text = re.sub(r"[\s“”\"'「」『』‘’]", "", name)
    text = _LEAD.sub("", text)
    text = _PAPER_TITLE.sub("", text)
    text = re.sub(r"[（(][^）)]*[）)]$", "", text)
    return text.strip("：:，,。.、")


def is_name(cell: str) -> bool:
    """A table cell that names an indicator (short, no sentence punctuation, not a number)."""
    text = re.sub(r"\s", "", cell)
    return 2 <= len(text) <= 24 and not re.search(r"[。，,；;：:【】《》=×*/]", text) and not re.fullmatch(r"[\d.%分]+", text)


def read_claims(report: Report) -> list[Claim]:
    claims: list[Claim] = []
    carry: list[str | None] = [None]  # the code a paragraph's "该项…" refers back to
    for block in report.blocks:
        if block.kind == "table":
            claims += _table(block)
        else:
            claims += _prose(block, carry)
    return [_with_order(c, i) for i, c in enumerate(claims)]


def _with_order(c: Claim, i: int) -> Claim:
    return Claim(c.attr, c.value, c.raw, c.code, c.name, c.quote, c.place, c.origin, c.context, c.rank, i)


# --- prose -------------------------------------------------------------------------------

QUOTED = re.compile(r"“[^”]{0,60}”")


def unquote(text: str) -> str:
    """Quoted words are someone else's (“指标得分：4分” cited as what another page says)."""
    return QUOTED.sub(lambda m: "“" + "　" * (len(m.group(0)) - 2) + "”", text)


def heading_code(block: Block) -> str | None:
    for text in reversed(block.section):
        m = CODE_IN_PARENS.search(text)
        if m:
            return m.group(1)
    return None


def _prose(block: Block, carry: list[str | None]) -> list[Claim]:
    out: list[Claim] = []
    place = block.place()
    ctx = (block.index, -1)
    text = unquote(block.text)
    for m in PAIR.finditer(text):
        head = text[:m.start()]
        name = re.split(r"[。；;，,：:]", head)[-1]
        code = None
        cm = CODE_IN_PARENS.search(name) or CODE_BARE.search(name)
        if cm:
            code = cm.group(1)
            name = (name[:cm.start()] + name[cm.end():]).strip()
        mark = enumerator(text) if m.start() < 8 + len(name) and text.find(name) <= 6 else None
        rank = mark[0] if mark and head.strip() and len(head) <= len(name) + 8 else None
        if block.kind == "heading" and mark is None and len(head) > 40:
            rank = None
        quote = text[max(0, m.start() - len(name)):m.end()]
        for attr, value in (("weight", m.group(1)), ("score", m.group(2))):
            out.append(Claim(attr, Decimal(value), value, code, norm(name) or None, quote, place,
                             "text", ctx, rank))
    for m in CLASS_WEIGHT.finditer(text):
        out.append(Claim("weight", Decimal(m.group(2)), m.group(2), None, norm(m.group(1)), m.group(0), place, "text", ctx))
    rest = PAIR.sub("（）", text)
    group = heading_code(block)
    last_code: str | None = carry[0] if re.match(r"^(该|本)(项|指标)", rest) else None
    for sentence in split_sentences(rest):
        codes = [(m.start(), m.group(1)) for m in CODE_IN_PARENS.finditer(sentence)]
        codes += [(m.start(), m.group(1)) for m in CODE_BARE.finditer(sentence)
                  if not any(abs(m.start() - s) <= 2 for s, _ in codes)]
        codes.sort()
        for attr, pattern in (("weight", WEIGHT_TEXT), ("weight", FULL_MARKS), ("score", SCORE_TEXT),
                              ("score", FULL_SCORE)):
            for m in pattern.finditer(sentence):
                before = {c for s, c in codes if s < m.start()}
                if len(before) >= 2 or re.search(r"\d\s*个(?:[一二三四]级|分)?指标", sentence[:m.start()]):
                    code = group
                elif before:
                    code = [c for s, c in codes if s < m.start()][-1]
                else:
                    code = last_code or (group if re.search(r"(共计|本项得分|该项目得分|权重)", sentence) else None)
                if code is None:
                    continue
                out.append(Claim(attr, Decimal(m.group(1)), m.group(1), code, None, sentence, place,
                                 "text", ctx))
        if codes:
            last_code = codes[-1][1] if len({c for _, c in codes}) == 1 else None
    carry[0] = last_code
    return out


# --- tables ------------------------------------------------------------------------------

def _header(rows: tuple[tuple[str, ...], ...]) -> tuple[int, tuple[str, ...]] | None:
    """The header of a score table, its rows merged per column (a header may take up to
    three rows: 评价指标 / 一级指标 权重 / 名称 权重), and the index of its last row."""
    merged: list[str] = []
    for i, row in enumerate(rows[:4]):
        cells = tuple(re.sub(r"\s|（%）|\(%\)", "", c) for c in row)
        if any(_plain(c) is not None for c in cells):
            break
        merged = [(merged[j] if j < len(merged) else "") + "|" + (cells[j] if j < len(cells) else "")
                  for j in range(max(len(merged), len(cells)))]
        cols = tuple(_column_kind(m) for m in merged)
        if ("score" in cols and "weight" in cols) or cols.count("level") >= 2:
            last = i
            while last + 1 < len(rows) and _header_like(rows[last + 1]):
                last += 1
                merged = [(merged[j] if j < len(merged) else "") + "|" + (rows[last][j] if j < len(rows[last]) else "")
                          for j in range(max(len(merged), len(rows[last])))]
            return last, tuple(_column_kind(m) for m in merged)
    return None


def _header_like(row: tuple[str, ...]) -> bool:
    cells = [re.sub(r"\s|（%）|\(%\)", "", c) for c in row if c]
    if not cells or any(_plain(c) is not None for c in cells):
        return False
    return sum(1 for c in cells if _column_kind(c)) * 2 >= len(cells)


def _column_kind(text: str) -> str:
    """What a header column holds: level (一级指标/名称), weight, score, code, name or ''."""
    parts = [p for p in text.split("|") if p]
    kinds = []
    for p in parts:
        if LEVEL_HEAD.match(p):
            kinds.append("level")
        elif WEIGHT_HEAD.match(p):
            kinds.append("weight")
        elif SCORE_HEAD.match(p):
            kinds.append("score")
        elif CODE_HEAD.match(p):
            kinds.append("code")
        elif NAME_HEAD.match(p):
            kinds.append("name")
    for k in ("weight", "score", "code"):
        if k in kinds:
            return k
    return "level" if "level" in kinds else ("name" if "name" in kinds else "")


def _table(block: Block) -> list[Claim]:
    rows = block.rows
    if _is_key_value(rows):
        return _paper(block)
    head = _header(rows)
    out: list[Claim] = []
    for r, row in enumerate(rows):
        if head is not None and r <= head[0]:
            continue
        out += _row(block, r, row, head[1] if head else None)
    return out


def _row(block: Block, r: int, row: tuple[str, ...], header: tuple[str, ...] | None) -> list[Claim]:
    place = block.place(r)
    ctx = (block.index, r)
    quote = " | ".join(c for c in row if c)
    row = tuple(unquote(c) for c in row)
    out: list[Claim] = []

    def add(attr: str, raw: str, code: str | None, name: str | None, origin: str = "table") -> None:
        value = _plain(raw)
        if value is not None and (code or name):
            out.append(Claim(attr, value, raw.strip(), code, norm(name) or None, quote, place, origin, ctx))

    if row and TOTAL_ROW.match(re.sub(r"\s", "", next((c for c in row if c), ""))):
        return out
    subject_code: str | None = None
    subject_name: str | None = None
    if header is not None and header.count("level") >= 2:
        # one (name, weight) column pair per level; the score column follows a weight column
        for i, h in enumerate(header):
            if h in ("level", "name") and i + 1 < len(row) and i + 1 < len(header) and header[i + 1] == "weight":
                cell = row[i] if i < len(row) else ""
                name, inline = _split_inline(cell)
                if name and is_name(name):
                    add("weight", inline or row[i + 1], None, name)
                    subject_name = name
        score_col = next((i for i, h in enumerate(header) if h == "score" and i and header[i - 1] == "weight"), None)
        later = [c for c in row[(score_col or len(row)) + 1:] if is_name(c)]
        before = row[score_col - 2] if score_col is not None and score_col >= 2 and header[score_col - 2] in ("level", "name") else ""
        subject_name = later[0] if later else (before if is_name(before) else None)
        if score_col is not None and score_col < len(row) and subject_name:
            add("score", row[score_col], None, subject_name)
    elif header is not None:
        cols = {k: next((i for i, h in enumerate(header) if h == k), None) for k in ("weight", "score")}
        subject_code, subject_name = _subject(row[:cols["weight"] if cols["weight"] is not None else len(row)])
        for attr in ("weight", "score"):
            col = cols[attr]
            if col is not None and col < len(row):
                add(attr, row[col], subject_code, subject_name)
    else:
        coded = [(i, CODE_RE.match(c.strip())) for i, c in enumerate(row)]
        coded = [(i, m) for i, m in coded if m and m.group(2) and is_name(m.group(2)) and len(m.group(1)) >= 2]
        for _, m in coded[:-1]:  # "B1 资金（划拨）管理 | B11 …": the parent's name
            out.append(Claim("name", Decimal(0), "", m.group(1), norm(m.group(2)), quote, place, "table", ctx))
        if coded:
            i, m = coded[-1]
            subject_code, subject_name = m.group(1), m.group(2)
            nums = [c for c in row[i + 1:] if _plain(c) is not None]
            if len(nums) == 2:
                add("weight", nums[0], subject_code, subject_name)
                add("score", nums[1], subject_code, subject_name)
    if subject_code or subject_name:
        for cell in row:
            for m in re.finditer(r"(?:该指标|本项|本指标|本项目)?满分\s*" + NUM + r"\s*分\s*[，,]\s*(?:实际)?得分(?:为)?\s*" + NUM + r"\s*分", cell):
                add("weight", m.group(1), subject_code, subject_name, "table")
                add("score", m.group(2), subject_code, subject_name, "table")
    return out


def _subject(cells: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The indicator a score-table row is about: its rightmost code and name cells
    ("A1 项目立项 | A11 项目相关性" → A11, 项目相关性; "A111 | 充分性" → A111, 充分性)."""
    code = name = None
    for cell in cells:
        text = cell.strip()
        m = CODE_RE.match(text)
        if m and (not m.group(2) or is_name(m.group(2))):
            code, name = m.group(1), (m.group(2) or None)
        elif is_name(text) and not TOTAL_ROW.match(text):
            name = text
    return code, name


def _split_inline(cell: str) -> tuple[str, str]:
    """'管理 20' → ('管理', '20'): a name cell that carries its weight."""
    m = re.fullmatch(r"\s*(\D+?)\s+(\d+(?:\.\d+)?)\s*", cell or "")
    return (m.group(1), m.group(2)) if m else (cell, "")


def _plain(raw: str) -> Decimal | None:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*分?\s*", raw or "")
    return Decimal(m.group(1)) if m else None


# --- working papers ----------------------------------------------------------------------

KV_KEYS = re.compile(r"^(指标名称|指标解释|指标权重|分值|权重|评价标准|评分标准|数据来源|评价结果|得分|指标得分|计算过程|数据来源及取数方式)$")


def _is_key_value(rows: tuple[tuple[str, ...], ...]) -> bool:
    keys = [re.sub(r"\s", "", r[0]) for r in rows if r and r[0]]
    return sum(1 for k in keys if KV_KEYS.match(k)) >= 3


def _paper(block: Block) -> list[Claim]:
    rows = block.rows
    name = _paper_subject(block)
    code = None
    for row in rows:
        if row and re.sub(r"\s", "", row[0]) == "指标名称" and len(row) > 1:
            m = CODE_RE.match(row[1].strip())
            code, name = (m.group(1), m.group(2)) if m and m.group(2) else (None, row[1])
    out: list[Claim] = []
    for r, row in enumerate(rows):
        key = re.sub(r"\s", "", row[0]) if row else ""
        text = unquote(" ".join(c for c in row[1:] if c))
        place, ctx, quote = block.place(r), (block.index, r), " | ".join(c for c in row if c)
        found: list[tuple[str, str]] = []
        if key in ("分值", "权重", "指标权重"):
            m = PAPER_WEIGHT.search(text) or re.match(r"\s*" + NUM, text)
            found += [("weight", m.group(1))] if m else []
        elif key in ("得分", "指标得分"):
            m = re.match(r"\s*" + NUM, text)
            found += [("score", m.group(1))] if m else []
        else:
            found += [("weight", m.group(1)) for m in PAPER_WEIGHT.finditer(text)]
            if key == "评价结果":
                found += [("score", m.group(1)) for m in SCORE_TEXT.finditer(text)]
                found += [("weight", m.group(1)) for m in FULL_MARKS.finditer(text)]
                found += [("weight", m.group(1)) for m in re.finditer(r"(?<!得)满分\s*" + NUM + r"\s*分", text)]
        for attr, raw in found:
            if code or name:
                out.append(Claim(attr, Decimal(raw), raw, code, norm(name) or None, quote, place, "paper", ctx))
    return out


def _paper_subject(block: Block) -> str | None:
    """A working paper's indicator: the title line above its table ("资金到位率评价底稿")."""
    title = block.caption or (block.section[-1] if block.section else "")
    title = re.sub(r"^[A-H]\d{1,4}\s*", "", title.strip())
    return title if title and len(norm(title)) <= 30 else None
