"""Lexical anchors for cross-language alignment: numbers and names that must align.

Contextual vectors place words by their role in the sentence, so a changed name or number
still aligns with its counterpart, but an unchanged one can drift. Equal numbers and names
that refer to the same entity (gazetteer id or transliteration) are boosted before the
argmax, which keeps the rest of the alignment honest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entities import skeleton_match, word_skeletons
from .facts import dates, mentions, quantities

if TYPE_CHECKING:
    from .align import Side

#: Added to the (centred) cosine of an anchored pair.
ANCHOR_BOOST = 0.5


def cross_anchors(a: Side, b: Side) -> dict[tuple[int, int], float]:
    out: dict[tuple[int, int], float] = {}
    da, db = dates(a), dates(b)
    qa, qb = quantities(a), quantities(b)
    for x in qa:
        for y in qb:
            if x.strong and x.same_as(y):
                out[(x.start, y.start)] = ANCHOR_BOOST
    for x in da:
        for y in db:
            shared = set(x.parts) & set(y.parts)
            if shared and all(x.parts[k] == y.parts[k] for k in shared):
                out[(x.start, y.start)] = ANCHOR_BOOST
    ma, mb = mentions(a), mentions(b)
    for x in ma:
        for y in mb:
            if x.related(y):
                out[(x.start, y.start)] = ANCHOR_BOOST
    # names in a cased script against any word of the other side that sounds the same
    sb = word_skeletons(b.views, b.lang)
    sa = word_skeletons(a.views, a.lang)
    for ms, other in ((ma, sb), (mb, sa)):
        for m in ms:
            if m.entity.kind not in ("name", "person"):
                continue
            for k, sk in other.items():
                if any(skeleton_match(s, sk) for s in m.skeletons):
                    key = (m.start, k) if ms is ma else (k, m.start)
                    out.setdefault(key, ANCHOR_BOOST)
    return out
