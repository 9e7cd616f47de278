"""A few SQL statements per table turn staged text (_row, _idnum, c0..cN) into typed values,
each row's status (loaded / blank / total / footer / rejected, and for a wide sheet nothing:
every amount 0) and its rejection reasons. Skipped: blank, total (合计/小计/总计), footer
(制表人、审核人、注：… — fields.FOOTER_PATTERN) and nothing.

A field that `stands_in` for a required one (deaths: 火化时间 for 死亡日期) gives the value
where the required column is absent or blank; `_stood_in` marks those rows.

The result, `_norm`, is what load.py inserts into the store, turns into findings and
counts. Layers: t_* cleaned text → v_* typed values → reasons and status."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.ingest.fields import FOOTER_PATTERN, Field
from jixiao.ingest.grid import AMBIGUOUS, MONTH_KINDS
from jixiao.ingest.headers import Header
from jixiao.ingest.wide import blank_reason, nothing_paid, output_sql

PARSERS = {  # kind → SQL over the cleaned text {t}
    "id": "jx_id({t})", "text": "{t}", "subsidy": "jx_subsidy({t})", "month": "jx_month({t})",
    "period": "coalesce(jx_month({t}), jx_quarter({t}), jx_range_start({t}))", "date": "jx_date({t})",
    "money": "jx_money({t}, {factor})", "grade": "jx_grade({t})", "category": "jx_category({t})",
    "flag": "jx_flag({t})", "fund_kind": "jx_fund_kind({t})", "fund_level": "jx_fund_level({t})",
}
UNREADABLE = {  # kind → what the cell should have held, for the rejection message
    "subsidy": "补贴类型（应为生活补贴或护理补贴）", "month": "月份（如 2022-05、2022年5月）",
    "period": "月份、季度或月份区间（如 2022-05、2018年第一季度、2022年1-3月）", "date": "日期（如 2022-05-13）",
    "money": "金额", "grade": "残疾等级（应为 1–4 或一级…四级）",
    "category": "残疾类别（视力、听力、言语、肢体、智力、精神、多重）", "flag": "是/否",
    "fund_kind": "资金类型（预算、到位或支出）", "fund_level": "资金级次（中央、省、市、县、镇）",
}
MISSING = "缺少必填值"
TOO_LARGE = "金额超出可处理的范围（绝对值须小于 10^16 元）"
AMBIGUOUS_REASON = "以数值存储，无法区分是 1 月还是 10 月（请将该列设为文本格式，写作 2022-10 或 2022-01）"
_TRIM = "' \t\r\n\u3000\u00a0\ufeff'"
# FOOTER_PATTERN matched on the first cell with \\s removed: its first other character is one of these
FOOTER_START = "^\\s*[制填审复经核统单部分主负领注说备盖签]"


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def normalise_statements(relation: str, ncols: int, fields: Sequence[Field], header: Header,
                         has_first: bool = False, rescan: bool = False) -> list[str]:
    """Statements building _norm from a staged relation: the raw rows (_raw), one lookup
    per present column over its distinct values (_lk_*), then _norm itself. `rescan`: the
    relation is cheap to read again column by column (a Parquet scan), so it is read in
    place of a _raw copy. A wide sheet's
    amount columns are money columns w0, w1 … of their own. `has_first`: the relation
    carries `_first`, else it is the first non-empty of c0..c{ncols-1}.

    A column's cleaned text, its value, its trimmed text (for _first) and its rejection
    reason depend on the cell alone, so they are computed once per distinct cell value
    (a payments table repeats each ID, name, month and amount many times) and joined
    back; only what spans columns (a stand-in's missing value, a wide row's blank) is
    computed per row."""
    fields = [*fields, *(Field(c.name, "money", False, (c.header,)) for c in header.wide)]
    present = [f for f in fields if f.name in header.columns]
    statements = [] if rescan else [f"CREATE OR REPLACE TEMP TABLE _raw AS SELECT * FROM {relation}"]
    raw = relation if rescan else "_raw"
    joins, texts, reasons = [], [], []
    firsts = {}
    for f in present:
        col = header.columns[f.name]
        statements.append(_lookup(f, col, fields, header, raw))
        lk = f"_lk_{f.name}"
        joins.append(f"LEFT JOIN {lk} ON r.c{col} IS NOT DISTINCT FROM {lk}.raw")
        texts += [f"{lk}.t_{f.name}", f"{lk}.v_{f.name}"]
        texts += [f"{lk}.{c}" for c in _lookup_extras(f)] + [f"{lk}.reason AS r_{f.name}"]
        firsts[col] = f"{lk}.first"
        across = _missing_across(f, fields, header)
        reasons.append(f"coalesce(r_{f.name}, {across})" if across else f"r_{f.name}")
    if has_first:
        first = "r._first"
    else:
        first = _first_cell([firsts.get(i, f"r.c{i}") for i in range(ncols)], set(firsts.values()))
    layer1 = (f"SELECT r._row, r._idnum, {first} AS _first"
              f"{''.join(', ' + t for t in texts)} FROM {raw} r {' '.join(joins)}")
    if header.form is not None:
        reasons.append(blank_reason(header.form, header.wide))
    # the list of structs is built only for rows with a reason (a few), not for every row
    reason_list = (f"CASE WHEN {' OR '.join(f'({r}) IS NOT NULL' for r in reasons)}"
                   f" THEN list_filter([{', '.join(reasons)}], x -> x IS NOT NULL) ELSE [] END") if reasons else "[]"
    # the reasons are in _reasons; a column of structs per field would make every row wide
    exclude = f" EXCLUDE ({', '.join(f'r_{f.name}' for f in present)})" if present else ""
    statements.append(f"""CREATE OR REPLACE TEMP TABLE _norm AS
        WITH l1 AS ({layer1}),
        l3 AS (SELECT *{_extras(fields, header)}, {reason_list} AS _reasons FROM l1)
        SELECT *{exclude}, CASE WHEN _first IS NULL THEN 'blank'
                       WHEN regexp_matches(_first, '^\\s*[合小总]\\s*计') THEN 'total'
                       WHEN regexp_matches(_first, {_q(FOOTER_START)})
                            AND regexp_matches(regexp_replace(_first, '\\s', '', 'g'), {_q(FOOTER_PATTERN)}) THEN 'footer'
                       WHEN len(_reasons) > 0 THEN 'rejected'{_nothing(header)} ELSE 'loaded' END AS _status
        FROM l3""")
    return statements


def _lookup(f: Field, col: int, fields: Sequence[Field], header: Header, raw: str) -> str:
    """_lk_<field>: per distinct raw value of its column, the cleaned text t_<field>, the
    value v_<field> (and the kind's extras), the trimmed text `first` and the cell's
    rejection reason (at most one; NULL for none)."""
    factor = header.factors.get(f.name, Decimal(1))
    parse = PARSERS[f.kind].format(t="t", factor=f"{int(factor)}::INTEGER")
    extra = ""
    if f.kind == "period":
        extra = (", CASE WHEN jx_month(t) IS NOT NULL THEN 1 WHEN jx_quarter(t) IS NOT NULL THEN 3"
                 " ELSE coalesce(jx_range_months(t), 1) END AS v_months")
    elif f.kind == "money":
        extra = f", jx_money_over(t, {int(factor)}::INTEGER) AS over_{f.name}"
    elif f.kind == "id":
        extra = f", coalesce(jx_id_numeric_text(t), false) AS n_{f.name}"
    first = f"nullif(trim(CAST(raw AS VARCHAR), {_TRIM}), '')"
    local = _reasons(f, fields, header)
    reason = f"coalesce({', '.join(local)})" if len(local) > 1 else local[0]
    return (f"CREATE OR REPLACE TEMP TABLE _lk_{f.name} AS SELECT *, {reason} AS reason FROM ("
            f"SELECT raw, t AS t_{f.name}, {parse} AS v_{f.name}{extra}, {first} AS first"
            f" FROM (SELECT raw, jx_text(raw) AS t FROM (SELECT DISTINCT c{col} AS raw FROM {raw})))")


def _lookup_extras(f: Field) -> list[str]:
    """The columns a lookup carries beside t_ and v_, by kind."""
    return {"period": ["v_months"], "money": [f"over_{f.name}"], "id": [f"n_{f.name}"]}.get(f.kind, [])


def _first_cell(cells: Sequence[str], trimmed: frozenset[str] | set[str] = frozenset()) -> str:
    """The first non-empty cell, trimmed: a CASE chain (evaluated lazily, column by column:
    most rows stop at the first) rather than a coalesce over every column's trim. `trimmed`:
    the cells given as their lookup's trimmed text already (NULL when empty)."""
    if not cells:
        return "NULL"
    whens = []
    for c in cells:
        if c in trimmed:
            whens.append(f"WHEN {c} IS NOT NULL THEN {c}")
        else:
            text = f"CAST({c} AS VARCHAR)"  # a typed (Parquet) column as its text
            whens.append(f"WHEN trim({text}, {_TRIM}) <> '' THEN trim({text}, {_TRIM})")
    return f"CASE {' '.join(whens)} END"


def _missing_across(f: Field, fields: Sequence[Field], header: Header) -> str | None:
    """The missing-value reason of a required field that other columns stand in for
    (deaths: 火化时间 for 死亡日期): missing only when they are all blank — a per-row test."""
    standing = [g for g in fields if g.stands_in == f.name and g.name in header.columns]
    if not (f.required and standing):
        return None
    blank = " AND ".join([f"t_{f.name} IS NULL", *(f"t_{g.name} IS NULL" for g in standing)])
    return (f"CASE WHEN {blank} THEN {{'column': {_q(header.header_of(f.name))}, 'reason': {_q(MISSING)},"
            f" 'value': NULL::VARCHAR}} END")


def _reasons(f: Field, fields: Sequence[Field], header: Header) -> list[str]:
    """SQL structs {column, reason, value} (or NULL) for one present field's cell, from its
    own text and value alone: an Excel error value, a missing required value, a month typed
    as an ambiguous number, an amount too large, an unreadable value — at most one of them
    per cell. (A field others stand in for: its missing value is _missing_across.)"""
    column = _q(header.header_of(f.name))
    t, v = f"t_{f.name}", f"v_{f.name}"
    error = f"jx_excel_error({t})"
    out = [f"CASE WHEN {error} THEN {{'column': {column}, 'reason': '单元格为错误值 ' || {t}, 'value': NULL::VARCHAR}} END"]
    stood_for = any(g.stands_in == f.name and g.name in header.columns for g in fields)
    if (f.required and not stood_for) or (f.stands_in and f.stands_in not in header.columns):
        # a stand-in alone is required
        out.append(f"CASE WHEN {t} IS NULL THEN {{'column': {column}, 'reason': {_q(MISSING)}, 'value': NULL::VARCHAR}} END")
    odd = f"{t} IS NOT NULL AND NOT {error}"
    if f.kind in MONTH_KINDS:
        out.append(f"CASE WHEN {odd} AND starts_with({t}, {_q(AMBIGUOUS)}) THEN {{'column': {column},"
                   f" 'reason': {_q(AMBIGUOUS_REASON)}, 'value': substr({t}, {len(AMBIGUOUS) + 1})}} END")
        odd += f" AND NOT starts_with({t}, {_q(AMBIGUOUS)})"
    if f.kind == "money":
        out.append(f"CASE WHEN {odd} AND over_{f.name} THEN {{'column': {column}, 'reason': {_q(TOO_LARGE)},"
                   f" 'value': {t}}} END")
        odd += f" AND NOT over_{f.name}"
    if f.kind in UNREADABLE:
        out.append(f"CASE WHEN {odd} AND {v} IS NULL THEN {{'column': {column},"
                   f" 'reason': {_q('无法识别为' + UNREADABLE[f.kind])}, 'value': {t}}} END")
    return out


def _nothing(header: Header) -> str:
    """Status 'nothing' for a wide row that yields no store row (every amount 0): skipped."""
    condition = nothing_paid(header.form, header.wide) if header.form is not None else None
    return f" WHEN {condition} THEN 'nothing'" if condition else ""


def output_rows(header: Header) -> str:
    """The rows to insert, to be ordered by (_row, _col): loaded rows of _norm, unpivoted
    for a wide sheet."""
    if header.form is None:
        return "SELECT *, 0 AS _col FROM _norm WHERE _status = 'loaded'"
    return output_sql(header.form, header.wide)


def _extras(fields: Sequence[Field], header: Header) -> str:
    """Derived columns: roster end from stop (end = stop − 1 month), payments months
    covered, and the ID flags."""
    names = {f.name for f in fields}
    cols = header.columns
    out = []
    if "stop" in names:
        end = "v_end" if "end" in cols else "NULL::DATE"
        stop = "(v_stop - INTERVAL 1 MONTH)::DATE" if "stop" in cols else "NULL::DATE"
        out.append(f"coalesce({end}, {stop}) AS v_end_final")
    if "person_id" in cols:
        out.append("(_idnum OR n_person_id) AS _id_numeric")
    for g in fields:
        if g.stands_in and g.name in cols:
            given = f"v_{g.stands_in}" if g.stands_in in cols else "NULL"
            out.append(f"coalesce({given}, v_{g.name}) AS v_{g.stands_in}_final")
            out.append(f"({given} IS NULL AND v_{g.name} IS NOT NULL) AS _stood_in")
    return "".join(", " + o for o in out)


def store_columns(fields: Sequence[Field], header: Header) -> list[tuple[str, str]]:
    """(store column, SQL over _norm) for the INSERT of loaded rows."""
    cols: list[tuple[str, str]] = []
    stood_in = {g.stands_in for g in fields if g.stands_in and g.name in header.columns}
    for f in fields:
        if f.name == "stop" or f.stands_in:
            continue
        if f.name == "end" and any(g.name == "stop" for g in fields):
            cols.append(('"end"', "v_end_final"))
        elif f.name in stood_in:
            cols.append((f'"{f.name}"', f"v_{f.name}_final"))
        elif f.name in header.columns:
            cols.append((f'"{f.name}"', f"v_{f.name}"))
    if "period" in header.columns:
        cols.append(("months", "v_months"))
    if header.form is not None:
        cols += [(f'"{header.form.target}"', f"v_{header.form.target}"), ('"amount"', "v_amount")]
    return cols
