"""Numbers changed or missing: ``eight articles`` -> ``six articles``, ``20 млн`` -> ``2 млн``.

Numbers are compared as values (:mod:`~transcheck.drift.numbers`): digits in any script and
number words in all four languages, with multipliers, percentages, fractions and durations
normalised (``two weeks`` = ``a fortnight``). Numbers that are part of a date are left to
the date detector. A value with no equal value on the other side is paired with an
unmatched value there (preferring the one it is aligned with) and reported as changed;
without one it is reported as missing or added. A lone "one" (also an article) is reported
only when it changed into another number.
"""

from __future__ import annotations

from ...types import DriftSpan
from ..align import Alignment
from ..facts import quantities
from ..numbers import Quantity
from .base import Detector, register, span


def _partners(al: Alignment, q: Quantity) -> set[int]:
    return {j for t in range(q.start, q.end) for j in al.partner_indices("a", t)}


@register
class NumberDetector(Detector):
    type = "number"
    rank = 20
    needs_alignment = False

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        qa, qb = list(quantities(al, "a")), list(quantities(al, "b"))
        left_a, left_b = list(qa), list(qb)
        # equal values: aligned ones first, then the nearest in text order
        for aligned_only in (True, False):
            for x in list(left_a):
                cands = [y for y in left_b if x.same_as(y)]
                if aligned_only:
                    p = _partners(al, x)
                    cands = [y for y in cands if p & set(range(y.start, y.end))]
                if cands:
                    y = min(cands, key=lambda y: abs(y.start / max(len(al.b.tokens), 1)
                                                     - x.start / max(len(al.a.tokens), 1)))
                    left_a.remove(x)
                    left_b.remove(y)
        out: list[DriftSpan] = []
        # changed: aligned first, then in order
        for x in list(left_a):
            p = _partners(al, x)
            ys = [y for y in left_b if p & set(range(y.start, y.end))]
            if ys:
                out.append(self._changed(al, x, ys[0]))
                left_a.remove(x)
                left_b.remove(ys[0])
        strong_a = [x for x in left_a if x.strong]
        strong_b = [y for y in left_b if y.strong]
        for x, y in zip(strong_a, strong_b, strict=False):
            out.append(self._changed(al, x, y))
            left_a.remove(x)
            left_b.remove(y)
        for x in left_a:
            if x.strong:
                own = al.a.span(x.start, x.end - 1)
                out.append(span(al, "number", "high", own,
                                al.counterpart_span("a", x.start, x.end - 1),
                                f"number: '{x.text}' ({x.label()}) missing"))
        for y in left_b:
            if y.strong:
                own = al.b.span(y.start, y.end - 1)
                out.append(span(al, "number", "high",
                                al.counterpart_span("b", y.start, y.end - 1), own,
                                f"number: '{y.text}' ({y.label()}) added"))
        return out

    @staticmethod
    def _changed(al: Alignment, x: Quantity, y: Quantity) -> DriftSpan:
        return span(al, "number", "high", al.a.span(x.start, x.end - 1),
                    al.b.span(y.start, y.end - 1),
                    f"number: {x.label()} -> {y.label()} ('{x.text}' -> '{y.text}')")
