"""The one exception family. Every JixiaoError is the user's input being wrong (exit 2);
anything else escaping a command is a bug (exit 1)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    file: str
    message: str  # Chinese, for the user
    where: str = ""  # indicator code, table/sheet, or section: "C21", "[project]", "Sheet1"
    key: str = ""  # key or column: "weight", "year", "身份证号"
    row: int | None = None  # spreadsheet row as Excel shows it

    def __str__(self) -> str:
        place = " ".join(p for p in (self.where, self.key) if p)
        if self.row is not None:
            place = f"第{self.row}行 {place}".strip()
        return f"{place}：{self.message}" if place else self.message


class JixiaoError(Exception):
    """Bad input. Carries every problem found, so the user fixes them all in one go."""

    def __init__(self, summary: str, problems: list[Problem] | tuple[Problem, ...] = ()):
        self.summary = summary
        self.problems = tuple(problems)
        super().__init__(self.render())

    def render(self) -> str:
        if not self.problems:
            return self.summary
        lines = [f"{self.summary}（共 {len(self.problems)} 个问题）："]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class WorkspaceError(JixiaoError):
    """evaluation.toml or the workspace folder is wrong."""


class FrameworkError(JixiaoError):
    """framework.yaml is wrong."""


class JudgmentsError(JixiaoError):
    """judgments.yaml is wrong."""


class DataError(JixiaoError):
    """An input table cannot be read at all (missing file, sheet or required column)."""


def raise_if(problems: list[Problem], error: type[JixiaoError], summary: str) -> None:
    """Raise `error` listing every problem, if there are any."""
    if problems:
        raise error(summary, problems)


class ReportIncomplete(JixiaoError):
    """`jixiao report --final` while the report still lacks inputs."""
