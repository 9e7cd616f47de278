"""Progress reporting shared by every stage: a stage is handed either a plain callable
taking a Chinese message, an object with .step (the CLI's Progress), or nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Say = Callable[[str], None]


def reporter(progress: Any) -> Say:
    """The given progress as a plain callable; a silent one for None."""
    if progress is None:
        return lambda message: None
    return progress.step if hasattr(progress, "step") else progress
