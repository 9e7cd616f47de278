"""Hand-made report snippets for the per-check tests: a .txt in the form converters write
(paragraphs one per line, table rows with tab-separated cells)."""

from __future__ import annotations

from pathlib import Path

from jixiao.review import Review


def write_snippet(folder: Path, text: str, name: str = "报告.txt") -> Path:
    path = folder / name
    path.write_text(text.strip("\n") + "\n", encoding="utf-8")
    return path


def table(*rows: str) -> str:
    """Rows written with ' | ' between cells, as the tests read best, as tab-separated lines."""
    return "\n".join("\t".join(c.strip() for c in row.split("|")) for row in rows)


def codes(review: Review) -> list[str]:
    return [f.code for f in review.findings]


def found(review: Review, code: str) -> list:
    return [f for f in review.findings if f.code == code]
