"""ID checks (GB 11643): the region code against every GB/T 2260 code ever issued
(id-region), 15-digit IDs (id-old-format, with the 18-digit form), birth dates before 1900."""

from __future__ import annotations

import pytest

from jixiao.ingest.regions import region_codes
from tests.ingest.conftest import check_char


def id18(first17: str) -> str:
    return first17 + check_char(first17)


def load_ids(fx, ids):
    fx.path("死亡.csv").write_text("身份证号,死亡日期\n" + "".join(f"{p},2022-05-01\n" for p in ids), encoding="utf-8")
    fx.use("deaths", "死亡.csv")
    report = fx.load()
    return [(f.row, f.code, f.message) for f in report.findings]


def test_region_list_covers_every_revision_including_abolished_codes():
    codes = region_codes()
    assert len(codes) > 6800
    assert {"110103", "110104", "440524", "442000", "110105", "500156", "810000", "820000", "830000"} <= codes
    assert {"000000", "990426", "123456"}.isdisjoint(codes)


@pytest.mark.parametrize("region", ["000000", "990426", "123456"])
def test_a_region_code_never_issued_is_id_region(fx, region):
    pid = id18(region + "19800101001")
    assert load_ids(fx, [pid]) == [(2, "id-region", f"身份证号「{pid}」的前 6 位 {region} 不是任何一版 GB/T 2260 行政区划代码")]


def test_an_abolished_code_is_still_valid(fx):
    assert load_ids(fx, [id18("11010319600101001"), id18("44052419500101002")]) == []  # 崇文区, 潮阳县


def test_region_and_checksum_are_both_reported(fx):
    good = id18("99042619800101001")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    assert [code for _, code, _ in load_ids(fx, [bad])] == ["id-checksum", "id-region"]


def test_a_birth_date_before_1900_is_said_to_be_so(fx):
    pid = id18("11010518991231001")
    assert load_ids(fx, [pid]) == [(2, "id-birthdate", f"身份证号「{pid}」中的出生日期 18991231 早于 1900 年，不可能是在世者的出生日期")]


def test_an_impossible_birth_date_is_said_not_to_exist(fx):
    pid = id18("11010519800230001")
    assert load_ids(fx, [pid]) == [(2, "id-birthdate", f"身份证号「{pid}」中的出生日期 19800230 不存在")]


def test_a_15_digit_id_is_old_format_with_its_18_digit_form(fx):
    old = "110105491231002"
    new = id18("11010519491231002")
    assert load_ids(fx, [old]) == [(2, "id-old-format", f"身份证号「{old}」是 15 位的第一代身份证号码，对应的 18 位号码为 {new}；请按现行 18 位号码登记")]


def test_a_15_digit_id_with_an_impossible_date_says_so(fx):
    [(_, code, message)] = load_ids(fx, ["110105490231002"])
    assert code == "id-old-format" and "出生日期 19490231 不存在" in message
