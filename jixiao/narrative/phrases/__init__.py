"""Every Chinese word the report prints, in one place (STYLE 16), by kind of text:
`outline` — titles, the data-driven sections, tables, problems and recommendations;
`inputs` — the sections report.yaml feeds (overview, goals, evaluation work, evidence);
`prose` — how each rule's outcome reads in the body, and the cause of each finding family.

Templates are str.format strings whose fields are already-formatted numbers
(jixiao.narrative.numbers), so wording is reviewed and changed here without touching any
computation. Import as `from jixiao.narrative import phrases as P`."""

from jixiao.narrative.phrases.inputs import *  # noqa: F403
from jixiao.narrative.phrases.outline import *  # noqa: F403
from jixiao.narrative.phrases.outline import cn_ordinal  # noqa: F401
from jixiao.narrative.phrases.prose import *  # noqa: F403
