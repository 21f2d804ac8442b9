"""An encoder wrapper that never runs the model twice on the same text in one run.

Alignment, scoring and word-level drift all ask for the same quotes again and again;
remembering vectors by text makes the cost grow with the distinct texts, not the pairs.
When the model has to run on a text anyway, its subword states (which word-level drift
needs) come from the same forward pass and are kept too, within a memory budget, so a
report runs the model about once per distinct text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .base import Encoder, Offsets

#: Default memory for kept subword states (about 5,000 quote-length texts).
TOKEN_BUDGET_BYTES = 256 * 1024 * 1024


class MemoEncoder(Encoder):
    def __init__(self, inner: Encoder, *, max_items: int = 200_000, store: Any = None,
                 token_budget: int = TOKEN_BUDGET_BYTES):
        """``store`` (a ``transcheck.store.Store``) keeps vectors across runs;
        ``token_budget`` bounds the bytes of subword states kept in memory (LRU)."""
        self.inner = inner
        self.store = store
        self._model_key: str | None = None
        self.name = inner.name
        self.max_items = max_items
        self.token_budget = token_budget
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._tokens: OrderedDict[str, tuple[Offsets, np.ndarray]] = OrderedDict()
        self._token_bytes = 0
        self.encoded = 0  # texts actually sent to the model, for benchmarks and progress
        self._planned = 0
        self.chunk = 256
        self._lock = threading.Lock()
        #: ``progress(stage, done, total)``, called as texts go through the model
        self.progress: Callable[[str, int, int], None] | None = None

    @property
    def dim(self) -> int:
        return self.inner.dim

    def signature(self) -> dict[str, Any]:
        return self.inner.signature()

    def use_threads(self, threads: int | None = None) -> int | None:
        return self.inner.use_threads(threads)

    @property  # type: ignore[override]
    def thread_safe(self) -> bool:
        return bool(getattr(self.inner, "thread_safe", False))

    def _trim(self, store: OrderedDict[str, Any]) -> None:
        while len(store) > self.max_items:
            store.popitem(last=False)

    def _keep_tokens(self, text: str, value: tuple[Offsets, np.ndarray]) -> None:
        if text in self._tokens:
            self._tokens.move_to_end(text)
            return
        size = value[1].nbytes
        if size > self.token_budget:
            return
        self._tokens[text] = value
        self._token_bytes += size
        while self._token_bytes > self.token_budget:
            _, old = self._tokens.popitem(last=False)
            self._token_bytes -= old[1].nbytes

    def _run(self, texts: list[str], *, tokens: bool) -> np.ndarray:
        """The model on ``texts`` (distinct, not cached): vectors, and subword states kept.

        Long lists go to the model in chunks of similar length, so that progress can be
        shown and the subword states of one chunk are the most that is held at once."""
        with self._lock:
            self._planned += len(texts)
        order = sorted(range(len(texts)), key=lambda i: (-len(texts[i]), i))
        vecs = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), self.chunk):
            part = order[start:start + self.chunk]
            chunk = [texts[i] for i in part]
            if tokens:
                got, toks = self.inner.encode_with_tokens(chunk)
            else:
                got = self.inner.encode(chunk)
            vecs[part] = got
            with self._lock:  # two threads may run the model (see ``compute``)
                if tokens:
                    for t, tok in zip(chunk, toks, strict=True):
                        self._keep_tokens(t, tok)
                self.encoded += len(chunk)
                if self.progress is not None:
                    self.progress("texts encoded", self.encoded, self._planned)
        return vecs

    def compute(self, texts: list[str], *, tokens: bool = True) -> np.ndarray:
        """The model on ``texts`` (distinct), subword states kept with ``tokens``, vectors
        not yet remembered. Safe to call from two threads at once (see ``encode_ahead``);
        nothing else of this class is."""
        return self._run(texts, tokens=tokens)

    def remember(self, vectors: dict[str, np.ndarray], *, save: bool) -> None:
        """Vectors computed (``save``: and put in the store) or read from the store."""
        self._vectors.update(vectors)
        if save and vectors and self.store is not None:
            if self._model_key is None:
                from ..store import model_key

                self._model_key = model_key(self.inner.signature())
            self.store.put_vectors(self._model_key, vectors)
        self._trim(self._vectors)

    def encode(self, texts: Sequence[str], *, tokens: bool = True) -> np.ndarray:
        """Vectors of ``texts``; with ``tokens``, texts the model runs on keep their
        subword states too (for word-level drift later in the run)."""
        texts = list(texts)
        missing = self.missing(texts)
        if missing:
            self.remember(dict(zip(missing, self._run(missing, tokens=tokens), strict=True)),
                          save=True)
        self._trim(self._vectors)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def missing(self, texts: Sequence[str]) -> list[str]:
        """The distinct ``texts`` (in order) neither remembered nor in the store: those
        the model must run on. Vectors found in the store are remembered."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing and self.store is not None:
            if self._model_key is None:
                from ..store import model_key

                self._model_key = model_key(self.inner.signature())
            found = self.store.get_vectors(self._model_key, missing)
            self._vectors.update(found)
            missing = [t for t in missing if t not in found]
        return missing

    def prefetch_tokens(self, texts: Sequence[str]) -> None:
        """Subword states of ``texts`` in batched forward passes, ahead of the
        one-text-at-a-time calls of word-level drift."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._tokens))
        if not missing:
            return
        vecs = self._run(missing, tokens=True)
        for t, v in zip(missing, vecs, strict=True):
            self._vectors.setdefault(t, v)

    def token_embeddings(self, text: str) -> tuple[Offsets, np.ndarray]:
        hit = self._tokens.get(text)
        if hit is not None:
            self._tokens.move_to_end(text)
            return hit
        got = self.inner.token_embeddings(text)
        self.encoded += 1
        self._planned += 1
        self._keep_tokens(text, got)
        return got
