"""Wording: an aligned word replaced by a synonym (``alliance`` -> ``coalition``), low.

Same-language pairs only (across languages every word is "reworded"); judged by
:mod:`~transcheck.drift.lexsim`.
"""

from __future__ import annotations

from ...types import DriftSpan
from ..align import Alignment
from ..lexsim import judge, runs
from .base import Detector, register, span


@register
class WordingDetector(Detector):
    type = "wording"
    rank = 80
    residual = True

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        if not al.same_language:
            return []
        out = []
        for run in runs([p for p in judge(al) if p.cls == "wording"]):
            i0, i1 = min(p.i for p in run), max(p.i for p in run)
            j0, j1 = min(p.j for p in run), max(p.j for p in run)
            out.append(span(al, "wording", "low", al.a.span(i0, i1), al.b.span(j0, j1),
                            f"wording: '{al.a.slice(*al.a.span(i0, i1))}' -> "
                            f"'{al.b.slice(*al.b.span(j0, j1))}'"))
        return out
