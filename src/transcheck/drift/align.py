"""Word alignment between a reference rendering ``a`` and a rendering ``b``.

Same language
    :class:`difflib.SequenceMatcher` over the light stems of the content tokens (words and
    numbers; punctuation and brackets are left out) gives ``equal``/``replace``/``delete``/
    ``insert`` blocks. Equal blocks align word for word. A content word deleted in one place
    and inserted in another is then linked as *moved* (growing over equal neighbours, so
    "since 1997" moves as a whole), which the reorder detector reports. The rest of each
    ``replace`` block is refined with the encoder: words are paired greedily by the cosine
    of their contextual word vectors (the mean of the word's subword vectors, centred on the
    two sentences' mean); the single content word of each side of a block always pair, and
    digits pair only with numbers. Without an encoder replace blocks pair word for word when
    their lengths agree, otherwise by spelling similarity.

Different languages
    SimAlign-style: the cosine matrix of contextual word vectors (centred) with
    *anchors* added (equal numbers and dates, names of one entity or transliterating alike,
    so that they align whatever the vectors say), times a mild distortion prior
    ``1 - kappa * (i/m - j/n) ** 2``; pairs are the intersection of the forward and backward
    argmax, extended by SimAlign's "itermax" over still-unaligned words. Words past the
    encoder's length limit have no vector and align only through anchors.

Without an encoder, cross-language pairs align only through their anchors, and only the
detectors that compare normalised values (numbers, dates, names) run on them; everything
else needs a word alignment (see :mod:`transcheck.drift.core`).
"""

from __future__ import annotations

import difflib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar

import numpy as np

from ..encoders.base import Encoder
from .lexicon import TokenView, stopwords, views
from .normalize import base_lang
from .tokens import Token, tokenize
from .vectors import dot_rows, word_vectors

T = TypeVar("T")
PairKind = Literal["equal", "replace", "moved", "cross"]

#: Replace-block pairs need at least this centred cosine (1:1 blocks always pair).
SAME_LANG_PAIR_MIN = 0.10
#: Spelling similarity (difflib ratio) that pairs words in replace blocks without an encoder.
CHAR_PAIR_MIN = 0.5
#: SimAlign distortion prior strength.
DISTORTION_KAPPA = 0.5
#: Cross-language pairs below this centred cosine are dropped as noise.
CROSS_PAIR_MIN = 0.0
#: SimAlign itermax rounds and damping.
ITERMAX_ROUNDS = 2
ITERMAX_ALPHA = 0.9


@dataclass(frozen=True)
class AlignedPair:
    """Token ``i`` of ``a`` aligned with token ``j`` of ``b`` (indices into the token lists)."""

    i: int
    j: int
    score: float
    kind: PairKind


@dataclass
class Side:
    """One rendering: its text, language, tokens and their normalised forms."""

    text: str
    lang: str
    tokens: list[Token]
    views: list[TokenView]
    vectors: np.ndarray | None = None
    _memo: dict[object, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """Compute something about this rendering once (dates, numbers, names...)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    @cached_property
    def content(self) -> list[int]:
        """Indices of the words and numbers."""
        return [t.index for t in self.tokens if t.is_content]

    def is_stop(self, i: int) -> bool:
        return self.views[i].fold in stopwords(self.lang)

    def span(self, i: int, j: int | None = None) -> tuple[int, int]:
        """Character span of tokens ``i..j`` (inclusive)."""
        j = i if j is None else j
        return self.tokens[i].start, self.tokens[j].end

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass
class Alignment:
    """Both token lists, the aligned pairs and what is left unaligned on each side."""

    a: Side
    b: Side
    pairs: list[AlignedPair]
    same_language: bool
    method: str
    encoder: Encoder | None = None
    unaligned_a: list[int] = field(default_factory=list)
    unaligned_b: list[int] = field(default_factory=list)
    _a2b: dict[int, list[AlignedPair]] = field(default_factory=dict, repr=False)
    _b2a: dict[int, list[AlignedPair]] = field(default_factory=dict, repr=False)
    _memo: dict[object, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """Compute something about this alignment once (dates, names, clause groups...)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def reindex(self) -> None:
        self.pairs.sort(key=lambda p: (p.i, p.j))
        self._a2b = defaultdict(list)
        self._b2a = defaultdict(list)
        for p in self.pairs:
            self._a2b[p.i].append(p)
            self._b2a[p.j].append(p)
        self.unaligned_a = [i for i in self.a.content if i not in self._a2b]
        self.unaligned_b = [j for j in self.b.content if j not in self._b2a]

    @property
    def tokens_a(self) -> list[Token]:
        return self.a.tokens

    @property
    def tokens_b(self) -> list[Token]:
        return self.b.tokens

    def side(self, which: str) -> Side:
        return self.a if which == "a" else self.b

    def other(self, which: str) -> Side:
        return self.b if which == "a" else self.a

    def partners(self, which: str, idx: int) -> list[AlignedPair]:
        """Pairs of token ``idx`` on side ``which`` ("a" or "b")."""
        return list((self._a2b if which == "a" else self._b2a).get(idx, ()))

    def partner_indices(self, which: str, idx: int) -> list[int]:
        return [p.j if which == "a" else p.i for p in self.partners(which, idx)]

    def counterpart_span(self, which: str, first: int, last: int | None = None
                         ) -> tuple[int, int]:
        """Character span on the other side that tokens ``first..last`` of ``which`` map to.

        The span of their aligned partners; with none, an empty span where they would be
        (just after the partner of the nearest aligned token before them).
        """
        last = first if last is None else last
        other = self.other(which)
        idxs = [k for t in range(first, last + 1) for k in self.partner_indices(which, t)]
        if idxs:
            return other.tokens[min(idxs)].start, other.tokens[max(idxs)].end
        side = self.side(which)
        for t in range(first - 1, -1, -1):
            ks = self.partner_indices(which, t)
            if ks:
                pos = other.tokens[max(ks)].end
                return pos, pos
        for t in range(last + 1, len(side.tokens)):
            ks = self.partner_indices(which, t)
            if ks:
                pos = other.tokens[min(ks)].start
                return pos, pos
        return (0, 0) if first == 0 or not other.text else (len(other.text), len(other.text))


_SIDES: OrderedDict[tuple[str, str], tuple[list[Token], list[TokenView], dict[object, Any]]] = (
    OrderedDict())


def make_side(text: str, lang: str) -> Side:
    """A rendering's side of an alignment. One reference is compared with many renderings,
    and wire copies recur: its tokens and the facts memoised about it (dates, numbers,
    names...) are shared by every side of the same text (LRU), only the vectors are not."""
    key = (text, lang)
    hit = _SIDES.get(key)
    if hit is None:
        toks = tokenize(text)
        hit = (toks, views(toks, lang), {})
        _SIDES[key] = hit
        if len(_SIDES) > 4096:
            _SIDES.popitem(last=False)
    else:
        _SIDES.move_to_end(key)
    return Side(text, lang, hit[0], hit[1], _memo=hit[2])


def _centred(va: np.ndarray, vb: np.ndarray, rows_a: Sequence[int], rows_b: Sequence[int]
             ) -> tuple[np.ndarray, np.ndarray]:
    """Content-word vectors of both sides minus their joint mean, re-normalised."""
    A = va[list(rows_a)] if len(rows_a) else np.zeros((0, va.shape[1]), np.float32)
    B = vb[list(rows_b)] if len(rows_b) else np.zeros((0, vb.shape[1]), np.float32)
    both = np.concatenate([A, B]) if len(A) + len(B) else A
    present = np.linalg.norm(both, axis=1) > 0
    if not present.any():
        return A, B
    mean = both[present].mean(axis=0)

    def norm(M: np.ndarray) -> np.ndarray:
        ok = np.linalg.norm(M, axis=1) > 0
        M = M - mean
        n = np.linalg.norm(M, axis=1, keepdims=True)
        n[n == 0] = 1.0
        M = M / n
        M[~ok] = 0.0
        return M

    return norm(A), norm(B)


def _char_ratio(x: str, y: str) -> float:
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()


def _same_kind(a: Side, b: Side, i: int, j: int) -> bool:
    """Digits pair only with numbers, words only with words ("1997" is no match for "by")."""
    return (a.tokens[i].kind == "number") == (b.tokens[j].kind == "number")


def _pair_block(ia: list[int], ib: list[int], S: np.ndarray | None, a: Side, b: Side
                ) -> list[AlignedPair]:
    """Pair the words of one replace block (``S``: centred cosines, rows ia, cols ib).

    When the block has one content word (not a stopword) on each side, those two pair
    whatever their similarity: they fill the same slot (``elimination of`` / ``destroying``).
    """
    ca = [k for k, i in enumerate(ia) if not a.is_stop(i)]
    cb = [k for k, j in enumerate(ib) if not b.is_stop(j)]
    if len(ca) == 1 and len(cb) == 1 and (len(ia) > 1 or len(ib) > 1) \
            and _same_kind(a, b, ia[ca[0]], ib[cb[0]]):
        x, y = ca[0], cb[0]
        score = float(S[x, y]) if S is not None else _char_ratio(a.views[ia[x]].fold,
                                                                b.views[ib[y]].fold)
        rest_a = [i for k, i in enumerate(ia) if k != x]
        rest_b = [j for k, j in enumerate(ib) if k != y]
        sub = None
        if S is not None and rest_a and rest_b:
            sub = S[np.ix_([k for k in range(len(ia)) if k != x],
                           [k for k in range(len(ib)) if k != y])]
        out = [AlignedPair(ia[x], ib[y], round(score, 4), "replace")]
        if rest_a and rest_b:
            out.extend(_pair_block(rest_a, rest_b, sub, a, b))
        return out
    if S is None:
        if len(ia) == len(ib):
            return [AlignedPair(i, j, round(_char_ratio(a.views[i].fold, b.views[j].fold), 4),
                                "replace") for i, j in zip(ia, ib, strict=True)
                    if _same_kind(a, b, i, j)]
        M = np.array([[_char_ratio(a.views[i].fold, b.views[j].fold)
                       if _same_kind(a, b, i, j) else -1.0 for j in ib] for i in ia])
        thr = CHAR_PAIR_MIN
    else:
        M = S
        thr = SAME_LANG_PAIR_MIN
        if len(ia) == 1 and len(ib) == 1 and _same_kind(a, b, ia[0], ib[0]):
            return [AlignedPair(ia[0], ib[0], round(float(M[0, 0]), 4), "replace")]
    out: list[AlignedPair] = []
    M = M.astype(np.float64).copy()
    while M.size and np.isfinite(M).any():
        r, c = np.unravel_index(int(np.nanargmax(np.where(np.isfinite(M), M, -np.inf))),
                                M.shape)
        if M[r, c] < thr:
            break
        out.append(AlignedPair(ia[r], ib[c], round(float(M[r, c]), 4), "replace"))
        M[r, :] = -np.inf
        M[:, c] = -np.inf
    return out


def _link_moves(a: Side, b: Side, pairs: list[AlignedPair]) -> list[AlignedPair]:
    """Link a content word unaligned in ``a`` with the same word unaligned in ``b``."""
    done_a, done_b = {p.i for p in pairs}, {p.j for p in pairs}
    ua = [i for i in a.content if i not in done_a]
    ub = [j for j in b.content if j not in done_b]
    by_stem: dict[str, list[int]] = defaultdict(list)
    for j in ub:
        by_stem[b.views[j].stem].append(j)
    used_b: set[int] = set()
    moved: list[AlignedPair] = []
    na, nb = max(len(a.tokens), 1), max(len(b.tokens), 1)
    for i in ua:
        if a.is_stop(i):
            continue
        cands = [j for j in by_stem.get(a.views[i].stem, ()) if j not in used_b]
        if not cands:
            continue
        j = min(cands, key=lambda j: (abs(i / na - j / nb), j))
        used_b.add(j)
        moved.append(AlignedPair(i, j, 1.0, "moved"))
    # grow each moved word over adjacent words that are equal on both sides
    aligned_a = {p.i for p in pairs} | {p.i for p in moved}
    aligned_b = {p.j for p in pairs} | {p.j for p in moved}
    grown = list(moved)
    for p in moved:
        for step in (-1, 1):
            i, j = p.i + step, p.j + step
            while (0 <= i < len(a.tokens) and 0 <= j < len(b.tokens)
                   and a.tokens[i].is_content and b.tokens[j].is_content
                   and i not in aligned_a and j not in aligned_b
                   and a.views[i].stem == b.views[j].stem):
                grown.append(AlignedPair(i, j, 1.0, "moved"))
                aligned_a.add(i)
                aligned_b.add(j)
                i += step
                j += step
    return grown


def _align_same(a: Side, b: Side, encoder: Encoder | None) -> tuple[list[AlignedPair], str]:
    ca, cb = a.content, b.content
    sa = [a.views[i].stem for i in ca]
    sb = [b.views[j].stem for j in cb]
    sm = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
    pairs: list[AlignedPair] = []
    blocks: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend(AlignedPair(ca[x], cb[y], 1.0, "equal")
                         for x, y in zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "replace":
            blocks.append((ca[i1:i2], cb[j1:j2]))
    # a word that left one place and reappears in another moved: link it before pairing
    # the replace blocks, so that it is not paired with some other word of its block
    pairs.extend(_link_moves(a, b, pairs))
    moved_a = {p.i for p in pairs}
    moved_b = {p.j for p in pairs}
    blocks = [([i for i in ia if i not in moved_a], [j for j in ib if j not in moved_b])
              for ia, ib in blocks]
    blocks = [(ia, ib) for ia, ib in blocks if ia and ib]
    method = "diff"
    Ca = Cb = None
    if blocks and encoder is not None:
        a.vectors = word_vectors(encoder, a.text, a.tokens)
        b.vectors = word_vectors(encoder, b.text, b.tokens)
        Ca, Cb = _centred(a.vectors, b.vectors, ca, cb)
        method = "diff+embeddings"
    pos_a = {t: k for k, t in enumerate(ca)}
    pos_b = {t: k for k, t in enumerate(cb)}
    for ia, ib in blocks:
        S = None
        if Ca is not None and Cb is not None:
            S = dot_rows(Ca[[pos_a[i] for i in ia]], Cb[[pos_b[j] for j in ib]])
            for x, i in enumerate(ia):
                for y, j in enumerate(ib):
                    if not _same_kind(a, b, i, j):
                        S[x, y] = min(S[x, y], SAME_LANG_PAIR_MIN - 1.0)
        pairs.extend(_pair_block(ia, ib, S, a, b))
    return pairs, method


def _itermax(sim: np.ndarray, rounds: int = ITERMAX_ROUNDS,
             alpha: float = ITERMAX_ALPHA) -> np.ndarray:
    """SimAlign's argmax intersection plus iterative argmax (``sim`` must be >= 0)."""
    m, n = sim.shape
    fwd = np.eye(n)[sim.argmax(axis=1)]
    bwd = np.eye(m)[sim.argmax(axis=0)]
    inter = fwd * bwd.T
    if min(m, n) <= 2:
        return inter
    for _ in range(1, rounds):
        mask_x = 1.0 - np.tile(inter.sum(1)[:, None], (1, n)).clip(0.0, 1.0)
        mask_y = 1.0 - np.tile(inter.sum(0)[None, :], (m, 1)).clip(0.0, 1.0)
        mask = (alpha * mask_x + alpha * mask_y).clip(0.0, 1.0)
        mask_zeros = 1.0 - (1.0 - mask_x) * (1.0 - mask_y)
        if mask_x.sum() < 1.0 or mask_y.sum() < 1.0:
            break
        new_sim = sim * mask
        f = np.eye(n)[new_sim.argmax(axis=1)] * mask_zeros
        bk = np.eye(m)[new_sim.argmax(axis=0)].T * mask_zeros
        new = f * bk
        if np.array_equal(inter + new, inter):
            break
        inter = inter + new
    return inter.clip(0.0, 1.0)


def _align_cross(a: Side, b: Side, encoder: Encoder | None,
                 anchors: dict[tuple[int, int], float]) -> tuple[list[AlignedPair], str]:
    ca, cb = a.content, b.content
    if encoder is None or not ca or not cb:
        pairs = [AlignedPair(i, j, round(w, 4), "cross") for (i, j), w in sorted(anchors.items())]
        return _one_to_one(pairs), "anchors" if pairs else "none"
    a.vectors = word_vectors(encoder, a.text, a.tokens)
    b.vectors = word_vectors(encoder, b.text, b.tokens)
    # words past the encoder's length limit have no vector and never align
    ca = [i for i in ca if a.vectors[i].any()]
    cb = [j for j in cb if b.vectors[j].any()]
    if not ca or not cb:
        pairs = [AlignedPair(i, j, round(w, 4), "cross") for (i, j), w in sorted(anchors.items())]
        return _one_to_one(pairs), "anchors" if pairs else "none"
    A, B = _centred(a.vectors, b.vectors, ca, cb)
    S = dot_rows(A, B)
    pa = {t: k for k, t in enumerate(ca)}
    pb = {t: k for k, t in enumerate(cb)}
    for (i, j), w in anchors.items():
        if i in pa and j in pb:
            S[pa[i], pb[j]] = max(S[pa[i], pb[j]], 0.0) + w
    m, n = S.shape
    ri = (np.arange(m)[:, None] / max(m - 1, 1))
    rj = (np.arange(n)[None, :] / max(n - 1, 1))
    D = (S + 1.0) / 2.0 * (1.0 - DISTORTION_KAPPA * (ri - rj) ** 2)
    M = _itermax(D)
    pairs = [AlignedPair(ca[x], cb[y], round(float(S[x, y]), 4), "cross")
             for x, y in zip(*np.nonzero(M), strict=True) if S[x, y] >= CROSS_PAIR_MIN]
    # past the length limit, numbers and names still align by their anchors
    used_a, used_b = {p.i for p in pairs}, {p.j for p in pairs}
    for (i, j), w in sorted(anchors.items()):
        if (i not in pa or j not in pb) and i not in used_a and j not in used_b:
            pairs.append(AlignedPair(i, j, round(w, 4), "cross"))
            used_a.add(i)
            used_b.add(j)
    return pairs, "simalign-itermax"


def _one_to_one(pairs: list[AlignedPair]) -> list[AlignedPair]:
    out, used_a, used_b = [], set(), set()
    for p in sorted(pairs, key=lambda p: (-p.score, p.i, p.j)):
        if p.i in used_a or p.j in used_b:
            continue
        used_a.add(p.i)
        used_b.add(p.j)
        out.append(p)
    return out


def align(a: str, b: str, *, lang_a: str, lang_b: str, encoder: Encoder | None = None
          ) -> Alignment:
    """Align two renderings (see the module docstring for the method)."""
    la, lb = base_lang(lang_a), base_lang(lang_b)
    side_a, side_b = make_side(a, la), make_side(b, lb)
    if la == lb:
        pairs, method = _align_same(side_a, side_b, encoder)
    else:
        from .anchors import cross_anchors

        pairs, method = _align_cross(side_a, side_b, encoder, cross_anchors(side_a, side_b))
    return Alignment(side_a, side_b, pairs, la == lb, method, encoder)
