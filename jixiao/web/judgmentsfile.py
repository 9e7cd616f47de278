"""judgments.yaml edited one leaf at a time with ruamel.yaml's round trip, so comments,
order and the evaluator's own layout stay; every new text is checked by jixiao's own loader
(jixiao.scoring.judgments) before it replaces the file."""

from __future__ import annotations

import io
import os
import tempfile
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from jixiao.errors import JudgmentsError
from jixiao.scoring.framework import Framework
from jixiao.scoring.judgments import load_judgments

EVIDENCE_MARK = "（佐证材料："  # how the form's cited evidence ends the printed basis
_lock = threading.Lock()


def _yaml() -> YAML:
    y = YAML()  # round-trip
    y.indent(mapping=2, sequence=4, offset=2)  # lists indented under their key, as people write them
    y.width = 4096  # never fold a long Chinese basis
    y.allow_unicode = True
    y.representer.add_representer(Decimal, lambda r, d: r.represent_scalar(
        "tag:yaml.org,2002:int" if d == d.to_integral_value() else "tag:yaml.org,2002:float",
        str(d.normalize()) if d == d.to_integral_value() else format(d, "f")))
    return y


def _load(path: Path) -> CommentedMap:
    data = _yaml().load(path.read_text(encoding="utf-8")) if path.exists() else None
    return data if isinstance(data, CommentedMap) else CommentedMap()


def entry(path: Path | None, code: str) -> dict[str, Any]:
    """The leaf's current judgment as plain values ({} when there is none)."""
    if path is None or not path.exists():
        return {}
    scores = _load(path).get("scores") or {}
    raw = scores.get(code)
    return {str(k): v for k, v in raw.items()} if isinstance(raw, dict) else {}


def split_basis(basis: str) -> tuple[str, str]:
    """(basis, evidence) from a basis this editor wrote as 'basis（佐证材料：evidence）'."""
    if basis.endswith("）") and EVIDENCE_MARK in basis:
        head, _, tail = basis.rpartition(EVIDENCE_MARK)
        return head, tail[:-1]
    return basis, ""


def join_basis(basis: str, evidence: str) -> str:
    basis, evidence = basis.strip(), evidence.strip()
    return f"{basis}{EVIDENCE_MARK}{evidence}）" if evidence else basis


def build_entry(kind: str, score: Decimal | None, items: dict[str, bool] | None, override: Decimal | None,
                basis: str, note: str) -> CommentedMap:
    new = CommentedMap()
    if kind == "judgment" and score is not None:
        new["score"] = score
    if kind == "checklist" and items:
        new["items"] = CommentedMap(items)
        new["items"].fa.set_flow_style()
    if override is not None:
        new["override"] = override
    new["basis"] = basis
    if note.strip():
        new["note"] = note.strip()
    new.fa.set_flow_style()
    return new


def dump_entry(value: Any) -> str:
    """A judgment as one line of YAML, for the audit log."""
    if not value:
        return ""
    buf = io.StringIO()
    y = _yaml()
    y.default_flow_style = True
    y.dump(dict(value) if not isinstance(value, CommentedMap) else value, buf)
    return buf.getvalue().strip()


def save_entry(path: Path, code: str, new: CommentedMap | None, framework: Framework) -> tuple[str, str]:
    """Put (or with None remove) the leaf's judgment; JudgmentsError (nothing written) when
    jixiao's loader refuses the result. Returns the old and new entry as YAML text."""
    with _lock:
        data = _load(path)
        scores = data.get("scores")
        if not isinstance(scores, CommentedMap):
            scores = CommentedMap()
            data["scores"] = scores
        if "facts" not in data:
            data.insert(0, "facts", CommentedMap())
        if scores.fa.flow_style():
            scores.fa.set_block_style()
        old = dump_entry(scores.get(code))
        if new is None:
            scores.pop(code, None)
        else:
            scores[code] = new
        buf = io.StringIO()
        _yaml().dump(data, buf)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".judgments-", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
        try:
            load_judgments(Path(tmp), framework)
        except JudgmentsError:
            Path(tmp).unlink(missing_ok=True)
            raise
        os.replace(tmp, path)
        return old, dump_entry(new)
