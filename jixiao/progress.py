"""Progress reporting shared by every stage: a stage is handed either a plain callable
taking a Chinese message, an object with .step (the CLI's Progress), or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

Say = Callable[[str], None]


class Stepper(Protocol):
    def step(self, message: str) -> None: ...


ProgressLike = Say | Stepper | None


def reporter(progress: ProgressLike | object) -> Say:
    """The given progress as a plain callable; a silent one for None."""
    if progress is None:
        return lambda message: None
    step = getattr(progress, "step", None)
    if callable(step):
        return step
    assert callable(progress), progress
    return progress


@contextmanager
def stage(progress: ProgressLike | object, name: str) -> Iterator[None]:
    """A named stage of the pipeline: timed (seconds and peak memory) when the progress
    given profiles (the CLI's --profile), otherwise nothing happens."""
    timer = getattr(progress, "stage", None)
    if timer is None:
        yield
        return
    with timer(name):
        yield
