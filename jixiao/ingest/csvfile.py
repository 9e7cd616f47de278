"""CSV files: encoding (UTF-8, UTF-8 with BOM, GB18030) and delimiter sniffing, a Python
grid for small or irregular files, and a DuckDB fast path for big ones.

The fast path reads with DuckDB's CSV scanner (all text), numbering records in file
order. DuckDB drops empty lines, so they are located by a byte scan and put back in the
numbering; if the record count still disagrees with the line count (a quoted field
spanning lines), the caller falls back to the exact Python reader."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from jixiao.errors import DataError, Problem
from jixiao.ingest.grid import Grid

SNIFF_BYTES = 1 << 20
CHUNK = 1 << 24
DELIMITERS = (",", "\t", ";", "|")
MAX_CELL = 1 << 24  # characters in one cell (the csv module's default, 131 072, is passed by real files)


@dataclass(frozen=True)
class CsvInfo:
    encoding: str  # "utf-8" | "utf-8-sig" | "gb18030"
    delimiter: str
    head: list[list[str]]  # the first records, for header detection (record i = line i + 1)


def sniff(path: Path, scan: int = 40) -> CsvInfo:
    with path.open("rb") as fh:
        raw = fh.read(SNIFF_BYTES)
    complete = raw if len(raw) < SNIFF_BYTES else raw[: raw.rfind(b"\n") + 1] or raw
    encoding, text = _decode(path, complete)
    lines = text.splitlines()[:scan]
    delimiter = max(DELIMITERS, key=lambda d: sum(line.count(d) for line in lines))
    head = _records(path, "\n".join(lines), delimiter)
    return CsvInfo(encoding, delimiter, head)


def _records(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """Every record of `text`; DataError naming the line of a cell too long or a broken quote."""
    csv.field_size_limit(MAX_CELL)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [list(r) for r in reader]
    except csv.Error as exc:
        reason = (f"单元格超过 {MAX_CELL} 个字符" if "field larger" in str(exc) else f"CSV 格式错误（{exc}）")
        raise DataError(f"无法读取 {path.name}", [Problem(path.name, reason, row=reader.line_num)]) from None


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", raw.decode("utf-8-sig", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return encoding, raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(f"无法识别 {path.name} 的编码", [Problem(
        path.name, "既不是 UTF-8 也不是 GB18030 编码的文本；请在 Excel 中另存为“CSV UTF-8”后重试")])


def read_grid(path: Path, info: CsvInfo) -> Grid:
    """The whole file as a grid, record by record (exact, for small or irregular files)."""
    try:
        text = path.read_bytes().decode(info.encoding)
    except UnicodeDecodeError as exc:
        if info.encoding == "gb18030":
            raise DataError(f"无法识别 {path.name} 的编码", [Problem(path.name, f"第 {exc.start} 字节处编码错误")]) from None
        return read_grid(path, CsvInfo("gb18030", info.delimiter, info.head))
    rows: list[list[object]] = _records(path, text, info.delimiter)  # type: ignore[assignment]
    return Grid(rows, path.name)


def transcode(path: Path, encoding: str, target: Path) -> Path:
    """A UTF-8 copy of a GB18030 file for DuckDB's scanner, streamed in chunks."""
    decoder = codecs.getincrementaldecoder(encoding)()
    target.parent.mkdir(parents=True, exist_ok=True)
    with path.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(CHUNK):
            dst.write(decoder.decode(chunk).encode("utf-8"))
        dst.write(decoder.decode(b"", final=True).encode("utf-8"))
    return target


def line_scan(path: Path) -> tuple[int, list[int]]:
    """(number of lines, 1-based numbers of the empty lines) by a byte scan."""
    lines, blanks, previous_end = 0, [], b"\n"  # a file starting with "\n" starts with an empty line
    with path.open("rb") as fh:
        tail = b""
        while chunk := fh.read(CHUNK):
            data = tail + chunk
            base = lines - tail.count(b"\n")
            _blank_lines(data, base, previous_end if not tail else b"", blanks)
            lines = base + data.count(b"\n")
            tail = data[-2:]
            previous_end = b""
        if tail and not tail.endswith(b"\n"):
            lines += 1
    return lines, sorted(set(blanks))


def _blank_lines(data: bytes, base: int, before: bytes, out: list[int]) -> None:
    """Append the line numbers of empty lines ("\\n\\n" or "\\n\\r\\n") inside `data`, whose
    first byte starts line `base + 1`."""
    if before == b"\n" and (data.startswith(b"\n") or data.startswith(b"\r\n")):
        out.append(base + 1)
    for pattern in (b"\n\n", b"\n\r\n"):
        start, counted, lines = 0, 0, base  # newlines are counted once, from the previous match on
        while (pos := data.find(pattern, start)) >= 0:
            lines += data.count(b"\n", counted, pos + 1)
            counted = pos + 1
            out.append(lines + 1)
            start = pos + 1


def duckdb_source(path: Path, info: CsvInfo, skip: int, ncols: int) -> str:
    """read_csv over the records after the first `skip` lines: every column text, short
    records padded with NULLs."""
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols)) + "}"
    delim = info.delimiter.replace("'", "''")
    return (f"read_csv('{str(path).replace(chr(39), chr(39) * 2)}', header = false, skip = {skip},"
            f" delim = '{delim}', quote = '\"', escape = '\"', auto_detect = false, columns = {columns},"
            f" null_padding = true, strict_mode = false, max_line_size = 10000000)")
