"""A generic form over a YAML mapping (the workspace's report.yaml): every scalar leaf is a
field, a list of scalars a text box with one item a line. Saved with ruamel.yaml's round trip,
so comments, order and keys stay; the structure itself is edited in the file.

report.yaml's keys are designed elsewhere (CONTRACT §7, the report-inputs issue); this editor
knows none of them, so it keeps working whatever they become."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from jixiao.errors import JixiaoError

FILE = "report.yaml"
_lock = threading.Lock()


@dataclass(frozen=True)
class Field:
    index: int
    path: tuple[Any, ...]  # keys (and list positions) from the top
    label: str  # the path as the user reads it: 项目概况 › 立项依据
    depth: int
    value: str
    multiline: bool  # a long text, or a list of scalars shown one a line
    is_list: bool


def _yaml() -> YAML:
    y = YAML()
    y.indent(mapping=2, sequence=4, offset=2)  # lists indented under their key, as people write them
    y.width = 4096
    y.allow_unicode = True
    return y


def load(path: Path) -> CommentedMap | None:
    if not path.exists():
        return None
    try:
        data = _yaml().load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise JixiaoError(f"{FILE} {where} YAML 格式错误，请在文件中修正后再编辑") from None
    if data is None:
        return CommentedMap()
    if not isinstance(data, CommentedMap):
        raise JixiaoError(f"{FILE} 应为一个映射（键: 值）")
    return data


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def fields(data: CommentedMap) -> list[Field]:
    out: list[Field] = []

    def walk(node: Any, path: tuple[Any, ...], depth: int) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key), depth + 1)
        elif isinstance(node, list) and all(_scalar(v) for v in node):
            text = "\n".join("" if v is None else str(v) for v in node)
            out.append(Field(len(out), path, _label(path), depth, text, True, True))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, (*path, i), depth + 1)
        else:
            text = "" if node is None else str(node)
            out.append(Field(len(out), path, _label(path), depth, text, len(text) > 40 or "\n" in text, False))

    walk(data, (), 0)
    return out


def _label(path: tuple[Any, ...]) -> str:
    return " › ".join(f"第 {p + 1} 项" if isinstance(p, int) else str(p) for p in path)


def fingerprint(data: CommentedMap) -> str:
    """The shape the form was made from; a form for another shape is refused."""
    return hashlib.sha256(repr([f.path for f in fields(data)]).encode()).hexdigest()[:16]


def _typed(old: Any, text: str) -> Any:
    """The new text with the old value's type where it still reads as one."""
    if isinstance(old, bool):
        return text.strip().lower() in ("true", "是", "1", "yes")
    if isinstance(old, int):
        try:
            return int(text)
        except ValueError:
            return text
    if isinstance(old, float):
        try:
            return float(text)
        except ValueError:
            return text
    return text if text != "" or old is not None else None


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def save(path: Path, values: dict[int, str], shape: str) -> list[tuple[str, str, str]]:
    """Write the form's values; returns (label, old, new) of each changed field."""
    with _lock:
        data = load(path)
        if data is None or fingerprint(data) != shape:
            raise JixiaoError(f"{FILE} 在您编辑期间已被修改，请刷新页面后重新填写")
        changed = []
        for f in fields(data):
            if f.index not in values:
                continue
            text = values[f.index].replace("\r\n", "\n")
            if text.strip() == f.value.strip():
                continue
            if f.is_list:
                seq = CommentedSeq([line.strip() for line in text.split("\n") if line.strip()])
                _set(data, f.path, seq)
            else:
                node = data
                for key in f.path[:-1]:
                    node = node[key]
                _set(data, f.path, _typed(node[f.path[-1]], text.strip() if "\n" not in text else text))
            changed.append((f.label, f.value, text))
        buf = io.StringIO()
        _yaml().dump(data, buf)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".report-", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(buf.getvalue())
        os.replace(tmp, path)
        return changed
