"""The built-in checks, listed explicitly: importing a family registers its checks."""

from __future__ import annotations

from jixiao.audit import (  # noqa: F401  (registration by import)
    coverage,
    eligibility,
    identity,
    ingest_passthrough,
    payment_checks,
    roster_checks,
    timeliness,
)
from jixiao.audit.checks import CHECKS

FAMILIES = ("ingest_passthrough", "roster_checks", "eligibility", "payment_checks", "coverage", "timeliness",
            "identity")

__all__ = ["CHECKS", "FAMILIES"]
