"""GB/T 2260 region names, from python-stdnum's pinned, maintained list of administrative
division codes (stdnum/cn/loc.dat, LGPL-2.1+; current and abolished codes with names).

Kept here until ingest's GB/T 2260 code list (for ID checks) and this are unified."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_SUFFIX = re.compile(r"((?:[\u4e00-\u9fff]{1,8}?族)*自治(?:州|县|旗|区)|特别行政区|地区|林区|特区|新区|矿区|省|市|县|区|旗|州|盟)$")


@dataclass(frozen=True)
class Region:
    code: str  # 6 digits
    name: str  # as listed: 特克斯县
    stem: str  # without the level word: 特克斯

    @property
    def province(self) -> str:
        return self.code[:2]

    @property
    def prefecture(self) -> str:
        return self.code[:4]


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    text = resources.files("stdnum").joinpath("cn/loc.dat").read_text(encoding="utf-8")
    out: list[Region] = []
    province = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"^(\s*)(\d+)\s+(?:province|county|prefecture)=\"(?:\[[^\]]*\])?([^\"]+)\"", line)
        if not m:
            continue
        indent, digits, name = m.groups()
        if not indent:
            province = digits
            code = digits.ljust(6, "0")
        else:
            code = (province + digits).ljust(6, "0")
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政单位"):
            continue
        out.append(Region(code, name, stem_of(name)))
    return tuple(out)


def stem_of(name: str) -> str:
    stem = _SUFFIX.sub("", name)
    return stem if len(stem) >= 2 else name
