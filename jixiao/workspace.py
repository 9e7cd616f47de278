"""A workspace folder → a validated Workspace (evaluation.toml parsed, paths resolved).

Every problem in evaluation.toml is reported at once, each with its [section].key."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.decimals import to_decimal
from jixiao.errors import Problem, WorkspaceError, raise_if
from jixiao.frameworks import builtin_names
from jixiao.vocabulary import CATEGORIES, STATUSES, subsidy_name

TOML = "evaluation.toml"
DATA_TABLES = ("roster", "payments", "funds", "survey", "deaths", "dibao")  # CONTRACT §1
# Optional tables that only refine others (CONTRACT §7): dibao_members joins a per-household
# 低保名单 to its members. Not "data" of the report: nothing says it is missing.
EXTRA_TABLES = ("dibao_members",)
INPUT_TABLES = DATA_TABLES + EXTRA_TABLES
MAX_TOML_BYTES = 1 << 20  # an evaluation.toml is a page of settings


@dataclass(frozen=True)
class Project:
    name: str
    region: str
    year: int
    unit: str
    base_date: dt.date
    region_code: str = ""
    commissioner: str = ""
    evaluator: str = ""
    report_date: dt.date | None = None  # 报告日期 on the cover; None = the day it is written


@dataclass(frozen=True)
class Standard:
    """Monthly amount per person of one subsidy, in force from a month on."""

    subsidy: str
    start: dt.date  # first day of the month it takes effect
    monthly: Decimal


@dataclass(frozen=True)
class CareExtra:
    grades: tuple[int, ...]
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    schedule: str = "monthly"
    due_day: int = 25
    living_requires: tuple[str, ...] = ("低保",)
    care_grades: tuple[int, ...] = (1, 2)
    care_extra: tuple[CareExtra, ...] = (CareExtra((3, 4), ("智力", "精神")),)
    satisfaction_values: tuple[Decimal, ...] = tuple(Decimal(v) for v in (100, 80, 60, 40, 20))
    standards: tuple[Standard, ...] = ()  # the audit applies, per month, the latest one started


@dataclass(frozen=True)
class DataSource:
    """One input table: a file, and for workbooks optionally the sheet ("file.xlsx#Sheet")."""

    table: str
    path: Path
    sheet: str | None = None

    @property
    def label(self) -> str:
        return f"{self.path.name}#{self.sheet}" if self.sheet else self.path.name


@dataclass(frozen=True)
class Workspace:
    root: Path
    project: Project
    policy: Policy
    framework_path: Path | None = None
    framework_builtin: str | None = None
    judgments_path: Path | None = None
    data: dict[str, DataSource] = field(default_factory=dict)

    @property
    def out(self) -> Path:
        return self.root / "out"


def load_workspace(folder: str | Path) -> Workspace:
    """Read and validate `folder/evaluation.toml`; raise WorkspaceError listing every problem."""
    root = Path(folder).resolve()
    toml_path = root / TOML
    if not root.is_dir():
        raise WorkspaceError(f"工作区目录不存在：{root}")
    if not toml_path.is_file():
        raise WorkspaceError(f"工作区 {root} 中没有 {TOML}（可用 `jixiao init {folder}` 新建工作区）")
    try:
        if toml_path.stat().st_size > MAX_TOML_BYTES:
            raise WorkspaceError(f"{toml_path} 超过 1 MB，不像是评价设置文件")
        raw = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise WorkspaceError(f"{toml_path} 无法解析：文件不是 UTF-8 编码，请另存为 UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise WorkspaceError(f"{toml_path} 无法解析：{toml_error(exc)}") from None
    except RecursionError:
        raise WorkspaceError(f"{toml_path} 无法解析：数组或表嵌套过深") from None
    except OSError as exc:
        raise WorkspaceError(f"无法读取 {toml_path}：{exc.strerror or exc}") from None
    reader = _Reader(toml_path)
    reader.unknown_keys(raw, "", {"project", "framework", "judgments", "policy", "data"})
    project = reader.project(reader.table(raw, "project", required=True))
    framework_path, builtin = reader.framework(root, reader.table(raw, "framework", required=True))
    judgments = reader.judgments(root, reader.table(raw, "judgments"))
    policy = reader.policy(reader.table(raw, "policy"))
    data = reader.data(root, reader.table(raw, "data"))
    raise_if(reader.problems, WorkspaceError, f"{toml_path} 有错误")
    assert project is not None
    return Workspace(root, project, policy, framework_path, builtin, judgments, data)


_TOML_REASONS = (
    ("Invalid value", "值无效（文本须加英文引号，如 \"2022-12-31\"；数组须以 ] 结束）"),
    ("Cannot overwrite a value", "同一个键写了两次"),
    ("Cannot declare", "同一个节（[section]）写了两次"),
    ("Expected ']' at the end of a table declaration", "节名缺少右方括号 ]"),
    ("Expected '=' after a key", "键后缺少 =（键名中不能有空格）"),
    ("Unterminated string", "文本缺少结束引号"),
    ("Expected newline or end of document after a statement", "一行只能写一个 键 = 值（文本须加英文引号）"),
    ("Illegal character", "含有不允许的字符"),
)


def toml_error(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib's English message as Chinese: where (line, column) and what."""
    text = str(exc)
    where = re.search(r"\(at line (\d+), column (\d+)\)", text)
    place = f"第{where.group(1)}行第{where.group(2)}列" if where else "文件末尾" if "end of document" in text else ""
    reason = next((zh for en, zh in _TOML_REASONS if text.startswith(en)), None)
    detail = reason or f"TOML 语法错误（{re.sub(r' [(]at .*[)]$', '', text)}）"
    return f"{place}：{detail}" if place else detail


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class _Reader:
    """Collects problems while reading the TOML sections, so all are reported together."""

    def __init__(self, path: Path):
        self.file = path.name
        self.problems: list[Problem] = []

    def bad(self, section: str, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, f"[{section}]" if section else "", key))

    def unknown_keys(self, table: dict, section: str, known: set[str]) -> None:
        for key in table:
            if key not in known:
                self.bad(section, key, f"未知的键（可用：{'、'.join(sorted(known))}）")

    def table(self, raw: dict, name: str, required: bool = False) -> dict:
        value = raw.get(name)
        if value is None:
            if required:
                self.bad(name, "", "缺少此节")
            return {}
        if not isinstance(value, dict):
            self.bad(name, "", "应为一个表（[section]）")
            return {}
        return value

    def text(self, table: dict, section: str, key: str, required: bool) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.bad(section, key, "缺少必填项")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.bad(section, key, "应为非空文本")
            return ""
        return value.strip()

    def project(self, t: dict) -> Project | None:
        s = "project"
        self.unknown_keys(t, s, {"name", "region", "region_code", "year", "unit", "commissioner",
                                 "evaluator", "base_date", "report_date"})
        name, region, unit = (self.text(t, s, k, True) for k in ("name", "region", "unit"))
        year = t.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2100:
            self.bad(s, "year", "应为预算年度，如 2022" if year is not None else "缺少必填项")
            year = 2000
        code = self.text(t, s, "region_code", False)
        if code and not re.fullmatch(r"\d{6}", code):
            self.bad(s, "region_code", f"应为 6 位行政区划代码，而不是 '{code}'")
        base = self.date(t, s, "base_date") or dt.date(year, 12, 31)
        return Project(name, region, year, unit, base, code,
                       self.text(t, s, "commissioner", False), self.text(t, s, "evaluator", False),
                       self.date(t, s, "report_date"))

    def date(self, t: dict, section: str, key: str) -> dt.date | None:
        value = t.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.bad(section, key, f"日期 '{value}' 无法识别，应为 YYYY-MM-DD")
                return None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            self.bad(section, key, "应为日期，如 2022-12-31")
            return None
        return value

    def framework(self, root: Path, t: dict) -> tuple[Path | None, str | None]:
        s = "framework"
        self.unknown_keys(t, s, {"path", "builtin"})
        if not t:
            return None, None
        if ("path" in t) == ("builtin" in t):
            self.bad(s, "path", "path 与 builtin 须给出且只给出一个")
            return None, None
        if "builtin" in t:
            name = self.text(t, s, "builtin", True)
            if name and name not in builtin_names():
                self.bad(s, "builtin", f"没有内置指标体系 '{name}'（可用：{'、'.join(builtin_names())}）")
            return None, name or None
        return self.existing(root, t, s, "path"), None

    def existing(self, root: Path, t: dict, section: str, key: str, inside: bool = False) -> Path | None:
        """The file `t[key]` names, resolved; `inside`: it must lie within the workspace
        (symbolic links followed), and nothing of a file outside it is ever read."""
        text = self.text(t, section, key, True)
        if not text:
            return None
        try:
            path = (root / text.split("#", 1)[0]).resolve()
        except (OSError, RuntimeError, ValueError):
            self.bad(section, key, f"路径无法解析：'{text}'")
            return None
        if inside and not path.is_relative_to(root):
            self.bad(section, key, f"文件 '{text}' 不在工作区 {root} 之内（符号链接按其指向判断）；"
                                   "请把数据文件复制到工作区的 data/ 目录下")
            return None
        if not path.is_file():
            self.bad(section, key, f"文件不存在：{path}")
            return None
        return path

    def judgments(self, root: Path, t: dict) -> Path | None:
        self.unknown_keys(t, "judgments", {"path"})
        return self.existing(root, t, "judgments", "path") if "path" in t else None

    def data(self, root: Path, t: dict) -> dict[str, DataSource]:
        self.unknown_keys(t, "data", set(INPUT_TABLES))
        sources = {}
        for table in INPUT_TABLES:
            if table not in t:
                continue
            path = self.existing(root, t, "data", table, inside=True)
            if path is None:
                continue
            if path.suffix.lower() not in (".xlsx", ".xls", ".csv", ".parquet"):
                self.bad("data", table, f"不支持的文件类型 '{path.suffix}'（可用 .xlsx .xls .csv .parquet）")
                continue
            sheet = t[table].split("#", 1)[1] or None if "#" in t[table] else None
            if sheet is not None and path.suffix.lower() in (".csv", ".parquet"):
                self.bad("data", table, f"{path.suffix} 文件没有工作表，不能写 '#{sheet}'")
                continue
            sources[table] = DataSource(table, path, sheet)
        return sources

    def int_list(self, t: dict, section: str, key: str, allowed: range) -> tuple[int, ...] | None:
        value = t.get(key)
        if not isinstance(value, list) or not all(isinstance(v, int) and v in allowed for v in value):
            self.bad(section, key, f"应为 {allowed.start}–{allowed.stop - 1} 的整数列表")
            return None
        return tuple(value)

    def word_list(self, t: dict, section: str, key: str, allowed: tuple[str, ...]) -> tuple[str, ...] | None:
        value = t.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v in allowed for v in value):
            self.bad(section, key, f"应为列表，取值于：{'、'.join(allowed)}")
            return None
        return tuple(value)

    def policy(self, t: dict) -> Policy:
        s = "policy"
        self.unknown_keys(t, s, {"schedule", "due_day", "living_requires", "care_grades", "care_extra",
                                 "satisfaction_values", "standard"})
        d = Policy()
        values: dict[str, Any] = {}
        if "schedule" in t:
            if t["schedule"] in ("monthly", "quarterly"):
                values["schedule"] = t["schedule"]
            else:
                self.bad(s, "schedule", f"应为 monthly（按月）或 quarterly（按季），而不是 '{t['schedule']}'")
        if "due_day" in t:
            if isinstance(t["due_day"], int) and 1 <= t["due_day"] <= 31:
                values["due_day"] = t["due_day"]
            else:
                self.bad(s, "due_day", "应为 1–31 的整数")
        if "living_requires" in t:
            values["living_requires"] = self.word_list(t, s, "living_requires", STATUSES)
        if "care_grades" in t:
            values["care_grades"] = self.int_list(t, s, "care_grades", range(1, 5))
        if "care_extra" in t:
            values["care_extra"] = self.care_extra(t["care_extra"])
        if "satisfaction_values" in t:
            numbers = t["satisfaction_values"]
            if isinstance(numbers, list) and len(numbers) == 5 and all(to_decimal(n) is not None for n in numbers):
                values["satisfaction_values"] = tuple(to_decimal(n) for n in numbers)
            else:
                self.bad(s, "satisfaction_values", "应为 5 个数（非常满意 … 非常不满意），如 [100, 80, 60, 40, 20]")
        if "standard" in t:
            values["standards"] = self.standards(t["standard"])
        return Policy(**{k: v for k, v in values.items() if v is not None}) if values else d

    def care_extra(self, items: object) -> tuple[CareExtra, ...] | None:
        if not isinstance(items, list):
            self.bad("policy", "care_extra", "应为列表，如 [{ grades = [3, 4], categories = [\"智力\", \"精神\"] }]")
            return None
        extras = []
        for i, item in enumerate(items, 1):
            where = f"policy.care_extra[{i}]"
            if not isinstance(item, dict):
                self.bad(where, "", "应为 { grades = [...], categories = [...] }")
                continue
            self.unknown_keys(item, where, {"grades", "categories"})
            grades = self.int_list(item, where, "grades", range(1, 5))
            cats = self.word_list(item, where, "categories", CATEGORIES)
            if grades is not None and cats is not None:
                extras.append(CareExtra(grades, cats))
        return tuple(extras)

    def standards(self, items: object) -> tuple[Standard, ...] | None:
        if not isinstance(items, list):
            self.bad("policy", "standard", "应写作 [[policy.standard]] 表数组")
            return None
        result = []
        for i, item in enumerate(items, 1):
            where = f"policy.standard[{i}]"
            if not isinstance(item, dict):
                self.bad(where, "", "应为 { subsidy, from, monthly }")
                continue
            self.unknown_keys(item, where, {"subsidy", "from", "monthly"})
            name = subsidy_name(str(item.get("subsidy", "")))
            if name is None:
                self.bad(where, "subsidy", f"未知补贴类型 '{item.get('subsidy', '')}'（可用：生活补贴、护理补贴）")
            match = _MONTH.match(str(item.get("from", "")))
            if not match or not 1 <= int(match.group(2)) <= 12:
                self.bad(where, "from", f"月份 '{item.get('from', '')}' 应写作 YYYY-MM")
            monthly = to_decimal(item.get("monthly"))
            if monthly is None or monthly <= 0:
                self.bad(where, "monthly", "应为正数（元/人/月）")
            if name and match and 1 <= int(match.group(2)) <= 12 and monthly is not None and monthly > 0:
                start = dt.date(int(match.group(1)), int(match.group(2)), 1)
                result.append(Standard(name, start, monthly))
        return tuple(result)
