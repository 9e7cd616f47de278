"""Last year's scores for the year-over-year comparison: `jixiao batch ROOT --previous DIR`.

DIR is last year's batch ROOT as it was left (its region folders with out/scores.json,
or for a split workspace out/regions/NAME/out/scores.json), or a folder of scores.json
files collected by hand, one per region, named after the region (南山区.json) or after
its folder. A region with none of these is compared without last year."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jixiao.batch.region import Region
from jixiao.batch.split import REGIONS_DIR
from jixiao.errors import DataError, Problem


def candidates(folder: Path, region: Region) -> list[Path]:
    return [folder / region.key / "out" / "scores.json", folder / "out" / REGIONS_DIR / region.key / "out" / "scores.json",
            folder / f"{region.name}.json", folder / f"{region.key}.json"]


def previous_scores(folder: Path | None, regions: list[Region]) -> tuple[dict[str, dict[str, Any]], tuple[str, ...]]:
    """region name → last year's scores.json object, and a warning per region without one."""
    if folder is None:
        return {}, ()
    if not folder.is_dir():
        raise DataError(f"--previous 应为上年的批量评价目录或存放上年 scores.json 的目录：{folder} 不是目录")
    found: dict[str, dict[str, Any]] = {}
    missing, problems = [], []
    for region in regions:
        path = next((p for p in candidates(folder, region) if p.is_file()), None)
        if path is None:
            missing.append(region.name)
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(Problem(str(path), f"无法读取上年评分：{exc}"))
            continue
        if not isinstance(data, dict) or "total" not in data:
            problems.append(Problem(str(path), "不是 jixiao 的 scores.json（缺少 total）"))
            continue
        found[region.name] = data
    if problems:
        raise DataError("上年评分文件有错误", problems)
    warnings = (f"未找到{'、'.join(missing)}的上年评分（{folder}），不作同比",) if missing else ()
    return found, warnings
