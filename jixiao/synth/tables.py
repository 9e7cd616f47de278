"""A Program's arrays → the input tables as Arrow (Chinese headers, CONTRACT §2) with
their final order, and the ground truth with spreadsheet row numbers."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from jixiao.synth import ids as idgen
from jixiao.synth.program import CATEGORIES, NO_END, SUBSIDY_NAMES, Program

GRADE_WORDS = np.array(["", "一级", "二级", "三级", "四级"])
QUARTERS = "一二三四"


def month_labels(first_year: int, last_year: int, quarterly: bool = False) -> tuple[int, np.ndarray]:
    """(first month index, labels 'YYYY-MM' for every month index from there)."""
    years = np.repeat(np.arange(first_year, last_year + 1), 12)
    months = np.tile(np.arange(1, 13), last_year - first_year + 1)
    labels = np.char.add(np.char.add(years.astype("U4"), "-"), np.char.zfill(months.astype("U2"), 2))
    return first_year * 12, labels.astype(object)


def final_ids(prog: Program) -> np.ndarray:
    """Person IDs as written: the generated ones, spoiled for the id-* anomalies."""
    pid = prog.person["id"].astype("U18").astype(object)
    for p in prog.id_codes.get("id-checksum", []):
        good = pid[p][17]
        pid[p] = pid[p][:17] + ("0" if good != "0" else "1")
    for p in prog.id_codes.get("id-malformed", []):
        pid[p] = pid[p][:9] + pid[p][10:]  # 17 characters
    for p in prog.id_codes.get("id-birthdate", []):
        body = pid[p][:10] + "13" + pid[p][12:17]  # month 13
        digits = np.array([[int(c) for c in body]])
        pid[p] = body + idgen.check_chars(digits)[0]
    for p in prog.id_codes.get("id-region", []):
        body = "990426" + pid[p][6:17]  # no GB/T 2260 code, check character right
        pid[p] = body + idgen.check_chars(np.array([[int(c) for c in body]]))[0]
    for p in prog.id_codes.get("id-old-format", []):
        pid[p] = pid[p][:6] + pid[p][8:17]  # the 15-digit first-generation form
    return pid


def _cents_to_money(cents: np.ndarray) -> pa.Array:
    mask = cents < 0
    arr = pa.array(np.where(mask, 0, cents), pa.int64()).cast(pa.decimal128(19, 0))
    money = pc.multiply(arr, pa.scalar(Decimal("0.01"), pa.decimal128(3, 2))).cast(pa.decimal128(18, 2))
    return pc.if_else(pa.array(mask), pa.scalar(None, pa.decimal128(18, 2)), money)


def _dates(month_index: np.ndarray, day: np.ndarray) -> pa.Array:
    y, m = month_index // 12, month_index % 12 + 1
    first = (np.char.add(np.char.add(y.astype("U4"), "-"), np.char.zfill(m.astype("U2"), 2))).astype("datetime64[M]")
    days = first.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    return pa.array(days, pa.date32())


def build_tables(prog: Program, row_offset: int) -> tuple[dict[str, pa.Table], dict[str, np.ndarray], pa.Table]:
    """Tables in file order, the row number (as Excel shows it) of each array index per table,
    and the truth table (code, table, row, person_id, subsidy, period)."""
    p, r, pay, year = prog.person, prog.roster, prog.payments, prog.year
    pid = final_ids(prog)
    ids = pa.array(pid, pa.string())
    names = pa.array(p["name"].astype(object), pa.string())
    person_rank = np.empty(len(pid), np.int64)
    person_rank[np.lexsort((p["id"], p["township"]))] = np.arange(len(pid))
    base, labels = month_labels(2005, year + 1)

    # roster
    order = np.lexsort((r["dup"], r["subsidy"], person_rank[r["person"]]))
    rows = {"roster": np.empty(len(order), np.int64)}
    rows["roster"][order] = np.arange(len(order)) + 2 + row_offset
    rp = r["person"][order]
    cert = np.char.add(np.char.add(pid[rp].astype("U18"), (p["category"][rp] + 1).astype("U1")),
                       p["grade"][rp].astype("U1")).astype(object)
    bad = r["cert_bad"][order]
    cert[bad] = [c[:14] + str((int(c[14]) + 1) % 10) + c[15:] for c in cert[bad]]
    spoiled = np.zeros(len(pid), bool)
    for people in prog.id_codes.values():
        spoiled[people] = True
    cert[spoiled[rp]] = None  # no certificate number on file for the people with spoiled IDs
    flag_off = r.get("dibao_flag_off", np.zeros(len(r["dup"]), bool))[order]
    end = r["end_mi"][order]
    roster = pa.table({
        "身份证号": ids.take(rp), "姓名": names.take(rp),
        "补贴类型": pa.array(SUBSIDY_NAMES[r["subsidy"][order]].astype(object)),
        "起始月份": pa.array(labels[r["start_mi"][order] - base]),
        "享受截止月份": pa.array(np.where(end < NO_END, labels[np.minimum(end, base + len(labels) - 1) - base], None)),
        "停发原因": pa.array(np.where(r["reason"][order] == "", None, r["reason"][order]), pa.string()),
        "乡镇（街道）": pa.array(p["township"][rp].astype(object)), "残疾人证号": pa.array(cert, pa.string()),
        "残疾类别": pa.array(CATEGORIES[p["category"][rp]].astype(object)),
        "残疾等级": pa.array(GRADE_WORDS[p["grade"][rp]].astype(object)),
        "是否低保": pa.array(np.where(p["dibao"][rp] & ~flag_off, "是", "否").astype(object)),
        "联系电话": pa.array(r["phone"][order], pa.string()),
    })

    # payments
    order = np.lexsort((pay["dup"], pay["subsidy"], person_rank[pay["person"]], pay["p_mi"]))
    rows["payments"] = np.empty(len(order), np.int64)
    rows["payments"][order] = np.arange(len(order)) + 2 + row_offset
    pp = pay["person"][order]
    q = (pay["p_mi"][order] - year * 12) // 3
    quarter_labels = np.array([f"{year}年第{c}季度" for c in QUARTERS], dtype=object)
    period = np.where(pay["months"][order] == 3, quarter_labels[np.clip(q, 0, 3)], labels[pay["p_mi"][order] - base])
    pay_names = names.take(pp)
    alt = pay["name_alt"][order]
    if alt.any():
        changed = pc.if_else(pc.ends_with(pay_names, "华"), pc.binary_join_element_wise(pay_names, "明", ""),
                             pc.binary_join_element_wise(pay_names, "华", ""))
        pay_names = pc.if_else(pa.array(alt), changed, pay_names)
    payments = pa.table({
        "身份证号": ids.take(pp), "姓名": pay_names,
        "补贴类型": pa.array(SUBSIDY_NAMES[pay["subsidy"][order]].astype(object)),
        "所属月份": pa.array(period, pa.string()),
        "发放金额": _cents_to_money(pay["cents"][order]),
        "发放日期": _dates(pay["paid_mi"][order], pay["paid_day"][order]),
        "发放方式": pa.array(np.where(pay["person"][order] % 7 == 0, "银行卡", "社保卡").astype(object)),
    })

    # deaths, dibao list
    dead = np.flatnonzero(p["death_mi"] < NO_END)
    dead = dead[np.lexsort((pid[dead].astype("U18"), p["death_mi"][dead] * 31 + p["death_day"][dead]))]
    rows["deaths"] = np.full(len(pid), -1)
    rows["deaths"][dead] = np.arange(len(dead)) + 2
    deaths = pa.table({"身份证号": ids.take(dead), "姓名": names.take(dead),
                       "死亡日期": _dates(p["death_mi"][dead], p["death_day"][dead])})
    listed = np.flatnonzero(p["dibao_list"])
    listed = listed[np.argsort(person_rank[listed])]
    rows["dibao"] = np.full(len(pid), -1)
    rows["dibao"][listed] = np.arange(len(listed)) + 2
    since = (listed % 96) + (year - 8) * 12
    dibao = pa.table({"身份证号": ids.take(listed), "姓名": names.take(listed),
                      "起始日期": _dates(since, (listed % 28) + 1), "终止日期": pa.nulls(len(listed), pa.date32())})

    tables = {"roster": roster, "payments": payments, "deaths": deaths, "dibao": dibao,
              "funds": _funds(prog, payments)}
    return tables, rows, _truth(prog, rows, pid, labels, base)


def _funds(prog: Program, payments: pa.Table) -> pa.Table:
    paid = pc.sum(pc.fill_null(payments["发放金额"], 0)).as_py() or Decimal(0)
    budget = (paid * Decimal("1.08")).quantize(Decimal("10000"))
    shares = {"中央": Decimal("0.4"), "省": Decimal("0.3"), "市": Decimal("0.2"), "县": Decimal("0.1")}
    kinds, levels, amounts, dates, summaries = [], [], [], [], []
    for level, share in shares.items():
        kinds += ["预算", "到位"]
        levels += [level, level]
        amounts += [(budget * share).quantize(Decimal("0.01")), (budget * share * Decimal("0.97")).quantize(Decimal("0.01"))]
        dates += [f"{prog.year}-01-15", f"{prog.year}-03-20"]
        summaries += [f"{level}级资金预算", f"{level}级资金拨付到位"]
    kinds.append("支出")
    levels.append(None)
    amounts.append(paid.quantize(Decimal("0.01")))
    dates.append(f"{prog.year}-12-31")
    summaries.append("全年两项补贴发放")
    return pa.table({"类型": kinds, "资金级次": levels, "金额": pa.array(amounts, pa.decimal128(18, 2)),
                     "日期": pa.array(np.array(dates, dtype="datetime64[D]"), pa.date32()),
                     "摘要": summaries})


def _truth(prog: Program, rows: dict[str, np.ndarray], pid: np.ndarray, labels: np.ndarray, base: int) -> pa.Table:
    parts = []
    for t in prog.truth:
        table = t["table"]
        idx = t["idx"]
        src = prog.roster if table == "roster" else prog.payments
        person = src["person"][idx]
        period = np.where(t["period_mi"] >= 0, labels[np.clip(t["period_mi"] - base, 0, len(labels) - 1)], "")
        parts.append(pa.table({"code": pa.array(t["code"], pa.string()), "table": pa.array([table] * len(idx)),
                               "row": pa.array(rows[table][idx]), "person_id": pa.array(pid[person], pa.string()),
                               "subsidy": pa.array(SUBSIDY_NAMES[src["subsidy"][idx]].astype(object), pa.string()),
                               "period": pa.array(period.astype(object), pa.string())}))
    for code, people in prog.id_codes.items():
        for table, src in (("roster", prog.roster), ("payments", prog.payments)):
            idx = np.flatnonzero(np.isin(src["person"], people))
            parts.append(pa.table({"code": pa.array([code] * len(idx), pa.string()),
                                   "table": pa.array([table] * len(idx), pa.string()),
                                   "row": pa.array(rows[table][idx]),
                                   "person_id": pa.array(pid[src["person"][idx]], pa.string()),
                                   "subsidy": pa.array(SUBSIDY_NAMES[src["subsidy"][idx]].astype(object), pa.string()),
                                   "period": pa.array([""] * len(idx), pa.string())}))
        listed = people[rows["dibao"][people] >= 0] if code != "id-precision-lost" else people[:0]
        parts.append(pa.table({"code": pa.array([code] * len(listed), pa.string()),
                               "table": pa.array(["dibao"] * len(listed), pa.string()),
                               "row": pa.array(rows["dibao"][listed]),
                               "person_id": pa.array(pid[listed], pa.string()),
                               "subsidy": pa.array([""] * len(listed), pa.string()),
                               "period": pa.array([""] * len(listed), pa.string())}))
    truth = pa.concat_tables(parts)
    return truth.sort_by([("code", "ascending"), ("table", "ascending"), ("row", "ascending")])
