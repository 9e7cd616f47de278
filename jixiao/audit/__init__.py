"""Audit: the store's tables → Findings, and the entitlement recomputation behind them.

Every check is a set-based Ibis expression over the store (DuckDB here, Spark later);
one module per family of checks, all registered in `jixiao.audit.checks.CHECKS`."""
