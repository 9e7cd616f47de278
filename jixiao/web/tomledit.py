"""evaluation.toml edited in place (tomlkit keeps comments and order), validated by the same
loader the CLI uses: on any problem the old text is put back and the problems returned."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path
from typing import Any

import tomlkit

from jixiao.errors import WorkspaceError
from jixiao.workspace import Workspace, load_workspace, toml_error

PROJECT_KEYS = ("name", "region", "region_code", "year", "unit", "commissioner", "evaluator", "base_date",
                "report_date")
OPTIONAL = {"region_code", "commissioner", "evaluator", "report_date"}
_lock = threading.Lock()


def read(path: Path) -> tomlkit.TOMLDocument:
    """The document for editing; a file that does not parse is the CLI's own message (exit-2 kind)."""
    text = path.read_text(encoding="utf-8")
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WorkspaceError(f"{path} 无法解析：{toml_error(exc)}；请在文件中修正后再编辑") from None
    return tomlkit.parse(text)


def _scalar(text: str, kind: str) -> Any:
    """A form's text as the TOML value the loader expects; text that is not a number stays
    text, so the loader's own message explains what is wrong."""
    text = text.strip()
    if kind == "int" and text.lstrip("-").isdigit():
        return int(text)
    if kind == "number":
        try:
            return tomlkit.parse(f"v = {text}")["v"] if text else text
        except Exception:  # tomlkit raises several error types for non-numbers
            return text
    return text


def _apply(doc: tomlkit.TOMLDocument, form: dict[str, Any]) -> None:
    project = doc.setdefault("project", tomlkit.table())
    for key in PROJECT_KEYS:
        if key not in form:
            continue
        value = _scalar(form[key], "int" if key == "year" else "text")
        if value == "" and key in OPTIONAL:
            project.pop(key, None)
        else:
            project[key] = value
    policy = doc.setdefault("policy", tomlkit.table())
    if "schedule" in form:
        policy["schedule"] = form["schedule"]
    if "due_day" in form:
        policy["due_day"] = _scalar(form["due_day"], "int")
    if "standards" in form:
        rows = [r for r in form["standards"] if any(str(v).strip() for v in r.values())]
        array = tomlkit.aot()
        for r in rows:
            t = tomlkit.table()
            t["subsidy"] = r.get("subsidy", "").strip()
            t["from"] = r.get("from", "").strip()
            t["monthly"] = _scalar(r.get("monthly", ""), "number")
            array.append(t)
        if rows:
            policy["standard"] = array
        else:
            policy.pop("standard", None)
    if form.get("builtin"):
        framework = doc.setdefault("framework", tomlkit.table())
        if "path" not in framework:
            framework["builtin"] = form["builtin"]


def update(path: Path, form: dict[str, Any]) -> tuple[Workspace | None, list[str], str, str]:
    """Apply the form; returns (workspace, problems, old text, new text). Nothing changes on disk
    when there are problems."""
    with _lock:
        old = path.read_text(encoding="utf-8")
        doc = read(path)
        _apply(doc, form)
        new = tomlkit.dumps(doc)
        path.write_text(new, encoding="utf-8")
        try:
            ws = load_workspace(path.parent)
        except WorkspaceError as exc:
            path.write_text(old, encoding="utf-8")
            return None, [str(p) for p in exc.problems] or [exc.summary], old, new
        return ws, [], old, new


def set_data_entry(path: Path, table: str, rel: str) -> None:
    with _lock:
        doc = read(path)
        doc.setdefault("data", tomlkit.table())[table] = rel
        path.write_text(tomlkit.dumps(doc), encoding="utf-8")


def set_judgments_path(path: Path, rel: str) -> None:
    with _lock:
        doc = read(path)
        doc.setdefault("judgments", tomlkit.table())["path"] = rel
        path.write_text(tomlkit.dumps(doc), encoding="utf-8")
