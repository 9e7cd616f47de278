"""The registry of review checks: every check has a Chinese title and a severity, is tested
on a true case and a near miss (tests/review/test_checks_*.py), and is listed in
docs/contract.md and in the README's table of findings."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.review.findings import CHECKS, SEVERITIES
from tests.review import test_checks_other, test_checks_rates, test_checks_scores

ROOT = Path(__file__).resolve().parents[2]


def test_every_check_has_a_chinese_title_and_a_severity():
    for code, entry in CHECKS.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", code), code
        assert entry.severity in SEVERITIES and re.search(r"[\u4e00-\u9fff]{4}", entry.title), code


def test_every_check_is_tested_on_a_true_case_and_a_near_miss():
    tested = {c[0] for c in test_checks_other.CASES + test_checks_rates.CASES + test_checks_scores.CASES
              + test_checks_scores.CONFLICTS}
    tested |= {"full-marks-claim", "score-rule", "rounding-two-ways"}  # their own tests in test_checks_*
    assert set(CHECKS.names()) - tested == set()


def test_every_check_is_documented():
    contract = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    review_part = contract[contract.index("## review"):]
    for code in CHECKS.names():
        assert code in review_part, f"{code} not in docs/contract.md"
        assert f"`{code}`" in readme, f"{code} not in the README's table of findings"
