"""Masking of personal data: the one place that decides how an ID number, a name and a
phone number appear in a report (110101********123X, 张*, 138****1234).

The narrative masks personal fields where it prints them; every renderer passes every
string through `scrub` as well, so an ID or phone number typed into free text (a
judgment's basis, a finding message) cannot reach the report whole either."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass, replace

_ID18 = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{6})(\d{3})(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<![\d-])(0\d{2,3})-?(\d{3,4})(\d{4})(?![\d-])")


def mask_id(value: str) -> str:
    """110101199001011234 → 110101********1234 (first 6, last 4 kept)."""
    text = (value or "").strip()
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_name(value: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***."""
    text = (value or "").strip()
    return text[:1] + "*" * (len(text) - 1) if text else ""


def mask_phone(value: str) -> str:
    """13812341234 → 138****1234; anything else keeps only its last 4 characters."""
    text = (value or "").strip()
    if len(text) <= 4:
        return "*" * len(text)
    if len(text) == 11:
        return text[:3] + "****" + text[-4:]
    return "*" * (len(text) - 4) + text[-4:]


def scrub(text: str) -> str:
    """Mask every ID-like and mobile-like number in free text."""
    if not text:
        return text
    text = _ID18.sub(lambda m: m.group(1) + "*" * 8 + m.group(3)[-4:], text)
    text = _ID15.sub(lambda m: m.group(1) + "*" * 6 + m.group(3), text)
    text = _PHONE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    return _LANDLINE.sub(lambda m: m.group(1) + "-" + "*" * len(m.group(2)) + m.group(3), text)


_QUOTED_NAME = re.compile(r"“([\u4e00-\u9fff·A-Za-z\u00c0-\u024f .'\-<>/]{1,40})”")
_LONG_DIGITS = re.compile(r"(?<![0-9*])\d{7,}(?![0-9*])")


class NameMasker:
    """Masks every name of a set wherever it appears in a text, whatever its length or
    script (阿卜杜热合曼·买买提明, José Müller); longest first. Names of one character are
    left alone: masking them would mask ordinary words."""

    def __init__(self, names: Iterable[str]):
        self.names = frozenset(n for n in names if len(n) >= 2)
        self.lengths = sorted({len(n) for n in self.names}, reverse=True)
        self.first = frozenset(n[0] for n in self.names)

    def __call__(self, text: str) -> str:
        if not self.names or not text or not self.first.intersection(text):
            return text
        out, i, n = [], 0, len(text)
        while i < n:
            if text[i] in self.first:
                hit = next((length for length in self.lengths if text[i:i + length] in self.names), 0)
                if hit:
                    out.append(mask_name(text[i:i + hit]))
                    i += hit
                    continue
            out.append(text[i])
            i += 1
        return "".join(out)


def mask_values(value: object, masker: Callable[[str], str]) -> object:
    """`value` (a document block, a cover, tuples of them) with `masker` applied to every string in it."""
    if isinstance(value, str):
        return masker(value)
    if isinstance(value, tuple):
        return tuple(mask_values(v, masker) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: mask_values(getattr(value, f.name), masker) for f in fields(value)
                   if f.name not in ("key", "anchor", "label", "style", "align", "payload")}
        return replace(value, **changes)
    return value


def finding_message(finding: object) -> str:
    """A finding's message fit for the report: quoted names, IDs and any run of 7 or more
    digits (a phone number, however malformed) masked."""
    text = scrub(str(getattr(finding, "message", "") or ""))
    text = _QUOTED_NAME.sub(lambda m: "“" + mask_name(m.group(1)) + "”", text)
    return _LONG_DIGITS.sub(lambda m: mask_phone(m.group(0)), text)
