"""Report: the Evaluation → out/report.docx, out/report.html and out/report.pdf.

The narrative builds one document model; each renderer lays it out without adding words,
so the three files print the same numbers, all taken from the result."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.evaluation import Evaluation
from jixiao.progress import reporter

FORMATS = ("docx", "html", "pdf")


@dataclass(frozen=True)
class ReportFiles:
    docx: Path | None
    html: Path | None
    pdf: Path | None
    charts: tuple[Path, ...]
    pdf_skipped: str = ""  # why no PDF, when PDF tooling is missing


def write_report(ev: Evaluation, out: Path | None = None, formats: tuple[str, ...] = FORMATS,
                 progress: Any = None) -> ReportFiles:
    """Write the report files into `out` (default: the workspace's out/)."""
    say = reporter(progress)
    from jixiao.narrative import build_document
    from jixiao.report.charts import draw_all

    out = out or ev.workspace.out
    out.mkdir(parents=True, exist_ok=True)
    say("生成报告文本")
    doc = build_document(ev)
    say("绘制图表")
    charts = draw_all(doc, out / "charts")
    docx_path = html_path = pdf_path = None
    skipped = ""
    if "docx" in formats:
        from jixiao.report.docx_render import render_docx

        say("写出 report.docx")
        docx_path = render_docx(doc, charts, out / "report.docx")
    if "html" in formats or "pdf" in formats:
        from jixiao.report.html_render import render_html

        say("写出 report.html")
        target = out / "report.html" if "html" in formats else Path(tempfile.mkdtemp()) / "report.html"
        html_path = render_html(doc, charts, target)
    if "pdf" in formats and html_path is not None:
        try:
            from jixiao.report.html_render import render_pdf
        except ImportError:  # pragma: no cover - weasyprint is a dependency
            skipped = "weasyprint"
        else:
            say("写出 report.pdf")
            pdf_path = render_pdf(html_path, out / "report.pdf")
    if "html" not in formats:
        html_path = None
    return ReportFiles(docx_path, html_path, pdf_path, tuple(charts.values()), skipped)
