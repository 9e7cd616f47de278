"""Read a report file into the Report model: .txt (tables as tab-separated lines, as
converters write them), .docx (paragraphs and tables in body order), .html (htmlfile.py) and
.pdf (the text layer: ruled tables rebuilt from their rules, the rest as paragraphs; pdf.py)."""

from __future__ import annotations

from pathlib import Path

from jixiao.errors import DataError
from jixiao.review.htmlfile import read_html
from jixiao.review.outline import Raw, assemble
from jixiao.review.pdf import read_pdf
from jixiao.review.text import Report

SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


KIND = {".txt": "有效的文本文件", ".docx": "有效的 Word 文档（.docx）", ".pdf": "有效的 PDF 文件", ".html": "有效的网页文件",
        ".htm": "有效的网页文件"}


def read_report(path: Path) -> Report:
    """The report at `path`; a missing, unreadable or unsupported file is a DataError."""
    if not path.exists():
        raise DataError(f"找不到要复核的报告：{path}")
    if path.is_dir():
        raise DataError(f"无法复核 {path}：这是一个目录，请指定报告文件")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = "旧版 Word 文档（.doc）请先另存为 .docx；" if suffix in (".doc", ".wps") else ""
        raise DataError(f"无法复核 {path}：只支持 .docx、.pdf、.html、.txt 格式的报告，而不是「{suffix or '无扩展名'}」"
                        + (f"（{hint.rstrip('；')}）" if hint else ""))
    try:
        if path.stat().st_size == 0:
            raise DataError(f"无法复核 {path}：文件是空的")
        raws = {".txt": _txt, ".docx": _docx, ".pdf": read_pdf, ".html": _html, ".htm": _html}[suffix](path)
    except DataError:
        raise
    except PermissionError:
        raise DataError(f"无法读取 {path}：没有读取权限") from None
    except (OSError, ValueError, KeyError, SyntaxError):
        hint = "；如果是旧版 Word 文档（.doc）改了扩展名，请用 Word 或 WPS 另存为 .docx" if suffix == ".docx" else ""
        raise DataError(f"无法读取 {path}：文件已损坏，或不是{KIND[suffix]}{hint}") from None
    report = assemble(str(path), raws)
    if not any(b.text for b in report.blocks):
        hint = "PDF 没有文字层（可能是扫描件），请提供 Word 版或先做文字识别" if suffix == ".pdf" else "文件中没有文字"
        raise DataError(f"无法复核 {path}：{hint}")
    return report


def _text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(f"无法读取 {path}：文件既不是 UTF-8 也不是 GB18030 编码的文本")


def _html(path: Path) -> list[Raw]:
    return read_html(_text(path))


def _txt(path: Path) -> list[Raw]:
    text = _text(path)
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

    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError) as exc:  # not a zip, or a zip without a document
        raise ValueError(str(exc)) from None
    raws: list[Raw] = []
    styles = {s.style_id: s.name for s in document.styles}
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            if any(w in (i.text or "") for i in child.iter(qn("w:instrText")) for w in ("TOC", "PAGEREF _Toc")):
                continue  # the table of contents (a TOC field, or entries with page references) repeats the headings
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = styles.get(style.get(qn("w:val")), "") if style is not None else ""
            level = int(name.split()[-1]) if name.startswith("Heading") and name.split()[-1].isdigit() else None
            raws.append(Raw("para", text, style_level=level))
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.findall(qn("w:tr")):
                cells: list[str] = []
                for tc in tr.findall(qn("w:tc")):
                    paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                    width = int(span.get(qn("w:val"), "1")) if span is not None and span.get(qn("w:val"), "").isdigit() else 1
                    cells += ["".join(paras)] + [""] * (width - 1)  # a merged cell: its text in its first column
                rows.append(tuple(cells))
            raws.append(Raw("table", rows=tuple(rows)))
    return raws
