"""A .docx as the perturbation harness sees it: every paragraph, in the body or in a table
cell, with the table, row, column, header and row cells it stands in; and one change to one
paragraph's runs written to a copy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Unit:
    """One paragraph of the docx, in the body or in a table cell, with where it stands."""

    index: int  # paragraph order in the document
    text: str
    table: int | None = None  # table order, for cells
    row: int = 0
    col: int = 0
    header: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()  # the row's cells


def _paragraphs(document) -> Iterator[tuple[object, int | None, int, int]]:
    """(w:p element, table number, row, column) in body order; cells of merged spans once."""
    from docx.oxml.ns import qn  # heavy: python-docx only when a docx is perturbed

    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield child, None, 0, 0
        elif child.tag == qn("w:tbl"):
            tables += 1
            for r, tr in enumerate(child.findall(qn("w:tr"))):
                for c, tc in enumerate(tr.findall(qn("w:tc"))):
                    for p in tc.iter(qn("w:p")):
                        yield p, tables, r, c


def _text(p) -> str:
    from docx.oxml.ns import qn  # heavy: see _paragraphs

    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def units(path: Path) -> list[Unit]:
    import docx  # heavy: see _paragraphs

    document = docx.Document(str(path))
    items = list(_paragraphs(document))
    rows: dict[tuple[int, int], dict[int, str]] = {}
    for p, table, r, c in items:
        if table is not None:
            cell = rows.setdefault((table, r), {})
            cell[c] = cell.get(c, "") + _text(p)
    out = []
    for i, (p, table, r, c) in enumerate(items):
        if table is None:
            out.append(Unit(i, _text(p)))
        else:
            header = rows.get((table, 0), {})
            cells = rows[(table, r)]
            out.append(Unit(i, _text(p), table, r, c, tuple(header[k] for k in sorted(header)),
                            tuple(cells[k] for k in sorted(cells))))
    return out


def apply_change(source: Path, unit: int, start: int, end: int, new: str, target: Path) -> Path:
    """Write `source` with the one change to `target`: the text of one paragraph's runs, the
    first run that the changed span touches taking the new text."""
    import docx  # heavy: see _paragraphs
    from docx.oxml.ns import qn

    document = docx.Document(str(source))
    para = next(el for i, (el, *_rest) in enumerate(_paragraphs(document)) if i == unit)
    pos = 0
    placed = False
    for t in para.iter(qn("w:t")):
        text = t.text or ""
        lo, hi = pos, pos + len(text)
        pos = hi
        if hi <= start or lo >= end:
            continue
        a, b = max(start, lo) - lo, min(end, hi) - lo
        t.text = text[:a] + ("" if placed else new) + text[b:]
        placed = True
    if not placed:
        raise ValueError(f"change outside paragraph {unit}: {start}–{end}")
    document.save(str(target))
    return target
