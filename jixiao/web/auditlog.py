"""The audit log (修改记录): every change — who, when, what, old value, new value, basis.
Append-only (the table refuses UPDATE and DELETE); shown per indicator and per evaluation,
exported as xlsx with the working papers."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from jixiao.web.accounts import now_text
from jixiao.web.db import Database

HEADERS = ("序号", "时间", "用户", "对象", "操作", "原值", "新值", "依据")


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str
    user_name: str
    workspace: str
    target: str
    action: str
    old_value: str
    new_value: str
    basis: str

    @property
    def target_label(self) -> str:
        kind, _, rest = self.target.partition(":")
        return {"judgment": f"指标 {rest}", "review": "整个评价" if rest == "*" else f"指标 {rest}", "data": f"数据 {rest}",
                "settings": "基本信息", "run": "运行评价", "report": "报告内容", "evaluation": "评价"}.get(kind, self.target)


def record(db: Database, user: str, workspace: str, target: str, action: str,
           old: str = "", new: str = "", basis: str = "") -> None:
    with db.connect() as con:
        con.execute("INSERT INTO audit_log(at, user_name, workspace, target, action, old_value, new_value, basis) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (now_text(), user, workspace, target, action, old, new, basis))


def entries(db: Database, workspace: str, target: str | None = None) -> list[Entry]:
    """Newest first; `target` narrows to one object (e.g. 'judgment:A111')."""
    sql = "SELECT * FROM audit_log WHERE workspace = ?"
    params: tuple = (workspace,)
    if target:
        sql += " AND target = ?"
        params += (target,)
    return [Entry(**dict(r)) for r in db.read(sql + " ORDER BY seq DESC", params)]


def last_editor(db: Database, workspace: str, code: str) -> str | None:
    """Who last changed the judgment of a leaf: the one person who may not approve it."""
    rows = db.read("SELECT user_name FROM audit_log WHERE workspace = ? AND target = ? ORDER BY seq DESC LIMIT 1",
                   (workspace, f"judgment:{code}"))
    return rows[0]["user_name"] if rows else None


def editors(db: Database, workspace: str) -> dict[str, str]:
    """Leaf code → who last changed its judgment."""
    rows = db.read("SELECT target, user_name FROM audit_log WHERE workspace = ? AND target LIKE 'judgment:%' "
                   "ORDER BY seq", (workspace,))
    return {r["target"].split(":", 1)[1]: r["user_name"] for r in rows}


def write_xlsx(items: list[Entry], path: Path) -> Path:
    import xlsxwriter  # the same writer as the findings file

    book = xlsxwriter.Workbook(str(path))
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet("修改记录")
    sheet.write_row(0, 0, HEADERS, head)
    for i, e in enumerate(sorted(items, key=lambda e: e.seq), 1):
        sheet.write_row(i, 0, (e.seq, e.at, e.user_name, e.target_label, e.action, e.old_value, e.new_value, e.basis), wrap)
    for col, width in enumerate((6, 22, 12, 14, 14, 40, 40, 40)):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    book.close()
    return path


def changed_lines(old: str, new: str) -> tuple[str, str]:
    """The lines a text edit removed and added (for the log of a file changed through a form)."""
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return "\n".join(removed), "\n".join(added)
