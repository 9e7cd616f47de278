"""Fixture workspaces for ingest tests: workbooks and CSVs written by the tests themselves,
shaped like the files counties send."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from jixiao.ingest.load import LoadReport, load_data
from jixiao.ingest.regions import region_codes
from jixiao.ingest.store import open_store
from jixiao.workspace import Workspace, load_workspace

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
COUNTIES = sorted(c for c in region_codes() if not c.endswith("00"))  # GB/T 2260 county-level codes


def check_char(first17: str) -> str:
    """GB 11643 check character, written independently of the SQL under test."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def make_id(rng: random.Random, check: str | None = None, birth: str | None = None) -> str:
    """A valid ID (or one with the given check character): a random county code of GB/T 2260,
    random sequence and birth date."""
    birth = birth or f"{rng.randint(1930, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first = f"{rng.choice(COUNTIES)}{birth}{rng.randint(0, 999):03d}"
    return first + (check or check_char(first))


def make_id_ending(rng: random.Random, last: str) -> str:
    while True:
        pid = make_id(rng)
        if pid[-1] == last:
            return pid


TOML = """[project]
name = "测试项目"
region = "测试镇"
year = 2022
unit = "测试单位"
base_date = "2022-12-31"

[framework]
builtin = "national-2020"

[data]
{data}
"""


class Fixture:
    def __init__(self, root: Path):
        self.root = root
        (root / "data").mkdir(parents=True, exist_ok=True)
        self.entries: dict[str, str] = {}

    def path(self, name: str) -> Path:
        return self.root / "data" / name

    def use(self, table: str, name: str) -> None:
        self.entries[table] = f"data/{name}"
        data = "\n".join(f'{t} = "{p}"' for t, p in self.entries.items())
        (self.root / "evaluation.toml").write_text(TOML.format(data=data), encoding="utf-8")

    @property
    def ws(self) -> Workspace:
        return load_workspace(self.root)

    def load(self) -> LoadReport:
        return load_data(self.ws)

    def query(self, sql: str) -> list[tuple]:
        con = open_store(self.ws, read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()


@pytest.fixture
def fx(tmp_path: Path) -> Fixture:
    return Fixture(tmp_path / "ws")


@pytest.fixture
def rng() -> random.Random:
    return random.Random(20221231)


@pytest.fixture
def sql() -> Callable[[str, object], object]:
    from jixiao.ingest.sqlfuncs import install

    con = install(duckdb.connect())

    def run(expression: str, value: object) -> object:
        return con.execute(f"SELECT {expression}", [value]).fetchone()[0]

    return run
