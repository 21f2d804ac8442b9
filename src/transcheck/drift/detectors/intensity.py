"""Intensity changed: ``disappointed`` -> ``very disappointed``, ``extremely`` ->
``somewhat``, ``elimination`` -> ``destroying``.

Two signals, both medium severity:

* intensifiers (``very``, ``крайне``, ``ძალიან``, ``بسیار``) and downtoners (``somewhat``,
  ``несколько``, ``გარკვეულწილად``, ``تا حدی``) from ``data/lexicon.json``, compared per
  clause group: one added or dropped, or a strong one swapped for a weak one;
* aligned word pairs in one language that sit at different points of one scale
  (``concerned`` -> ``alarmed``, ``elimination`` -> ``destroying``; the ``scale`` lists).

Russian ``несколько`` is a downtoner only before an adjective or participle
(``несколько разочарованы``); before a noun it means "several".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...types import DriftSpan
from ..align import Alignment
from ..clauses import clause_groups
from ..lexicon import PhraseSet, TokenView, compile_pattern, load_data, split_phrase
from .base import Detector, register, span

_RU_ADJ = re.compile(r".+(ы|ен|на|но|ны|ый|ий|ой|ая|ое|ые|ом|ым|ых|ому|ого|ую)$")


@dataclass(frozen=True)
class Intensifier:
    start: int
    end: int
    strong: bool
    text: str


@cache
def _lexicon(lang: str) -> PhraseSet[bool]:
    data = load_data("lexicon.json")["intensity"].get(lang, {})
    entries = [(p, True) for p in data.get("strong", ())] + \
        [(p, False) for p in data.get("weak", ())]
    if lang == "ru":
        entries.append(("несколько", False))
    return PhraseSet(entries, lang)


@cache
def _scale(lang: str) -> list[tuple[list, list]]:
    out = []
    for weak, strong in load_data("lexicon.json")["scale"].get(lang, ()):
        out.append(([_phrase_matcher(p, lang) for p in weak],
                    [_phrase_matcher(p, lang) for p in strong]))
    return out


def _phrase_matcher(p: str, lang: str):  # type: ignore[no-untyped-def]
    return compile_pattern(split_phrase(p)[0], lang)


def scale_step(al: Alignment, i: int, j: int) -> int:
    """+1 if b's word is stronger than a's on a listed scale, -1 if weaker, else 0."""
    if not al.same_language:
        return 0
    ta, tb = al.a.views[i], al.b.views[j]
    for weak, strong in _scale(al.a.lang):
        wa, sa = any(m(ta) for m in weak), any(m(ta) for m in strong)
        wb, sb = any(m(tb) for m in weak), any(m(tb) for m in strong)
        if wa and sb and not sa:
            return 1
        if sa and wb and not sb:
            return -1
    return 0


def intensifiers(al: Alignment, which: str) -> list[Intensifier]:
    def compute() -> list[Intensifier]:
        side = al.side(which)
        out = []
        vs: list[TokenView] = side.views
        for m in _lexicon(side.lang).find(vs):
            if side.lang == "ru" and vs[m.start].fold == "несколько":
                nxt = vs[m.end] if m.end < len(vs) else None
                if nxt is None or not _RU_ADJ.fullmatch(nxt.fold):
                    continue
            out.append(Intensifier(m.start, m.end, m.value,
                                   side.slice(side.tokens[m.start].start,
                                              side.tokens[m.end - 1].end)))
        return out

    return al.side(which).memo("intensifiers", compute)  # a fact of the text alone


def _head_counterpart(al: Alignment, which: str, x: Intensifier) -> tuple[int, int]:
    """Where the intensified word is on the other side (the word after the marker)."""
    side = al.side(which)
    for k in range(x.end, min(x.end + 3, len(side.tokens))):
        if side.tokens[k].is_content:
            r = al.counterpart_span(which, k)
            if r[0] != r[1]:
                return r[0], r[0]
            break
    return al.counterpart_span(which, x.start, x.end - 1)


@register
class IntensityDetector(Detector):
    type = "intensity"
    rank = 60

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        groups, tg = clause_groups(al)
        out: list[DriftSpan] = []
        ia, ib = intensifiers(al, "a"), intensifiers(al, "b")
        for g, grp in enumerate(groups):
            if not grp.two_sided:
                continue
            xa = [x for x in ia if tg[("a", x.start)] == g]
            xb = [y for y in ib if tg[("b", y.start)] == g]
            left_a, left_b = list(xa), list(xb)
            for x in list(left_a):
                ys = [y for y in left_b if y.strong == x.strong]
                if ys:
                    left_a.remove(x)
                    left_b.remove(ys[0])
            for x, y in zip(list(left_a), list(left_b), strict=False):
                out.append(span(al, "intensity", "medium", al.a.span(x.start, x.end - 1),
                                al.b.span(y.start, y.end - 1),
                                f"intensity: '{x.text}' -> '{y.text}'"))
                left_a.remove(x)
                left_b.remove(y)
            for x in left_a:
                kind = "intensifier" if x.strong else "downtoner"
                out.append(span(al, "intensity", "medium", al.a.span(x.start, x.end - 1),
                                _head_counterpart(al, "a", x),
                                f"intensity: {kind} '{x.text}' dropped"))
            for y in left_b:
                kind = "intensifier" if y.strong else "downtoner"
                out.append(span(al, "intensity", "medium", _head_counterpart(al, "b", y),
                                al.b.span(y.start, y.end - 1),
                                f"intensity: {kind} '{y.text}' added"))
        for p in al.pairs:
            if p.kind in ("replace", "moved"):
                step = scale_step(al, p.i, p.j)
                if step:
                    word = "stronger" if step > 0 else "weaker"
                    out.append(span(al, "intensity", "medium", al.a.span(p.i), al.b.span(p.j),
                                    f"intensity: '{al.a.tokens[p.i].text}' -> "
                                    f"'{al.b.tokens[p.j].text}' ({word})"))
        return out
