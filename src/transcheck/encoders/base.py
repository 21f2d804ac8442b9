"""The encoder interface and the registry that makes a new encoder one file.

Everything downstream (similarity, SimAlign-style word alignment, caching of
scores) talks to :class:`Encoder` only, and keys its caches on
:meth:`Encoder.signature`, so two runs with the same signature must give the
same vectors.
"""

from __future__ import annotations

import importlib
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

from .errors import E_MODEL_UNKNOWN, ModelError

DEFAULT_ENCODER = "e5-small"

# Modules that register the built-in encoders; imported on first registry use so
# that importing this module stays cheap (no torch).
_BUILTIN_MODULES = ("transcheck.encoders.e5", "transcheck.encoders.hf")

Offsets = list[tuple[int, int]]
EncoderFactory = Callable[..., "Encoder"]
F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: dict[str, EncoderFactory] = {}
_FALLBACK: list[str] = []  # name of the factory that takes unknown names/paths
_builtins_loaded = False


class Encoder(ABC):
    """A sentence encoder: unit vectors for texts, contextual vectors for subwords."""

    name: str = "encoder"
    #: Whether two threads may call the model at once. A report runs the model in a
    #: background thread while it extracts articles; with a thread-safe encoder its own
    #: thread then joins in, otherwise it waits for the background thread.
    thread_safe: bool = False

    @property
    @abstractmethod
    def dim(self) -> int:
        """Size of the vectors :meth:`encode` returns."""

    @abstractmethod
    def signature(self) -> dict[str, Any]:
        """What determines the vectors: model id, weights hash, pooling, versions...

        JSON-serialisable and deterministic, so it can key on-disk caches of
        scores and be printed in reports for reproducibility.
        """

    @abstractmethod
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape ``(len(texts), dim)`` with L2-normalised rows."""

    @abstractmethod
    def token_embeddings(self, text: str) -> tuple[Offsets, np.ndarray]:
        """Character spans (into ``text``) of the content subwords and their vectors.

        Special tokens and any model prefix (e.g. ``query: ``) are excluded; the
        vectors are the last layer's, L2-normalised, for word alignment across
        languages.
        """

    def use_threads(self, threads: int | None = None) -> int | None:
        """Threads the model may use for calls made from the calling thread; returns the
        count before (``None``: only tell it).

        A report runs the model in a second thread while extraction keeps one core busy;
        encoders without a thread pool of their own return ``None``."""
        return None

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, list[tuple[Offsets, np.ndarray]]]:
        """:meth:`encode` and :meth:`token_embeddings` of each text.

        Encoders whose sentence vector is pooled from the subword states override this to
        get both from one forward pass; this default simply calls the two.
        """
        texts = list(texts)
        return self.encode(texts), [self.token_embeddings(t) for t in texts]


def register(name: str, *, fallback: bool = False) -> Callable[[F], F]:
    """Register ``factory`` (usually an :class:`Encoder` subclass) under ``name``.

    With ``fallback=True`` the factory also receives every name that is not
    registered (as its first argument), e.g. a folder path or a hub model name.
    """

    def deco(factory: F) -> F:
        if name in _REGISTRY and _REGISTRY[name] is not factory:
            raise ValueError(f"encoder {name!r} is already registered")
        _REGISTRY[name] = factory
        if fallback:
            _FALLBACK[:] = [name]
        return factory

    return deco


def _load_builtins() -> None:
    global _builtins_loaded
    if not _builtins_loaded:
        _builtins_loaded = True
        for mod in _BUILTIN_MODULES:
            importlib.import_module(mod)


def available_encoders() -> list[str]:
    """Names that :func:`get_encoder` accepts besides model paths."""
    _load_builtins()
    return sorted(_REGISTRY)


def get_encoder(name_or_path: str | os.PathLike[str] | None = None, **kw: Any) -> Encoder:
    """Build the encoder registered as ``name_or_path`` (default ``e5-small``).

    A name that is not registered is handed to the fallback factory (the
    Hugging Face encoder), which accepts a local folder or a model name already
    in the local Hugging Face cache.
    """
    _load_builtins()
    key = os.fspath(name_or_path) if name_or_path is not None else DEFAULT_ENCODER
    factory = _REGISTRY.get(key)
    if factory is not None:
        return factory(**kw)
    if _FALLBACK:
        return _REGISTRY[_FALLBACK[0]](key, **kw)
    raise ModelError(
        f"unknown encoder {key!r}",
        code=E_MODEL_UNKNOWN,
        hint=f"known encoders: {', '.join(sorted(_REGISTRY))}",
    )
