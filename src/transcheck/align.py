"""Alignment: which quotes render the same utterance, and which part of it.

Candidate pairs come from blocking (same canonical speaker, different documents, nearby
publication dates when both are known); a pair links when its calibrated semantic
similarity, on the whole quotes or on the best-matching window of the longer one, clears
``link_similarity``. Clusters are the connected groups of links. A fragment ("reflect a
lack of understanding") links through the window of the longer rendering it matches, and
a quote split in two by one outlet links both halves to the other outlet's single block.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

from .encoders.base import Encoder
from .encoders.memo import MemoEncoder
from .metrics.calibration import Calibration
from .types import UNKNOWN_SPEAKER, Article, Quote

_WORD = re.compile(r"[^\W_]+(?:[\-’'\u200c][^\W_]+)*")
_CLAUSE_END = re.compile(r"[,;:.!?…—–]+(?=\s)|[.!?…]+$")


@dataclass(frozen=True)
class AlignConfig:
    """Thresholds of the aligner. Defaults were set on the seeds (README: Alignment)."""

    #: Calibrated similarity above which two quotes render the same words (cosine ~0.90
    #: for multilingual-e5-small). On the seeds, true renderings link at 0.85 or more and
    #: the closest unrelated remark of the same speaker reaches 0.75.
    link_similarity: float = 0.80
    #: The longer quote has at least this many times the words: try windows of it.
    fragment_ratio: float = 1.2
    #: Longest window, in clauses, tried inside the longer quote.
    max_window_clauses: int = 6
    #: Shorter fragments in the same language link only where their words occur verbatim;
    #: the meaning of two or three words is too thin for an embedding to place.
    min_semantic_words: int = 4
    #: Publication dates further apart than this never link (when both are known).
    date_window_days: int = 7
    #: Align quotes whose speaker is unknown (with each other only).
    include_unknown: bool = False
    #: Speaker blocks up to this size are compared pair by pair; larger ones through
    #: nearest neighbours (``neighbours`` per quote, raw cosine at least ``candidate_floor``).
    exhaustive_block: int = 300
    neighbours: int = 25
    candidate_floor: float = 0.80


@dataclass(frozen=True, slots=True)
class Link:
    i: int
    j: int
    cosine: float
    similarity: float
    window_i: tuple[int, int] | None
    window_j: tuple[int, int] | None


@dataclass
class Alignment:
    clusters: list[list[int]]
    links: dict[tuple[int, int], Link] = field(default_factory=dict)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[tuple[int, int, str], ...]:
    # cached: blocking, windows and references ask for the same quotes' words many times
    return tuple((m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text))


@lru_cache(maxsize=16384)
def clause_windows(text: str, max_clauses: int) -> tuple[tuple[int, int], ...]:
    """Contiguous runs of clauses, as character spans, trimmed of spaces and marks."""
    cuts = [0] + [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text)]
    cuts = sorted(set(cuts))
    spans = []
    for a in range(len(cuts) - 1):
        for b in range(a + 1, min(len(cuts), a + 1 + max_clauses)):
            s, e = cuts[a], cuts[b]
            while s < e and not text[s].isalnum():
                s += 1
            while e > s and not text[e - 1].isalnum():
                e -= 1
            if e > s:
                spans.append((s, e))
    return tuple(sorted(set(spans)))


def find_fragment(short: str, long: str) -> tuple[int, int] | None:
    """Where the words of ``short`` occur in order and contiguously in ``long``."""
    sw = [w for _, _, w in words(short)]
    lw = words(long)
    if not sw or len(sw) > len(lw):
        return None
    for k in range(len(lw) - len(sw) + 1):
        if all(lw[k + t][2] == sw[t] for t in range(len(sw))):
            return lw[k][0], lw[k + len(sw) - 1][1]
    return None


class _Vectors:
    """Encodes each distinct text once per run."""

    def __init__(self, encoder: Encoder):
        self.encoder = encoder
        self.cache: dict[str, np.ndarray] = {}

    def get(self, texts: Sequence[str], *, tokens: bool = True) -> np.ndarray:
        """Vectors of ``texts``; ``tokens=False`` tells a :class:`MemoEncoder` not to keep
        the subword states."""
        if isinstance(self.encoder, MemoEncoder):  # it remembers already: no second copy
            self.encoder.encode(sorted(set(texts)), tokens=tokens)
            return self.encoder.encode(texts) if texts else np.zeros((0, 1))
        missing = sorted({t for t in texts if t not in self.cache})
        if missing:
            got = self.encoder.encode(missing)
            for t, v in zip(missing, got, strict=True):
                self.cache[t] = v
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 1))


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _blocks(quotes: Sequence[Quote], config: AlignConfig) -> list[list[int]]:
    blocks: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        if q.speaker == UNKNOWN_SPEAKER and not config.include_unknown:
            continue
        blocks.setdefault(q.speaker, []).append(i)
    return [blocks[k] for k in sorted(blocks)]


def _bigrams(text: str) -> set[tuple[str, str]]:
    w = [x for _, _, x in words(text)]
    return set(zip(w, w[1:], strict=False)) if len(w) > 1 else {(w[0], "")} if w else set()


def _knn(members: list[int], vecs: np.ndarray, k: int, floor: float,
         keep: _Blocking | None = None, rows: np.ndarray | None = None) -> set[tuple[int, int]]:
    """Each quote's k most similar quotes of the block: the pairs grow with n*k, not n*n
    (the search itself still compares each quote with the whole block).

    ``vecs`` holds one row per distinct text and ``rows`` gives each member's row (default:
    one row per member). A speaker quoted all year repeats a few lines: the similarities
    are computed between distinct texts only and spread to the quotes, so every quote
    with the same words gets bitwise the same similarities, and the same selection, by
    construction. Each selection is still made over the whole block, on its own: that is
    what decides among equal similarities.

    ``keep`` drops the neighbours blocking rules out (same document, dates too far
    apart) as they are found, not after: for a speaker quoted all year, most of a
    quote's nearest neighbours are repeats from other months."""
    out: set[tuple[int, int]] = set()
    ids = np.asarray(members)
    n = len(members)
    if rows is None:
        rows = np.arange(n)
    kth = min(k, n - 1)
    # the quotes of each distinct text, distinct texts in order
    by_row = np.argsort(rows, kind="stable")
    cuts = np.searchsorted(rows[by_row], np.arange(len(vecs) + 1))
    for lo in range(0, len(vecs), 512):
        sims = (vecs[lo:lo + 512] @ vecs.T)[:, rows]  # distinct texts against every quote
        for x in range(len(sims)):
            quotes_of = by_row[cuts[lo + x]:cuts[lo + x + 1]]
            if not len(quotes_of):
                continue
            top = np.argpartition(-sims[x], kth)[:k + 1]
            grid = np.broadcast_to(top, (len(quotes_of), len(top)))
            ok = (sims[x][top] >= floor)[None, :] & (grid != quotes_of[:, None])
            if keep is not None:
                ok &= keep.allows(quotes_of, grid)
            r_idx, c_idx = np.nonzero(ok)
            a, b = ids[quotes_of[r_idx]], ids[top[c_idx]]
            out.update(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist(), strict=True))
    return out


class _Blocking:
    """The documents and publication days of one block's members, as arrays, to apply
    blocking's rules to many neighbours at once."""

    def __init__(self, members: list[int], quotes: Sequence[Quote],
                 days: dict[str, int | None], window: int):
        codes: dict[str, int] = {}
        self.doc = np.array([codes.setdefault(quotes[i].doc, len(codes)) for i in members])
        day = [days.get(quotes[i].doc) for i in members]
        self.day = np.array([-1 if d is None else d for d in day], dtype=np.int64)
        self.window = window

    def allows(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Rows (one member each) against a matrix of members, one row of it per row."""
        r = rows[:, None]
        dr, dc = self.day[r], self.day[cols]
        return ((self.doc[r] != self.doc[cols])
                & ((dr < 0) | (dc < 0) | (np.abs(dr - dc) <= self.window)))


def _fragment_candidates(members: list[int], quotes: Sequence[Quote], config: AlignConfig,
                         keep: _Blocking | None = None) -> set[tuple[int, int]]:
    """Short quotes and the quotes that contain their words (an inverted index of bigrams).

    ``keep`` drops what blocking rules out as it is found: a fragment repeated all year
    is contained in thousands of quotes, most of them months away."""
    grams = [_bigrams(quotes[i].text) for i in members]
    index: dict[tuple[str, str], set[int]] = {}
    for x, mine in enumerate(grams):
        for g in mine:
            index.setdefault(g, set()).add(x)
    ids = np.asarray(members)
    out: set[tuple[int, int]] = set()
    found: dict[str, np.ndarray] = {}  # the quotes holding a text's words: once per text
    for x, mine in enumerate(grams):
        text = quotes[members[x]].text
        if not mine or len(words(text)) >= 2 * config.min_semantic_words:
            continue
        every = found.get(text)
        if every is None:
            hits = set.intersection(*(index.get(g, set()) for g in mine))
            every = found[text] = np.fromiter(hits, dtype=np.int64, count=len(hits))
        cols = every[every != x]
        if not len(cols):
            continue
        if keep is not None:
            cols = cols[keep.allows(np.array([x]), cols[None, :])[0]]
        a, b = ids[x], ids[cols]
        out.update(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist(), strict=True))
    return out


def candidate_pairs(quotes: Sequence[Quote], documents: dict[str, Article],
                    config: AlignConfig, vectors: _Vectors | None = None) -> list[tuple[int, int]]:
    """Blocking: same speaker, different documents, dates within the window when known.

    A block of up to ``exhaustive_block`` quotes is compared pair by pair; a larger one
    (a speaker quoted thousands of times over a year) through each quote's nearest
    neighbours by embedding and an index of word pairs for short fragments, so the cost
    grows near-linearly with the number of quotes."""
    dates = {d: _parse_date(a.published) for d, a in documents.items()}
    days = {d: None if v is None else v.toordinal() for d, v in dates.items()}
    pairs: set[tuple[int, int]] = set()
    for members in _blocks(quotes, config):
        if len(members) > config.exhaustive_block and vectors is not None:
            texts = [quotes[i].text for i in members]
            distinct = {t: r for r, t in enumerate(dict.fromkeys(texts))}
            rows = np.fromiter((distinct[t] for t in texts), dtype=np.int64, count=len(texts))
            vecs = vectors.get(list(distinct))
            keep = _Blocking(members, quotes, days, config.date_window_days)
            pairs |= _knn(members, vecs, config.neighbours, config.candidate_floor, keep,
                          rows)
            pairs |= _fragment_candidates(members, quotes, config, keep)
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if quotes[i].doc == quotes[j].doc:
                    continue  # one article never renders its own quote twice
                di, dj = dates.get(quotes[i].doc), dates.get(quotes[j].doc)
                if di and dj and abs((di - dj).days) > config.date_window_days:
                    continue
                pairs.add((i, j))
    return sorted(pairs)


def _windows(qa: Quote, qb: Quote, config: AlignConfig
             ) -> tuple[bool, tuple[int, int] | None, list[tuple[int, int]]]:
    """For a fragment-sized pair: whether ``qa`` is the shorter quote, the exact occurrence
    of the shorter in the longer if any, and the windows of the longer to compare."""
    na, nb = len(words(qa.text)), len(words(qb.text))
    if max(na, nb) < config.fragment_ratio * max(1, min(na, nb)):
        return False, None, []
    short_is_a = na < nb
    short, long = (qa, qb) if short_is_a else (qb, qa)
    exact = find_fragment(short.text, long.text) if short.lang == long.lang else None
    n_short = min(na, nb)
    if exact is not None:
        return short_is_a, exact, [exact]
    if n_short < config.min_semantic_words and short.lang == long.lang:
        return short_is_a, None, []  # a few words in one language: only exact occurrences
    return short_is_a, None, [
        (s, e) for s, e in clause_windows(long.text, config.max_window_clauses)
        if max(2, 0.6 * n_short) <= len(words(long.text[s:e])) <= 2.5 * n_short + 3]


def score_link(qa: Quote, qb: Quote, vectors: _Vectors, calibration: Calibration,
               config: AlignConfig, full_cos: float) -> Link | None:
    """The best of whole-quote and window similarity, or None when it does not link."""
    best = (full_cos, None, None)
    short_is_a, exact, windows = _windows(qa, qb, config)
    if windows:
        short, long = (qa, qb) if short_is_a else (qb, qa)
        texts = [long.text[s:e] for s, e in windows]
        cos = vectors.get(texts) @ vectors.get([short.text])[0]
        k = int(np.argmax(cos))
        if exact is not None or float(cos[k]) > best[0] + 0.005:
            w = windows[k]
            best = (float(cos[k]), None if short_is_a else w, w if short_is_a else None)
    sim = calibration.similarity(best[0])
    if sim < config.link_similarity:
        return None
    return Link(-1, -1, round(best[0], 6), sim, best[1], best[2])


def align(quotes: Sequence[Quote], documents: dict[str, Article], encoder: Encoder,
          calibration: Calibration, config: AlignConfig | None = None,
          vectors: _Vectors | None = None) -> Alignment:
    config = config or AlignConfig()
    vectors = vectors or _Vectors(encoder)
    pairs = candidate_pairs(quotes, documents, config, vectors)
    # one row per distinct text, not per quote: wire copies repeat the same words, and a
    # row per quote was a third of a gigabyte at 200,000 quotes
    texts = sorted({quotes[i].text for p in pairs for i in p})
    full = vectors.get(texts)
    row = {t: k for k, t in enumerate(texts)}
    # a link depends on the two texts and languages alone, and wire copies make the same
    # two texts recur across many pairs (nine in ten at 64,000 articles): each distinct
    # pair of texts is scored once
    first: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    for i, j in pairs:
        first.setdefault((quotes[i].text, quotes[j].text, quotes[i].lang, quotes[j].lang),
                         (i, j))
    # the candidate windows of the whole run in one batched call, not one call per pair
    window_texts: set[str] = set()
    for i, j in first.values():
        short_is_a, _, windows = _windows(quotes[i], quotes[j], config)
        long = quotes[j] if short_is_a else quotes[i]
        window_texts.update(long.text[s:e] for s, e in windows)
    vectors.get(sorted(window_texts))
    scored: dict[tuple[str, str, str, str], Link | None] = {}
    for key, (i, j) in first.items():
        cos = float(full[row[key[0]]] @ full[row[key[1]]])
        scored[key] = score_link(quotes[i], quotes[j], vectors, calibration, config, cos)
    del first
    links: dict[tuple[int, int], Link] = {}
    for i, j in pairs:
        link = scored[(quotes[i].text, quotes[j].text, quotes[i].lang, quotes[j].lang)]
        if link is not None:
            links[(i, j)] = Link(i, j, link.cosine, link.similarity, link.window_i, link.window_j)
    parent = list(range(len(quotes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        groups.setdefault(find(i), []).append(i)
    return Alignment(sorted(groups.values(), key=lambda g: g[0]), links)


def cluster_id(speaker: str, quote_ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\n".join([speaker, *sorted(quote_ids)]).encode("utf-8")).hexdigest()
    return f"c-{digest[:10]}"
