"""Is an aligned word pair a synonym (wording) or a different concept?

For same-language ``replace`` pairs and cross-language pairs of content words (not
stopwords, numbers, or forms of one stem), in this order:

1. a listed *false friend* (``policy``/``politics``, ``de-escalation``/``demilitarisation``,
   ``national currencies``/``cryptocurrencies``; ``data/lexicon.json``) -> concept;
2. words on one intensity scale (``elimination``/``destroying``) -> left to the intensity
   detector;
3. same language only: the cosine of the two words encoded on their own
   (``encoder.encode([word])``, one batch for the few replaced words; context makes any two
   words in one slot look alike, the bare words do not): ``>= WORDING_MIN_COSINE`` is
   wording (a synonym), below it a different concept. Across languages an aligned pair
   that is not a false friend is a translation (not reported).

The thresholds were set on multilingual-e5-small, whose cosines are compressed into
0.78-0.97. In one language, synonyms from the labelled paraphrases (alliance/coalition
0.89, need/require 0.94, guarantees/assurances 0.89, готовы/согласны 0.87, change/alter
0.88, сняты/отменены 0.87) score >= 0.85, while "provided that"/"even if" (شرط/حتی 0.845)
or unrelated words in one slot (Geneva/Sudis 0.83, candidate/membership 0.86) score around
or below it: the threshold is 0.85. Across languages, faithful word translations already
score 0.79-0.85 (Бушерской/بوشهر 0.79, lift/لغو 0.81, December/დეკემბერში 0.83), no
lower than the concept changes, and encoding every aligned word would cost a forward pass
per 30 words, so cross-language concept changes come from the false-friend list only.
Antonyms and co-hyponyms (war/peace 0.89, east/west 0.89) score like synonyms, which is
why the false-friend list exists. Pairs whose words another detector
explains (numbers, dates, names, negation, modal verbs, intensifiers) and inflected forms
of one word (common prefix of 4+ letters and 60% of the shorter word) are not judged.
Without an encoder, unlisted same-language pairs count as wording and cross-language pairs
are not judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np

from .align import Alignment
from .lexicon import TokenView, compile_pattern, load_data, split_phrase

WORDING_MIN_COSINE = 0.85
#: Cross-language pairs need at least this centred contextual score to be judged at all.
CROSS_MIN_ALIGN = 0.15

PairClass = Literal["wording", "concept", "scale", "translation"]


@dataclass(frozen=True)
class JudgedPair:
    i: int
    j: int
    cls: PairClass
    cosine: float | None
    reason: str


@cache
def _false_friends(key: str) -> list[tuple[list, list]]:
    out = []
    lang = key if key != "cross" else "en"
    for x, y in load_data("lexicon.json")["false_friends"].get(key, ()):
        out.append(([_m(p, lang) for p in x], [_m(p, lang) for p in y]))
    return out


def _m(phrase: str, lang: str):  # type: ignore[no-untyped-def]
    pats = [compile_pattern(p, lang) for p in split_phrase(phrase)]
    return pats


def _hit(matchers: list, tv: TokenView) -> bool:
    # a multi-word entry matches when its last word matches (the head of the phrase)
    return any(pats[-1](tv) for pats in matchers)


def false_friends(al: Alignment, ta: TokenView, tb: TokenView) -> bool:
    keys = [al.a.lang] if al.same_language else ["cross", al.a.lang, al.b.lang]
    for key in keys:
        for x, y in _false_friends(key):
            if (_hit(x, ta) and _hit(y, tb) and not _hit(y, ta)) or (
                    _hit(y, ta) and _hit(x, tb) and not _hit(x, ta)):
                return True
    return False


def explained(al: Alignment, which: str) -> set[int]:
    """Tokens another detector accounts for: numbers, dates, names, negation, modals,
    intensifiers."""

    def compute() -> set[int]:
        from .detectors.intensity import intensifiers
        from .detectors.modality import modals
        from .detectors.negation import markers
        from .facts import dates, mentions, quantities

        out: set[int] = set()
        for group in (quantities(al, which), dates(al, which), mentions(al, which),
                      markers(al, which), modals(al, which), intensifiers(al, which)):
            for x in group:
                out.update(range(x.start, x.end))
        return out

    return al.memo(("explained", which), compute)


def inflected_forms(x: str, y: str) -> bool:
    """Two forms of one word (разочарованы/разочаровали, تعهدات/تعهداتش)."""
    n = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        n += 1
    return n >= 4 and n >= 0.6 * min(len(x), len(y))


def candidates(al: Alignment) -> list[tuple[int, int]]:
    """Aligned pairs worth judging."""
    ea, eb = explained(al, "a"), explained(al, "b")
    out = []
    for p in al.pairs:
        if al.same_language and p.kind != "replace":
            continue
        if not al.same_language and p.score < CROSS_MIN_ALIGN:
            continue
        ta, tb = al.a.views[p.i], al.b.views[p.j]
        if ta.token.kind != "word" or tb.token.kind != "word":
            continue
        if al.a.is_stop(p.i) or al.b.is_stop(p.j) or p.i in ea or p.j in eb:
            continue
        if al.same_language and (ta.stem == tb.stem or ta.fold == tb.fold):
            continue
        out.append((p.i, p.j))
    return out


def judge(al: Alignment) -> list[JudgedPair]:
    return al.memo("judged_pairs", lambda: _judge(al))


def _judge(al: Alignment) -> list[JudgedPair]:
    from .detectors.intensity import scale_step

    cands = candidates(al)
    if not cands:
        return []
    cos: dict[tuple[int, int], float] = {}
    if al.encoder is not None and al.same_language:
        words = sorted({al.a.tokens[i].text for i, _ in cands} |
                       {al.b.tokens[j].text for _, j in cands})
        vecs = al.encoder.encode(words)
        index = {w: k for k, w in enumerate(words)}
        for i, j in cands:
            va = vecs[index[al.a.tokens[i].text]]
            vb = vecs[index[al.b.tokens[j].text]]
            cos[(i, j)] = float(np.dot(va, vb))
    out: list[JudgedPair] = []
    for i, j in cands:
        ta, tb = al.a.views[i], al.b.views[j]
        c = cos.get((i, j))
        if false_friends(al, ta, tb):
            out.append(JudgedPair(i, j, "concept", c, "false friends"))
        elif al.same_language and inflected_forms(ta.fold, tb.fold):
            continue
        elif scale_step(al, i, j):
            out.append(JudgedPair(i, j, "scale", c, "intensity scale"))
        elif al.same_language:
            if c is None or c >= WORDING_MIN_COSINE:
                out.append(JudgedPair(i, j, "wording", c, "synonym"))
            else:
                out.append(JudgedPair(i, j, "concept", c, "dissimilar words"))
        else:
            out.append(JudgedPair(i, j, "translation", c, "translation"))
    return out


def _ff_hits(al: Alignment, which: str, key: str) -> list[tuple[set[int], set[int]]]:
    """Per false-friend pair of ``key``: tokens of side ``which`` hitting x, hitting y."""
    side = al.side(which)

    def compute() -> list[tuple[set[int], set[int]]]:
        words = [v for v in side.views if v.token.kind == "word"]
        return [({v.token.index for v in words if _hit(x, v)},
                 {v.token.index for v in words if _hit(y, v)})
                for x, y in _false_friends(key)]

    return side.memo(("false_friends", key), compute)


def unaligned_false_friends(al: Alignment) -> list[tuple[list[int], list[int]]]:
    """False friends present one per side anywhere in the sentences (when the alignment did
    not pair them): ``валюты`` in ``a``, ``رمزارزها`` in ``b`` and neither word on the other
    side. Returns (tokens of a, tokens of b) per pair found."""
    keys = [al.a.lang] if al.same_language else ["cross", al.a.lang, al.b.lang]
    out = []
    for key in keys:
        for (ax, ay), (bx, by) in zip(_ff_hits(al, "a", key), _ff_hits(al, "b", key),
                                      strict=True):
            for a_first, a_second, b_first, b_second in ((ax, ay, bx, by), (ay, ax, by, bx)):
                ta = sorted(a_first - a_second)
                tb = sorted(b_second - b_first)
                if ta and tb and not a_second and not b_first:
                    out.append((ta, tb))
    return out


def runs(pairs: list[JudgedPair]) -> list[list[JudgedPair]]:
    """Consecutive pairs (adjacent on both sides) merged into one run."""
    out: list[list[JudgedPair]] = []
    for p in sorted(pairs, key=lambda p: (p.i, p.j)):
        if out and p.i - out[-1][-1].i <= 2 and 0 < p.j - out[-1][-1].j <= 2:
            out[-1].append(p)
        else:
            out.append([p])
    return out
