"""Findings raised while reading (CONTRACT §3): row-rejected for rows that could not be
loaded, and the ID checks (id-precision-lost, id-malformed, id-checksum, id-birthdate)
on loaded rows. Set-based: one INSERT … SELECT over `_norm` per code."""

from __future__ import annotations

from jixiao.ingest.sqlfuncs import _checksum

COLUMNS = '(code, "table", "row", person_id, subsidy, period, amount, message, "column", value, region)'

REJECTED_MESSAGE = ("'无法载入：' || array_to_string(list_transform(_reasons, x -> x.column || ' ' || x.reason"
                    " || CASE WHEN x.value IS NULL THEN '' ELSE '：「' || x.value || '」' END), '；')")

# code → (condition on a loaded row, Chinese message); p is the ID as loaded
ID_CHECKS = {
    "id-precision-lost": (
        "_id_numeric",
        "'身份证号在原表中是数值（读作 ' || p || '），末几位已不可信；请将该列设为文本格式后按原件重新录入'"),
    "id-malformed": (
        "NOT _id_numeric AND NOT jx_id_wellformed(p)",
        "'身份证号「' || p || '」不是 18 位（前 17 位数字，末位数字或 X）'"),
    "id-checksum": (
        "NOT _id_numeric AND jx_id_wellformed(p) AND NOT jx_id_checksum_ok(p)",
        f"'身份证号「' || p || '」校验位错误，按 GB 11643 应为 ' || {_checksum('p')}"),
    "id-birthdate": (
        "NOT _id_numeric AND jx_id_wellformed(p) AND (jx_id_birth(p) IS NULL"
        " OR jx_id_birth(p) < DATE '1900-01-01' OR jx_id_birth(p) > $base)",
        "'身份证号「' || p || '」中的出生日期 ' || substr(p, 7, 8) || CASE WHEN jx_id_birth(p) IS NULL"
        " OR jx_id_birth(p) < DATE '1900-01-01' THEN ' 不存在' ELSE ' 晚于评价基准日' END"),
}


def findings_sql(table: str, columns: dict[str, int], headers: dict[str, str]) -> list[str]:
    """INSERT statements filling ingest_findings from `_norm`; `$base` is the base date."""
    pid = "v_person_id" if "person_id" in columns else "NULL"
    subsidy = "v_subsidy" if "subsidy" in columns else "NULL"
    period = "strftime(v_period, '%Y-%m')" if "period" in columns else "NULL"
    region = "v_region" if "region" in columns else "NULL"
    statements = [
        f"""INSERT INTO ingest_findings {COLUMNS}
            SELECT 'row-rejected', '{table}', _row, {pid}, {subsidy}, {period}, NULL,
                   {REJECTED_MESSAGE}, _reasons[1].column, _reasons[1].value, {region}
            FROM _norm WHERE _status = 'rejected' ORDER BY _row"""]
    if "person_id" in columns:
        column = headers["person_id"].replace("'", "''")
        code = " ".join(f"WHEN {condition} THEN '{c}'" for c, (condition, _) in ID_CHECKS.items() if c != "id-birthdate")
        birth = ID_CHECKS["id-birthdate"][0]
        messages = " ".join(f"WHEN '{c}' THEN {m}" for c, (_, m) in ID_CHECKS.items())
        # one pass over the loaded rows: the first structural code, and id-birthdate alongside id-checksum
        statements.append(f"""INSERT INTO ingest_findings {COLUMNS}
            SELECT code, '{table}', _row, p, {subsidy}, {period}, NULL, CASE code {messages} END, '{column}', t_person_id, {region}
            FROM (SELECT *, unnest(list_filter([CASE {code} END, CASE WHEN {birth} THEN 'id-birthdate' END],
                                               x -> x IS NOT NULL)) AS code
                  FROM (SELECT *, v_person_id AS p FROM _norm WHERE _status = 'loaded')
                  WHERE _id_numeric OR NOT jx_id_wellformed(p) OR NOT jx_id_checksum_ok(p) OR {birth})
            ORDER BY _row, code""")
    return statements

