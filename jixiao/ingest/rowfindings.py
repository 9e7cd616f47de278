"""Findings raised while reading (CONTRACT §3 and §7): row-rejected for rows that could not
be loaded, and the ID checks on loaded rows. Set-based: INSERT … SELECT over `_norm` (and
the temporary `_ids`, its distinct IDs).

Per ID at most one structural code — id-precision-lost, id-old-format (15 digits: the
message gives the 18-digit form: 19 put before the year, a check character added),
id-malformed, or id-checksum — and alongside id-checksum (or none) id-birthdate and
id-region (the first six digits are no GB/T 2260 code ever issued: jixiao.ingest.regions)."""

from __future__ import annotations

from jixiao.ingest.regions import TABLE as REGIONS
from jixiao.ingest.sqlfuncs import _checksum

_OLD18 = "substr(p, 1, 6) || '19' || substr(p, 7, 9)"
_REGION_BAD = f"(substr(p, 1, 6) NOT IN (SELECT code FROM {REGIONS}))"

COLUMNS = '(code, "table", "row", person_id, subsidy, period, amount, message, "column", value, region)'

REJECTED_MESSAGE = ("'无法载入：' || array_to_string(list_transform(_reasons, x -> x.column || ' ' || x.reason"
                    " || CASE WHEN x.value IS NULL THEN '' ELSE '：「' || x.value || '」' END), '；')")

# code → (condition on a loaded row, Chinese message); p is the ID as loaded
ID_CHECKS = {
    "id-precision-lost": (
        "_id_numeric",
        "'身份证号在原表中是数值（读作 ' || p || '），末几位已不可信；请将该列设为文本格式后按原件重新录入'"),
    "id-old-format": (
        "NOT _id_numeric AND regexp_full_match(p, '\\d{15}')",
        f"'身份证号「' || p || '」是 15 位的第一代身份证号码，对应的 18 位号码为 ' || {_OLD18} || {_checksum(_OLD18)}"
        " || CASE WHEN try_strptime('19' || substr(p, 7, 6), '%Y%m%d') IS NULL"
        " THEN '（其中的出生日期 19' || substr(p, 7, 6) || ' 不存在，请按原件核对）' ELSE '；请按现行 18 位号码登记' END"),
    "id-malformed": (
        "NOT _id_numeric AND NOT regexp_full_match(p, '\\d{15}') AND NOT jx_id_wellformed(p)",
        "'身份证号「' || p || '」不是 18 位（前 17 位数字，末位数字或 X）'"),
    "id-checksum": (
        "NOT _id_numeric AND jx_id_wellformed(p) AND NOT jx_id_checksum_ok(p)",
        f"'身份证号「' || p || '」校验位错误，按 GB 11643 应为 ' || {_checksum('p')}"),
    "id-birthdate": (
        "NOT _id_numeric AND jx_id_wellformed(p) AND (jx_id_birth(p) IS NULL"
        " OR jx_id_birth(p) < DATE '1900-01-01' OR jx_id_birth(p) > $base)",
        "'身份证号「' || p || '」中的出生日期 ' || substr(p, 7, 8) || CASE WHEN jx_id_birth(p) IS NULL THEN ' 不存在'"
        " WHEN jx_id_birth(p) < DATE '1900-01-01' THEN ' 早于 1900 年，不可能是在世者的出生日期'"
        " ELSE ' 晚于评价基准日' END"),
    "id-region": (
        f"NOT _id_numeric AND jx_id_wellformed(p) AND {_REGION_BAD}",
        "'身份证号「' || p || '」的前 6 位 ' || substr(p, 1, 6) || ' 不是任何一版 GB/T 2260 行政区划代码'"),
}
ALONGSIDE = ("id-birthdate", "id-region")  # raised beside the structural code, on well-formed IDs


def findings_sql(table: str, columns: dict[str, int], headers: dict[str, str],
                 into: str = "ingest_findings") -> list[str]:
    """INSERT statements filling `into` (a table shaped as ingest_findings) from `_norm`;
    `$base` is the base date."""
    pid = "v_person_id" if "person_id" in columns else "NULL"
    subsidy = "v_subsidy" if "subsidy" in columns else "NULL"
    period = "strftime(v_period, '%Y-%m')" if "period" in columns else "NULL"
    region = "v_region" if "region" in columns else "NULL"
    statements = [
        f"""INSERT INTO {into} {COLUMNS}
            SELECT 'row-rejected', '{table}', _row, {pid}, {subsidy}, {period}, NULL,
                   {REJECTED_MESSAGE}, _reasons[1].column, _reasons[1].value, {region}
            FROM _norm WHERE _status = 'rejected' ORDER BY _row"""]
    if "person_id" in columns:
        column = headers["person_id"].replace("'", "''")
        code = " ".join(f"WHEN {condition} THEN '{c}'" for c, (condition, _) in ID_CHECKS.items() if c not in ALONGSIDE)
        beside = ", ".join(f"CASE WHEN {ID_CHECKS[c][0]} THEN '{c}' END" for c in ALONGSIDE)
        any_beside = " OR ".join(ID_CHECKS[c][0] for c in ALONGSIDE)
        messages = " ".join(f"WHEN '{c}' THEN {m}" for c, (_, m) in ID_CHECKS.items())
        # the checks run once per distinct ID (a payments table repeats each ID a dozen times),
        # then the IDs found wanting are joined back to their rows. The distinct IDs are a
        # table of their own: in one statement the optimiser pushes the checks below the
        # DISTINCT, onto every row (even through a MATERIALIZED CTE)
        statements.append("CREATE OR REPLACE TEMP TABLE _ids AS"
                          " SELECT DISTINCT v_person_id AS p, _id_numeric FROM _norm WHERE _status = 'loaded'")
        statements.append(f"""INSERT INTO {into} {COLUMNS}
            WITH flagged AS (
                SELECT p, _id_numeric, code, CASE code {messages} END AS message
                FROM (SELECT p, _id_numeric, unnest(list_filter([CASE {code} END, {beside}], x -> x IS NOT NULL)) AS code
                      FROM _ids
                      WHERE _id_numeric OR NOT jx_id_wellformed(p) OR NOT jx_id_checksum_ok(p) OR {any_beside}))
            SELECT f.code, '{table}', n._row, f.p, {subsidy}, {period}, NULL, f.message, '{column}', n.t_person_id, {region}
            FROM _norm n JOIN flagged f ON n.v_person_id IS NOT DISTINCT FROM f.p AND n._id_numeric = f._id_numeric
            WHERE n._status = 'loaded'
            ORDER BY n._row, f.code""")
    return statements

