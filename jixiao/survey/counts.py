"""Answer or tally cells → option counts per question, with every answer accounted for:
valid (counted), missing (blank cell) or rejected (unrecognised, located by row and column).

An unrecognised answer is excluded from its question only; the respondent's other
answers still count (按问题个别剔除)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from jixiao.errors import Problem
from jixiao.survey import messages
from jixiao.survey.cells import AnswerCell, TallyCell
from jixiao.survey.options import fold, is_blank, normalise_answer, normalise_option
from jixiao.vocabulary import SATISFACTION_OPTIONS

TOTAL_HEADERS = ("合计", "小计", "总计", "样本数", "有效样本", "有效问卷", "人数", "回答人数")


@dataclass(frozen=True)
class Rejected:
    """An answer (or a tallies column) that could not be read, and where it is."""

    file: str
    row: int
    column: str
    question: str
    answer: str
    count: int = 1  # tallies: the answers the unreadable column held
    kind: str = "answer"  # "answer": one cell of the answers form · "option": a tallies column

    def problem(self) -> Problem:
        where = "" if self.question == self.column else self.question
        return Problem(self.file, messages.rejected(self), where, self.column, self.row)


@dataclass
class QuestionCounts:
    question: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SATISFACTION_OPTIONS, 0))
    missing: int = 0
    rejected: int = 0
    respondents: set[tuple[str, int]] = field(default_factory=set)  # answers form: (file, row)

    @property
    def valid(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Counted:
    form: str  # "answers" | "tallies"
    questions: tuple[QuestionCounts, ...]
    rejected: tuple[Rejected, ...]
    respondents: int  # answers: distinct rows; tallies: the largest question total
    warnings: tuple[str, ...] = ()


def count_answers(cells: Iterable[AnswerCell]) -> Counted:
    questions: dict[str, QuestionCounts] = {}
    rejected: list[Rejected] = []
    rows: set[tuple[str, int]] = set()
    for cell in cells:
        q = questions.setdefault(cell.question, QuestionCounts(cell.question))
        rows.add((cell.file, cell.row))
        if is_blank(cell.answer):
            q.missing += 1
            continue
        option = normalise_answer(cell.answer)
        if option is None:
            q.rejected += 1
            rejected.append(Rejected(cell.file, cell.row, cell.column, cell.question, cell.answer))
        else:
            q.counts[option] += 1
    return Counted("answers", tuple(questions.values()), tuple(rejected), len(rows))


def count_tallies(cells: Iterable[TallyCell]) -> Counted:
    questions: dict[str, QuestionCounts] = {}
    totals: dict[str, list[tuple[TallyCell, int]]] = {}
    rejected: list[Rejected] = []
    warnings: list[str] = []
    rows: dict[str, set[int]] = {}
    for cell in cells:
        q = questions.setdefault(cell.question, QuestionCounts(cell.question))
        rows.setdefault(cell.question, set()).add(cell.row)
        option = normalise_option(cell.option)
        if option is None and _is_total(cell.option):
            totals.setdefault(cell.question, []).append((cell, cell.count))
        elif option is None or cell.count < 0:
            q.rejected += max(cell.count, 0)
            rejected.append(Rejected(cell.file, cell.row, cell.option, cell.question, str(cell.count),
                                     cell.count, "option"))
        else:
            q.counts[option] += cell.count
    for question, seen in rows.items():
        if len(seen) > 1:
            warnings.append(messages.question_repeated(question, sorted(seen)))
    for question, given in totals.items():
        q = questions[question]
        for cell, total in given:
            if total != q.valid + q.rejected:
                warnings.append(messages.total_mismatch(cell, q.valid + q.rejected))
    respondents = max((q.valid + q.rejected for q in questions.values()), default=0)
    return Counted("tallies", tuple(questions.values()), tuple(rejected), respondents, tuple(warnings))


def _is_total(header: str) -> bool:
    return fold(header) in TOTAL_HEADERS
