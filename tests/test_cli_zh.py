"""typer's own texts (usage errors, --help) are Chinese; usage errors still exit 2."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from jixiao.cli import _load_commands, _zh, app

_load_commands()
runner = CliRunner()

ENGLISH = ("Usage:", "Error:", "Try '", "for help", "Missing argument", "No such option",
           "No such command", "Possible options", "Show this message and exit.", "Options:",
           "Arguments:", "Commands:", "[OPTIONS]", "[required]", "[default:")


def assert_no_english(text: str) -> None:
    for fragment in ENGLISH:
        assert fragment not in text, f"{fragment!r} left in:\n{text}"


def test_missing_argument_is_chinese_and_exits_2():
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2
    assert "错误：缺少参数 '工作区'。" in result.stderr
    assert "用法：jixiao check [选项]" in result.stderr
    assert "运行 'jixiao check --help' 查看帮助。" in result.stderr
    assert_no_english(result.output)


def test_unknown_option_is_chinese_names_it_and_exits_2():
    result = runner.invoke(app, ["check", "--jsn", "x"])
    assert result.exit_code == 2
    assert "错误：无此选项：--jsn（可能想用：--json）" in result.stderr
    assert_no_english(result.output)


def test_unknown_command_is_chinese_and_exits_2():
    result = runner.invoke(app, ["chek"])
    assert result.exit_code == 2
    assert "错误：无此命令：'chek'。是否想用 'check'？" in result.stderr
    assert_no_english(result.output)


@pytest.mark.parametrize("args, message", [
    (["check", "--problems", "abc", "x"], "错误：'--problems' 的值无效：应为整数"),
    (["check", "--problems"], "错误：选项 '--problems' 需要一个值。"),
    (["check", "a", "b"], "错误：多余的参数：b"),
])
def test_other_usage_errors_are_chinese_and_exit_2(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert_no_english(result.output)


def test_root_help_is_chinese():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    out = result.stdout
    assert "用法：jixiao [选项] 命令 [参数]..." in out
    assert "选项：" in out and "命令：" in out
    assert "显示本帮助后退出" in out
    assert_no_english(out)


def test_command_help_is_chinese_and_aligned():
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    out = result.stdout
    assert "参数：" in out and "选项：" in out and "显示本帮助后退出" in out
    assert "[必填]" in out and "[默认：5]" in out and "<整数>" in out
    assert_no_english(out)
    # the help column starts at the same terminal column on every option line
    lines = [line for line in out.splitlines() if line.startswith("  --")]
    starts = {_zh.display_width(line[:line.index(help_)]) for line, help_ in
              zip(lines, ("在标准输出", "每张表", "打印各阶段", "显示本帮助"), strict=True)}
    assert len(starts) == 1


def test_translate_keeps_placeholders_and_passes_unknown_text_through():
    assert _zh.translate("Missing option '--x'.") == "缺少选项 '--x'。"
    assert _zh.translate("path '/no/where' does not exist.") == "路径 '/no/where' 不存在。"
    assert _zh.translate("Invalid value for '-n': Input should be greater than or equal to 1") == \
        "'-n' 的值无效：应大于或等于 1"
    assert _zh.translate("工作区目录不存在：x") == "工作区目录不存在：x"
    assert _zh.translate("Something typer may add later.") == "Something typer may add later."


def test_the_installed_command_prints_chinese_and_exits_2():
    done = subprocess.run([sys.executable, "-m", "jixiao", "check"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "错误：缺少参数 '工作区'。" in done.stderr
    assert_no_english(done.stderr)
