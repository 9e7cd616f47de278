"""What every command shares: turning JixiaoError into exit 2, JSON out, progress lines."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
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


PROFILE_HELP = "打印各阶段耗时与内存峰值（也可设环境变量 JIXIAO_PROFILE=1）"


class Progress:
    """Progress as plain timestamped lines on stderr: visible in a terminal, a log or CI.
    With `profile` (--profile, or JIXIAO_PROFILE=1) each stage of the pipeline is timed and
    its peak memory sampled, and `finish()` prints the table; results are the same."""

    def __init__(self, quiet: bool = False, profile: bool | None = None):
        self.quiet = quiet
        self.started = time.monotonic()
        self.profile = os.environ.get("JIXIAO_PROFILE") == "1" if profile is None else profile
        self.stages: list[tuple[str, float, int]] = []  # name, seconds, peak RSS in bytes

    def step(self, message: str) -> None:
        if not self.quiet:
            elapsed = time.monotonic() - self.started
            print(f"[{elapsed:6.1f}s] {message}", file=sys.stderr, flush=True)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if not self.profile:
            yield
            return
        sampler = _PeakSampler()
        start = time.perf_counter()
        sampler.start()
        try:
            yield
        finally:
            sampler.stop()
            self.stages.append((name, time.perf_counter() - start, sampler.peak))

    def finish(self) -> None:
        """The profile table on stderr (when profiling)."""
        if not self.profile or not self.stages:
            return
        print("性能剖析（各阶段耗时与内存峰值）：", file=sys.stderr)
        rows = [*self.stages, ("合计", sum(s for _, s, _ in self.stages), max(p for _, _, p in self.stages))]
        for name, seconds, peak in rows:
            pad = " " * (14 - sum(2 if ord(c) > 0x2E7F else 1 for c in name))  # CJK is two columns wide
            print(f"  {name}{pad}{seconds:8.2f} 秒 {peak / 2**30:6.2f} GB", file=sys.stderr)


def _rss() -> int:
    """This process's resident memory in bytes (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


class _PeakSampler(threading.Thread):
    """Samples the resident memory every 20 ms while a stage runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = _rss()
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.02):
            self.peak = max(self.peak, _rss())

    def stop(self) -> None:
        self._done.set()
        self.join()
        self.peak = max(self.peak, _rss())
