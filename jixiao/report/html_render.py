"""The document model → one self-contained HTML file (jinja2; CSS inline, charts inlined
as data: URIs), and the PDF rendered from that HTML with WeasyPrint."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from jixiao.narrative.document import Document, Figure, Heading, PageBreak, Paragraph, Table, Toc
from jixiao.narrative.mask import scrub

HERE = Path(__file__).parent / "templates"
KINDS = {Toc: "toc", PageBreak: "break", Heading: "heading", Paragraph: "paragraph", Table: "table",
         Figure: "figure"}
ALIGN = {"l": "l", "L": "l", "c": "c", "r": "r"}


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def html_text(doc: Document, images: dict[str, Path]) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["scrub"] = scrub
    blocks: list[dict[str, Any]] = []
    for b in doc.blocks:
        item: dict[str, Any] = {"type": KINDS[type(b)], "b": b}
        if isinstance(b, Table):
            widths = b.widths or (1,) * len(b.headers)
            total = sum(widths)
            item["widths"] = [round(100 * w / total, 2) for w in widths]
            item["aligns"] = [ALIGN.get(a, "l") for a in (b.align or "l" * len(b.headers))]
        elif isinstance(b, Figure):
            item["src"] = _data_uri(images[b.key])
        blocks.append(item)
    headings = [b for b in doc.blocks if isinstance(b, Heading) and b.level <= 2]
    before, _, after = doc.footer.partition("{page}")
    return env.get_template("report.html.j2").render(
        doc=doc, blocks=blocks, headings=headings, css=(HERE / "report.css").read_text(encoding="utf-8"),
        page_before=before, page_after=after)


def render_html(doc: Document, images: dict[str, Path], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_text(doc, images), encoding="utf-8")
    return path


def render_pdf(html_path: Path, path: Path) -> Path:
    """WeasyPrint, from the written HTML (fonts: Noto CJK through fontconfig)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    HTML(filename=str(html_path), base_url=str(html_path.parent)).write_pdf(str(path))
    return path
