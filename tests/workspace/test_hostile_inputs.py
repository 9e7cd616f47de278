"""Hostile configuration: [data] paths outside the workspace (../, absolute, symbolic links),
TOML nested 500 deep, YAML billion laughs and frameworks 250 levels deep — each an error
naming the file (exit 2), in bounded time and memory, and nothing of an outside file printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.errors import FrameworkError, JudgmentsError, WorkspaceError
from jixiao.scoring.framework import MAX_LEVELS, load_framework
from jixiao.scoring.judgments import load_judgments
from jixiao.scoring.yamlfile import MAX_NODES
from jixiao.workspace import load_workspace

TOML = """[project]
name = "项目"
region = "某县"
year = 2022
unit = "某局"

[framework]
{framework}

[data]
{data}
"""
SECRET = "身份证号,死亡日期\n110105194912310021,机密内容不应出现\n"


def workspace(tmp_path: Path, data: str, framework: str = 'builtin = "national-2020"') -> Path:
    root = tmp_path / "ws"
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "evaluation.toml").write_text(TOML.format(framework=framework, data=data), encoding="utf-8")
    return root


def cli(*args: str):
    _load_commands()
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink_file", "symlink_dir"])
def test_data_outside_the_workspace_is_refused_without_reading_it(tmp_path, how):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "秘密.csv").write_text(SECRET, encoding="utf-8")
    root = workspace(tmp_path, "")
    entry = {"dotdot": "../elsewhere/秘密.csv", "absolute": str(outside / "秘密.csv"),
             "symlink_file": "data/链接.csv", "symlink_dir": "data/外部/秘密.csv"}[how]
    if how == "symlink_file":
        (root / "data" / "链接.csv").symlink_to(outside / "秘密.csv")
    if how == "symlink_dir":
        (root / "data" / "外部").symlink_to(outside, target_is_directory=True)
    (root / "evaluation.toml").write_text(TOML.format(framework='builtin = "national-2020"',
                                                      data=f'deaths = "{entry}"'), encoding="utf-8")
    result = cli("check", str(root))
    assert result.exit_code == 2
    assert "[data] deaths" in result.output and "不在工作区" in result.output
    assert "机密内容" not in result.output


def test_a_symlink_inside_the_workspace_is_fine(tmp_path):
    root = workspace(tmp_path, 'deaths = "data/链接.csv"')
    (root / "data" / "真实.csv").write_text("身份证号,死亡日期\n", encoding="utf-8")
    (root / "data" / "链接.csv").symlink_to(root / "data" / "真实.csv")
    assert load_workspace(root).data["deaths"].path == (root / "data" / "真实.csv").resolve()


def test_toml_nested_500_deep_is_a_workspace_error(tmp_path):
    root = workspace(tmp_path, "x = " + "[" * 500 + "]" * 500)
    with pytest.raises(WorkspaceError) as err:
        load_workspace(root)
    assert "嵌套过深" in err.value.render()


def laughs(levels: int = 9) -> str:
    text = "facts:\n  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
    previous = "a"
    for name in "bcdefghijk"[:levels - 1]:
        text += f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def test_yaml_billion_laughs_is_refused_quickly(tmp_path):
    root = workspace(tmp_path, "")
    path = root / "judgments.yaml"
    path.write_text(laughs(), encoding="utf-8")
    framework = load_framework(Path(__file__).parents[2] / "jixiao" / "frameworks" / "national-2020.yaml")
    with pytest.raises(JudgmentsError) as err:
        load_judgments(path, framework)
    assert f"展开后超过 {MAX_NODES} 个节点" in err.value.render() and "judgments.yaml" in err.value.render()


def test_a_few_benign_aliases_still_load(tmp_path):
    path = tmp_path / "judgments.yaml"
    path.write_text("facts:\n  budget: &b 100\n  allocated: *b\n", encoding="utf-8")
    framework = load_framework(Path(__file__).parents[2] / "jixiao" / "frameworks" / "national-2020.yaml")
    assert dict(load_judgments(path, framework).facts) == {"budget": 100, "allocated": 100}


def deep_framework(levels: int) -> str:
    text = "name: 深\nindicators:\n"
    for i in range(levels):
        pad = "  " * i
        text += f"{pad}- code: C{i}\n{pad}  name: 第{i}级\n{pad}  weight: 100\n{pad}  children:\n"
    pad = "  " * levels
    return text + f"{pad}- {{code: L, name: 末级, weight: 100, rule: {{kind: judgment}}}}\n"


@pytest.mark.parametrize("levels", [MAX_LEVELS + 3, 250])
def test_a_framework_too_deep_is_a_framework_error(tmp_path, levels):
    path = tmp_path / "framework.yaml"
    path.write_text(deep_framework(levels), encoding="utf-8")
    with pytest.raises(FrameworkError) as err:
        load_framework(path)
    text = err.value.render()
    assert "framework.yaml" in text and ("指标层级超过" in text or "嵌套" in text)


def test_a_framework_at_the_depth_limit_loads(tmp_path):
    path = tmp_path / "framework.yaml"
    path.write_text(deep_framework(MAX_LEVELS - 1), encoding="utf-8")
    assert load_framework(path).leaves()[0].code == "L"


def test_score_on_a_deep_framework_is_exit_2(tmp_path):
    root = workspace(tmp_path, "", framework='path = "framework.yaml"')
    (root / "framework.yaml").write_text(deep_framework(250), encoding="utf-8")
    result = cli("score", str(root))
    assert result.exit_code == 2 and "framework.yaml" in result.output
