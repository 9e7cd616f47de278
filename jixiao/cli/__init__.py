"""The `jixiao` command. Thin: each command lives in its own module in this folder,
calls the service functions of its stage and formats what they return."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from jixiao import __version__
from jixiao.cli import _zh

# Typer's own texts (usage errors, --help layout) in Chinese, for `main()` and for tests
# that drive `app` directly.
_zh.install()

app = typer.Typer(
    name="jixiao",
    help="绩效：从项目自身数据完成补贴项目绩效评价（核查、计算指标、评分、出具报告）。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        print(f"jixiao {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                       help="打印版本号后退出")) -> None:
    """绩效：从项目自身数据完成补贴项目绩效评价。"""


def _load_commands() -> None:
    """Import every command module in this package; each registers itself on `app`."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if not module.startswith("_"):
            importlib.import_module(f"{__name__}.{module}")


def main() -> None:
    _zh.install()
    _load_commands()
    try:
        app()
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        sys.exit(130)
