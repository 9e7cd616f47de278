"""Every GB/T 2260 administrative division code ever issued, for the region part of an ID.

A person keeps the code of the ID's issue for life, so codes abolished since (崇文区 110103,
潮阳县 440524 …) stay valid. The list is python-stdnum's `stdnum/cn/loc.dat` (pinned in
requirements): compiled from the published revisions of GB/T 2260 since 1980, each code with
the years it was in force; we take every code in it, whatever its years. Province and
prefecture codes (110000, 440100) are in it too: early IDs were issued with them.

Coverage of python-stdnum 2.2 (checked when it was pinned, tests/ingest/test_ids.py): 6 885
codes of 34 provinces, revisions 1980–2025, 6 403 with years of use recorded."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import duckdb
import pyarrow as pa

# Codes used in IDs that GB/T 2260 does not list: the 港澳台居民居住证 (2018) numbers of residents
# of Taiwan start with 830000 (those of Hong Kong and Macao with 810000 / 820000, which it lists).
EXTRA = {"830000": "台湾居民居住证"}
_PROVINCE = re.compile(r"^(\d{2}) ")
_LOWER = re.compile(r"^ +(\d{4}) ")


@cache
def region_codes() -> frozenset[str]:
    """The six-digit codes, from the pinned data file."""
    text = resources.files("stdnum").joinpath("cn/loc.dat").read_text(encoding="utf-8")
    codes, province = set(EXTRA), ""
    for line in text.splitlines():
        if m := _PROVINCE.match(line):
            province = m.group(1)
            codes.add(province + "0000")
        elif (m := _LOWER.match(line)) and province:
            codes.add(province + m.group(1))
    return frozenset(codes)


TABLE = "_jx_regions"


def install(con: duckdb.DuckDBPyConnection) -> None:
    """A temporary table `_jx_regions(code)` on this connection, for the id-region check."""
    con.register("_jx_regions_arrow", pa.table({"code": sorted(region_codes())}))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {TABLE} AS SELECT code FROM _jx_regions_arrow")
    con.unregister("_jx_regions_arrow")
