"""Citations of the evidence: a basis (or any text of report.yaml) that writes [E1] prints
the document's name with its number, 《…会议纪要》（证据E1）."""

from __future__ import annotations

from jixiao.evaluation import Evaluation
from jixiao.narrative import phrases as P
from jixiao.reportinputs.model import CITATION


def cite(ev: Evaluation, text: str) -> str:
    """`text` with every [E1] replaced by the evidence's name and number."""
    if not text or "[" not in text and "【" not in text:
        return text
    known = ev.report.evidence_by_id()

    def one(m) -> str:  # type: ignore[no-untyped-def]
        e = known.get(m.group(1))
        return P.CITED.format(name=e.name, id=e.id) if e else m.group(0)

    return CITATION.sub(one, text)


def cited_names(ev: Evaluation, text: str) -> list[str]:
    """The names of the evidence a text cites, in order, once each."""
    known = ev.report.evidence_by_id()
    return list(dict.fromkeys(known[i].name for i in CITATION.findall(text or "") if i in known))
