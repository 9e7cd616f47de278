"""The store under a full disk, a read-only out/ and real damage: exit 2 naming the cause,
and the store deleted only when DuckDB says the file is damaged.

A full disk and a read-only file system are made for real with a small tmpfs mounted over
out/ (root only; skipped elsewhere)."""

from __future__ import annotations

import contextlib
import os
import subprocess

import pytest
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from jixiao.errors import DataError
from jixiao.ingest.store import open_store, store_path
from tests.ingest.conftest import make_id


def check(fx):
    _load_commands()
    return CliRunner().invoke(app, ["check", str(fx.root)])


@contextlib.contextmanager
def mounted(target, options):
    target.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def payments_csv(fx, rng, n):
    """n payments to distinct people (so that the store cannot compress them away)."""
    lines = ["身份证号,补贴类型,发放月份,发放金额"] + [
        f"{make_id(rng)},生活补贴,2022-{i % 12 + 1:02d},{rng.randint(1, 10**9)}.{rng.randint(10, 99)}" for i in range(n)]
    fx.path("发放.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fx.use("payments", "发放.csv")


def test_a_full_disk_is_exit_2_naming_the_cause(fx, rng):
    payments_csv(fx, rng, 40_000)
    with mounted(fx.root / "out", "size=1m"):
        result = check(fx)
    assert result.exit_code == 2, result.output
    assert "磁盘空间不足" in result.output and "out" in result.output
    assert "rollback" not in result.output.lower()


def test_a_read_only_out_is_exit_2_and_the_store_survives(fx, rng):
    payments_csv(fx, rng, 10)
    with mounted(fx.root / "out", "size=8m"):
        assert check(fx).exit_code == 0
        before = store_path(fx.ws).read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(fx.root / "out")], check=True)
        payments_csv(fx, rng, 20)  # changed input: the store would be written
        result = check(fx)
        assert result.exit_code == 2, result.output
        assert "只读" in result.output
        assert store_path(fx.ws).read_bytes() == before


def test_a_store_that_is_not_a_database_is_rebuilt(fx, rng):
    payments_csv(fx, rng, 10)
    (fx.root / "out").mkdir()
    store_path(fx.ws).write_bytes(b"not a duckdb file" * 100)
    report = fx.load()
    assert report.counts["payments"].loaded == 10


def test_a_truncated_store_is_rebuilt(fx, rng):
    payments_csv(fx, rng, 1000)
    fx.load()
    path = store_path(fx.ws)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    assert fx.load().counts["payments"].loaded == 1000


def test_out_that_is_a_file_is_a_data_error(fx, rng):
    payments_csv(fx, rng, 1)
    (fx.root / "out").write_text("x")
    with pytest.raises(DataError):
        open_store(fx.ws)
