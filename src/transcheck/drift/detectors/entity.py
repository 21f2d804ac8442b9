"""Names changed: ``Geneva`` -> ``Sudis``, ``the UN`` -> ``the European Union``,
``Азербайджан`` -> ``Турция``, ``российских`` -> ``белорусских``.

Mentions (:mod:`~transcheck.drift.entities`) on one side are matched with the other side
by gazetteer id, then (among the mentions still unmatched) by a related id (Moscow for
Russia), and names by transliterated skeleton against every word of the other side (so a
Latin-script name is found in Georgian or Persian text). An unmatched mention aligned with
an unmatched mention on the other side, or the only unmatched mention of a compatible kind
in the same clause group, is a changed entity (high); an unmatched mention with no such
counterpart was dropped or added (medium).
"""

from __future__ import annotations

from ...types import DriftSpan
from ..align import Alignment
from ..clauses import clause_groups
from ..entities import ENTITY_KINDS_PLACE, Mention, skeleton_match, word_skeletons
from ..facts import mentions
from .base import Detector, register, span


def _compatible(x: Mention, y: Mention) -> bool:
    kx, ky = x.entity.kind, y.entity.kind
    if "name" in (kx, ky) or kx == ky:
        return True
    return kx in ENTITY_KINDS_PLACE and ky in ENTITY_KINDS_PLACE


def _exact(m: Mention, o: Mention) -> bool:
    if "name" in (m.entity.kind, o.entity.kind):
        return m.related(o)
    return m.entity.id == o.entity.id


def _unmatched(ma: list[Mention], mb: list[Mention], wa: dict[int, str], wb: dict[int, str]
               ) -> tuple[list[Mention], list[Mention]]:
    """Mentions of each side with no counterpart: the same entity (or name) first; then a
    related one among the leftovers (Moscow for Russia), so that "Georgia ... Tbilisi" vs
    "Georgia ... Batumi" still leaves Tbilisi and Batumi unmatched."""

    def by_name(m: Mention, words: dict[int, str]) -> bool:
        return m.entity.kind in ("name", "person") and any(
            skeleton_match(s, w) for s in m.skeletons for w in words.values())

    left_a = [m for m in ma if not any(_exact(m, o) for o in mb) and not by_name(m, wb)]
    left_b = [m for m in mb if not any(_exact(m, o) for o in ma) and not by_name(m, wa)]
    la = [m for m in left_a if not any(m.related(o) for o in left_b)]
    lb = [m for m in left_b if not any(m.related(o) for o in left_a)]
    return la, lb


@register
class EntityDetector(Detector):
    type = "entity"
    rank = 40
    needs_alignment = False

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        ma, mb = mentions(al, "a"), mentions(al, "b")
        wa = word_skeletons(al.a.views, al.a.lang)
        wb = word_skeletons(al.b.views, al.b.lang)
        left_a, left_b = _unmatched(ma, mb, wa, wb)
        out: list[DriftSpan] = []
        # changed: aligned with each other
        for x in list(left_a):
            p = {j for t in range(x.start, x.end) for j in al.partner_indices("a", t)}
            ys = [y for y in left_b if p & set(range(y.start, y.end)) and _compatible(x, y)]
            if ys:
                out.append(self._changed(al, x, ys[0]))
                left_a.remove(x)
                left_b.remove(ys[0])
        # changed: the only candidates of their clause group
        if left_a and left_b:
            _, tg = clause_groups(al)
            for x in list(left_a):
                g = tg[("a", x.start)]
                ys = [y for y in left_b if tg[("b", y.start)] == g and _compatible(x, y)]
                xs = [z for z in left_a if tg[("a", z.start)] == g and _compatible(z, ys[0])] \
                    if ys else []
                if len(ys) == 1 and xs == [x]:
                    out.append(self._changed(al, x, ys[0]))
                    left_a.remove(x)
                    left_b.remove(ys[0])
        for x in left_a:
            out.append(span(al, "omission", "medium", al.a.span(x.start, x.end - 1),
                            al.counterpart_span("a", x.start, x.end - 1),
                            f"entity: '{x.text}' missing"))
        for y in left_b:
            out.append(span(al, "addition", "medium",
                            al.counterpart_span("b", y.start, y.end - 1),
                            al.b.span(y.start, y.end - 1), f"entity: '{y.text}' added"))
        return out

    @staticmethod
    def _changed(al: Alignment, x: Mention, y: Mention) -> DriftSpan:
        def name(m: Mention) -> str:
            return m.entity.id if m.entity.kind != "name" else "?"

        return span(al, "entity", "high", al.a.span(x.start, x.end - 1),
                    al.b.span(y.start, y.end - 1),
                    f"entity: '{x.text}' ({name(x)}) -> '{y.text}' ({name(y)})")
