"""One workspace whose tables carry a region column (区县 / 行政区划代码) → one store per region.

The whole workspace is read once (ingest, on DuckDB); then each region gets its own store
under ROOT/out/regions/NAME/out/ holding only its rows, with their original row numbers,
ingest findings and row accounting, and the same source digests — so the one pipeline
evaluates it as it stands, without reading the files again. A table without the region
column (a death register, a 低保 list, province-wide funds or survey) is given whole to
every region; rows whose region is blank belong to none, and both are said in warnings."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from typing import Any

from jixiao.batch.region import Region
from jixiao.errors import DataError
from jixiao.ingest import schema
from jixiao.ingest.fields import TABLE_TITLES
from jixiao.ingest.load import load_data
from jixiao.ingest.store import STORE, open_store, store_path
from jixiao.progress import reporter
from jixiao.reportinputs.parse import FILE as REPORT_FILE
from jixiao.workspace import Workspace

SPLIT_TABLES = ("roster", "payments", "funds", "deaths", "dibao")
REGIONS_DIR = "regions"
REGION_CODE = re.compile(r"^\d{6}$")




def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def split_workspace(ws: Workspace, progress: Any = None) -> tuple[list[Region], tuple[str, ...]]:
    say = reporter(progress)
    say(f"读取整个工作区：{ws.root}")
    load_data(ws, progress=say)
    con = open_store(ws, read_only=True)
    try:
        split = [t for t in SPLIT_TABLES if t in ws.data and con.execute(
            f"SELECT count(*) FROM {t} WHERE region IS NOT NULL").fetchone()[0]]  # type: ignore[index]
        if not split:
            raise DataError(f"{ws.root} 是一个工作区，但其数据表没有区县列（区县 / 行政区划代码），无法按地区拆分；"
                            "多个地区请各建一个含 evaluation.toml 的子目录")
        union = " UNION ".join(f"SELECT DISTINCT trim(region) AS r FROM {t} WHERE trim(region) <> ''" for t in split)
        names = [r[0] for r in con.execute(f"SELECT r FROM ({union}) ORDER BY r").fetchall()]
        warnings = _warnings(con, ws, split)
    finally:
        con.close()
    say(f"按区县拆分为 {len(names)} 个地区：{'、'.join(names)}")
    regions = []
    for name in names:
        region_ws = _region_workspace(ws, name)
        _build_store(ws, region_ws, name, split)
        if (ws.root / REPORT_FILE).is_file():  # the report inputs and the evidence cited hold for every region
            shutil.copyfile(ws.root / REPORT_FILE, region_ws.root / REPORT_FILE)
        regions.append(Region(name, region_ws, _folder_name(name)))
    return regions, warnings


def _warnings(con: Any, ws: Workspace, split: list[str]) -> tuple[str, ...]:
    out = []
    for t in SPLIT_TABLES:
        if t not in ws.data:
            continue
        if t not in split:
            out.append(f"{TABLE_TITLES[t]}没有区县列，整表用于每个地区")
            continue
        blank = con.execute(f"SELECT count(DISTINCT _row) FROM {t} WHERE coalesce(trim(region), '') = ''").fetchone()[0]
        if blank:
            out.append(f"{TABLE_TITLES[t]}有 {blank} 行未填区县，未计入任何地区")
    if "survey" in ws.data:
        out.append("问卷不区分区县，整份问卷用于每个地区")
    return tuple(out)


def _folder_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "地区"


def _region_workspace(ws: Workspace, name: str) -> Workspace:
    folder = ws.out / REGIONS_DIR / _folder_name(name)
    code = name if REGION_CODE.match(name) else ""
    project = replace(ws.project, name=f"{ws.project.name}（{name}）", region=name,
                      region_code=code or ws.project.region_code)
    return replace(ws, root=folder, project=project)


def _build_store(ws: Workspace, region_ws: Workspace, name: str, split: list[str]) -> None:
    """The region's store: its rows of the split tables, every row of the others."""
    shutil.rmtree(region_ws.out, ignore_errors=True)
    con = open_store(region_ws)
    try:
        con.execute(f"ATTACH {_q(str(store_path(ws)))} AS src (READ_ONLY)")
        con.execute("BEGIN")
        mine = f"coalesce(trim(region), '') = {_q(name)}"
        for table in schema.TABLES:
            if table in ("ingest_findings", "row_accounting"):
                continue
            where = f" WHERE {mine}" if table in split else ""
            con.execute(f"INSERT INTO {table} SELECT * FROM src.{table}{where}")
        tables = ", ".join(_q(t) for t in split)
        con.execute(f'INSERT INTO ingest_findings SELECT * FROM src.ingest_findings WHERE "table" NOT IN ({tables})'
                    f" OR {mine}")
        con.execute(f'INSERT INTO row_accounting SELECT * FROM src.row_accounting WHERE "table" NOT IN ({tables})')
        for table in split:  # loaded and rejected rows of the region; blank and 合计 rows belong to none
            con.execute(f"""INSERT INTO row_accounting
                SELECT "table", _file, loaded + rejected, loaded, 0, rejected FROM (
                  SELECT a."table", a._file,
                         (SELECT count(DISTINCT _row) FROM {table}) AS loaded,
                         (SELECT count(*) FROM ingest_findings f WHERE f."table" = {_q(table)}
                            AND f.code = 'row-rejected') AS rejected
                  FROM src.row_accounting a WHERE a."table" = {_q(table)})""")
        con.execute("DELETE FROM _sources")
        con.execute("INSERT INTO _sources SELECT * FROM src._sources")
        con.execute("COMMIT")
        con.execute("DETACH src")
    finally:
        con.close()
    assert (region_ws.out / STORE).is_file()
