"""README's 准备数据 example is real: the console block is what `jixiao check` prints."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from tests.ingest.layouts import readme_workspace

README = Path(__file__).parents[2] / "README.md"


def test_readme_check_example_is_what_check_prints(tmp_path):
    text = README.read_text(encoding="utf-8")
    block = text.split("$ jixiao check 民政导出\n", 1)[1].split("```", 1)[0].strip().splitlines()
    root = readme_workspace(tmp_path / "民政导出")
    _load_commands()
    result = CliRunner().invoke(app, ["check", str(root)])
    assert result.exit_code == 0, result.output
    printed = result.stdout.strip().splitlines()
    data_part = printed[:next(i for i, line in enumerate(printed) if line.startswith("报告信息"))]
    assert data_part == block[:-1] and block[-1] == "报告信息……（report.yaml 尚缺的内容，见“评价报告”一节）"
