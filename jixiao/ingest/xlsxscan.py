"""A byte-level pass over one sheet's XML in an .xlsx, for what python-calamine hides or
cannot bear: error cells (it reads #N/A as empty) and stray cells far to the right of the
table (one cell in column XFD makes its range 16 384 columns wide for every row).

The pass is linear in the sheet's XML and keeps no per-cell Python objects except for the
cells it reports."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jixiao.errors import DataError, Problem

GAP = 50  # empty columns after which a cell is outside the table
NARROW = 200  # a sheet whose <dimension> is at most this wide needs no stray-cell scan
MAX_XML = 1 << 31  # a sheet's XML larger than this is refused (a zip bomb, not an export)
_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')
_DIM = re.compile(rb'<dimension ref="([A-Z]{1,3})?\d*:?([A-Z]{1,3})?\d*"\s*/>')
_ATTR_R = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")


@dataclass
class SheetScan:
    member: str = ""  # the sheet's XML in the zip
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col), 0-based → "#N/A"
    outside: list[tuple[int, int]] = field(default_factory=list)  # cells beyond the table, (row, col)

    def outside_note(self, label: str) -> str:
        first = min(self.outside)
        return (f"{label}：表格右侧远处有 {len(self.outside)} 个单元格（如 {column_letters(first[1])}{first[0] + 1}），"
                f"与表格之间隔着 {GAP} 列以上的空列，不属于表格，未读取")


def column_index(letters: bytes | str) -> int:
    text = letters.decode() if isinstance(letters, bytes) else letters
    n = 0
    for ch in text:
        n = n * 26 + ord(ch) - 64
    return n - 1


def column_letters(index: int) -> str:
    out, n = "", index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _sheet_member(book: zipfile.ZipFile, name: str) -> str | None:
    """The XML part of the sheet called `name`, through workbook.xml and its relationships."""
    try:
        workbook = book.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = book.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return None
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        sheet_name = re.search(r'\bname="([^"]*)"', tag)
        rid = re.search(r'\br:id="([^"]*)"|\bid="([^"]*)"', tag)
        if sheet_name and rid and _unescape(sheet_name.group(1)) == name:
            wanted = rid.group(1) or rid.group(2)
            for rel in re.findall(r"<Relationship\b[^>]*>", rels):
                if re.search(rf'\bId="{re.escape(wanted)}"', rel):
                    target = re.search(r'\bTarget="([^"]*)"', rel)
                    if target:
                        t = target.group(1)
                        return t.lstrip("/") if t.startswith("/") else str(PurePosixPath("xl") / t)
    return None


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            .replace("&amp;", "&"))


def scan_sheet(path: Path, name: str) -> SheetScan:
    """Error cells and stray cells of one sheet; an empty scan when the file is not a zip we
    can read (calamine then reports what is wrong with it)."""
    try:
        with zipfile.ZipFile(path) as book:
            member = _sheet_member(book, name)
            if member is None or member not in book.namelist():
                return SheetScan()
            if book.getinfo(member).file_size > MAX_XML:
                raise DataError(f"无法读取 {path.name}#{name}", [Problem(
                    path.name, "工作表解压后超过 2 GB，不像是导出的数据表；请另存为 CSV 后再读取", where=name)])
            data = book.read(member)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError, NotImplementedError):
        return SheetScan()
    return SheetScan(member, _errors(data), _outside(data))


def _errors(data: bytes) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    pos = data.find(b't="e"')
    while pos >= 0:
        start = data.rfind(b"<c ", 0, pos)
        end = data.find(b"</c>", pos)
        tag_end = data.find(b">", pos)
        ref = _ATTR_R.search(data, start, tag_end) if start >= 0 and tag_end >= 0 else None
        value = _VALUE.search(data, pos, end) if end >= 0 else None
        if ref and value:
            code = value.group(1).decode("utf-8", "replace") or "#N/A"
            found[(int(ref.group(2)) - 1, column_index(ref.group(1)))] = code
        pos = data.find(b't="e"', pos + 5)
    return found


def _outside(data: bytes) -> list[tuple[int, int]]:
    dim = _DIM.search(data, 0, 4096)
    if dim and dim.group(2) and column_index(dim.group(2)) < NARROW:
        return []
    columns: dict[int, int] = {}
    for letters in set(m.group(1) for m in _REF.finditer(data)):
        columns[column_index(letters)] = 1
    if not columns:
        return []
    used = sorted(columns)
    limit = used[0]
    for c in used[1:]:
        if c - limit > GAP:
            break
        limit = c
    far = {column_letters(c).encode() for c in used if c > limit}
    if not far:
        return []
    return [(int(m.group(2)) - 1, column_index(m.group(1))) for m in _REF.finditer(data) if m.group(1) in far]


def without_cells(path: Path, scan: SheetScan) -> bytes:
    """The workbook's bytes with the scan's outside cells (and the sheet's stale <dimension>)
    removed from its XML, for calamine to read."""
    far = sorted({column_letters(c) for _, c in scan.outside})
    pattern = re.compile(rb'<c r="(?:' + b"|".join(f.encode() for f in far) + rb')\d+"(?:[^>]*?/>|[^>]*>.*?</c>)',
                         re.DOTALL)
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == scan.member:
                data = _DIM.sub(b"", pattern.sub(b"", data), count=1)
            dst.writestr(info, data)
    return out.getvalue()
