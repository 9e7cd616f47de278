"""The one adapter between the web app and jixiao's pipeline: `jixiao.service` for the
evaluation, `jixiao.report` for the report files, and the outputs they write (out/scores.json,
out/findings.csv). Views ask this module and render; nothing here evaluates anything.

What the web keeps of a run beside out/ (the audit's row accounting, money at risk and
warnings, when and by whom) goes to ROOT/.jixiao/runs/NAME.json, so pages work after a restart."""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv

from jixiao.errors import JixiaoError
from jixiao.evaluation import Evaluation
from jixiao.findings import CODES, CSV_COLUMNS
from jixiao.frameworks import builtin_names
from jixiao.ingest.templates import write_template
from jixiao.scoring.framework import Framework
from jixiao.service import (
    evaluate_workspace,
    report_workspace,
    scores_json,
    workspace_framework,
)
from jixiao.web.db import state_dir
from jixiao.web.workspaces import workspace_dir, workspace_names
from jixiao.workspace import TOML, Workspace, load_workspace

REPORT_FILES = ("report.docx", "report.pdf", "report.html", "findings.xlsx", "findings.csv", "scores.json")
FINDING_TYPES = {"row": pa.int64(), "amount": pa.decimal128(18, 2)}


@dataclass(frozen=True)
class Summary:
    """One line of the evaluations list."""

    name: str
    title: str = ""
    region: str = ""
    year: int | None = None
    total: Any = None
    max_total: Any = None
    grade: str | None = None
    complete: bool | None = None
    pending: int | None = None
    last_run: str = ""
    problem: str = ""  # evaluation.toml cannot be read: the loader's message


class Evaluations:
    def __init__(self, root: Path):
        self.root = root
        self.runs = state_dir(root) / "runs"
        self.runs.mkdir(parents=True, exist_ok=True)
        self._latest: dict[str, Evaluation] = {}
        self._scores: dict[str, dict[str, Any]] = {}  # scores_json of each latest Evaluation
        self._findings: dict[str, tuple[float, pa.Table]] = {}
        self._files: dict[tuple[str, Path], tuple[tuple[float, int], Any]] = {}  # parsed files by mtime and size
        self._lock = threading.Lock()

    # -- the workspaces ------------------------------------------------------------------
    def names(self) -> list[str]:
        return workspace_names(self.root)

    def folder(self, name: str) -> Path:
        return workspace_dir(self.root, name)

    def _parsed(self, kind: str, path: Path, parse) -> Any:
        """`parse(path)`, again only when the file changed (every page shows the workspace and scores)."""
        stat = path.stat()
        stamp = (stat.st_mtime, stat.st_size)
        hit = self._files.get((kind, path))
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = parse(path)
        self._files[(kind, path)] = (stamp, value)
        return value

    def workspace(self, name: str) -> Workspace:
        folder = self.folder(name)
        return self._parsed("workspace", folder / TOML, lambda p: load_workspace(p.parent))

    def framework(self, name: str) -> Framework:
        return workspace_framework(self.workspace(name))

    @staticmethod
    def builtin_frameworks() -> list[str]:
        return builtin_names()

    # -- running ---------------------------------------------------------------------------
    def run(self, name: str, kind: str, user: str, say) -> dict[str, Any]:
        """The whole pipeline (jixiao.service.evaluate_workspace); with kind "report" also the
        report files, as `jixiao run` writes them. Returns the scores object."""
        files: list[str] = []
        if kind == "report":
            evaluation, written = report_workspace(self.folder(name), say)
            files = [p.name for p in (written.docx, written.html, written.pdf) if p is not None]
        else:
            evaluation = evaluate_workspace(self.folder(name), say)
        scores = scores_json(evaluation)
        with self._lock:
            self._latest[name] = evaluation
            self._scores[name] = scores
            self._findings.pop(name, None)
        record = {"at": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(), "user": user,
                  "kind": kind, "audit": evaluation.audit_json() if evaluation.audit else None,
                  "warnings": list(evaluation.warnings),
                  "report_files": files}
        path = self.runs / f"{name}.json"
        if kind == "evaluate" and path.exists():
            record["report_files"] = json.loads(path.read_text(encoding="utf-8")).get("report_files", [])
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        return scores

    def last_run(self, name: str) -> dict[str, Any] | None:
        path = self.runs / f"{name}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    # -- results ---------------------------------------------------------------------------
    def scores(self, name: str) -> dict[str, Any] | None:
        """The `jixiao score --json` object of the latest run (this process's, else out/scores.json)."""
        if name in self._scores:
            return self._scores[name]
        path = self.folder(name) / "out" / "scores.json"
        if not path.is_file():
            return None
        return self._parsed("scores", path, lambda p: json.loads(p.read_text(encoding="utf-8")))

    def summary(self, name: str) -> Summary:
        try:
            ws = self.workspace(name)
        except JixiaoError as exc:
            return Summary(name, problem=exc.render())
        scores = self.scores(name)
        run = self.last_run(name)
        when = run["at"] if run else ""
        if not when and (ws.out / "scores.json").is_file():
            when = dt.datetime.fromtimestamp((ws.out / "scores.json").stat().st_mtime).replace(microsecond=0).isoformat()
        if scores is None:
            return Summary(name, ws.project.name, ws.project.region, ws.project.year, last_run=when)
        return Summary(name, ws.project.name, ws.project.region, ws.project.year, scores["total"],
                       scores.get("max_total"), scores["grade"], scores["complete"], len(scores["pending"]),
                       when.replace("T", " ")[:16])

    def audit(self, name: str) -> dict[str, Any] | None:
        """CONTRACT §6 audit object of the latest run: rows, findings, money_at_risk (and warnings)."""
        evaluation = self._latest.get(name)
        if evaluation is not None:
            return evaluation.audit_json() if evaluation.audit else None
        run = self.last_run(name)
        return run["audit"] if run else None

    def findings(self, name: str) -> pa.Table:
        """Every finding of the latest run with the CONTRACT §3 columns (and township, when the
        pipeline gives it), as Arrow: from this process's run, else out/findings.csv."""
        evaluation = self._latest.get(name)
        if evaluation is not None and evaluation.audit is not None and evaluation.audit.table is not None:
            cached = self._findings.get(name)
            if cached is None or cached[0] != -1:
                table = evaluation.audit.table
                severity = pa.array([CODES[c].severity for c in table.column("code").to_pylist()], pa.string())
                table = table.add_column(1, "severity", severity)
                self._findings[name] = (-1, table)
            return self._findings[name][1]
        path = self.folder(name) / "out" / "findings.csv"
        if not path.is_file():
            return pa.table({c: pa.array([], FINDING_TYPES.get(c, pa.string())) for c in CSV_COLUMNS})
        mtime = path.stat().st_mtime
        cached = self._findings.get(name)
        if cached is None or cached[0] != mtime:
            table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
                column_types={c: FINDING_TYPES.get(c, pa.string()) for c in (*CSV_COLUMNS, "township")},
                strings_can_be_null=True, quoted_strings_can_be_null=False))
            self._findings[name] = (mtime, table)
        return self._findings[name][1]

    def output(self, name: str, file: str) -> Path | None:
        """One of the files a run writes into out/ (a fixed list: no other path can be asked for)."""
        if file not in REPORT_FILES:
            return None
        path = self.folder(name) / "out" / file
        return path if path.is_file() else None

    def template(self, table: str, path: Path) -> Path:
        write_template(table, path)
        return path
