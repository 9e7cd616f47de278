"""Report: the Evaluation → out/report.docx, out/report.html and out/report.pdf.

The narrative builds one document model; each renderer lays it out without adding words,
so the three files print the same numbers, all taken from the result."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from jixiao.evaluation import Evaluation
from jixiao.narrative import build_document
from jixiao.progress import ProgressLike, reporter
from jixiao.report.charts import draw_all
from jixiao.report.docx_render import render_docx
from jixiao.report.html_render import render_html, render_pdf

FORMATS = ("docx", "html", "pdf")


@dataclass(frozen=True)
class ReportFiles:
    docx: Path | None
    html: Path | None
    pdf: Path | None
    charts: tuple[Path, ...]


def write_report(ev: Evaluation, out: Path | None = None, formats: tuple[str, ...] = FORMATS,
                 progress: ProgressLike = None) -> ReportFiles:
    """Write the report files into `out` (default: the workspace's out/)."""
    say = reporter(progress)
    out = out or ev.workspace.out
    out.mkdir(parents=True, exist_ok=True)
    say("生成报告文本")
    doc = build_document(ev)
    say("绘制图表")
    charts = draw_all(doc, out / "charts")
    docx_path = html_path = pdf_path = None
    if "docx" in formats:
        say("写出 report.docx")
        docx_path = render_docx(doc, charts, out / "report.docx")
    if "html" in formats or "pdf" in formats:
        say("写出 report.html")
        target = out / "report.html" if "html" in formats else Path(tempfile.mkdtemp()) / "report.html"
        html_path = render_html(doc, charts, target)
    if "pdf" in formats and html_path is not None:
        say("写出 report.pdf")
        pdf_path = render_pdf(html_path, out / "report.pdf")
    if "html" not in formats:
        html_path = None
    return ReportFiles(docx_path, html_path, pdf_path, tuple(charts.values()))
