"""Inference shared by every transformers-backed encoder.

Pooling, prefixing, batching and thread settings live here once, so the e5
encoder and the generic Hugging Face one cannot drift apart in how they turn a
model's hidden states into vectors.
"""

from __future__ import annotations

import logging
import os
import threading
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .base import Encoder, Offsets
from .errors import E_MODEL_UNKNOWN, ModelError

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

logger = logging.getLogger(__name__)

POOLINGS = ("mean", "cls", "pooler")
_THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "TORCH_NUM_THREADS")
_threads_lock = threading.Lock()
_threads_configured = False


def available_cores() -> int:
    """Cores this process may run on (affinity and cgroup-pinned CPUs, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def configure_threads(num_threads: int | None = None) -> None:
    """Set torch's intra-op threads once per process, unless the user already chose.

    An explicit ``num_threads`` always wins; otherwise we only act when none of
    the usual environment variables is set, and use the cores we may run on
    (torch's default counts the host's physical cores, wrong in containers).
    """
    global _threads_configured
    import torch

    with _threads_lock:
        if num_threads is not None:
            torch.set_num_threads(max(1, int(num_threads)))
            _threads_configured = True
            return
        if _threads_configured or any(os.environ.get(v) for v in _THREAD_ENV):
            return
        torch.set_num_threads(available_cores())
        _threads_configured = True


def library_versions() -> dict[str, str]:
    """From the installed distributions' metadata: a signature must not cost the import of
    torch (a warm rerun that finds every vector in the store never needs it)."""
    from importlib import metadata

    out = {"numpy": np.__version__}
    for name in ("tokenizers", "torch", "transformers"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:  # a source tree on the path: ask the module
            out[name] = str(getattr(__import__(name), "__version__", "unknown"))
    return out


class TransformerEncoder(Encoder):
    """An :class:`Encoder` over a transformers model and its fast tokenizer."""

    thread_safe = True  # the forward pass is; loading and the tokenizer are locked

    def __init__(
        self,
        model: PreTrainedModel | None = None,
        tokenizer: PreTrainedTokenizerBase | None = None,
        *,
        pooling: str = "mean",
        prefix: str = "",
        max_length: int = 512,
        batch_size: int = 32,
        loader: Callable[[], tuple[PreTrainedModel, PreTrainedTokenizerBase]] | None = None,
        dim: int | None = None,
    ) -> None:
        """Either a loaded ``model`` and ``tokenizer``, or a ``loader`` for them and the
        ``dim`` they will have: the model is then loaded on first use, so a run that finds
        everything in its store never pays for it."""
        if pooling not in POOLINGS:
            raise ModelError(
                f"unknown pooling {pooling!r}", code=E_MODEL_UNKNOWN, hint=f"use one of {POOLINGS}"
            )
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        if (model is None or tokenizer is None) and (loader is None or dim is None):
            raise ValueError("pass a model and a tokenizer, or a loader and a dim")
        self._model = model
        self._tokenizer = tokenizer
        self._loader = loader
        self.pooling = pooling
        self.prefix = prefix
        self.max_length = int(max_length)
        self.batch_size = int(batch_size)
        self._dim = int(model.config.hidden_size) if model is not None else int(dim or 0)
        self._blank_cache: dict[str, bool] = {}
        # the model's forward pass may run in two threads at once; loading, and the fast
        # tokenizer (which sets its truncation state on each call and refuses a second
        # caller meanwhile), may not
        self._lock = threading.RLock()

    def _ensure_loaded(self) -> None:
        if self._model is not None and self._tokenizer is not None:
            return
        assert self._loader is not None
        with self._lock:
            if self._model is not None and self._tokenizer is not None:
                return
            model, tokenizer = self._loader()
            if int(model.config.hidden_size) != self._dim:
                raise ModelError(
                    f"the model has {model.config.hidden_size} dimensions, expected {self._dim}",
                    code=E_MODEL_UNKNOWN, hint="clear the model cache and run again")
            self._model, self._tokenizer = model, tokenizer

    @property
    def model(self) -> PreTrainedModel:
        self._ensure_loaded()
        assert self._model is not None
        return self._model

    @property
    def tokenizer(self) -> PreTrainedTokenizerBase:
        self._ensure_loaded()
        assert self._tokenizer is not None
        return self._tokenizer

    @property
    def _pad_id(self) -> int:
        pad = self.tokenizer.pad_token_id
        return int(pad) if pad is not None else 0

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded (it is on first use)."""
        return self._model is not None

    @property
    def dim(self) -> int:
        return self._dim

    def _base_signature(self) -> dict[str, Any]:
        return {
            "encoder": self.name,
            "pooling": self.pooling,
            "prefix": self.prefix,
            "max_length": self.max_length,
            "normalization": "l2",
            "dim": self.dim,
            "versions": library_versions(),
        }

    def use_threads(self, threads: int | None = None) -> int | None:
        # torch keeps the count per calling thread (OpenMP), the BLAS library for the
        # process: the thread that gets the model back sets its own count again
        import torch

        before = torch.get_num_threads()
        if threads is not None:
            torch.set_num_threads(max(1, int(threads)))
        return before

    def _tokenize(self, texts: Sequence[str], **options: Any) -> Any:
        """The fast tokenizer on ``prefix + text``, truncated, one caller at a time."""
        tokenizer = self.tokenizer
        with self._lock:
            return tokenizer([self.prefix + t for t in texts], truncation=True,
                             max_length=self.max_length, return_attention_mask=False,
                             return_token_type_ids=False, **options)

    # -- sentence vectors --------------------------------------------------

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts; wrap one text in a list")
        texts = list(texts)
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"encode() takes strings, got {type(t).__name__}")
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Exact duplicates are encoded once (quotations repeat across articles).
        index: dict[str, int] = {}
        inverse = np.fromiter(
            (index.setdefault(t, len(index)) for t in texts), dtype=np.int64, count=len(texts)
        )
        unique = list(index)
        ids = self._tokenize(unique, padding=False)["input_ids"]
        # Longest first, so padding stays small within a batch and the biggest
        # allocation happens at once rather than late in a long run.
        order = sorted(range(len(unique)), key=lambda i: (-len(ids[i]), i))
        vecs = np.empty((len(unique), self.dim), dtype=np.float32)
        for chunk in self._batches(order, ids):
            vecs[chunk] = self._embed_batch([ids[i] for i in chunk])
        return vecs[inverse]

    def _batches(self, order: list[int], ids: list[list[int]]) -> list[list[int]]:
        """Batches of similar length: a new batch starts when it is full, or when the next
        text is much shorter than the batch's longest (padding is wasted work)."""
        out: list[list[int]] = []
        chunk: list[int] = []
        longest = 0
        for i in order:
            n = len(ids[i])
            if chunk and (len(chunk) >= self.batch_size or n < 0.85 * longest):
                out.append(chunk)
                chunk = []
            if not chunk:
                longest = n
            chunk.append(i)
        if chunk:
            out.append(chunk)
        return out

    def _padded(self, batch: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Token ids padded to the batch's longest text, and the attention mask."""
        import torch

        longest = max(len(x) for x in batch)
        input_ids = torch.full((len(batch), longest), self._pad_id, dtype=torch.long)
        mask = torch.zeros((len(batch), longest), dtype=torch.long)
        for row, seq in enumerate(batch):
            input_ids[row, : len(seq)] = torch.tensor(seq, dtype=torch.long)
            mask[row, : len(seq)] = 1
        return input_ids, mask

    def _embed_batch(self, batch: list[list[int]]) -> np.ndarray:
        import torch

        input_ids, mask = self._padded(batch)
        with torch.inference_mode():
            out = self.model(input_ids=input_ids, attention_mask=mask)
            pooled = self._pool(out, mask)
            pooled = torch.nn.functional.normalize(pooled.float(), p=2, dim=-1)
        return pooled.numpy()

    def _pool(self, out: Any, mask: torch.Tensor) -> torch.Tensor:
        hidden = out.last_hidden_state
        if self.pooling == "cls":
            return hidden[:, 0]
        if self.pooling == "pooler":
            pooled = getattr(out, "pooler_output", None)
            if pooled is None:
                raise ModelError(
                    "pooling 'pooler' needs a model with a pooler layer", code=E_MODEL_UNKNOWN
                )
            return pooled
        m = mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)

    # -- subword vectors ---------------------------------------------------

    def _is_blank(self, ch: str) -> bool:
        """Whitespace, or a character the tokenizer normalises to a space or nothing (ZWNJ...)."""
        blank = self._blank_cache.get(ch)
        if blank is None:
            blank = ch.isspace()
            if not blank:
                backend = getattr(self.tokenizer, "backend_tokenizer", None)
                normalizer = getattr(backend, "normalizer", None)
                if normalizer is not None:
                    with self._lock:
                        blank = not normalizer.normalize_str(ch).strip()
            self._blank_cache[ch] = blank
        return blank

    def _content_tokens(self, text: str, offsets: Sequence[tuple[int, int]],
                        special: Sequence[int]) -> tuple[list[int], Offsets]:
        """Positions of the content subwords of ``prefix + text`` and their spans in ``text``."""
        plen = len(self.prefix)
        # Prefix tokens are those starting inside the prefix's visible part; the
        # prefix's trailing space becomes the first word's "▁" and belongs to it.
        prefix_end = len(self.prefix.rstrip())
        keep: list[int] = []
        spans: Offsets = []
        for i, ((s, e), sp) in enumerate(zip(offsets, special, strict=True)):
            if sp or s < prefix_end:
                continue
            s, e = max(s - plen, 0), max(e - plen, 0)
            while s < e and self._is_blank(text[s]):  # what the "▁" stands for
                s += 1
            keep.append(i)
            spans.append((s, max(s, e)))
        # A recomposed character's offsets cover only its base letter; give it
        # the combining marks that follow, up to where the next token starts.
        for j, (s, e) in enumerate(spans):
            limit = spans[j + 1][0] if j + 1 < len(spans) else len(text)
            while e < limit and unicodedata.category(text[e]).startswith("M"):
                e += 1
            spans[j] = (s, e)
        return keep, spans

    def token_embeddings(self, text: str) -> tuple[Offsets, np.ndarray]:
        if not isinstance(text, str):
            raise TypeError(f"token_embeddings() takes a string, got {type(text).__name__}")
        return self.encode_with_tokens([text])[1][0]

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, list[tuple[Offsets, np.ndarray]]]:
        """Sentence vectors and subword vectors from the same forward passes.

        Word-level drift needs the subword states of every text it compares, and the
        sentence vector is their pooled mean: computing both at once halves the model
        work of a report. Batched like :meth:`encode` (distinct texts, length-sorted).
        """
        import torch

        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), []
        index: dict[str, int] = {}
        inverse = [index.setdefault(t, len(index)) for t in texts]
        unique = list(index)
        enc = self._tokenize(unique, return_offsets_mapping=True,
                             return_special_tokens_mask=True)
        ids = enc["input_ids"]
        order = sorted(range(len(unique)), key=lambda i: (-len(ids[i]), i))
        vecs = np.empty((len(unique), self.dim), dtype=np.float32)
        toks: list[tuple[Offsets, np.ndarray]] = [([], np.zeros((0, self.dim), np.float32))
                                                   for _ in unique]
        for chunk in self._batches(order, ids):
            input_ids, mask = self._padded([ids[i] for i in chunk])
            with torch.inference_mode():
                out = self.model(input_ids=input_ids, attention_mask=mask)
                pooled = torch.nn.functional.normalize(self._pool(out, mask).float(), p=2, dim=-1)
                hidden = torch.nn.functional.normalize(
                    out.last_hidden_state.float(), p=2, dim=-1).numpy()
            vecs[chunk] = pooled.numpy()
            for row, i in enumerate(chunk):
                if not unique[i]:  # only the prefix's own trailing "▁" would come back
                    continue
                keep, spans = self._content_tokens(
                    unique[i], enc["offset_mapping"][i], enc["special_tokens_mask"][i])
                if keep:
                    toks[i] = (spans, np.ascontiguousarray(hidden[row, keep]))
        return vecs[inverse], [toks[k] for k in inverse]
