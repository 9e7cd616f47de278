"""`jixiao user add|token|list` and `jixiao serve`'s options (CONTRACT §7)."""

from __future__ import annotations

import subprocess
import sys

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.web.accounts import get_user, verify_password
from jixiao.web.app import create_app
from jixiao.web.db import open_database

_load_commands()
runner = CliRunner()


def test_user_add_reads_the_password_from_stdin_into_root_in_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["user", "add", "张评价", "--role", "评价人员"], input="s3cret-pass\n")
    assert result.exit_code == 0, result.output
    assert "已添加用户 张评价（评价人员）" in result.output
    db = open_database(tmp_path)
    assert verify_password(db, "张评价", "s3cret-pass").roles == frozenset({"评价人员"})
    assert verify_password(db, "张评价", "wrong") is None
    stored = db.read("SELECT password_hash FROM users")[0]["password_hash"]
    assert stored.startswith("$argon2id$") and "s3cret-pass" not in stored


def test_user_add_with_two_roles_and_another_root(tmp_path):
    result = runner.invoke(app, ["user", "add", "lead", "--role", "复核人员", "--role", "评价人员", "--root", str(tmp_path)],
                           input="long-enough\n")
    assert result.exit_code == 0, result.output
    assert get_user(open_database(tmp_path), "lead").roles == frozenset({"评价人员", "复核人员"})
    listed = runner.invoke(app, ["user", "list", "--root", str(tmp_path)])
    assert listed.output.strip() == "lead\t评价人员、复核人员"


def test_user_add_refuses_unknown_roles_and_short_passwords_with_exit_2(tmp_path):
    result = runner.invoke(app, ["user", "add", "x", "--role", "管理员", "--root", str(tmp_path)], input="short\n")
    assert result.exit_code == 2
    assert "角色应为 评价人员、复核人员、财政局 之一，而不是 管理员" in result.output
    assert "密码至少 8 个字符" in result.output


def test_user_token_prints_a_token_that_opens_the_api(tmp_path):
    runner.invoke(app, ["user", "add", "bureau", "--role", "财政局", "--root", str(tmp_path)], input="bureau-pass\n")
    result = runner.invoke(app, ["user", "token", "bureau", "--root", str(tmp_path)])
    assert result.exit_code == 0
    token = result.stdout.strip()
    client = TestClient(create_app(tmp_path), headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/evaluations").json() == []
    missing = runner.invoke(app, ["user", "token", "nobody", "--root", str(tmp_path)])
    assert missing.exit_code == 2 and "没有用户 nobody" in missing.output


def test_serve_help_names_root_host_and_port():
    result = subprocess.run([sys.executable, "-m", "jixiao", "serve", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "ROOT" in result.stdout and "--host" in result.stdout and "--port" in result.stdout
