"""The comparison report's charts: bars through jixiao.report.charts, and two of its own —
the heat map of leaf score rates and the outlier strips (one row of dots per measure)."""

from __future__ import annotations

from pathlib import Path

from jixiao.narrative.document import ChartSpec, Document
from jixiao.report.charts import draw
from jixiao.survey.chart import cjk_family

OWN = ("heatmap", "strips")


def draw_comparison_charts(doc: Document, folder: Path) -> dict[str, Path]:

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for figure in doc.figures():
        path = folder / f"{figure.key}.png"
        out[figure.key] = _draw_own(figure.chart, path) if figure.chart.kind in OWN else draw(figure.chart, path)
    return out


def _draw_own(spec: ChartSpec, path: Path) -> Path:
    # matplotlib is heavy: imported where a chart is drawn (STYLE 12)
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with rc_context({"font.family": cjk_family(), "font.size": 9, "axes.unicode_minus": False}):
        if spec.kind == "heatmap":
            fig = _heatmap(Figure, spec)
        else:
            fig = _strips(Figure, spec)
        FigureCanvasAgg(fig)
        fig.tight_layout()
        fig.savefig(path, format="png")
    return path


def _heatmap(Figure, spec: ChartSpec):  # type: ignore[no-untyped-def]
    """Regions down, leaves across; payload: rows of rates (0–1, None when pending)."""
    import numpy as np

    rates = np.array([[np.nan if v is None else v for v in row] for row in spec.payload], dtype=float)
    n_rows, n_cols = rates.shape
    fig = Figure(figsize=(8, 1.6 + 0.34 * n_rows + 0.05 * max(len(c) for c in spec.categories)), dpi=150)
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(rates), cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(n_cols), spec.categories, rotation=90, fontsize=7)
    ax.set_yticks(range(n_rows), [label for label, _ in spec.series], fontsize=8)
    if n_rows * n_cols <= 400:
        for i in range(n_rows):
            for j in range(n_cols):
                if not np.isnan(rates[i, j]) and rates[i, j] < 1:
                    ax.text(j, i, f"{rates[i, j] * 100:.0f}", ha="center", va="center", fontsize=6)
    bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    bar.set_ticks([0, 0.5, 1], labels=["0%", "50%", "100%"])
    if spec.title:
        ax.set_title(spec.title, loc="left")
    return fig


def _strips(Figure, spec: ChartSpec):  # type: ignore[no-untyped-def]
    """One panel per measure: a dot per region, the fences as dashed lines, outliers red.
    payload: [(label, [(region, value, is_outlier)], low, high)]."""
    panels = spec.payload
    fig = Figure(figsize=(8, 1.25 * len(panels) + 0.4), dpi=150)
    for k, (label, points, low, high) in enumerate(panels, 1):
        ax = fig.add_subplot(len(panels), 1, k)
        xs = [v for _, v, _ in points]
        colors = ["#c00000" if bad else "#1f4e79" for _, _, bad in points]
        ax.scatter(xs, [0] * len(xs), c=colors, s=28, zorder=3)
        for region, v, bad in points:
            if bad:
                ax.annotate(region, (v, 0), xytext=(0, 7), textcoords="offset points", ha="center", fontsize=7,
                            color="#c00000")
        for fence in (low, high):
            if fence is not None:
                ax.axvline(fence, color="#7f7f7f", linestyle="--", linewidth=0.8)
        ax.set_yticks([])
        ax.set_ylabel(label, rotation=0, ha="right", va="center", fontsize=8)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.margins(x=0.08)
    return fig
