"""What every command shares: turning JixiaoError into exit 2, JSON out, progress lines."""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from jixiao.errors import JixiaoError

F = TypeVar("F", bound=Callable[..., Any])


def guarded(fn: F) -> F:
    """Run a command body: a JixiaoError is the user's input → message on stderr, exit 2.
    Any other exception is a bug and surfaces with its traceback (exit 1)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except JixiaoError as exc:
            print(f"错误：{exc.render()}", file=sys.stderr)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def print_json(obj: Any) -> None:
    """The one JSON object a --json command prints on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


class Progress:
    """Progress as plain timestamped lines on stderr: visible in a terminal, a log or CI."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = time.monotonic()

    def step(self, message: str) -> None:
        if not self.quiet:
            elapsed = time.monotonic() - self.started
            print(f"[{elapsed:6.1f}s] {message}", file=sys.stderr, flush=True)
