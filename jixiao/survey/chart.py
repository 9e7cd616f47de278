"""The survey chart: one stacked horizontal bar per question (shares of the five options),
with each question's 满意率 and its 95 % interval beside it. PNG, for the report.

matplotlib is imported here only, and drawn through the Agg canvas directly (no pyplot,
no global backend switch). Chinese needs a CJK font: Noto Sans CJK SC (Debian
fonts-noto-cjk) first, then other common CJK families; none is one clear error."""

from __future__ import annotations

import re
import textwrap
from decimal import Decimal
from pathlib import Path

from jixiao.decimals import percent
from jixiao.errors import JixiaoError
from jixiao.survey.result import QuestionResult, SurveyResult
from jixiao.vocabulary import SATISFACTION_OPTIONS

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Zen Hei",
                "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "Noto Sans CJK TC", "Noto Sans CJK JP")
_CJK_FILE = re.compile(r"cjk|wqy|sourcehan|simhei|msyh|yahei|droidsansfallback", re.IGNORECASE)
NO_CJK_FONT = "未找到中文字体，无法绘制问卷图表：请安装 Noto Sans CJK 字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）。"
COLOURS = ("#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027")  # 非常满意 … 非常不满意


def cjk_family() -> str:
    """The name of an installed CJK font family matplotlib can use."""
    from matplotlib import font_manager

    def known() -> str | None:
        names = {f.name for f in font_manager.fontManager.ttflist}
        return next((n for n in CJK_FAMILIES if n in names), None) or next(
            (n for n in sorted(names) if "CJK" in n and "Mono" not in n), None)

    found = known()
    if found is None:  # matplotlib's font cache may predate the font's installation
        for path in font_manager.findSystemFonts():
            if _CJK_FILE.search(Path(path).name):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        found = known()
    if found is None:
        raise JixiaoError(NO_CJK_FONT)
    return found


def _pct(value: Decimal) -> str:
    """A rate as the report's text prints it (jixiao.narrative.numbers.rate): 0.837654 → 83.77%."""
    return percent(value)


def _index(value: Decimal) -> str:
    """满意度指数 on its 0–100 scale as the report's text prints it: 0.83694 → 83.69."""
    return _pct(value)[:-1]


def question_note(q: QuestionResult) -> str:
    """The text beside one question's bar: its 满意率, the 95 % interval and its 指数."""
    low, high = q.rate.low, q.rate.high
    interval = f"（{_pct(low)}–{_pct(high)}）" if low is not None and high is not None else ""
    return f"满意率 {_pct(q.rate.value)}{interval}\n指数 {_index(q.index.value)}"


def subtitle(result: SurveyResult) -> str:
    """The line under the chart's title: respondents, population, overall 满意率 and 指数."""
    n = ", ".join(sorted({str(q.valid) for q in result.questions}))
    text = f"有效回答 {n} 份" + (f"，总体 {result.population} 人" if result.population else "")
    if result.rate is not None:
        text += f"；总体满意率 {_pct(result.rate.value)}，满意度指数 {_index(result.index.value)}"
    return text


def _label(question: str, width: int = 14) -> str:
    return "\n".join(textwrap.wrap(question, width)) or question


def survey_chart(result: SurveyResult, path: str | Path, title: str = "受益对象满意度调查结果") -> Path:
    """Draw the survey as stacked horizontal bars and write a PNG to `path`."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = cjk_family()
    path = Path(path)
    questions = result.questions
    with rc_context({"font.family": family, "font.size": 10, "axes.unicode_minus": False}):
        fig = Figure(figsize=(10, 1.2 + 0.62 * max(len(questions), 1)), dpi=150)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ys = range(len(questions))
        left = [0.0] * len(questions)
        for option, colour in zip(SATISFACTION_OPTIONS, COLOURS, strict=True):
            widths = [float(q.shares[option]) * 100 for q in questions]
            ax.barh(list(ys), widths, left=left, color=colour, edgecolor="white", height=0.62, label=option)
            for y, (x, w) in enumerate(zip(left, widths, strict=True)):
                if w >= 4:
                    ax.text(x + w / 2, y, f"{w:.0f}", ha="center", va="center", fontsize=8.5,
                            color="white" if colour in (COLOURS[0], COLOURS[4]) else "#222222")
            left = [x + w for x, w in zip(left, widths, strict=True)]
        for y, q in enumerate(questions):
            ax.text(101.5, y, question_note(q), va="center", fontsize=8.5)
        ax.set_yticks(list(ys), [_label(q.question) for q in questions])
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("各选项占有效回答的百分比（%）；右侧括号内为满意率的 95% 置信区间")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(f"{title}\n{subtitle(result)}", fontsize=11, loc="left")
        height = fig.get_figheight()
        bottom = 1.1 / height
        fig.subplots_adjust(left=0.2, right=0.78, bottom=bottom)
        fig.legend(ncols=5, loc="upper center", bbox_to_anchor=(0.49, bottom - 0.6 / height),
                   frameon=False, fontsize=9)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format="png", bbox_inches="tight")
    return path
