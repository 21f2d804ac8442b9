"""A different concept: ``policy`` -> ``politics``, ``de-escalation`` ->
``demilitarisation``, ``national currencies`` -> ``cryptocurrencies`` (medium).

Aligned word pairs judged by :mod:`~transcheck.drift.lexsim`: a listed false friend, or
two words whose own vectors are not close enough to be synonyms. A false-friend pair that
the alignment left unpaired (one word on each side, neither on the other) counts too.
"""

from __future__ import annotations

from ...types import DriftSpan
from ..align import Alignment
from ..lexsim import judge, runs, unaligned_false_friends
from .base import Detector, register, span


@register
class ConceptDetector(Detector):
    type = "concept"
    rank = 70
    residual = True

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        out = []
        for run in runs([p for p in judge(al) if p.cls == "concept"]):
            i0, i1 = min(p.i for p in run), max(p.i for p in run)
            j0, j1 = min(p.j for p in run), max(p.j for p in run)
            reasons = sorted({p.reason for p in run})
            cos = [p.cosine for p in run if p.cosine is not None]
            extra = f", word cosine {min(cos):.2f}" if cos else ""
            out.append(span(al, "concept", "medium", al.a.span(i0, i1), al.b.span(j0, j1),
                            f"concept: '{al.a.slice(*al.a.span(i0, i1))}' -> "
                            f"'{al.b.slice(*al.b.span(j0, j1))}' ({', '.join(reasons)}{extra})"))
        done_a = {p.i for p in judge(al) if p.cls == "concept"}
        for ta, tb in unaligned_false_friends(al):
            if done_a & set(ta):
                continue
            done_a.update(ta)
            a_r = al.a.span(ta[0])
            b_r = al.b.span(tb[0])
            out.append(span(al, "concept", "medium", a_r, b_r,
                            f"concept: '{al.a.slice(*a_r)}' -> '{al.b.slice(*b_r)}' "
                            "(false friends)"))
        return out
