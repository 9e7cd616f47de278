"""Value normalisation as DuckDB macros, so millions of rows are parsed set-based.

Every macro takes cleaned text (jx_text) and returns the typed value, or NULL when the
text cannot be read; the caller tells "blank" from "unreadable" by the text being NULL."""

from __future__ import annotations

import duckdb

from jixiao.ingest.fields import DIBAO_NO, DIBAO_YES, DIBAO_YES_PATTERN, EXCEL_ERRORS
from jixiao.vocabulary import CATEGORIES, GRADE_WORDS, SUBSIDY_ALIASES

# full-width forms and odd spaces → half-width and a space; invisible marks (BOM, zero-width
# joiners), having no counterpart, are deleted by translate
_FULL = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000\u00a0\u2002\u2003\u200b\ufeff\u200c\u200d\u2060"
_HALF = "".join(chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)) + "    "
MONEY_LIMIT = "1e16"  # DECIMAL(18,2) holds less than 10^16 元
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_DIGIT = "ord(substr({p}, {i}, 1)) - 48"


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _in(values: list[str] | tuple[str, ...]) -> str:
    return "(" + ", ".join(_sql_str(v) for v in values) + ")"


def _checksum(p: str) -> str:
    total = " + ".join(f"({_DIGIT.format(p=p, i=i + 1)}) * {w}" for i, w in enumerate(WEIGHTS))
    return f"substr('10X98765432', (({total}) % 11) + 1, 1)"


_YMD = r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
_YM = r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$"
_ISSUE = r"^(\d{4})\s*年?\s*第?\s*(\d{1,2})\s*期$"
_QUARTER = r"^(\d{4})\s*[-/.年]?\s*(?:第\s*)?([1-4一二三四])\s*季度?$"
_QFORM = r"^(\d{4})\s*[-/.年]?\s*[Qq]\s*([1-4])$"
# a run of months: 2022年1-3月, 2022年1月至3月, 2022.01-2022.03, 2022年1月～2022年6月
_RANGE = (r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*(?:-|—|–|~|～|至|到)\s*"
          r"(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*月?份?$")
_LIVING = sorted(k for k, v in SUBSIDY_ALIASES.items() if v == "生活补贴")
_CARE = sorted(k for k, v in SUBSIDY_ALIASES.items() if v == "护理补贴")
_QNUM = "CASE q WHEN '一' THEN 1 WHEN '二' THEN 2 WHEN '三' THEN 3 WHEN '四' THEN 4 ELSE TRY_CAST(q AS INTEGER) END"

MACROS = [
    # text: full-width folded, whitespace runs collapsed, trimmed, '' → NULL
    # text: full-width folded, whitespace runs collapsed, trimmed, '' → NULL. translate is
    # slow with a long map, so only cells holding full-width forms or odd spacing take that path
    f"jx_text(s) AS nullif(CASE WHEN regexp_matches(s::VARCHAR, '[\\x{{FF01}}-\\x{{FF5E}}\\x{{3000}}\\x{{00A0}}"
    f"\\x{{2002}}\\x{{2003}}\\x{{200B}}-\\x{{200D}}\\x{{2060}}\\x{{FEFF}}]|\\s\\s|[\\t\\r\\n]') THEN trim(regexp_replace(translate(s::VARCHAR,"
    f" {_sql_str(_FULL)}, {_sql_str(_HALF)}), '\\s+', ' ', 'g')) ELSE trim(s::VARCHAR) END, '')",
    "jx_date_ok(y, m, d) AS CASE WHEN y BETWEEN 1900 AND 2200 AND m BETWEEN 1 AND 12 AND d BETWEEN 1 AND 31"
    " THEN try_cast(printf('%04d-%02d-%02d', y, m, d) AS DATE) END",
    "jx_serial(t) AS CASE WHEN TRY_CAST(t AS DOUBLE) BETWEEN 1 AND 109575"
    " THEN DATE '1899-12-30' + floor(TRY_CAST(t AS DOUBLE))::INTEGER END",
    # a full date from: 2022-05-13, 2022/5/13, 2022年5月13日, 2022.5.13, 20220513, timestamps, Excel serials
    f"jx_full_date(t) AS CASE"
    f" WHEN t IS NULL THEN NULL"
    f" WHEN regexp_full_match(t, '\\d{{8}}') THEN jx_date_ok(substr(t, 1, 4)::INT, substr(t, 5, 2)::INT, substr(t, 7, 2)::INT)"
    f" WHEN regexp_full_match(t, '\\d{{5}}(\\.\\d+)?') THEN jx_serial(t)"
    f" WHEN regexp_matches(t, '{_YMD}') THEN jx_date_ok("
    f"  regexp_extract(t, '{_YMD}', 1)::INT, regexp_extract(t, '{_YMD}', 2)::INT, regexp_extract(t, '{_YMD}', 3)::INT)"
    f" END",
    # a month (first day) from any full date or 2022-05, 2022/5, 2022年5月, 2022.05, 202205, and the
    # 期号 of 一卡通 release lists: 2022年第5期, 2022年05期, 202205期 (a monthly 期 is its month)
    f"jx_month(t) AS CASE"
    f" WHEN t IS NULL THEN NULL"
    f" WHEN regexp_matches(t, '{_ISSUE}') THEN jx_date_ok("
    f"  regexp_extract(t, '{_ISSUE}', 1)::INT, regexp_extract(t, '{_ISSUE}', 2)::INT, 1)"
    f" WHEN regexp_full_match(t, '\\d{{4}}-\\d{{2}}') THEN jx_date_ok(substr(t, 1, 4)::INT, substr(t, 6, 2)::INT, 1)"
    f" WHEN regexp_full_match(t, '\\d{{6}}') THEN jx_date_ok(substr(t, 1, 4)::INT, substr(t, 5, 2)::INT, 1)"
    f" WHEN regexp_matches(t, '{_YM}') THEN jx_date_ok("
    f"  regexp_extract(t, '{_YM}', 1)::INT, regexp_extract(t, '{_YM}', 2)::INT, 1)"
    f" ELSE date_trunc('month', jx_full_date(t))::DATE END",
    # a date: a full date, or a month alone meaning its first day
    "jx_date(t) AS coalesce(jx_full_date(t), jx_month(t))",
    # a quarter (2018年第一季度, 2018年1季度, 2018Q1, 2018-Q1) → its first month
    "jx_quarter_q(y, q) AS CASE WHEN y BETWEEN 1900 AND 2200 THEN make_date(y, (" + _QNUM + ") * 3 - 2, 1) END",
    f"jx_quarter(t) AS CASE"
    f" WHEN t IS NULL THEN NULL"
    f" WHEN regexp_matches(t, '{_QUARTER}') THEN jx_quarter_q(regexp_extract(t, '{_QUARTER}', 1)::INT, regexp_extract(t, '{_QUARTER}', 2))"
    f" WHEN regexp_matches(t, '{_QFORM}') THEN jx_quarter_q(regexp_extract(t, '{_QFORM}', 1)::INT, regexp_extract(t, '{_QFORM}', 2))"
    f" END",
    # a run of months → its first month and how many months it covers (1..12, one year at most)
    "jx_range_index(t, y, m) AS TRY_CAST(regexp_extract(t, '" + _RANGE + "', y) AS INT) * 12"
    " + TRY_CAST(regexp_extract(t, '" + _RANGE + "', m) AS INT) - 1",
    "jx_range_months(t) AS CASE WHEN regexp_matches(t, '" + _RANGE + "') THEN (SELECT CASE WHEN n BETWEEN 1 AND 12"
    " THEN n END FROM (SELECT coalesce(jx_range_index(t, 3, 4), jx_range_index(t, 1, 4))"
    " - jx_range_index(t, 1, 2) + 1 AS n)) END",
    "jx_range_start(t) AS CASE WHEN jx_range_months(t) IS NOT NULL THEN jx_date_ok("
    "TRY_CAST(regexp_extract(t, '" + _RANGE + "', 1) AS INT), TRY_CAST(regexp_extract(t, '" + _RANGE + "', 2) AS INT), 1) END",
    # money in 元 as DECIMAL(18,2), from '1,234.50', '¥188', '188元', accounting negatives '(188.00)',
    # × factor (an INTEGER: 10000 for 万元); NULL beyond DECIMAL(18,2) (jx_money_over tells that case)
    "jx_money_text(t) AS regexp_replace(regexp_replace(t, '^\\((.*)\\)$', '-\\1'), '[,\\s¥￥元]', '', 'g')",
    "jx_money_size(t, factor) AS abs(TRY_CAST(jx_money_text(t) AS DOUBLE)) * factor",
    f"jx_money(t, factor) AS CASE WHEN t IS NULL THEN NULL WHEN jx_money_size(t, factor) < {MONEY_LIMIT}"
    " THEN TRY_CAST(round(TRY_CAST(jx_money_text(t) AS DECIMAL(38, 10)) * factor, 2) AS DECIMAL(18, 2)) END",
    f"jx_money_over(t, factor) AS coalesce(NOT isnan(jx_money_size(t, factor)) AND jx_money_size(t, factor) >= {MONEY_LIMIT},"
    " false)",
    "jx_count(t) AS CASE WHEN regexp_full_match(t, '\\d{1,9}(\\.0+)?') THEN TRY_CAST(TRY_CAST(t AS DOUBLE) AS INTEGER) END",
    # 是/否, and a roster's 低保 column naming the status (城市低保, 农村低保, 特困: yes) or none (无: no)
    f"jx_flag(t) AS CASE WHEN lower(t) IN {_in(DIBAO_YES)} OR regexp_matches(t, '{DIBAO_YES_PATTERN}') THEN true"
    f" WHEN lower(t) IN {_in(DIBAO_NO)} THEN false END",
    f"jx_excel_error(t) AS coalesce(upper(t) IN {_in(EXCEL_ERRORS)}, false)",
    "jx_grade(t) AS CASE regexp_extract(t, '^([1-4一二三四])\\s*级?(?:残疾)?$', 1)"
    + "".join(f" WHEN '{w[0]}' THEN {g} WHEN '{g}' THEN {g}" for w, g in GRADE_WORDS.items()) + " END",
    f"jx_category(t) AS CASE WHEN regexp_replace(t, '(残疾|类|残)$', '') IN {_in(CATEGORIES)}"
    " THEN regexp_replace(t, '(残疾|类|残)$', '')"
    + "".join(f" WHEN t = '{i}' THEN '{c}'" for i, c in enumerate(CATEGORIES, 1)) + " END",
    # subsidy names via the vocabulary; otherwise a name naming exactly one of 生活 / 护理
    f"jx_subsidy(t) AS CASE WHEN lower(t) IN {_in(_LIVING)} THEN '生活补贴'"
    f" WHEN lower(t) IN {_in(_CARE)} THEN '护理补贴'"
    " WHEN contains(t, '生活') AND NOT contains(t, '护理') THEN '生活补贴'"
    " WHEN contains(t, '护理') AND NOT contains(t, '生活') THEN '护理补贴' END",
    "jx_fund_kind(t) AS CASE WHEN contains(t, '预算') OR t = '安排' THEN '预算'"
    " WHEN regexp_matches(t, '到位|下达|拨入|到账|收入') THEN '到位'"
    " WHEN regexp_matches(t, '支出|列支|发放|拨付|付款') THEN '支出' END",
    "jx_fund_level(t) AS CASE regexp_replace(t, '(级|财政|资金|本级|配套)+$', '')"
    " WHEN '中央' THEN '中央' WHEN '省' THEN '省' WHEN '自治区' THEN '省' WHEN '市' THEN '市'"
    " WHEN '州' THEN '市' WHEN '县' THEN '县' WHEN '区' THEN '县' WHEN '县区' THEN '县' WHEN '旗' THEN '县'"
    " WHEN '镇' THEN '镇' WHEN '乡' THEN '镇' WHEN '乡镇' THEN '镇' WHEN '街道' THEN '镇' WHEN '镇街' THEN '镇' END",
    # IDs: spaces, quote marks and Excel's ="…" text guard dropped, x upper-cased; digits read from a number keep
    # the number's digits ('1.10101199001011E+17' → '110101199001011000')
    # (an ID already clean — 17 digits and a digit or X — is itself: one match instead of four)
    r"jx_id(t) AS CASE WHEN regexp_full_match(t, '\d{17}[\dX]') THEN t"
    r" WHEN regexp_full_match(t, '\d+(\.\d+)?[eE]\+?\d+')"
    " THEN TRY_CAST(TRY_CAST(t AS DOUBLE) AS HUGEINT)::VARCHAR"
    r" WHEN regexp_full_match(t, '\d+\.0+') THEN split_part(t, '.', 1)"
    r" ELSE upper(regexp_replace(regexp_replace(t, '^=\s*', ''), '[\s''\"`]', '', 'g')) END",
    r"jx_id_numeric_text(t) AS regexp_full_match(t, '\d+(\.\d+)?[eE]\+?\d+|\d+\.0+')",
    r"jx_id_wellformed(p) AS regexp_full_match(p, '\d{17}[\dX]')",
    f"jx_id_checksum_ok(p) AS substr(p, 18, 1) = {_checksum('p')}",
    "jx_id_birth(p) AS try_strptime(substr(p, 7, 8), '%Y%m%d')::DATE",
]


def install(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Create the jx_* macros on this connection (temporary: they live with the connection)."""
    for macro in MACROS:
        con.execute(f"CREATE OR REPLACE TEMP MACRO {macro}")
    return con
