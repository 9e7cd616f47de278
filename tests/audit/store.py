"""A tiny in-memory store (the schema's tables) and a workspace policy, for hand-made cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb

from jixiao.audit.context import AuditContext
from jixiao.audit.run import ibis_backend
from jixiao.ingest.schema import TABLES
from jixiao.workspace import CareExtra, Policy, Standard

POLICY = Policy(
    schedule="monthly", due_day=25, living_requires=("低保",), care_grades=(1, 2),
    care_extra=(CareExtra((3, 4), ("智力", "精神")),),
    standards=(Standard("生活补贴", dt.date(2022, 1, 1), Decimal("181")),
               Standard("生活补贴", dt.date(2022, 7, 1), Decimal("188")),
               Standard("护理补贴", dt.date(2022, 1, 1), Decimal("252"))),
)
A = "11010519491231002X"  # valid IDs (GB 11643 check digits)
B = "440524188001010014"
C = "442000199003070015"

ROSTER_COLS = ("_row", "_file", "person_id", "name", "subsidy", "start", "end", "end_reason", "township",
               "cert_no", "category", "grade", "dibao", "phone")
PAY_COLS = ("_row", "_file", "person_id", "name", "subsidy", "period", "months", "amount", "paid_on", "channel")


def quoted(name: str) -> str:
    return f'"{name}"'


def store(roster=(), payments=(), deaths=(), dibao=(), funds=(), ingest_findings=()):
    """roster rows: dicts with any of ROSTER_COLS (defaults fill the rest); same for payments."""
    con = duckdb.connect()
    for ddl in TABLES.values():
        con.execute(ddl)
    for i, r in enumerate(roster, 2):
        row = {"_row": i, "_file": "花名册.xlsx", "name": "张三", "subsidy": "生活补贴", "start": "2020-01-01",
               "end": None, "end_reason": None, "township": "三乡镇", "cert_no": None, "category": "肢体",
               "grade": 2, "dibao": True, "phone": "13800138000", **r}
        con.execute(f"INSERT INTO roster ({', '.join(map(quoted, ROSTER_COLS))}) "
                    f"VALUES ({', '.join('?' * len(ROSTER_COLS))})",
                    [row[c] for c in ROSTER_COLS])
    for i, p in enumerate(payments, 2):
        row = {"_row": i, "_file": "发放明细.xlsx", "name": "张三", "subsidy": "生活补贴", "months": 1,
               "paid_on": None, "channel": None, **p}
        if len(row["period"]) == 7:
            row["period"] += "-01"
        if "amount" not in row:
            row["amount"] = Decimal("188") if row["period"] >= "2022-07" else Decimal("181")
        con.execute(f"INSERT INTO payments ({', '.join(map(quoted, PAY_COLS))}) "
                    f"VALUES ({', '.join('?' * len(PAY_COLS))})",
                    [row[c] for c in PAY_COLS])
    for i, (pid, date) in enumerate(deaths, 2):
        con.execute("INSERT INTO deaths (_row, _file, person_id, death_date) VALUES (?, '死亡名单.xlsx', ?, ?)",
                    [i, pid, date])
    for i, (pid, start, end) in enumerate(dibao, 2):
        con.execute("INSERT INTO dibao (_row, _file, person_id, from_date, to_date) VALUES (?, '低保名单.xlsx', ?, ?, ?)",
                    [i, pid, start, end])
    for i, (kind, amount) in enumerate(funds, 2):
        con.execute("INSERT INTO funds (_row, _file, kind, amount) VALUES (?, '资金.xlsx', ?, ?)", [i, kind, amount])
    for f in ingest_findings:
        con.execute('INSERT INTO ingest_findings (code, "table", "row", person_id, message) VALUES (?, ?, ?, ?, ?)', f)
    return con


def context(con, policy: Policy = POLICY, base_date=dt.date(2022, 12, 31), provided=None) -> AuditContext:
    return AuditContext(ibis_backend(con), policy, 2022, base_date, provided)


def full_year(pid: str = A, subsidy: str = "生活补贴", months=range(1, 13), **extra) -> list[dict]:
    """Monthly payments at the standard, paid on the 10th."""
    return [{"person_id": pid, "subsidy": subsidy, "period": f"2022-{m:02d}", "paid_on": f"2022-{m:02d}-10",
             **({"amount": Decimal("252")} if subsidy == "护理补贴" else {}), **extra} for m in months]
