"""Screenshots of every page at 1366×768 into docs/web-*.png (for the README and for looking).

    .venv/bin/python -m tests.web.screenshots

Builds a demo root (jixiao's synthetic county), adds three users, runs the evaluation with
the report, and visits each page as the role that uses it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from jixiao.cli._common import Progress
from jixiao.cli.demo import make_demo
from jixiao.web.accounts import add_user
from tests.web.browser import browser_context, live_server, login, logout

DOCS = Path(__file__).resolve().parents[2] / "docs"


def shoot(page, name: str, full: bool = False) -> None:
    page.wait_for_load_state("networkidle")
    path = DOCS / f"web-{name}.png"
    page.screenshot(path=str(path), full_page=full)
    print(path)


def main(persons: int = 1500) -> None:
    root = Path(tempfile.mkdtemp(prefix="jixiao-shots-"))
    make_demo(root / "中山市-2022", persons, 20220101, Progress(quiet=True))
    with live_server(root) as (base, app):
        db = app.state.web.db
        add_user(db, "李评价", ["评价人员"], "evaluator-pass")
        add_user(db, "王复核", ["复核人员"], "reviewer-pass")
        add_user(db, "财政局", ["财政局"], "bureau-pass")
        app.state.web.jobs.run_now("中山市-2022", "report", "李评价")
        with sync_playwright() as p, browser_context(p) as context:
            page = context.new_page()
            page.goto(f"{base}/login")
            shoot(page, "login")
            login(page, base, "李评价", "evaluator-pass")
            shoot(page, "list")
            page.goto(f"{base}/e/中山市-2022")
            shoot(page, "overview")
            page.goto(f"{base}/e/中山市-2022/settings")
            shoot(page, "settings")
            page.goto(f"{base}/e/中山市-2022/data")
            shoot(page, "data")
            page.goto(f"{base}/e/中山市-2022/findings")
            shoot(page, "findings")
            page.goto(f"{base}/e/中山市-2022/indicators?code=A11")
            shoot(page, "indicators")
            page.goto(f"{base}/e/中山市-2022/report")
            shoot(page, "report")
            page.goto(f"{base}/e/中山市-2022/log")
            shoot(page, "log")
            logout(page)
            login(page, base, "王复核", "reviewer-pass")
            page.goto(f"{base}/e/中山市-2022/indicators?code=C11")
            shoot(page, "review")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
