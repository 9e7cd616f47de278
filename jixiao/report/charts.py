"""Draw the document's charts as PNG files (matplotlib, Agg canvas, a CJK font so Chinese
never shows as boxes). The survey chart is drawn by jixiao.survey.chart."""

from __future__ import annotations

from pathlib import Path

from jixiao.narrative.document import ChartSpec, Document
from jixiao.survey.chart import cjk_family, survey_chart

PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6")


def draw_all(doc: Document, folder: Path) -> dict[str, Path]:
    """Every figure of the document → its PNG, keyed by the figure's key."""
    folder.mkdir(parents=True, exist_ok=True)
    return {f.key: draw(f.chart, folder / f"{f.key}.png") for f in doc.figures()}


def draw(spec: ChartSpec, path: Path) -> Path:
    if spec.kind == "survey":
        return survey_chart(spec.payload, path)
    # matplotlib is heavy: imported only when a chart is drawn
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with rc_context({"font.family": cjk_family(), "font.size": 10, "axes.unicode_minus": False}):
        if spec.kind == "hbars":
            fig = Figure(figsize=(8, 0.9 + 0.42 * max(len(spec.categories), 1)), dpi=150)
        else:
            fig = Figure(figsize=(8, 3.8), dpi=150)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        if spec.kind == "grouped_bars":
            _grouped(ax, spec)
        elif spec.kind == "hbars":
            _hbars(ax, spec)
        else:
            raise ValueError(f"unknown chart kind '{spec.kind}'")
        if spec.title:
            ax.set_title(spec.title, loc="left")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format="png")
    return path


def _grouped(ax, spec: ChartSpec) -> None:  # type: ignore[no-untyped-def]
    n = max(len(spec.series), 1)
    width = 0.8 / n
    xs = range(len(spec.categories))
    many = len(spec.categories) > 8
    for i, (label, values) in enumerate(spec.series):
        offsets = [x - 0.4 + width * (i + 0.5) for x in xs]
        bars = ax.bar(offsets, values, width, label=label, color=PALETTE[i % len(PALETTE)])
        if not many:
            ax.bar_label(bars, labels=[_short(v) for v in values], fontsize=8.5, padding=2)
    ax.set_xticks(list(xs), spec.categories, rotation=45 if many else 0, ha="right" if many else "center")
    if spec.ylabel:
        ax.set_ylabel(spec.ylabel)
    if spec.xlabel:
        ax.set_xlabel(spec.xlabel)
    ax.yaxis.set_major_formatter(_thousands())
    ax.legend(frameon=False, ncols=n, loc="upper center", bbox_to_anchor=(0.5, 1.12))
    ax.margins(y=0.15)


def _hbars(ax, spec: ChartSpec) -> None:  # type: ignore[no-untyped-def]
    label, values = spec.series[0]
    ys = range(len(spec.categories))
    bars = ax.barh(list(ys), values, color=PALETTE[0], height=0.6)
    ax.bar_label(bars, labels=[_short(v) for v in values], fontsize=8.5, padding=3)
    ax.set_yticks(list(ys), spec.categories)
    ax.invert_yaxis()
    ax.set_xlabel(spec.xlabel or label)
    ax.margins(x=0.12)


def _short(v: float) -> str:
    """A bar label as the report prints the number (scores to 0.01, no trailing zeros)."""
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _thousands():  # type: ignore[no-untyped-def]
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v:,.0f}")
