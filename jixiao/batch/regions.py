"""The regions of a batch ROOT: one workspace per sub-folder (each with evaluation.toml),
or ROOT itself as one workspace whose tables carry a region column (jixiao.batch.split)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.batch.region import Region
from jixiao.batch.split import split_workspace
from jixiao.errors import Problem, WorkspaceError
from jixiao.workspace import TOML, load_workspace

OUT = "out"


def find_regions(root: Path, progress: Any = None) -> tuple[list[Region], tuple[str, ...]]:
    """The regions under ROOT and any warnings about how they were formed. Every broken
    evaluation.toml is reported at once, before any data is read."""
    if not root.is_dir():
        raise WorkspaceError(f"{root} 不是目录")
    if (root / TOML).is_file():
        return split_workspace(load_workspace(root), progress)
    folders = sorted(p for p in root.iterdir() if p.is_dir() and p.name != OUT and (p / TOML).is_file())
    if not folders:
        raise WorkspaceError(f"{root} 中没有可评价的地区：应为每个地区一个含 {TOML} 的子目录，"
                             "或 ROOT 本身是一个数据表带区县列（区县 / 行政区划代码）的工作区")
    regions, problems = [], []
    for folder in folders:
        try:
            ws = load_workspace(folder)
        except WorkspaceError as exc:
            problems += [Problem(p.file, p.message, p.where, p.key, p.row) for p in exc.problems] or [
                Problem(str(folder / TOML), exc.summary)]
            continue
        regions.append(Region(ws.project.region.strip() or folder.name, ws, folder.name))
    if problems:
        raise WorkspaceError(f"{root} 中有地区的 {TOML} 有错误", problems)
    _unique_names(regions, root)
    return regions, ()


def _unique_names(regions: list[Region], root: Path) -> None:
    seen: dict[str, str] = {}
    problems = []
    for r in regions:
        if r.name in seen:
            problems.append(Problem(str(root / r.key / TOML), f"地区名称“{r.name}”与 {seen[r.name]} 相同；"
                                    "比较时每个地区须有不同的 [project] region", "[project]", "region"))
        seen.setdefault(r.name, r.key)
    if problems:
        raise WorkspaceError(f"{root} 中有重名的地区", problems)
