"""Chinese for the texts the command-line framework prints by itself: usage errors
("Missing argument …", "No such option …"), the `--help` layout and the help option.

typer 0.29 (pinned in requirements.in) carries its own trimmed copy of Click in
`typer._click`. That copy builds most messages with f-strings rather than gettext, so
they cannot be translated through a message catalogue. Instead `install()` wraps the few
places where the text reaches the user:

* `ClickException.show` / `UsageError.show`: the "Error: …" line, the "Try … for help."
  hint, and the message itself, which `translate()` rewrites by matching the English
  templates below (placeholders carried over unchanged);
* `HelpFormatter.write_usage` / `write_heading`: "Usage:" and the "Options:"-style
  section titles; the usage placeholders "[OPTIONS]", "COMMAND [ARGS]...";
* `typer.core._` (typer's gettext alias): "Options", "Arguments", "Commands",
  "default: …", "required", "Aborted!" …;
* the help option's "Show this message and exit.", and the value-type labels of the
  help ("<int>", "<path>");
* the help's column widths count a Chinese character as two columns, as a terminal
  shows it, so "--problems <整数>" still lines up with "--json".

Anything that does not match a known template is printed as it was (English), never
dropped. Every patch is skipped if the attribute it wraps is missing, so a typer upgrade
that moves these internals brings back English text, not a crash; tests/test_cli_zh.py
notices. Exit statuses are untouched (usage errors stay 2)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

# Exact English texts (typer's gettext msgids and literal defaults) → Chinese.
TEXTS: dict[str, str] = {
    "Show this message and exit.": "显示本帮助后退出",
    "Usage: ": "用法：",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "Aborted!": "已中止。",
    "Missing command.": "缺少命令。",
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
}

# Labels of value types, as typer shows them in the help ("<int>") and in messages.
TYPE_NAMES: dict[str, str] = {
    "int": "整数",
    "float": "数",
    "str": "文本",
    "bool": "是/否",
    "path": "路径",
    "file": "文件",
    "dir": "目录",
    "Path": "路径",
    "datetime": "日期时间",
}

_KINDS = {"argument": "参数", "option": "选项", "parameter": "参数", "command": "命令"}

ERROR_PREFIX = "错误："


def _type_name(name: str) -> str:
    return TYPE_NAMES.get(name, name)


def _missing(m: re.Match[str]) -> str:
    hint = f" {m['hint']}" if m["hint"] else ""
    more = f" {translate(m['more'])}" if m["more"] else ""
    return f"缺少{_KINDS[m['kind']]}{hint}。{more}"


def _no_such_option(m: re.Match[str]) -> str:
    text = f"无此选项：{m['name']}"
    return f"{text}（可能想用：{m['poss']}）" if m["poss"] else text


def _no_such_command(m: re.Match[str]) -> str:
    text = f"无此命令：{m['name']}。"
    return f"{text}是否想用 {m['poss']}？" if m["poss"] else text


def _path_problem(m: re.Match[str]) -> str:
    what = {"does not exist.": "不存在。", "is a file.": "是文件，此处不接受文件。",
            "is a directory.": "是目录，此处不接受目录。", "is not readable.": "不可读。",
            "is not writable.": "不可写。"}[m["what"]]
    return f"{_type_name(m['label'])} {m['loc']} {what}"


# English message templates (as typer 0.29's Click and pydantic 2 build them) → Chinese.
# Each pattern must match the whole message; nested messages are translated recursively.
_RULES: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"Missing (?P<kind>argument|option|parameter|command)(?: (?P<hint>.+?))?\.(?: (?P<more>.*))?",
     _missing),
    (r"Choose from:(?P<rest>.*)", lambda m: f"可选值：{m['rest']}"),
    (r"Invalid value for (?P<hint>.+?): (?P<msg>.*)", lambda m: f"{m['hint']} 的值无效：{translate(m['msg'])}"),
    (r"Invalid value: (?P<msg>.*)", lambda m: f"值无效：{translate(m['msg'])}"),
    (r"No such option: (?P<name>.*?)(?: \(Possible options: (?P<poss>.*)\))?", _no_such_option),
    (r"No such command (?P<name>.*?)\.(?: Did you mean (?P<poss>.*)\?)?", _no_such_command),
    (r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", lambda m: f"多余的参数：{m['args']}"),
    (r"Option (?P<opt>.+?) requires an argument\.", lambda m: f"选项 {m['opt']} 需要一个值。"),
    (r"Option (?P<opt>.+?) requires (?P<n>\d+) arguments\.", lambda m: f"选项 {m['opt']} 需要 {m['n']} 个值。"),
    (r"Option (?P<opt>.+?) does not take a value\.", lambda m: f"选项 {m['opt']} 不接受值。"),
    (r"Argument (?P<arg>.+?) takes (?P<n>\d+) values\.", lambda m: f"参数 {m['arg']} 需要 {m['n']} 个值。"),
    (r"(?P<label>file|dir|path) (?P<loc>'.*') (?P<what>does not exist\.|is a file\.|is a directory\."
     r"|is not readable\.|is not writable\.)", _path_problem),
    (r"Could not open file (?P<f>.*?): (?P<msg>.*)", lambda m: f"无法打开文件 {m['f']}：{translate(m['msg'])}"),
    (r"unknown error", lambda m: "未知错误"),
    (r"Value must be an iterable\.", lambda m: "此处应给出多个值。"),
    (r"Value (?P<v>.*) is not a valid (?P<t>\w+)\.", lambda m: f"值 {m['v']} 不是有效的{_type_name(m['t'])}。"),
    (r"(?P<v>.*) is not one of (?P<c>.*)\.", lambda m: f"{m['v']} 不是可选值（{m['c']}）之一。"),
    (r"(?P<v>.*) does not match the formats (?P<f>.*)\.", lambda m: f"{m['v']} 不符合以下任一格式：{m['f']}。"),
    (r"(?P<n>\d+) values are required, but (?P<g>\d+) given\.", lambda m: f"需要 {m['n']} 个值，给出了 {m['g']} 个。"),
    (r"value is not a valid tuple", lambda m: "值不是一组值"),
    # pydantic 2 (typer converts values with it); "Value error, " wraps a ValueError's text
    (r"Value error, (?P<msg>.*)", lambda m: translate(m["msg"])),
    (r"Input should be a valid integer, unable to parse string as an integer", lambda m: "应为整数"),
    (r"Input should be a valid integer, got a number with a fractional part", lambda m: "应为整数，不能带小数"),
    (r"Input should be a valid integer", lambda m: "应为整数"),
    (r"Input should be a valid number, unable to parse string as a number", lambda m: "应为数"),
    (r"Input should be a valid number", lambda m: "应为数"),
    (r"Input should be a finite number", lambda m: "应为有限的数"),
    (r"Input should be a valid boolean, unable to interpret input", lambda m: "应为是/否（true/false）"),
    (r"Input should be a valid boolean", lambda m: "应为是/否（true/false）"),
    (r"Input should be a valid string", lambda m: "应为文本"),
    (r"Input should be a valid path", lambda m: "应为路径"),
    (r"Input should be greater than or equal to (?P<x>.*)", lambda m: f"应大于或等于 {m['x']}"),
    (r"Input should be greater than (?P<x>.*)", lambda m: f"应大于 {m['x']}"),
    (r"Input should be less than or equal to (?P<x>.*)", lambda m: f"应小于或等于 {m['x']}"),
    (r"Input should be less than (?P<x>.*)", lambda m: f"应小于 {m['x']}"),
    (r"Input should be (?P<opts>'.*')", lambda m: f"应为 {m['opts'].replace(' or ', ' 或 ')}"),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), render) for pattern, render in _RULES]


def text(msgid: str) -> str:
    """A fixed framework text in Chinese; unknown texts come back unchanged."""
    return TEXTS.get(msgid, msgid)


def translate(message: str) -> str:
    """An English framework message in Chinese; a message of no known form (or one that is
    already Chinese, e.g. from jixiao itself) comes back unchanged."""
    for pattern, render in _COMPILED:
        match = pattern.fullmatch(message)
        if match:
            return render(match)
    return message


def display_width(s: str) -> int:
    """Columns `s` takes in a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


_installed = False


def _wrap(owner: Any, name: str, make: Callable[[Any], Any]) -> None:
    """Replace `owner.name` by `make(original)`; skipped if typer no longer has it."""
    original = getattr(owner, name, None)
    if original is not None:
        setattr(owner, name, make(original))


def install() -> None:
    """Make typer's own texts Chinese, for the whole process. Safe to call repeatedly."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        import typer.core as typer_core
        from typer._click import core, exceptions, formatting
        from typer._click._compat import strip_ansi
        from typer._click.utils import echo
    except ImportError:  # a typer without its own Click copy: leave it English
        return

    def usage_error_show(self: Any, file: Any = None) -> None:
        if file is None:
            file = exceptions.get_text_stderr()
        color = None
        if self.ctx is not None:
            color = self.ctx.color
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = f"运行 '{self.ctx.command_path} {self.ctx.help_option_names[0]}' 查看帮助。\n"
            echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
        echo(f"{ERROR_PREFIX}{translate(self.format_message())}", file=file, color=color)

    def click_exception_show(self: Any, file: Any = None) -> None:
        if file is None:
            file = exceptions.get_text_stderr()
        echo(f"{ERROR_PREFIX}{translate(self.format_message())}", file=file, color=self.show_color)

    if hasattr(exceptions, "UsageError") and hasattr(exceptions, "get_text_stderr"):
        exceptions.UsageError.show = usage_error_show
        exceptions.ClickException.show = click_exception_show

    # typer's own gettext alias: section titles, "[default: …]", "[required]", "Aborted!"
    if hasattr(typer_core, "_"):
        typer_core._ = text

    def write_usage(orig: Any) -> Any:
        def wrapper(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            orig(self, prog, args, text("Usage: ") if prefix is None else prefix)
        return wrapper

    def write_heading(self: Any, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{text(heading)}：\n")

    _wrap(formatting, "term_len", lambda orig: lambda s: display_width(strip_ansi(s)))
    _wrap(formatting.HelpFormatter, "write_usage", write_usage)
    if hasattr(formatting.HelpFormatter, "write_heading"):
        formatting.HelpFormatter.write_heading = write_heading

    # usage placeholders "[OPTIONS]" and "COMMAND [ARGS]..." (group and command alike)
    for cls in {core.Command, getattr(typer_core, "TyperGroup", core.Command)}:
        if "collect_usage_pieces" in vars(cls):
            _wrap(cls, "collect_usage_pieces", lambda orig: lambda self, ctx: [text(p) for p in orig(self, ctx)])

    def get_help_option(orig: Any) -> Any:
        def wrapper(self: Any, ctx: Any) -> Any:
            option = orig(self, ctx)
            if option is not None and isinstance(option.help, str):
                option.help = text(option.help)
            return option
        return wrapper

    _wrap(core.Command, "get_help_option", get_help_option)

    # value-type labels in the help: "<int>" → "<整数>", "<path>" → "<路径>"
    param_cls = getattr(typer_core, "_TyperParameter", None)
    if param_cls is not None:
        def display_type(orig: Any) -> Any:
            def wrapper(self: Any, ctx: Any) -> Any:
                shown = orig(self, ctx)
                if isinstance(shown, str) and shown.startswith("<") and shown.endswith(">"):
                    return f"<{_type_name(shown[1:-1])}>"
                return shown
            return wrapper

        _wrap(param_cls, "display_type", display_type)
