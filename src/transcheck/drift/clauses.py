"""Clauses and the groups of clauses that the alignment links across the two renderings.

A clause ends at ``, ; : . ! ? — –`` or before a clause-opening conjunction (``but``,
``однако``, ``მაგრამ``, ``اما``...; ``data/lexicon.json``). Clauses of ``a`` and ``b``
joined by at least one aligned pair fall into the same group (connected components), so a
group is "the same content" on both sides even when a translation splits or merges
clauses. Negation, modality and intensity are counted per group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import clause_breaks

if TYPE_CHECKING:
    from .align import Alignment, Side

_BREAK_PUNCT = set(",;:.!?\u2014\u2013\u061b\u060c\u2026")


def clause_ids(side: Side) -> list[int]:
    """Clause number of every token (punctuation belongs to the clause it closes)."""
    out: list[int] = []
    cid = 0
    breaks = clause_breaks(side.lang)
    pending = False
    for tv in side.views:
        t = tv.token
        if pending and t.kind != "punct":
            cid += 1
            pending = False
        if t.is_content and tv.fold in breaks and out and any(
                side.tokens[k].is_content for k in range(len(out)) if out[k] == cid):
            cid += 1
        out.append(cid)
        if t.kind == "punct" and t.text in _BREAK_PUNCT:
            pending = True
    return out


@dataclass
class ClauseGroup:
    clauses_a: set[int] = field(default_factory=set)
    clauses_b: set[int] = field(default_factory=set)
    tokens_a: list[int] = field(default_factory=list)
    tokens_b: list[int] = field(default_factory=list)

    @property
    def two_sided(self) -> bool:
        return bool(self.clauses_a) and bool(self.clauses_b)


def clause_groups(al: Alignment) -> tuple[list[ClauseGroup], dict[tuple[str, int], int]]:
    """Groups, and the group number of every token (``("a", i)`` / ``("b", j)``)."""

    def compute() -> tuple[list[ClauseGroup], dict[tuple[str, int], int]]:
        ca, cb = clause_ids(al.a), clause_ids(al.b)
        parent: dict[tuple[str, int], tuple[str, int]] = {}

        def find(x: tuple[str, int]) -> tuple[str, int]:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for c in set(ca):
            find(("a", c))
        for c in set(cb):
            find(("b", c))
        for p in al.pairs:
            ra, rb = find(("a", ca[p.i])), find(("b", cb[p.j]))
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        roots: dict[tuple[str, int], int] = {}
        groups: list[ClauseGroup] = []
        token_group: dict[tuple[str, int], int] = {}
        for side, ids in (("a", ca), ("b", cb)):
            for idx, c in enumerate(ids):
                r = find((side, c))
                if r not in roots:
                    roots[r] = len(groups)
                    groups.append(ClauseGroup())
                g = groups[roots[r]]
                (g.clauses_a if side == "a" else g.clauses_b).add(c)
                (g.tokens_a if side == "a" else g.tokens_b).append(idx)
                token_group[(side, idx)] = roots[r]
        return groups, token_group

    return al.memo("clause_groups", compute)
