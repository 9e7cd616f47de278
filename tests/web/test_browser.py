"""End to end in Debian's chromium (Playwright, executable_path): users added with the CLI,
an evaluator creates an evaluation, uploads the demo's roster and payments, reads the row
accounting and the findings, changes a judgment with its basis and runs the report; a
reviewer approves; 财政局 reads the approved evaluation and downloads the report."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.web.browser import browser_context, chromium_path, live_server, login, logout, run_and_wait

USERS = (("李评价", "评价人员", "evaluator-pass"), ("王复核", "复核人员", "reviewer-pass"), ("财政局", "财政局", "bureau-pass"))


def add_users(root) -> None:
    for name, role, password in USERS:
        done = subprocess.run([sys.executable, "-m", "jixiao", "user", "add", name, "--role", role], cwd=root,
                              input=password + "\n", capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


@pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed (scripts/install.sh --test)")
def test_evaluator_reviewer_and_bureau_in_the_browser(tmp_path, demo_template):
    import shutil

    root = tmp_path / "root"
    root.mkdir()
    shutil.copytree(demo_template, root / "演示县-2022")
    add_users(root)
    with live_server(root) as (base, app), sync_playwright() as p, browser_context(p) as context:
        page = context.new_page()
        page.set_default_timeout(30_000)
        messages = []
        page.on("pageerror", lambda e: messages.append(str(e)))
        page.on("console", lambda m: messages.append(m.text) if m.type == "error" else None)

        # 评价人员: a new evaluation, its project, the demo's roster and payments
        login(page, base, "李评价", "evaluator-pass")
        page.fill("#name", "新评价-2022")
        page.click("form[action='/evaluations'] button")
        page.wait_for_url(re.compile(r".*/settings$"))
        page.fill("#f-name", "2022年某县两项补贴项目")
        page.fill("#f-region", "某县")
        page.fill("#f-year", "2022")
        page.fill("#f-unit", "某县残疾人联合会")
        page.fill("#f-base_date", "2022-12-31")
        page.click("button:has-text('保存')")
        expect(page.locator(".notice.ok")).to_contain_text("已保存基本信息")
        page.click("nav.tabs >> text=数据")
        for table, file in (("roster", "花名册.xlsx"), ("payments", "发放明细.xlsx")):
            form = page.locator(f"form[action$='/data/{table}']")
            form.locator("input[type=file]").set_input_files(str(demo_template / "data" / file))
            run_and_wait(page, form.locator("button").click)
        roster_row = page.locator("tr", has_text="花名册.xlsx")
        expect(roster_row).to_contain_text(re.compile(r"\d{3},?\d*"))
        expect(page.locator("text=拒收和身份证号问题")).to_be_visible()
        accounting = app.state.web.evaluations.audit("新评价-2022")["rows"]
        assert accounting["roster"]["loaded"] > 0 and accounting["payments"]["loaded"] > 0
        expect(roster_row).to_contain_text(f"{accounting['roster']['read']:,}")
        page.click("nav.tabs >> text=核查发现")
        expect(page.locator("#results")).to_contain_text("符合条件")
        assert page.locator("#results tbody tr").count() > 1
        option = page.locator("#q-code option").nth(1)
        title = option.inner_text().split("（")[0]
        page.select_option("#q-code", option.get_attribute("value"))
        expect(page.locator("#results tbody tr").first).to_contain_text(title)
        page.wait_for_url(re.compile(rf".*code={option.get_attribute('value')}"))  # the filter is in the address

        # the demo's evaluation, a judgment with its basis and evidence, then the report
        page.goto(f"{base}/e/演示县-2022")
        run_and_wait(page, lambda: page.click("button:has-text('运行评价')"))
        expect(page.locator(".stat").first).to_contain_text("总分")
        page.goto(f"{base}/e/演示县-2022/indicators?code=A21")
        page.fill("#j-score", "1.5")
        page.fill("#j-basis", "绩效目标未与年初核定人数逐项对应，扣1.5分。")
        page.fill("#j-evidence", "年度绩效目标申报表")
        run_and_wait(page, lambda: page.click("text=保存并重新评分"))
        expect(page.locator("#row-A21")).to_contain_text("1.5")
        expect(page.locator("#panel")).to_contain_text("年度绩效目标申报表")
        page.click("nav.tabs >> text=报告")
        run_and_wait(page, lambda: page.click("text=运行评价并出具报告"))
        expect(page.locator("iframe.preview")).to_be_visible()
        logout(page)

        # 复核人员: every leaf, then the whole evaluation
        login(page, base, "王复核", "reviewer-pass")
        page.goto(f"{base}/e/演示县-2022/indicators")
        page.click("#row-A22 a")  # htmx swaps the panel in and puts the leaf in the address
        expect(page.locator("#panel h2")).to_have_text(re.compile(r"^A22 "))
        page.wait_for_url(re.compile(r".*indicators\?code=A22$"))
        expect(page.locator("#panel")).not_to_contain_text("修改评分判断")  # a reviewer does not edit
        page.click("text=批量通过待复核指标")
        page.click("text=整体复核通过")
        expect(page.locator(".evtitle .badge")).to_have_text("已通过复核")
        logout(page)

        # 财政局: the approved evaluation only, read only, and its report
        login(page, base, "财政局", "bureau-pass")
        expect(page.locator("table.grid")).to_contain_text("演示县-2022")
        expect(page.locator("table.grid")).not_to_contain_text("新评价-2022")
        page.click("text=演示县-2022")
        page.click("nav.tabs >> text=报告")
        expect(page.locator("text=运行评价并出具报告")).to_have_count(0)
        with page.expect_download() as download:
            page.click("text=评价报告（Word）")
        saved = download.value.path()
        assert download.value.suggested_filename == "演示县-2022-report.docx"
        assert open(saved, "rb").read(2) == b"PK"
        assert messages == []  # no script error, no CSP violation, no missing resource
        assert page.goto(f"{base}/e/新评价-2022").status == 403
