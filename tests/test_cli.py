"""The command line: JSON on stdout only, Chinese tables, exit 2 on bad input."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import _load_commands, app

EXAMPLES = Path(__file__).parent.parent / "examples"
FIXTURES = Path(__file__).parent / "scoring" / "fixtures"
_load_commands()
runner = CliRunner()


def test_score_json_prints_one_object_on_stdout():
    result = runner.invoke(app, ["score", str(EXAMPLES / "changji-2018"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 92 and data["grade"] == "优"
    b11 = data["indicators"][1]["children"][0]["children"][0]
    assert (b11["code"], b11["score"], b11["computed"], b11["override"]) == ("B11", 2, 1.92, True)


def test_score_table_is_chinese():
    result = runner.invoke(app, ["score", str(EXAMPLES / "sanxiang-2022")])
    assert result.exit_code == 0
    assert "总分 85.9" in result.stdout and "等级：良" in result.stdout and "资金支出率" in result.stdout


def test_broken_framework_exits_2_listing_every_problem(tmp_path):
    shutil.copy(EXAMPLES / "sanxiang-2022" / "evaluation.toml", tmp_path)
    shutil.copy(FIXTURES / "broken-framework.yaml", tmp_path / "framework.yaml")
    (tmp_path / "judgments.yaml").write_text("scores: {}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "jixiao", "score", str(tmp_path), "--json"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "共 4 个问题" in done.stderr
    for fragment in ("A1 wieght", "A weight", "B1 rule.kind", "C children"):
        assert fragment in done.stderr


def test_missing_workspace_exits_2(tmp_path):
    result = runner.invoke(app, ["score", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "工作区目录不存在" in result.stderr


def test_version_prints_the_package_version():
    from jixiao import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"jixiao {__version__}"


def test_profile_prints_each_stage_with_seconds_and_memory_and_changes_nothing(tmp_path):
    ws = tmp_path / "changji"
    shutil.copytree(EXAMPLES / "changji-2018", ws, ignore=shutil.ignore_patterns("out"))
    plain = subprocess.run([sys.executable, "-m", "jixiao", "score", str(ws), "--json"], capture_output=True, text=True)
    profiled = subprocess.run([sys.executable, "-m", "jixiao", "score", str(ws), "--json", "--profile"],
                              capture_output=True, text=True)
    assert plain.returncode == profiled.returncode == 0
    assert json.loads(plain.stdout) == json.loads(profiled.stdout)
    lines = profiled.stderr.split("性能剖析（各阶段耗时与内存峰值）：")[1].strip().splitlines()
    stages = [line.split()[0] for line in lines]
    assert stages == ["读取数据", "分析问卷", "评分", "合计"]
    for line in lines:
        _, seconds, unit, gb, _ = line.split()
        assert unit == "秒" and float(seconds) >= 0 and 0 < float(gb) < 24
    assert "性能剖析" not in plain.stderr


def test_score_json_is_the_scores_file_as_written(tmp_path):
    ws = tmp_path / "sanxiang"
    shutil.copytree(EXAMPLES / "sanxiang-2022", ws, ignore=shutil.ignore_patterns("out"))
    result = runner.invoke(app, ["score", str(ws), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads((ws / "out" / "scores.json").read_text(encoding="utf-8"))
