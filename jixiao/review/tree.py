"""The indicator tree a report describes, recovered from codes (A → A1 → A11 → A111) or,
in a report without codes, from the outline of its "名称（分值…，得分…）" items
(1. 决策 → (1) 论证充分性); each node with every weight and score stated for it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.review.claims import Claim
from jixiao.review.extract import Extraction


@dataclass
class Node:
    key: str
    label: str
    weights: list[Claim] = field(default_factory=list)
    scores: list[Claim] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)

    @property
    def weight(self) -> Decimal | None:
        return consensus(self.weights)

    @property
    def score(self) -> Decimal | None:
        return consensus(self.scores)

    def leaves(self) -> list["Node"]:
        return [self] if not self.children else [x for c in self.children for x in c.leaves()]


def consensus(claims: list[Claim]) -> Decimal | None:
    """The value a report gives most often, its score tables first."""
    if not claims:
        return None
    tables = [c for c in claims if c.origin == "table"]
    pool = tables or claims
    counts = Counter(c.value.normalize() for c in pool)
    return max(counts, key=lambda v: (counts[v], -min(c.order for c in pool if c.value == v)))


def code_tree(ex: Extraction) -> list[Node]:
    """Roots of the tree of coded indicators (parents found by the longest code prefix)."""
    nodes: dict[str, Node] = {}
    for key, claims in ex.by_key.items():
        if key.startswith("名称:"):
            continue
        node = nodes.setdefault(key, Node(key, ex.label(key)))
        node.weights += [c for c in claims if c.attr == "weight"]
        node.scores += [c for c in claims if c.attr == "score"]
    for code in list(nodes):  # parents named only by their children's codes
        for cut in range(1, len(code)):
            nodes.setdefault(code[:cut], Node(code[:cut], ex.label(code[:cut])))
    roots = []
    for code in sorted(nodes, key=_code_order):
        parent = next((code[:cut] for cut in range(len(code) - 1, 0, -1) if code[:cut] in nodes), None)
        (nodes[parent].children if parent else roots).append(nodes[code])
    return roots


def _code_order(code: str) -> tuple:
    return (code[0], len(code), code)


def prose_trees(ex: Extraction) -> list[list[Node]]:
    """One tree per run of outline items that state 分值 and 得分 (a report's analysis part)."""
    items: list[tuple[int, Node]] = []
    seen: dict[tuple[int, int], Node] = {}  # (block, quote) → the item's node
    for c in ex.claims:
        if c.rank is None or c.origin != "text" or not c.name:
            continue
        key = (c.context[0], hash(c.quote))
        node = seen.get(key)
        if node is None:
            node = Node("名称:" + c.name, f"“{c.name}”")
            seen[key] = node
            items.append((c.rank, node))
        (node.weights if c.attr == "weight" else node.scores).append(c)
    trees: list[list[Node]] = []
    stack: list[tuple[int, Node]] = []
    roots: list[Node] = []
    for rank, node in items:
        while stack and stack[-1][0] >= rank:
            stack.pop()
        if stack:
            stack[-1][1].children.append(node)
        else:
            if roots and rank < min(r for r, _ in items):
                trees.append(roots)
                roots = []
            roots.append(node)
        stack.append((rank, node))
    if roots:
        trees.append(roots)
    return trees
