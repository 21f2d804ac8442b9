"""Word vectors from an :class:`~transcheck.encoders.base.Encoder`.

* Contextual word vectors: one ``token_embeddings`` forward pass per text; a word's vector is
  the mean of the subword vectors whose character span overlaps the word (SimAlign's
  subword-to-word mapping), re-normalised. Words past the encoder's length limit get no
  vector.
* Isolated word vectors: ``encode`` of the bare word (one batched pass for all the words a
  call needs). Context makes every word in the same slot look alike, so these decide whether
  two aligned words *mean* the same (synonym vs different concept).

:class:`CachingEncoder` wraps any encoder and memoises both, so comparing one reference with
many renderings encodes the reference once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..encoders.base import Encoder, Offsets
from .tokens import Token


class CachingEncoder(Encoder):
    """An encoder that remembers ``token_embeddings`` and ``encode`` results (LRU)."""

    def __init__(self, inner: Encoder, *, max_texts: int = 4096) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", "encoder")
        self.max_texts = max_texts
        self._tok: OrderedDict[str, tuple[Offsets, np.ndarray]] = OrderedDict()
        self._vec: OrderedDict[str, np.ndarray] = OrderedDict()

    @property
    def dim(self) -> int:
        return self.inner.dim

    def signature(self) -> dict[str, Any]:
        return self.inner.signature()

    def _put(self, cache: OrderedDict[str, Any], key: str, value: Any) -> None:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > self.max_texts:
            cache.popitem(last=False)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vec))
        if missing:
            got = self.inner.encode(missing)
            for t, v in zip(missing, got, strict=True):
                self._put(self._vec, t, np.asarray(v, dtype=np.float32))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = []
        for t in texts:
            self._vec.move_to_end(t)
            rows.append(self._vec[t])
        return np.stack(rows)

    def token_embeddings(self, text: str) -> tuple[Offsets, np.ndarray]:
        hit = self._tok.get(text)
        if hit is None:
            hit = self.inner.token_embeddings(text)
            self._put(self._tok, text, hit)
        else:
            self._tok.move_to_end(text)
        return hit


def ensure_cached(encoder: Encoder | None) -> CachingEncoder | None:
    """``encoder`` wrapped for one call (an existing :class:`CachingEncoder` is reused)."""
    if encoder is None or isinstance(encoder, CachingEncoder):
        return encoder
    return CachingEncoder(encoder, max_texts=256)


def word_vectors(encoder: Encoder, text: str, tokens: Sequence[Token]) -> np.ndarray:
    """Rows of unit vectors, one per token; all-zero rows where no subword overlaps."""
    offsets, vecs = encoder.token_embeddings(text)
    out = np.zeros((len(tokens), encoder.dim if len(vecs) == 0 else vecs.shape[1]),
                   dtype=np.float32)
    if not len(tokens) or not len(offsets):
        return out
    starts = np.array([s for s, _ in offsets])
    ends = np.array([e for _, e in offsets])
    for t in tokens:
        if not t.is_content:
            continue
        sel = np.nonzero((starts < t.end) & (ends > t.start))[0]
        if len(sel):
            v = vecs[sel].mean(axis=0)
            n = float(np.linalg.norm(v))
            if n > 0:
                out[t.index] = v / n
    return out


def dot_rows(va: np.ndarray, vb: np.ndarray) -> np.ndarray:
    """``va @ vb.T`` without BLAS.

    The matrices here are tiny (words x 384). With torch loaded, BLAS threads competing
    with torch's for a few cores can make such a product take tens of milliseconds;
    einsum's own loop takes a fraction of one, and is deterministic.
    """
    if not len(va) or not len(vb):
        return np.zeros((len(va), len(vb)), dtype=np.float32)
    return np.einsum("ik,jk->ij", va, vb, optimize=False)
