"""The folder of workspaces (one per subfolder of ROOT): safe names, new workspaces from the
init template, uploaded tables saved under data/ and named in evaluation.toml."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from jixiao.errors import JixiaoError, WorkspaceError
from jixiao.ingest.fields import TABLE_TITLES
from jixiao.ingest.templates import create_workspace
from jixiao.web import tomledit
from jixiao.workspace import TOML, DATA_TABLES

# A workspace name is one folder name: letters (Chinese too), digits, - _ . ( ), no separators.
NAME = re.compile(r"^(?!\.)[\w\-.()（）\u4e00-\u9fff]{1,60}$")
UPLOAD_SUFFIXES = (".xlsx", ".xls", ".csv", ".parquet")


class NotFound(JixiaoError):
    """No such workspace (or a name that tries to leave ROOT)."""


def workspace_names(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir() and NAME.match(p.name) and (p / TOML).is_file())


def workspace_dir(root: Path, name: str) -> Path:
    """The folder of workspace `name`, which must be a direct subfolder of ROOT with an evaluation.toml."""
    if not NAME.match(name) or name in (".", ".."):
        raise NotFound(f"没有名为 {name} 的评价")
    folder = (root / name).resolve()
    if folder.parent != root.resolve() or not (folder / TOML).is_file():
        raise NotFound(f"没有名为 {name} 的评价")
    return folder


def new_workspace(root: Path, name: str) -> Path:
    name = name.strip()
    if not NAME.match(name):
        raise WorkspaceError("评价名称即文件夹名：1–60 个汉字、字母、数字或 - _ . ( )，不能以 . 开头，不能含 / 或 \\")
    folder = root / name
    if folder.exists():
        raise WorkspaceError(f"已有名为 {name} 的文件夹，请换一个名称")
    create_workspace(folder)
    return folder


def upload_target(folder: Path, table: str, filename: str) -> Path:
    """Where an uploaded table is kept: data/<表名><扩展名>. The uploaded name gives only the
    extension, so no name can reach outside the workspace."""
    if table not in DATA_TABLES:
        raise WorkspaceError(f"未知的数据表 {table}（可用：{'、'.join(DATA_TABLES)}）")
    suffix = Path(filename.replace("\\", "/")).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise WorkspaceError(f"不支持的文件类型「{suffix or '无扩展名'}」：请上传 .xlsx、.xls、.csv 或 .parquet 文件")
    return folder / "data" / f"{TABLE_TITLES[table]}{suffix}"


def save_upload(folder: Path, table: str, filename: str, chunks) -> Path:
    """Write the uploaded bytes next to their target, then move into place and name the file in
    evaluation.toml's [data]; the old file of another type is left where it was."""
    target = upload_target(folder, table, filename)
    target.parent.mkdir(exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    tomledit.set_data_entry(folder / TOML, table, f"data/{target.name}")
    return target
