"""Review (复核) of a third-party evaluation report: read the file, extract its score tables
and figures, run every registered check, and return the findings with the score table as
the report's own figures recompute it.

    from jixiao.review import review_file
    result = review_file(Path("报告.docx"))
"""

from __future__ import annotations

from pathlib import Path

from jixiao.review import checks  # noqa: F401  (registers the checks)
from jixiao.review.extract import extract
from jixiao.review.findings import CHECKS
from jixiao.review.readers import read_report
from jixiao.review.result import Review, build_review


def review_file(path: Path) -> Review:
    report = read_report(path)
    ex = extract(report)
    findings = [f for _, entry in CHECKS.items() for f in entry.run(ex)]
    return build_review(ex, findings)


__all__ = ["Review", "review_file"]
