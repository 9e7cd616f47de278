"""`jixiao demo [DIR]`: a synthetic county program (jixiao.synth, a few of each anomaly),
the national-2020 framework, demo judgments and a survey, then the whole evaluation."""

from __future__ import annotations

import math
import random
from decimal import Decimal
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import PROFILE_HELP, Progress, guarded
from jixiao.cli.run import run_workspace
from jixiao.errors import WorkspaceError
from jixiao.synth import generate

DEMO_JUDGMENTS = Path(__file__).resolve().parents[1] / "report" / "demo_judgments.yaml"
SURVEY_FILE = "data/问卷.csv"
SURVEY_QUESTIONS = ("对补贴政策的了解程度", "对补贴标准的满意程度", "对审核审批流程的满意程度",
                    "对补贴发放及时性的满意程度", "对工作人员服务态度的满意程度")
SURVEY_OPTIONS = ("非常满意", "满意", "基本满意", "不太满意", "非常不满意")
SURVEY_SHARES = (0.46, 0.36, 0.11, 0.05, 0.02)
SURVEY_RESPONDENTS = 320
# The unit's year-start plan, as a share of what the synthetic ledger then paid.
PLANNED_OVER_PAID = {"生活补贴": Decimal("1.06"), "护理补贴": Decimal("1.03")}
FACT_NAMES = {"生活补贴": "living_planned", "护理补贴": "care_planned"}


@app.command(help="生成一个合成的县级残疾人两项补贴项目（含少量各类异常），并完成核查、评分和报告；默认目录 jixiao-demo/。")
@guarded
def demo(
    folder: Path = typer.Argument(Path("jixiao-demo"), metavar="目录", help="演示工作区目录"),
    persons: int = typer.Option(4000, "--persons", help="合成人数"),
    seed: int = typer.Option(20220101, "--seed", help="随机种子（同一种子得到同一数据）"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出打印一个 JSON 对象"),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="不生成 PDF"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不打印进度"),
    profile: bool = typer.Option(False, "--profile", help=PROFILE_HELP),
) -> None:
    progress = Progress(quiet, profile=profile or None)
    make_demo(folder, persons, seed, progress)
    run_workspace(folder, as_json=as_json, no_pdf=no_pdf, progress=progress)


def make_demo(folder: Path, persons: int, seed: int, progress: Progress) -> Path:
    """Write the demo workspace into `folder`: synthetic data, survey, judgments."""
    if folder.exists() and any(folder.iterdir()) and not (folder / "truth.csv").exists():
        raise WorkspaceError(f"{folder} 已存在且不是演示工作区；请指定一个新目录，如 jixiao demo jixiao-demo2")
    progress.step(f"生成合成数据：{persons} 人（种子 {seed}）→ {folder}")
    info = generate(folder, persons=persons, seed=seed, fmt="xlsx")
    write_survey(folder / SURVEY_FILE, seed)
    with info.toml_path.open("a", encoding="utf-8") as f:  # [data] is the file's last table
        f.write(f'survey = "{SURVEY_FILE}"\n')
    facts = planned_facts(info.paid)
    write_judgments(folder / "judgments.yaml", facts)
    with info.toml_path.open("a", encoding="utf-8") as f:
        f.write('\n[judgments]\npath = "judgments.yaml"\n')
    return folder


def write_survey(path: Path, seed: int) -> None:
    """Answers form: one row per respondent, one column per question."""
    rng = random.Random(seed)
    lines = [",".join(("问卷编号", *SURVEY_QUESTIONS))]
    for i in range(1, SURVEY_RESPONDENTS + 1):
        answers = rng.choices(SURVEY_OPTIONS, weights=SURVEY_SHARES, k=len(SURVEY_QUESTIONS))
        lines.append(",".join((f"Q{i:04d}", *answers)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def planned_facts(paid: dict[str, Decimal]) -> dict[str, Decimal]:
    """The year-start plan per subsidy (facts living_planned, care_planned): what the
    synthetic ledger paid × PLANNED_OVER_PAID, rounded up to 1 000 元."""
    return {FACT_NAMES[s]: Decimal(math.ceil(paid[s] * k / 1000) * 1000)
            for s, k in PLANNED_OVER_PAID.items() if s in paid}


def write_judgments(path: Path, facts: dict[str, Decimal]) -> None:
    head = ["# 演示工作区的评价人判断：facts 为项目单位年初预计发放金额（合成），scores 见下。", "facts:"]
    head += [f"  {k}: {v}" for k, v in facts.items()]
    body = DEMO_JUDGMENTS.read_text(encoding="utf-8")
    path.write_text("\n".join(head) + "\n" + body, encoding="utf-8")
