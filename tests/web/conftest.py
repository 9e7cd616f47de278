"""Fixtures of the web tests: a ROOT holding the demo workspace (jixiao's synthetic county,
300 people, its judgments and survey), the app over it, users of each role, signed-in clients."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from jixiao.cli._common import Progress
from jixiao.cli.demo import make_demo
from jixiao.web.accounts import add_user
from jixiao.web.app import create_app

USERS = {  # name: (roles, password)
    "eva": (["评价人员"], "eva-password"),
    "rev": (["复核人员"], "rev-password"),
    "lead": (["评价人员", "复核人员"], "lead-password"),  # a team lead who both scores and reviews
    "bureau": (["财政局"], "bureau-password"),
}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "demo"
    make_demo(folder, 300, 7, Progress(quiet=True))
    return folder


def make_root(base: Path, demo_template: Path) -> Path:
    root = base / "root"
    root.mkdir()
    shutil.copytree(demo_template, root / "demo")
    return root


def make_app(root: Path, **options):
    app = create_app(root, **options)
    for name, (roles, password) in USERS.items():
        add_user(app.state.web.db, name, roles, password)
    return app


@pytest.fixture
def root(tmp_path, demo_template) -> Path:
    return make_root(tmp_path, demo_template)


@pytest.fixture
def app(root):
    return make_app(root)


@pytest.fixture(scope="module")
def ran_app(tmp_path_factory, demo_template):
    """An app whose demo evaluation has run (shared by a module's read-mostly tests)."""
    app = make_app(make_root(tmp_path_factory.mktemp("ran"), demo_template))
    job = app.state.web.jobs.run_now("demo", "evaluate", "eva")
    assert job.state == "done", job.error
    return app


def csrf_of(client: TestClient, path: str = "/") -> str:
    return CSRF.search(client.get(path).text).group(1)


def signed_in(app, name: str) -> TestClient:
    client = TestClient(app, follow_redirects=False)
    token = CSRF.search(client.get("/login").text).group(1)
    response = client.post("/login", data={"username": name, "password": USERS[name][1], "csrf_token": token})
    assert response.status_code == 303, response.text
    return client


def wait_for_run(app, name: str = "demo") -> None:
    job = app.state.web.jobs.get(name)
    assert job is not None and job.future is not None
    job.future.result()
    assert job.state == "done", job.error


def gb11643(body17: str) -> str:
    """A valid 18-character ID from its first 17 digits (GB 11643 check character)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body17 + "10X98765432"[sum(int(d) * w for d, w in zip(body17, weights)) % 11]
