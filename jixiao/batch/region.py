"""One region of a batch: its name and its own workspace."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.workspace import Workspace


@dataclass(frozen=True)
class Region:
    name: str  # as compared and ranked: the workspace's [project] region, or the region column's value
    workspace: Workspace  # the region's own workspace (split: one whose out/ is under ROOT/out/regions/)
    key: str  # folder name: where last year's scores are looked up
