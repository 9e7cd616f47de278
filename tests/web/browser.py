"""Helpers of the browser tests and the screenshots: a live server on loopback and Debian's
chromium driven by Playwright (executable_path; browsers are never downloaded)."""

from __future__ import annotations

import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import expect

from jixiao.web.app import create_app

CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--lang=zh-CN"]  # the browser's own texts (file inputs) in Chinese, as users see them
SCREEN = {"width": 1366, "height": 768}
RUN_TIMEOUT = 120_000  # ms; a run with the report and its PDF takes most of it


def chromium_path() -> str | None:
    return next((p for p in CHROMIUM_CANDIDATES if Path(p).exists()), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(root: Path, **options) -> Iterator[tuple[str, object]]:
    """The app on 127.0.0.1 in a thread; yields (base URL, app)."""
    app = create_app(root, **options)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def browser_context(playwright) -> Iterator[object]:
    """A fresh chromium profile (its own --user-data-dir) with a 1366×768 window."""
    profile = Path(tempfile.mkdtemp(prefix="jixiao-chromium-"))
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS, viewport=SCREEN,
        locale="zh-CN", accept_downloads=True, timeout=30000)
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def login(page, base: str, name: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#username", name)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"^(?!.*/login).*$"))


def logout(page) -> None:
    page.click("header form button")
    page.wait_for_url(re.compile(r".*/login.*"))


def run_and_wait(page, click) -> None:
    """Start a run by `click`; the page polls it and reloads when it ends, saying so."""
    page.evaluate("() => { window.jixiaoBefore = true; }")
    click()
    page.wait_for_function("() => !window.jixiaoBefore", timeout=RUN_TIMEOUT)  # a new page: redirected or refreshed
    page.wait_for_selector(".notice.ok.job, .notice.error.job", timeout=RUN_TIMEOUT)
    expect(page.locator(".notice.error.job")).to_have_count(0)
