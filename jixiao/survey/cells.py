"""The survey as read: answer cells (answers form) or tally cells (tallies form), each
located in its file, plus builders for in-memory tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerCell:
    """One respondent's answer to one question, as read (not yet normalised)."""

    row: int  # spreadsheet row as Excel shows it (header row = 1): the respondent
    column: str  # the column as the sheet names it (header text or letter)
    question: str
    answer: str
    file: str = ""


@dataclass(frozen=True)
class TallyCell:
    """How many respondents chose one option for one question, as read."""

    row: int
    question: str
    option: str  # as headed, not yet normalised
    count: int
    file: str = ""


def answer_cells(rows: Iterable[Mapping[str, object]], file: str = "", first_row: int = 2) -> list[AnswerCell]:
    """Answers form from respondent rows ({question: answer}); row numbers as Excel shows
    them with the header on row 1. Empty cells become blank answers."""
    cells = []
    for number, row in enumerate(rows, first_row):
        for question, answer in row.items():
            text = "" if answer is None else str(answer)
            cells.append(AnswerCell(number, question, question, text, file))
    return cells


def tally_cells(table: Mapping[str, Mapping[str, int]], file: str = "", first_row: int = 2) -> list[TallyCell]:
    """Tallies form from {question: {option: count}}, one row per question."""
    return [TallyCell(number, question, option, count, file)
            for number, (question, counts) in enumerate(table.items(), first_row)
            for option, count in counts.items()]
