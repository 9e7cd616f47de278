"""Finding the header row of a sheet and matching its headers to a table's fields.

The header may sit below title rows ("2022年三乡镇困难残疾人生活补贴花名册", "单位：元") and
may span two rows (a merged parent such as 残疾情况 over 残疾类别 / 残疾等级)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.errors import DataError, Problem
from jixiao.ingest.fields import Field
from jixiao.ingest.wide import WideColumn, WideForm

SCAN_ROWS = 30  # the header must be among the first rows
WAN = Decimal(10000)
_UNIT = re.compile(r"\((万元|元)\)$")
_NOTE = re.compile(r"\((必填|选填|可选|必须|格式.*|例.*)\)$")
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")
_TITLE_UNIT = re.compile(r"单位[:：]?\s*(万元|元)")


_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\\s]+")


def fold(text: str) -> str:
    """Full-width forms to half-width, all whitespace and invisible marks (a byte-order mark
    left in the first header, zero-width spaces) removed: the key headers are compared on."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def header_key(text: object) -> tuple[str, Decimal | None]:
    """('金额', 10000) for '金 额（万元）'; the unit factor is None when the header names none."""
    t = fold("" if text is None else str(text)).strip("*:：").lower()
    t = _NOTE.sub("", t).strip("*")
    unit = _UNIT.search(t)
    if unit:
        t = t[: unit.start()]
    return t, (WAN if unit and unit.group(1) == "万元" else Decimal(1) if unit else None)


Aliases = dict[str, tuple[str, int]]  # folded header → (field name, the header's rank in the field)


def _aliases(fields: Sequence[Field]) -> Aliases:
    out: Aliases = {}
    for f in fields:
        for rank, h in enumerate(f.headers):
            out.setdefault(header_key(h)[0], (f.name, rank))
    return out


def _ranked(key: str, aliases: Aliases) -> tuple[str, int] | None:
    if key in aliases:
        return aliases[key]
    bare = _TRAILING_PAREN.sub("", key)  # 身份证号（18位） → 身份证号
    return aliases.get(bare) if bare != key else None


def _match(key: str, aliases: Aliases) -> str | None:
    found = _ranked(key, aliases)
    return found[0] if found else None


def missing_required(fields: Sequence[Field], columns: dict[str, int]) -> list[Field]:
    """Required fields with no column, unless a column standing in for them is there."""
    present = set(columns) | {f.stands_in for f in fields if f.stands_in and f.name in columns}
    return [f for f in fields if f.required and f.name not in present]


@dataclass(frozen=True)
class Header:
    """Where the header is and which column holds which field."""

    last_row: int  # 0-based index in the grid of the (last) header row; data starts below it
    headers: tuple[str, ...]  # header text per column as found (combined over two rows)
    columns: dict[str, int] = field(default_factory=dict)  # field name → column index (w0… for wide amounts)
    factors: dict[str, Decimal] = field(default_factory=dict)  # money field → 1 or 10000
    form: WideForm | None = None  # set when the sheet is read in its wide layout
    wide: tuple[WideColumn, ...] = ()  # the amount columns of a wide sheet

    def header_of(self, name: str) -> str:
        return self.headers[self.columns[name]]


Classify = Callable[[str], "str | None"]


def _row_matches(cells: Sequence[str], aliases: Aliases) -> dict[str, int]:
    """Field → column; of two columns for one field, the one whose header the field lists first."""
    found: dict[str, tuple[int, int]] = {}
    for i, cell in enumerate(cells):
        match = _ranked(header_key(cell)[0], aliases) if cell else None
        if match and (match[0] not in found or match[1] < found[match[0]][1]):
            found[match[0]] = (i, match[1])
    return {name: i for name, (i, _) in sorted(found.items(), key=lambda kv: kv[1][0])}


def _wide_matches(cells: Sequence[str], aliases: Aliases, classify: Classify | None) -> list[tuple[int, str]]:
    """(column, value) of the cells a wide form reads as amount columns."""
    if classify is None:
        return []
    out = []
    for i, cell in enumerate(cells):
        key = header_key(cell)[0] if cell else ""
        value = classify(key) if key and not _match(key, aliases) else None
        if value:
            out.append((i, value))
    return out


def _best_row(grid: Sequence[Sequence[str]], fields: Sequence[Field], aliases: Aliases,
              classify: Classify | None = None) -> tuple[int, list[str]] | None:
    """The (last) header row and its cells: the row naming the most fields, required ones first."""
    required = [f for f in fields if f.required or f.stands_in]

    def names(cell: str) -> bool:
        key = header_key(cell)[0]
        return bool(_match(key, aliases) or (classify and classify(key)))

    best: tuple[int, int, list[str]] | None = None  # (score, last_row, headers)
    for r in range(min(len(grid), SCAN_ROWS)):
        candidates = [(r, list(grid[r]))]
        if r + 1 < len(grid):  # two-row header: the lower cell wins where it names a field
            lower = grid[r + 1]
            combined = [lo if lo and (not up or names(lo)) else up
                        for up, lo in zip(_pad(grid[r], len(lower)), _pad(lower, len(grid[r])))]
            candidates.append((r + 1, combined))
        for last, cells in candidates:
            found = _row_matches(cells, aliases)
            amounts = len(_wide_matches(cells, aliases, classify))
            score = len(found) + amounts + 10 * sum(f.name in found for f in required)
            if (found or amounts) and (best is None or score > best[0]):
                best = (score, last, cells)
    return None if best is None else (best[1], best[2])


def find_header(grid: Sequence[Sequence[str]], fields: Sequence[Field], file: str, sheet: str,
                wide: WideForm | None = None) -> Header:
    """Locate the header among the first rows. The long layout wins; the wide one (when the
    table has one) is read only when the long one's required columns are missing. DataError
    naming the file, the sheet and the headers found when neither fits."""
    aliases = _aliases(fields)
    best = _best_row(grid, fields, aliases)
    missing: list[Field] = []
    if best is not None:
        last, cells = best
        columns = _row_matches(cells, aliases)
        missing = missing_required(fields, columns)
        if not missing:
            return Header(last, tuple(cells), columns, _factors(grid, fields, last, cells, columns))
    if wide is not None:
        header = _find_wide(grid, fields, wide)
        if header is not None:
            return header
    hint = [Problem(file, wide.hint, where=sheet)] if wide is not None else []
    if best is None:
        seen = next((row for row in grid[:SCAN_ROWS] if sum(bool(c) for c in row) > 1), [])
        raise DataError(f"{file} 中找不到表头", [Problem(
            file, f"前 {SCAN_ROWS} 行中没有可识别的表头；找到的内容：{'、'.join(c for c in seen if c) or '（空）'}",
            where=sheet), *hint])
    last, cells = best
    found_text = "、".join(c for c in cells if c) or "（空）"
    raise DataError(f"{file} 缺少必填列", [Problem(
        file, f"缺少必填列「{f.title}」（可用表头：{_usable(fields, f)}）；找到的表头：{found_text}",
        where=sheet, key=f.title, row=last + 1) for f in missing] + hint)


def _usable(fields: Sequence[Field], f: Field) -> str:
    text = "、".join(f.headers)
    stand = [h for g in fields if g.stands_in == f.name for h in g.headers]
    return f"{text}；没有时可用 {'、'.join(stand)} 代替" if stand else text


def _find_wide(grid: Sequence[Sequence[str]], fields: Sequence[Field], form: WideForm) -> Header | None:
    """The header read as the wide form: the other required columns plus at least one
    amount column; None when the sheet is not wide either."""
    rest = [f for f in fields if f.name not in form.pivoted]
    aliases = _aliases(rest)
    best = _best_row(grid, rest, aliases, form.classify)
    if best is None:
        return None
    last, cells = best
    columns = _row_matches(cells, aliases)
    amounts = _wide_matches(cells, aliases, form.classify)
    if not amounts or missing_required(rest, columns):
        return None
    above = grid[last - 1] if last > 0 else []
    if _row_matches([above[i] if i < len(above) else "" for i, _ in amounts],
                    _aliases([f for f in fields if f.name == form.target])):
        return None  # an "amount header" under 补贴类型 / 类型 is a data value: the long layout lacks a column
    factors = _factors(grid, rest, last, cells, columns)
    default = _title_unit(grid[:last])
    wide = tuple(WideColumn(f"w{n}", i, cells[i], value, header_key(cells[i])[1] or default)
                 for n, (i, value) in enumerate(amounts))
    columns.update({c.name: c.index for c in wide})
    factors.update({c.name: c.factor for c in wide})
    return Header(last, tuple(cells), columns, factors, form, wide)


def _factors(grid: Sequence[Sequence[str]], fields: Sequence[Field], last: int, cells: Sequence[str],
             columns: dict[str, int]) -> dict[str, Decimal]:
    default = _title_unit(grid[:last])
    return {f.name: header_key(cells[columns[f.name]])[1] or default
            for f in fields if f.kind == "money" and f.name in columns}


def _pad(cells: Sequence[str], n: int) -> list[str]:
    return list(cells) + [""] * (n - len(cells))


def _title_unit(rows: Sequence[Sequence[str]]) -> Decimal:
    """单位：万元 written in a title row above the header applies to money columns that
    name no unit themselves."""
    for row in rows:
        for cell in row:
            match = _TITLE_UNIT.search(unicodedata.normalize("NFKC", cell or ""))
            if match:
                return WAN if match.group(1) == "万元" else Decimal(1)
    return Decimal(1)
