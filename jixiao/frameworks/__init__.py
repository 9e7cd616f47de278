"""Frameworks shipped with jixiao, usable as `[framework] builtin = "NAME"`."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def builtin_names() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.yaml"))


def builtin_path(name: str) -> Path:
    return HERE / f"{name}.yaml"
