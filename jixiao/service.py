"""The service functions the front ends call: one per command, each from a workspace."""

from __future__ import annotations

import json
from pathlib import Path

from jixiao.frameworks import builtin_path
from jixiao.metrics.compute import compute_metrics
from jixiao.scoring.engine import score_framework
from jixiao.scoring.framework import Framework, load_framework
from jixiao.scoring.judgments import load_judgments
from jixiao.scoring.result import ScoreResult
from jixiao.scoring.serialize import result_json
from jixiao.workspace import Workspace, load_workspace


def workspace_framework(ws: Workspace) -> Framework:
    path = ws.framework_path or builtin_path(ws.framework_builtin or "")
    return load_framework(path)


def score_workspace(ws: Workspace | str | Path) -> ScoreResult:
    """Score the workspace's framework from its judgments and facts; write out/scores.json."""
    if not isinstance(ws, Workspace):
        ws = load_workspace(ws)
    framework = workspace_framework(ws)
    judgments = load_judgments(ws.judgments_path, framework)
    metrics = compute_metrics(judgments.facts)
    result = score_framework(framework, judgments, metrics)
    ws.out.mkdir(parents=True, exist_ok=True)
    (ws.out / "scores.json").write_text(
        json.dumps(result_json(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return result
