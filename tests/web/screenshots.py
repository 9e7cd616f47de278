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
from tests.web.browser import browser_context, live_server, login, logout, run_and_wait

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
            page.goto(f"{base}/e/中山市-2022/indicators?code=A21")
            page.fill("#j-score", "1.5")
            page.fill("#j-basis", "设置了发放人数和发放金额目标，但目标值未与年初核定人数逐项对应，扣1.5分。")
            page.fill("#j-evidence", "2022年度绩效目标申报表")
            page.fill("#j-note", "与项目单位财务科核对过申报表")
            page.evaluate("() => { window.scrollTo(0, 0); document.querySelector('#panel').scrollTo(0, 0); }")
            shoot(page, "indicators")
            run_and_wait(page, lambda: page.click("text=保存并重新评分"))
            page.goto(f"{base}/e/中山市-2022/report")
            shoot(page, "report")
            logout(page)
            login(page, base, "王复核", "reviewer-pass")
            page.goto(f"{base}/e/中山市-2022/indicators?code=A21")
            shoot(page, "review")
            page.fill("#panel input[name=comment]", "依据充分，扣分合理")
            page.click("#panel button[value=approved]")
            page.click("text=批量通过待复核指标")
            page.click("text=整体复核通过")
            logout(page)
            login(page, base, "财政局", "bureau-pass")
            shoot(page, "bureau")
            logout(page)
            login(page, base, "李评价", "evaluator-pass")
            page.goto(f"{base}/e/中山市-2022/log")
            shoot(page, "log")
            page.goto(f"{base}/e/中山市-2022/nowhere")
            shoot(page, "error")

if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
