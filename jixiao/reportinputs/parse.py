"""report.yaml → ReportInputs, validated: every problem at once, each with the file and the
key path (项目概况.立项依据[2].文号). Floats are read as exact decimals; aliases are refused."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import yaml

from jixiao.decimals import to_decimal
from jixiao.errors import JixiaoError, Problem, raise_if
from jixiao.reportinputs.model import (FUND_LEVELS, Evidence, FileSample, FundSource, Implementer, Interview,
                                       Lesson, Member, Phase, PolicyDocument, ReportInputs, SurveySample, Target,
                                       Visit, parse_target)

FILE = "report.yaml"
MAX_BYTES = 2 << 20
NONE_WORDS = ("无", "没有", "未开展", "不适用")
EVIDENCE_ID = re.compile(r"^[A-Za-z]{1,4}\d{1,4}$")
TOP = ("项目概况", "绩效目标", "评价工作", "证据", "说明", "主要经验", "其他需要说明的问题")
SECTIONS = {
    "项目概况": ("背景", "立项依据", "实施主体", "资金来源", "管理流程"),
    "绩效目标": ("总体目标", "指标"),
    "评价工作": ("目的", "阶段", "工作组", "方法", "现场核查", "访谈", "抽样"),
    "说明": ("结余", "指标"),
}
# list key → (Chinese key → attribute), the value type, required keys
RECORDS = {
    "项目概况.立项依据": ({"名称": "name", "文号": "number"}, PolicyDocument, ("名称",)),
    "项目概况.实施主体": ({"单位": "unit", "职责": "duties"}, Implementer, ("单位",)),
    "项目概况.资金来源": ({"级次": "level", "金额": "amount", "说明": "note"}, FundSource, ("级次",)),
    "绩效目标.指标": ({"名称": "name", "目标值": "target", "对应": "maps_to", "完成值": "actual"}, Target,
                  ("名称", "目标值")),
    "评价工作.阶段": ({"名称": "name", "开始": "start", "结束": "end", "内容": "work"}, Phase, ("名称",)),
    "评价工作.工作组": ({"姓名": "name", "角色": "role", "单位": "unit"}, Member, ("姓名",)),
    "评价工作.现场核查": ({"日期": "date", "地点": "place", "内容": "work"}, Visit, ("地点",)),
    "评价工作.访谈": ({"日期": "date", "对象": "who", "人数": "count", "方式": "how", "内容": "topics"}, Interview,
                  ("对象",)),
    "评价工作.抽样.档案": ({"总数": "total", "抽取": "drawn", "方法": "method", "说明": "note"}, FileSample, ()),
    "评价工作.抽样.问卷": ({"发放": "sent", "回收": "returned", "有效": "valid", "方法": "method", "时间": "period"},
                     SurveySample, ()),
    "证据": ({"编号": "id", "名称": "name", "类型": "kind", "说明": "note"}, Evidence, ("编号", "名称")),
    "主要经验": ({"标题": "title", "内容": "text"}, Lesson, ("标题",)),
}
DATES = {"开始", "结束", "日期"}
COUNTS = {"人数", "总数", "抽取", "发放", "回收", "有效"}
MONEY = {"金额"}


class ReportInputsError(JixiaoError):
    """report.yaml is wrong."""


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases (a hand-written file needs none) whose floats are decimals."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "不支持别名（*name），请直接写出内容",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A date as a date; an impossible one (2019-13-01) as its text, reported by the parser."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:float",
                        lambda loader, node: to_decimal(loader.construct_scalar(node).replace("_", "")))
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def report_path(root: Path) -> Path:
    return Path(root) / FILE


def load_report_inputs(root: Path, targets: Collection[str] | None = None) -> ReportInputs:
    """The workspace's report.yaml; an empty ReportInputs when there is none. `targets`: the
    names a goal's 对应 may give (metric ids, figure names); None leaves them unchecked."""
    path = report_path(root)
    if not path.is_file():
        return ReportInputs()
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReportInputsError(f"{path.name} 超过 {MAX_BYTES >> 20} MB，不像是报告信息文件")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportInputsError(f"无法读取 {path}：{exc}") from None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 — a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        raise ReportInputsError(f"{path.name} {where} YAML 格式错误：{getattr(exc, 'problem', exc)}") from None
    except RecursionError:
        raise ReportInputsError(f"{path.name} 无法读取：嵌套过深") from None
    return parse_report_inputs(data, path.name, targets)


def parse_report_inputs(data: object, file: str = FILE, targets: Collection[str] | None = None) -> ReportInputs:
    """Validate a parsed report.yaml; raise ReportInputsError listing every problem."""
    return _Parser(file, targets).parse(data)


class _Parser:
    def __init__(self, file: str, targets: Collection[str] | None):
        self.file = file
        self.targets = targets
        self.problems: list[Problem] = []
        self.given: set[str] = set()

    def bad(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, "", key))

    def parse(self, data: object) -> ReportInputs:
        if data is None:
            return ReportInputs(file=self.file)
        if not isinstance(data, dict):
            raise ReportInputsError(f"{self.file} 应为一个映射，含 {'、'.join(TOP)} 等键")
        self.unknown(data, "", TOP)
        s = {name: self.section(data, name) for name in SECTIONS}
        view, goals, work, notes = s["项目概况"], s["绩效目标"], s["评价工作"], s["说明"]
        files_sample, survey_sample = self.sampling(work)
        inputs = ReportInputs(
            file=self.file,
            background=self.text(view, "项目概况.背景"),
            documents=self.records(view, "项目概况.立项依据"),
            implementers=self.records(view, "项目概况.实施主体"),
            fund_sources=self.funds(view),
            process=self.text(view, "项目概况.管理流程"),
            goal=self.text(goals, "绩效目标.总体目标"),
            targets=self.goal_targets(goals),
            purpose=self.text(work, "评价工作.目的"),
            phases=self.records(work, "评价工作.阶段"),
            team=self.records(work, "评价工作.工作组"),
            methods=self.words(work, "评价工作.方法"),
            visits=self.records(work, "评价工作.现场核查"),
            interviews=self.records(work, "评价工作.访谈"),
            files_sample=files_sample, survey_sample=survey_sample,
            evidence=self.evidence(data),
            balance_note=self.text(notes, "说明.结余"),
            indicator_notes=self.indicator_notes(notes),
            lessons=self.records(data, "主要经验"),
            other=self.words(data, "其他需要说明的问题"),
        )
        raise_if(self.problems, ReportInputsError, f"报告信息 {self.file} 有错误")
        return replace(inputs, given=frozenset(self.given))

    # --- shapes ---------------------------------------------------------------------------

    def unknown(self, obj: Mapping, where: str, known: Iterable[str]) -> None:
        known = tuple(known)
        for key in obj:
            if key not in known:
                self.bad(f"{where}.{key}" if where else str(key), f"未知的键（可用：{'、'.join(known)}）")

    def section(self, data: dict, name: str) -> dict:
        value = data.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.bad(name, f"应为映射，含 {'、'.join(SECTIONS[name])}")
            return {}
        self.unknown(value, name, SECTIONS[name])
        return value

    def text(self, table: dict, key: str) -> str:
        value = table.get(_leaf(key))
        if value is None:
            return ""
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.bad(key, "应为文字")
            return ""
        if value.strip():
            self.given.add(key)
        return clean(value)

    def words(self, table: dict, key: str) -> tuple[str, ...]:
        """A list of texts, one text, or 无 (none)."""
        value = table.get(_leaf(key))
        if value is None:
            return ()
        self.given.add(key)
        if isinstance(value, str):
            return () if value.strip() in NONE_WORDS else (clean(value),)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.bad(key, "应为文字的列表")
            return ()
        return tuple(clean(v) for v in value if v.strip())

    def records(self, table: dict, key: str) -> tuple:
        """A list of mappings with Chinese keys, as values of the key's type; 无 or [] = none."""
        raw = table.get(_leaf(key))
        if raw is None:
            return ()
        self.given.add(key)
        if isinstance(raw, str) and raw.strip() in NONE_WORDS:
            return ()
        names = RECORDS[key][0]
        if not isinstance(raw, list):
            self.bad(key, f"应为列表，每项含 {'、'.join(names)}（未开展写“无”）")
            return ()
        out = (self.record(item, f"{key}[{n}]", key) for n, item in enumerate(raw, 1))
        return tuple(r for r in out if r is not None)

    def record(self, item: object, where: str, key: str) -> object | None:
        names, kind, required = RECORDS[key]
        if not isinstance(item, dict):
            self.bad(where, f"应为映射，含 {'、'.join(names)}")
            return None
        self.unknown(item, where, names)
        values: dict[str, object] = {}
        ok = True
        for zh, attr in names.items():
            value, here = item.get(zh), f"{where}.{zh}"
            if value is None or (isinstance(value, str) and not value.strip()):
                if zh in required:
                    self.bad(here, "缺少此项")
                    ok = False
                values[attr] = None if zh in DATES | COUNTS | MONEY else ""
            elif zh in DATES:
                values[attr] = self.date(value, here)
            elif zh in COUNTS:
                values[attr] = self.count(value, here)
            elif zh in MONEY:
                values[attr] = self.money(value, here)
            elif isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
                values[attr] = clean(str(value))
            else:
                self.bad(here, "应为文字")
                ok = False
        return kind(**values) if ok else None

    def date(self, value: object, key: str) -> dt.date | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.bad(key, f"日期 '{value}' 无法识别，应写作 2023-03-31")
        return None

    def count(self, value: object, key: str) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        self.bad(key, f"应为非负整数，而不是 '{value}'")
        return None

    def money(self, value: object, key: str) -> Decimal | None:
        amount = to_decimal(str(value).replace(",", "")) if not isinstance(value, bool) else None
        if amount is None or amount < 0:
            self.bad(key, f"应为金额（元），而不是 '{value}'")
            return None
        return amount

    # --- sections with rules of their own ------------------------------------------------------

    def funds(self, view: dict) -> tuple[FundSource, ...]:
        order = {level: i for i, level in enumerate(FUND_LEVELS)}
        return tuple(sorted(self.records(view, "项目概况.资金来源"), key=lambda f: order.get(f.level, len(order))))

    def goal_targets(self, goals: dict) -> tuple[Target, ...]:
        key = "绩效目标.指标"
        items = self.records(goals, key)
        for n, t in enumerate(items, 1):
            if t.maps_to and self.targets is not None and t.maps_to not in self.targets:
                self.bad(f"{key}[{n}].对应", f"未知的指标值或数字名称 '{t.maps_to}'（可用：{'、'.join(sorted(self.targets))}）")
            elif t.maps_to and parse_target(t.target) is None:
                self.bad(f"{key}[{n}].目标值", f"写了“对应”时目标值应为数，如 100%、≥95%、3968人，而不是 '{t.target}'")
        return items

    def sampling(self, work: dict) -> tuple[FileSample | None, SurveySample | None]:
        key = "评价工作.抽样"
        raw = work.get("抽样")
        if raw is None:
            return None, None
        self.given.add(key)
        if isinstance(raw, str) and raw.strip() in NONE_WORDS:
            return None, None
        if not isinstance(raw, dict):
            self.bad(key, "应为映射，含 档案、问卷（未开展写“无”）")
            return None, None
        self.unknown(raw, key, ("档案", "问卷"))
        out = []
        for part in ("档案", "问卷"):
            value = raw.get(part)
            none = value is None or (isinstance(value, str) and value.strip() in NONE_WORDS)
            out.append(None if none else self.record(value, f"{key}.{part}", f"{key}.{part}"))
        return out[0], out[1]  # type: ignore[return-value]

    def evidence(self, data: dict) -> tuple[Evidence, ...]:
        items = self.records(data, "证据")
        seen: set[str] = set()
        for n, e in enumerate(items, 1):
            if not EVIDENCE_ID.match(e.id):
                self.bad(f"证据[{n}].编号", f"应为字母加数字，如 E1、F12，而不是 '{e.id}'")
            elif e.id in seen:
                self.bad(f"证据[{n}].编号", f"编号 {e.id} 重复")
            seen.add(e.id)
        return items

    def indicator_notes(self, notes: dict) -> dict[str, str]:
        raw = notes.get("指标")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.bad("说明.指标", "应为 指标代码: 说明 的映射，如 B111: 资金支出率偏低的原因……")
            return {}
        out = {}
        for code, text in raw.items():
            if not isinstance(text, str) or not text.strip():
                self.bad(f"说明.指标.{code}", "应为文字")
                continue
            out[str(code)] = clean(text)
        self.given.add("说明.指标")
        return out


def _leaf(key: str) -> str:
    return key.rsplit(".", 1)[-1]


_CJK = "\u3000-\u9fff\uff00-\uffef"


def clean(text: str) -> str:
    """A text as the report prints it: folded lines joined (no space between two Chinese
    characters), a blank line kept as a paragraph break."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))
    return "\n\n".join(re.sub(rf"(?<=[{_CJK}]) (?=[{_CJK}])", "", p) for p in paragraphs if p)
