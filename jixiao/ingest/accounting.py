"""Row accounting: what became of each input table's rows (read = loaded + skipped +
rejected), and the ingest findings raised while reading them."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.findings import Finding


@dataclass(frozen=True)
class TableCount:
    table: str
    file: str
    read: int
    loaded: int
    skipped: int
    rejected: int

    def as_json(self) -> dict[str, int]:
        return {"read": self.read, "loaded": self.loaded, "skipped": self.skipped, "rejected": self.rejected}


@dataclass(frozen=True)
class LoadReport:
    counts: dict[str, TableCount]  # table → accounting, for every configured table
    findings: tuple[Finding, ...]  # ingest findings of all configured tables, by table and row
    refreshed: tuple[str, ...] = ()  # tables read this time (the others were unchanged)
    unchanged: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = ()  # Chinese: what the reader decided (sheet read, cells left out, stand-ins)

    def rows_json(self) -> dict[str, dict[str, int]]:
        """The `rows` part of the audit/check JSON (CONTRACT §6)."""
        return {t: c.as_json() for t, c in self.counts.items()}
