"""Modality changed: ``should`` -> ``has to``, ``must`` -> ``may``, ``باید`` -> ``بهتر است``.

Modal verbs and hedges (``data/lexicon.json``) carry a set of classes: obligation, advice,
possibility, prediction. Within a clause group, modals are matched when their classes are
compatible: the same set in one language (``must`` = ``has to``, ``should`` != ``must``);
overlapping sets across languages, since Georgian ``უნდა``, Persian ``باید`` and Russian
``должен`` each cover both "must" and "should". Left-over modals on both sides are a
modality change (high); a left-over on one side only is a modal dropped or added (medium).
Negation is not modality: ``can`` -> ``cannot`` keeps the class and is reported by the
negation detector. Prediction (``will``, ``будет``, ``خواهد``) is compared only with a
modal it is directly aligned with, since many languages mark the future in the verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...types import DriftSpan
from ..align import Alignment
from ..clauses import clause_groups
from ..facts import dates
from ..lexicon import PhraseSet, load_data
from .base import Detector, register, span


@dataclass(frozen=True)
class Modal:
    start: int
    end: int
    classes: frozenset[str]
    text: str

    @property
    def prediction_only(self) -> bool:
        return self.classes == {"prediction"}


@cache
def _lexicon(lang: str) -> PhraseSet[frozenset[str]]:
    data = load_data("lexicon.json")["modality"].get(lang, {})
    entries = [(p, frozenset(key.split("+"))) for key, ps in data.items() if not
               key.startswith("_") for p in ps]
    return PhraseSet(entries, lang)


def modals(al: Alignment, which: str) -> list[Modal]:
    def compute() -> list[Modal]:
        side = al.side(which)
        skip = {k for d in dates(al, which) for k in range(d.start, d.end)}
        out = []
        for m in _lexicon(side.lang).find(side.views):
            if m.start in skip:
                continue
            out.append(Modal(m.start, m.end, m.value,
                             side.slice(side.tokens[m.start].start, side.tokens[m.end - 1].end)))
        return out

    return al.side(which).memo("modals", compute)  # a fact of the text alone


def _compatible(al: Alignment, x: Modal, y: Modal) -> bool:
    if al.same_language:
        return x.classes == y.classes
    return bool(x.classes & y.classes)


def _aligned(al: Alignment, x: Modal, y: Modal) -> bool:
    p = {j for t in range(x.start, x.end) for j in al.partner_indices("a", t)}
    return bool(p & set(range(y.start, y.end)))


def _describe(m: Modal) -> str:
    return f"'{m.text}' ({'/'.join(sorted(m.classes))})"


@register
class ModalityDetector(Detector):
    type = "modality"
    rank = 50

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        groups, tg = clause_groups(al)
        out: list[DriftSpan] = []
        for g, grp in enumerate(groups):
            xa = [m for m in modals(al, "a") if tg[("a", m.start)] == g]
            xb = [m for m in modals(al, "b") if tg[("b", m.start)] == g]
            if not xa and not xb:
                continue
            if not grp.two_sided:
                continue
            out.extend(self._group(al, xa, xb))
        return out

    def _group(self, al: Alignment, xa: list[Modal], xb: list[Modal]) -> list[DriftSpan]:
        out: list[DriftSpan] = []
        left_a, left_b = list(xa), list(xb)
        # compatible pairs: aligned ones first, then in order
        for aligned_only in (True, False):
            for x in list(left_a):
                ys = [y for y in left_b if _compatible(al, x, y)
                      and (not aligned_only or _aligned(al, x, y))]
                if ys:
                    left_a.remove(x)
                    left_b.remove(ys[0])
        # a prediction aligned with another modal is a change; otherwise it is not compared
        for x in list(left_a):
            for y in list(left_b):
                if (x.prediction_only or y.prediction_only) and _aligned(al, x, y):
                    out.append(self._changed(al, x, y))
                    left_a.remove(x)
                    left_b.remove(y)
                    break
        left_a = [m for m in left_a if not m.prediction_only]
        left_b = [m for m in left_b if not m.prediction_only]
        for aligned_only in (True, False):
            for x in list(left_a):
                ys = [y for y in left_b if not aligned_only or _aligned(al, x, y)]
                if ys:
                    out.append(self._changed(al, x, ys[0]))
                    left_a.remove(x)
                    left_b.remove(ys[0])
        for x in left_a:
            out.append(span(al, "omission", "medium", al.a.span(x.start, x.end - 1),
                            al.counterpart_span("a", x.start, x.end - 1),
                            f"modality: {_describe(x)} dropped"))
        for y in left_b:
            out.append(span(al, "addition", "medium",
                            al.counterpart_span("b", y.start, y.end - 1),
                            al.b.span(y.start, y.end - 1), f"modality: {_describe(y)} added"))
        return out

    @staticmethod
    def _changed(al: Alignment, x: Modal, y: Modal) -> DriftSpan:
        return span(al, "modality", "high", al.a.span(x.start, x.end - 1),
                    al.b.span(y.start, y.end - 1),
                    f"modality: {_describe(x)} -> {_describe(y)}")
