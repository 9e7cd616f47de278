"""Shared by the review tests: jixiao's own reports, generated once per test session at test
time (so they are whatever the report code writes today), and hand-made snippet reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jixiao.cli._common import Progress
from jixiao.cli.demo import make_demo
from jixiao.evaluation import Evaluation
from jixiao.report import ReportFiles
from jixiao.review import Review, review_file
from jixiao.service import report_workspace
from tests.review.snippets import write_snippet

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
OWN = ("demo", "sanxiang-2022", "changji-2018")
DEMO_PERSONS = 150  # small: every kind of anomaly still occurs, the report has every section


class OwnReports:
    """The demo (a small synthetic county) and both examples, each evaluated and written to
    docx, html and pdf through `service.report_workspace`, the first time a test asks."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, tuple[Evaluation, ReportFiles]] = {}

    def __call__(self, name: str) -> tuple[Evaluation, ReportFiles]:
        if name not in self.files:
            ws = self.root / name
            if name == "demo":
                make_demo(ws, persons=DEMO_PERSONS, seed=7, progress=Progress(quiet=True))
            else:
                shutil.copytree(EXAMPLES / name, ws, ignore=shutil.ignore_patterns("out"))
            self.files[name] = report_workspace(ws)
        return self.files[name]


@pytest.fixture(scope="session")
def own_reports(tmp_path_factory) -> OwnReports:
    return OwnReports(tmp_path_factory.mktemp("own-reports"))


@pytest.fixture
def review_text(tmp_path):
    """review_text(text) → the Review of that hand-made snippet (tests/review/snippets.py)."""
    def run(text: str) -> Review:
        return review_file(write_snippet(tmp_path, text))
    return run
