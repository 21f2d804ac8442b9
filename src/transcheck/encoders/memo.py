"""An encoder wrapper that never encodes the same text twice in one run.

Alignment, scoring and word-level drift all ask for the same quotes again and again;
remembering vectors by text makes the cost grow with the distinct texts, not the pairs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

from .base import Encoder, Offsets


class MemoEncoder(Encoder):
    def __init__(self, inner: Encoder, *, max_items: int = 200_000, store: Any = None):
        """``store`` (a ``transcheck.store.Store``) keeps vectors across runs."""
        self.inner = inner
        self.store = store
        self._model_key: str | None = None
        self.name = inner.name
        self.max_items = max_items
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._tokens: OrderedDict[str, tuple[Offsets, np.ndarray]] = OrderedDict()
        self.encoded = 0  # texts actually sent to the model, for benchmarks

    @property
    def dim(self) -> int:
        return self.inner.dim

    def signature(self) -> dict[str, Any]:
        return self.inner.signature()

    def _trim(self, store: OrderedDict[str, Any]) -> None:
        while len(store) > self.max_items:
            store.popitem(last=False)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing and self.store is not None:
            if self._model_key is None:
                from ..store import model_key

                self._model_key = model_key(self.inner.signature())
            found = self.store.get_vectors(self._model_key, missing)
            self._vectors.update(found)
            missing = [t for t in missing if t not in found]
        if missing:
            self.encoded += len(missing)
            fresh = dict(zip(missing, self.inner.encode(missing), strict=True))
            self._vectors.update(fresh)
            if self.store is not None and self._model_key is not None:
                self.store.put_vectors(self._model_key, fresh)
        self._trim(self._vectors)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def token_embeddings(self, text: str) -> tuple[Offsets, np.ndarray]:
        if text not in self._tokens:
            self._tokens[text] = self.inner.token_embeddings(text)
            self._trim(self._tokens)
        return self._tokens[text]
