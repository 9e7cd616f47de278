"""Read a report file into the Report model: .txt (tables as tab-separated lines, as
converters write them), .docx (paragraphs and tables in body order) and .pdf (the text
layer: ruled tables by pdfplumber, the text outside them as paragraphs)."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.errors import DataError, Problem
from jixiao.review.outline import Raw, assemble, heading_rank
from jixiao.review.text import Report, clean

SUFFIXES = (".txt", ".docx", ".pdf")
_ENDS = re.compile(r"[。；;：:！？!?）)”]$")
_PAGE_FOOTER = re.compile(r"^\s*(第\s*\d+\s*页(\s*/?\s*共\s*\d+\s*页)?|-?\s*\d{1,3}\s*-?)\s*$")


def read_report(path: Path) -> Report:
    """The report at `path`; a missing, unreadable or unsupported file is a DataError."""
    if not path.exists():
        raise DataError("找不到要复核的报告", [Problem(str(path), "文件不存在")])
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DataError("无法复核该文件", [Problem(str(path), f"只支持 .docx、.pdf、.txt 格式，而不是「{suffix or '无扩展名'}」")])
    try:
        raws = {".txt": _txt, ".docx": _docx, ".pdf": _pdf}[suffix](path)
    except DataError:
        raise
    except (OSError, ValueError, KeyError) as exc:
        raise DataError("无法读取要复核的报告", [Problem(str(path), f"文件已损坏或不是有效的{suffix[1:]}文件（{type(exc).__name__}）")]) from None
    report = assemble(str(path), raws)
    if not any(b.text for b in report.blocks):
        hint = "PDF 没有文字层（可能是扫描件），请提供 Word 版或先做文字识别" if suffix == ".pdf" else "文件中没有文字"
        raise DataError("无法复核该文件", [Problem(str(path), hint)])
    return report


def _txt(path: Path) -> list[Raw]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataError("无法读取要复核的报告", [Problem(str(path), "文本文件既不是 UTF-8 也不是 GB18030 编码")])
    raws: list[Raw] = []
    rows: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(tuple(c.strip() for c in line.split("\t")))
            continue
        if rows:
            raws.append(Raw("table", rows=tuple(rows)))
            rows = []
        if line.strip():
            raws.append(Raw("para", line.strip(), joinable=True))
    if rows:
        raws.append(Raw("table", rows=tuple(rows)))
    return raws


def _docx(path: Path) -> list[Raw]:
    import zipfile

    import docx  # heavy: only when a docx is reviewed
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError) as exc:
        raise ValueError(str(exc)) from None
    raws: list[Raw] = []
    styles = {s.style_id: s.name for s in document.styles}
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            if any("TOC" in (i.text or "") for i in child.iter(qn("w:instrText"))):
                continue  # the table of contents repeats the headings
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = styles.get(style.get(qn("w:val")), "") if style is not None else ""
            level = int(name.split()[-1]) if name.startswith("Heading") and name.split()[-1].isdigit() else None
            raws.append(Raw("para", text, style_level=level))
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iter(qn("w:tr")):
                cells = []
                for tc in tr.iter(qn("w:tc")):
                    paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                    cells.append("".join(paras))
                rows.append(tuple(cells))
            raws.append(Raw("table", rows=tuple(rows)))
    return raws


def _pdf(path: Path) -> list[Raw]:
    import pdfplumber  # heavy: only when a PDF is reviewed
    from pdfminer.pdfparser import PDFSyntaxError

    raws: list[Raw] = []
    try:
        pdf = pdfplumber.open(str(path))
    except PDFSyntaxError as exc:
        raise ValueError(str(exc)) from None
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]
            items: list[tuple[float, str, object]] = []
            for table in tables:
                rows = tuple(tuple((c or "").replace("\n", "") for c in row) for row in table.extract())
                items.append((table.bbox[1], "table", rows))
            outside = page.filter(lambda o: not _inside(o, boxes))
            for line in outside.extract_text_lines(layout=False, strip=True):
                if not _PAGE_FOOTER.match(line["text"]):
                    items.append((line["top"], "line", line))
            items.sort(key=lambda item: item[0])
            raws.extend(_pdf_blocks(items, number))
    return raws


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = obj.get("x0", 0.0), obj.get("top", 0.0)
    return any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in boxes)


def _pdf_blocks(items: list[tuple[float, str, object]], page: int) -> list[Raw]:
    """PDF lines are wrapped: a line is continued by the next unless it stops short of the
    right margin, or the next one is indented (a new paragraph) or is a heading."""
    lines = [obj for _, kind, obj in items if kind == "line"]
    left = min((ln["x0"] for ln in lines), default=0.0)
    right = max((ln["x1"] for ln in lines), default=0.0)
    out: list[Raw] = []
    prev: dict | None = None
    for _, kind, obj in items:
        if kind == "table":
            out.append(Raw("table", rows=obj, page=page))  # type: ignore[arg-type]
            prev = None
            continue
        line: dict = obj  # type: ignore[assignment]
        size = max((ch.get("size", 10.0) for ch in line.get("chars", ())[:3]), default=10.0)
        ended = prev is not None and (prev["x1"] < right - 6 * size or (
            prev["x1"] < right - 1.5 * size and _ENDS.search(prev["text"]) is not None))
        starts = (prev is None or ended or line["x0"] > left + size * 0.8
                  or heading_rank(clean(line["text"])) is not None)
        if starts or not out or out[-1].kind != "para":
            out.append(Raw("para", line["text"], page=page, joinable=prev is None))
        else:
            out[-1].text += line["text"]
        prev = line
    return out
