"""Reordering: a phrase that moved (``since 1997`` from the end to the middle), low.

Same language only: the aligned pairs are walked in ``a`` order and the longest run that
is also in ``b`` order is kept (longest increasing subsequence); the pairs outside it moved.
Adjacent moved pairs form one span, reported when it holds a content word. Across languages
word order differs by grammar (Persian and Georgian put the verb last), so it is not
reported.
"""

from __future__ import annotations

from bisect import bisect_left

from ...types import DriftSpan
from ..align import AlignedPair, Alignment
from .base import Detector, register, span


def _lis(pairs: list[AlignedPair]) -> set[int]:
    """Indices (into ``pairs``, sorted by i) of a longest run with increasing j."""
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, p in enumerate(pairs):
        pos = bisect_left(tails, p.j)
        if pos == len(tails):
            tails.append(p.j)
            tails_idx.append(k)
        else:
            tails[pos] = p.j
            tails_idx[pos] = k
        prev[k] = tails_idx[pos - 1] if pos else -1
    out: set[int] = set()
    k = tails_idx[-1] if tails_idx else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


@register
class ReorderDetector(Detector):
    type = "reorder"
    rank = 100

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        if not al.same_language:
            return []
        pairs = sorted(al.pairs, key=lambda p: (p.i, p.j))
        keep = _lis(pairs)
        moved = [p for k, p in enumerate(pairs) if k not in keep]
        runs: list[list[AlignedPair]] = []
        pos_a = {t: n for n, t in enumerate(al.a.content)}
        pos_b = {t: n for n, t in enumerate(al.b.content)}
        for p in moved:
            last = runs[-1][-1] if runs else None
            if last and pos_a[p.i] == pos_a[last.i] + 1 and pos_b[p.j] == pos_b[last.j] + 1:
                runs[-1].append(p)
            else:
                runs.append([p])
        out = []
        for run in runs:
            if all(al.a.is_stop(p.i) for p in run):
                continue
            a_r = al.a.span(run[0].i, run[-1].i)
            b_r = al.b.span(run[0].j, run[-1].j)
            out.append(span(al, "reorder", "low", a_r, b_r,
                            f"reorder: '{al.a.slice(*a_r)}' moved"))
        return out
