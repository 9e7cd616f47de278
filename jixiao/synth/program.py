"""A synthetic two-subsidy program as column arrays: persons, roster, payments, deaths,
dibao list, with anomalies of every finding code injected and the ground truth kept.

Everything is vectorised (numpy): a province of 1 000 000 people is generated in seconds.
Rows are indexes into arrays; row numbers are assigned when the tables are ordered."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from jixiao.synth import ids as idgen

LIVING, CARE = 0, 1
SUBSIDY_NAMES = np.array(["生活补贴", "护理补贴"])
CATEGORIES = np.array(["视力", "听力", "言语", "肢体", "智力", "精神", "多重"])
CATEGORY_P = [0.12, 0.10, 0.02, 0.45, 0.12, 0.12, 0.07]
GRADE_P = [0.22, 0.30, 0.26, 0.22]
STOP_REASONS = np.array(["户籍迁出", "残疾人证注销", "纳入特困供养", "入狱服刑", "取消低保"])
NO_END = 10**6
DUE_DAY = 25

AUDIT_CODES = ("duplicate-person", "not-eligible-living", "not-eligible-care", "paid-after-death",
               "paid-outside-entitlement", "paid-not-on-roster", "double-payment", "amount-mismatch",
               "unpaid-month", "late-payment", "cert-mismatch", "phone-invalid", "name-mismatch")
INGEST_CODES = ("id-malformed", "id-checksum", "id-birthdate", "id-precision-lost", "id-region", "id-old-format",
                "row-rejected")
ALL_CODES = INGEST_CODES + AUDIT_CODES


@dataclass(frozen=True)
class Standards:
    """Monthly amounts in 元, raised from `raise_month` (1–12) of the year."""

    living: tuple[int, int] = (181, 188)
    care: tuple[int, int] = (243, 252)
    raise_month: int = 7

    def cents(self, subsidy: np.ndarray, mi: np.ndarray, year: int) -> np.ndarray:
        old = np.where(subsidy == LIVING, self.living[0], self.care[0]) * 100
        new = np.where(subsidy == LIVING, self.living[1], self.care[1]) * 100
        return np.where(mi >= year * 12 + self.raise_month - 1, new, old).astype(np.int64)


@dataclass
class Program:
    year: int
    schedule: str
    province: bool
    standards: Standards
    person: dict[str, np.ndarray]  # id, name, township, region, category, grade, phone, dibao_list, death_*
    roster: dict[str, np.ndarray]  # person, subsidy, start_mi, end_mi, reason, dibao, cert, phone, dup, order
    payments: dict[str, np.ndarray]  # person, subsidy, p_mi, months, cents (-1 = blank), paid_day, name_alt, dup
    truth: list[dict[str, np.ndarray]] = field(default_factory=list)  # code, table, idx (row index), period_mi
    id_codes: dict[str, np.ndarray] = field(default_factory=dict)  # code → persons whose ID carries it


def _months_of(first: np.ndarray, count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expand intervals: (owner index, month) for each of `count` months from `first`."""
    count = np.maximum(count, 0)
    owner = np.repeat(np.arange(len(first)), count)
    starts = np.repeat(np.cumsum(count) - count, count)
    return owner, np.repeat(first, count) + (np.arange(count.sum()) - starts)


def build(persons: int, seed: int, rates: dict[str, float], year: int = 2022, schedule: str = "monthly",
          numeric_ids: bool = True) -> Program:
    rng = np.random.default_rng(seed)
    y0, last = year * 12, year * 12 + 11
    std = Standards()
    province = persons > 100_000
    picks = {c: (max(1, round(rates.get(c, 0) * persons)) if rates.get(c, 0) > 0 else 0) for c in ALL_CODES}
    if not numeric_ids:
        picks["id-precision-lost"] = 0
    extra = picks["paid-not-on-roster"]
    n = persons + extra  # the last `extra` people are paid but on no roster

    # --- people ------------------------------------------------------------------------------
    if province:
        codes = np.array(list(idgen.GUANGDONG))
        region = codes[rng.integers(0, len(codes), n)]
        county = np.array([idgen.GUANGDONG[c] for c in codes])[np.searchsorted(codes, region)]
        township = np.char.add(county, np.array(idgen.TOWN_NAMES)[rng.integers(0, len(idgen.TOWN_NAMES), n)])
    else:
        u = rng.random(n)
        others = np.array([c for c in idgen.GUANGDONG if c != idgen.ZHONGSHAN])
        region = np.where(u < 0.85, idgen.ZHONGSHAN, np.where(
            u < 0.95, others[rng.integers(0, len(others), n)],
            np.array(idgen.MIGRANT)[rng.integers(0, len(idgen.MIGRANT), n)]))
        township = np.array(idgen.ZHONGSHAN_TOWNS)[rng.integers(0, len(idgen.ZHONGSHAN_TOWNS), n)]
    age = np.clip(rng.normal(56, 18, n), 1, 97).astype(np.int64)
    birth = (np.array([f"{year}-01-01"], dtype="datetime64[D]") - (age * 365.25).astype(np.int64)
             - rng.integers(0, 365, n)).astype("datetime64[D]")
    male = rng.random(n) < 0.55
    pid = idgen.make_ids(region.astype("U6"), birth, male, rng)
    category = rng.choice(len(CATEGORIES), n, p=CATEGORY_P)
    grade = rng.choice(4, n, p=GRADE_P) + 1
    care_ok = (grade <= 2) | (np.isin(CATEGORIES[category], ["智力", "精神"]))
    dibao = np.where(care_ok, rng.random(n) < 0.15, True)
    person = {"id": pid, "name": idgen.make_names(n, rng), "township": township, "region": region,
              "category": category, "grade": grade, "phone": idgen.make_phones(n, rng),
              "dibao": dibao, "dibao_list": dibao & (rng.random(n) < 0.95),
              "death_mi": np.full(n, NO_END), "death_day": np.zeros(n, np.int64)}

    # --- roster rows -------------------------------------------------------------------------
    rostered = np.arange(persons)
    care_p = rostered[care_ok[:persons]]
    living_p = rostered[dibao[:persons]]
    r_person = np.concatenate([living_p, care_p])
    r_sub = np.concatenate([np.full(len(living_p), LIVING), np.full(len(care_p), CARE)])
    m = len(r_person)
    new = rng.random(m) < 0.12
    start = np.where(new, y0 + rng.integers(0, 12, m), rng.integers(2012 * 12, y0, m))
    end = np.full(m, NO_END)
    reason = np.full(m, "", dtype=object)

    # deaths (3 % of people whose rows all started before the year) and stops (3 % of rows)
    started_late = np.zeros(n, bool)
    started_late[r_person[new]] = True
    dies = (rng.random(n) < 0.03) & ~started_late
    dies[persons:] = False
    person["death_mi"] = np.where(dies, y0 + rng.integers(0, 12, n), NO_END)
    person["death_day"] = np.where(dies, rng.integers(1, 29, n), 0)
    updated = rng.random(m) < 0.8  # the roster was updated after the death (most of the time)
    dead_row = dies[r_person]
    end = np.where(dead_row & updated, person["death_mi"][r_person], end)
    reason[dead_row & updated] = "死亡"
    stops = ~dead_row & (rng.random(m) < 0.03)
    end = np.where(stops, np.maximum(start, y0) + rng.integers(0, 11, m), end)
    end = np.where(stops & (end > last - 1), NO_END, end)
    stopped = stops & (end < NO_END)
    reason[stopped] = STOP_REASONS[rng.integers(0, 4, m)][stopped]
    reason[stopped & (r_sub == LIVING)] = "取消低保"

    roster = {"person": r_person, "subsidy": r_sub, "start_mi": start, "end_mi": end, "reason": reason,
              "cert_bad": np.zeros(m, bool), "phone": person["phone"][r_person].astype(object),
              "dup": np.zeros(m, np.int64), "pay_start": start.copy(), "pay_end": end.copy(),
              "gap": np.full(m, -1)}
    prog = Program(year, schedule, province, std, person, roster, {})

    # --- anomalies: each on its own clean people ---------------------------------------------------
    clean = ~dies.copy()
    clean[persons:] = False
    clean[r_person[new | stopped]] = False
    first_row = np.full(n, -1)
    first_row[r_person[::-1]] = np.arange(m)[::-1]
    has_sub = np.zeros((n, 2), bool)
    has_sub[r_person, r_sub] = True
    row_of = np.full((n, 2), -1)
    row_of[r_person, r_sub] = np.arange(m)
    ends_digit = np.char.isdigit(np.char.ljust(pid, 18).astype("U18").view("U1").reshape(n, 18)[:, 17])

    def take(code: str, extra_ok: np.ndarray | None = None) -> np.ndarray:
        ok = clean & (extra_ok if extra_ok is not None else True)
        chosen = rng.permutation(np.flatnonzero(ok))[:picks[code]]
        clean[chosen] = False
        return chosen

    def roster_truth(code: str, rows: np.ndarray, period: np.ndarray | None = None) -> None:
        prog.truth.append({"code": np.full(len(rows), code, dtype=object), "table": "roster", "idx": rows,
                           "period_mi": period if period is not None else np.full(len(rows), -1)})

    for code in ("id-malformed", "id-checksum", "id-birthdate"):
        prog.id_codes[code] = take(code)
    prog.id_codes["id-precision-lost"] = take("id-precision-lost", ends_digit)
    chosen = take("duplicate-person")
    roster_truth("duplicate-person", _copy_rows(roster, first_row[chosen], dup=1))
    chosen = take("not-eligible-living", has_sub[:, LIVING])
    person["dibao_list"][chosen] = False
    rows = row_of[chosen, LIVING]
    roster["dibao_flag_off"] = np.zeros(len(roster["person"]), bool)
    roster["dibao_flag_off"][rows] = True
    roster_truth("not-eligible-living", rows)
    chosen = take("not-eligible-care", has_sub[:, CARE])
    person["grade"][chosen], person["category"][chosen] = 3, 3  # 三级肢体: not covered
    roster_truth("not-eligible-care", row_of[chosen, CARE])
    chosen = take("paid-after-death")
    person["death_mi"][chosen] = y0 + rng.integers(0, 11, len(chosen))
    person["death_day"][chosen] = rng.integers(1, 29, len(chosen))
    prog.after_death = chosen  # type: ignore[attr-defined]
    chosen = take("paid-outside-entitlement")
    rows = first_row[chosen]
    before = rng.random(len(rows)) < 0.5
    s = y0 + rng.integers(2, 12, len(rows))
    roster["start_mi"][rows[before]] = s[before]
    roster["pay_start"][rows[before]] = s[before] - 1
    e = y0 + rng.integers(0, 10, len(rows))
    roster["end_mi"][rows[~before]] = e[~before]
    roster["reason"][rows[~before]] = "户籍迁出"
    roster["pay_end"][rows[~before]] = e[~before] + 1
    prog.outside = (rows, np.where(before, s - 1, e + 1))  # type: ignore[attr-defined]
    chosen = take("unpaid-month")
    rows = first_row[chosen]
    roster["gap"][rows] = y0 + rng.integers(0, 12, len(rows))
    roster_truth("unpaid-month", rows, roster["gap"][rows])
    chosen = take("cert-mismatch")
    roster["cert_bad"][first_row[chosen]] = True
    roster_truth("cert-mismatch", first_row[chosen])
    chosen = take("phone-invalid")
    bad_phones = np.array(["", "1380013800", "12345678", "2388000000", "138001380001"], dtype=object)
    roster["phone"][first_row[chosen]] = bad_phones[rng.integers(0, len(bad_phones), len(chosen))]
    roster_truth("phone-invalid", first_row[chosen])
    payment_people = {code: take(code) for code in ("double-payment", "amount-mismatch", "late-payment",
                                                    "name-mismatch", "row-rejected")}

    # id-region and id-old-format draw from a stream of their own, so that adding them left every
    # other anomaly of a seed where it was; a 15-digit ID belongs to someone born in the 1900s
    own = np.random.default_rng([seed, 2260])
    century = np.char.ljust(pid, 18).astype("U18").view("U1").reshape(n, 18)[:, 6:8]
    born_1900s = np.char.add(century[:, 0], century[:, 1]) == "19"
    for code, ok in (("id-region", clean), ("id-old-format", clean & born_1900s)):
        chosen = own.permutation(np.flatnonzero(ok))[:picks[code]]
        clean[chosen] = False
        prog.id_codes[code] = chosen

    _expand_payments(prog, rng, persons, extra)
    _payment_anomalies(prog, rng, payment_people)
    return prog


def _copy_rows(table: dict[str, np.ndarray], rows: np.ndarray, dup: int) -> np.ndarray:
    """Append copies of `rows` (marked `dup`); return the new rows' indexes."""
    base = len(table["dup"])
    for key, col in table.items():
        table[key] = np.concatenate([col, col[rows]])
    table["dup"][base:] = dup
    return np.arange(base, base + len(rows))


def _expand_payments(prog: Program, rng: np.random.Generator, persons: int, extra: int) -> None:
    r, y0 = prog.roster, prog.year * 12
    last = y0 + 11
    real = r["dup"] == 0
    death = prog.person["death_mi"][r["person"]].copy()
    death[np.isin(r["person"], prog.after_death)] = 10**6  # type: ignore[attr-defined]
    ps = np.maximum(r["pay_start"], y0)
    pe = np.minimum(np.minimum(r["pay_end"], death), last)
    owner, mi = _months_of(ps, np.where(real, pe - ps + 1, 0))
    keep = mi != r["gap"][owner]
    owner, mi = owner[keep], mi[keep]
    months = np.ones(len(mi), np.int64)
    if prog.schedule == "quarterly":
        key = owner * 4 + (mi - y0) // 3
        count = np.bincount(key, minlength=len(r["dup"]) * 4)[key]
        full = count == 3
        head = full & ((mi - y0) % 3 == 0)
        owner, mi, months = owner[~full | head], mi[~full | head], np.where(head, 3, 1)[~full | head]
    sub = r["subsidy"][owner]
    cents = sum(prog.standards.cents(sub, mi + k, prog.year) * (months > k) for k in range(3))
    due_mi = _due_month(mi, months, prog.schedule)
    pay = {"person": r["person"][owner], "subsidy": sub, "p_mi": mi, "months": months, "cents": cents,
           "paid_mi": due_mi if prog.schedule == "quarterly" else mi, "paid_day": rng.integers(5, 21, len(mi)),
           "name_alt": np.zeros(len(mi), bool), "dup": np.zeros(len(mi), np.int64), "roster_row": owner}
    if extra:  # people on no roster, paid once
        p = np.arange(persons, persons + extra)
        sub = rng.integers(0, 2, extra)
        mi = y0 + rng.integers(0, 12, extra)
        add = {"person": p, "subsidy": sub, "p_mi": mi, "months": np.ones(extra, np.int64),
               "cents": prog.standards.cents(sub, mi, prog.year),
               "paid_mi": _due_month(mi, np.ones(extra, np.int64), prog.schedule),
               "paid_day": rng.integers(5, 21, extra), "name_alt": np.zeros(extra, bool),
               "dup": np.zeros(extra, np.int64), "roster_row": np.full(extra, -1)}
        base = len(pay["person"])
        pay = {k: np.concatenate([v, add[k]]) for k, v in pay.items()}
        prog.truth.append({"code": np.full(extra, "paid-not-on-roster", dtype=object), "table": "payments",
                           "idx": np.arange(base, base + extra), "period_mi": mi})
    prog.payments = pay
    # paid-after-death: every row covering a month after the death month
    d = prog.person["death_mi"][pay["person"]]
    after = np.isin(pay["person"], prog.after_death) & (pay["p_mi"] + pay["months"] - 1 > d)  # type: ignore
    prog.truth.append({"code": np.full(after.sum(), "paid-after-death", dtype=object), "table": "payments",
                       "idx": np.flatnonzero(after), "period_mi": np.maximum(pay["p_mi"], d + 1)[after]})
    # paid-outside-entitlement: the row covering the one month paid outside start…end
    rows, month = prog.outside  # type: ignore[attr-defined]
    target = np.full(len(r["dup"]), -1)
    target[rows] = month
    t = target[np.maximum(pay["roster_row"], 0)]
    hit = (pay["roster_row"] >= 0) & (t >= pay["p_mi"]) & (t < pay["p_mi"] + pay["months"])
    prog.truth.append({"code": np.full(hit.sum(), "paid-outside-entitlement", dtype=object), "table": "payments",
                       "idx": np.flatnonzero(hit), "period_mi": t[hit]})


def _due_month(mi: np.ndarray, months: np.ndarray, schedule: str) -> np.ndarray:
    last = mi + months - 1
    return last - last % 12 % 3 + 2 if schedule == "quarterly" else last


def _payment_anomalies(prog: Program, rng: np.random.Generator, people: dict[str, np.ndarray]) -> None:
    pay = prog.payments
    order = rng.permutation(len(pay["person"]))
    persons, first = np.unique(pay["person"][order], return_index=True)
    one_row = np.full(len(prog.person["id"]), -1)
    one_row[persons] = order[first]  # a random payment row per person

    def truth(code: str, rows: np.ndarray) -> None:
        prog.truth.append({"code": np.full(len(rows), code, dtype=object), "table": "payments", "idx": rows,
                           "period_mi": pay["p_mi"][rows]})

    rows = one_row[people["amount-mismatch"]]
    raised = pay["p_mi"][rows] >= prog.year * 12 + prog.standards.raise_month - 1
    old = Standards(raise_month=13).cents(pay["subsidy"][rows], pay["p_mi"][rows], prog.year) * pay["months"][rows]
    pay["cents"][rows] = np.where(raised, old, pay["cents"][rows] + 5000)
    truth("amount-mismatch", rows)
    rows = one_row[people["late-payment"]]
    due_mi = _due_month(pay["p_mi"][rows], pay["months"][rows], prog.schedule)
    pay["paid_mi"][rows] = due_mi
    pay["paid_day"][rows] = DUE_DAY + rng.integers(1, 40, len(rows))  # days past the due day (may spill over)
    truth("late-payment", rows)
    rows = one_row[people["name-mismatch"]]
    pay["name_alt"][rows] = True
    truth("name-mismatch", rows)
    rows = one_row[people["double-payment"]]
    copies = _copy_rows(pay, rows, dup=1)
    pay["paid_day"][copies] += 3
    truth("double-payment", copies)
    rows = one_row[people["row-rejected"]]
    copies = _copy_rows(pay, rows, dup=2)
    pay["cents"][copies] = -1  # blank amount: a required value missing
    truth("row-rejected", copies)
