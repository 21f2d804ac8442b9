"""Words in one rendering with no counterpart in the other.

* *omission*: in ``a`` (the reference), not in ``b``; *addition*: in ``b``, not in ``a``.
* Adjacent unaligned words merge into one span. Stopwords alone are never reported; a
  span with a single content word is low (a paraphrase adds or drops single words all the
  time: "a legal *commitment*", "*go* ahead"; the note says "function word" for
  adverbs such as ``also``, ``ещё``, ``კვლავ``, ``هنوز``), a phrase of two or more content
  words medium. Dropped names, numbers, dates and modals are reported by their own
  detectors, whatever their length.
* Across languages, SimAlign leaves many translated words unaligned (one word for two, a
  case ending for a preposition), so a word counts as missing only if no word on the other
  side is similar to it (centred cosine below ``CROSS_COVERED``), and a span needs two such
  words.
* Bracketed editorial insertions are left to :mod:`.editorial`.
"""

from __future__ import annotations

import numpy as np

from ...types import DriftSpan
from ..align import Alignment
from ..lexicon import weak_words
from ..vectors import dot_rows
from .base import Detector, oriented, register, span
from .editorial import editorial_tokens

#: Cross-language: a word whose best centred cosine to the other side reaches this is
#: taken to be translated somewhere, even if SimAlign left it unaligned.
CROSS_COVERED = 0.15


def _uncovered(al: Alignment, which: str, idxs: list[int]) -> set[int]:
    """Cross-language: the words with no similar word anywhere on the other side."""
    side, other = al.side(which), al.other(which)
    if side.vectors is None or other.vectors is None:
        return set(idxs)
    oc = other.content
    if not oc:
        return set(idxs)
    sc = side.content
    oc = [k for k in oc if other.vectors[k].any()]
    if not oc:
        return set()
    both = np.concatenate([side.vectors[sc], other.vectors[oc]])
    ok = np.linalg.norm(both, axis=1) > 0
    mean = both[ok].mean(axis=0) if ok.any() else np.zeros(both.shape[1])

    def centred(M: np.ndarray) -> np.ndarray:
        M = M - mean
        n = np.linalg.norm(M, axis=1, keepdims=True)
        n[n == 0] = 1
        return M / n

    others = centred(other.vectors[oc])
    out = set()
    for k in idxs:
        v = side.vectors[k]
        if not np.linalg.norm(v):  # past the encoder's length limit: unknown, not missing
            continue
        best = float(dot_rows(centred(v[None, :]), others).max())
        if best < CROSS_COVERED:
            out.add(k)
    return out


def _gaps(al: Alignment, which: str) -> list[DriftSpan]:
    side = al.side(which)
    unaligned = al.unaligned_a if which == "a" else al.unaligned_b
    spans: list[DriftSpan] = []
    used = editorial_tokens(al, which)
    todo = [k for k in unaligned if k not in used]
    content_pos = {t: n for n, t in enumerate(side.content)}
    uncovered = set(todo) if al.same_language else _uncovered(al, which, todo)
    runs: list[list[int]] = []
    for k in todo:
        if runs and content_pos[k] == content_pos[runs[-1][-1]] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    weak = weak_words(side.lang)
    kind = "omission" if which == "a" else "addition"
    for run in runs:
        content = [k for k in run if not side.is_stop(k) and k in uncovered]
        if not content:
            continue
        if not al.same_language and len(content) < 2:
            continue
        # trim stopwords at both ends
        first = min(k for k in run if not side.is_stop(k))
        last = max(k for k in run if not side.is_stop(k))
        single = len(content) == 1
        functionish = single and side.views[content[0]].fold in weak
        severity = "low" if single else "medium"
        own = side.span(first, last)
        other = al.counterpart_span(which, first, last)
        a_r, b_r = oriented(al, which, own, other)
        what = "function word" if functionish else "word" if single else "phrase"
        spans.append(span(al, kind, severity, a_r, b_r,
                          f"{kind}: '{side.slice(*own)}' ({what})"))
    return spans


@register
class OmissionDetector(Detector):
    type = "omission"
    rank = 90
    residual = True

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        return _gaps(alignment, "a")


@register
class AdditionDetector(Detector):
    type = "addition"
    rank = 90
    residual = True

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        return _gaps(alignment, "b")
