"""The model runs on quotes while extraction is still reading articles.

Extraction is single-threaded Python and the model is most of the rest of a cold run;
one after the other, a core sits idle for the whole extraction. Here the quotes that
alignment will certainly encode (every quote of a speaker block large enough to be
searched by nearest neighbours) go, a batch at a time, to one background thread that
runs the model on one core, while extraction keeps the other.

Which texts go into which model call is fixed by the quotes and their order alone (a
batch closes every ``batch`` new texts), and every batch runs on the same number of
cores, never decided by timing: the vectors, and the report, do not depend on how fast
either side ran. When extraction ends, the calling thread takes batches too, so that
the two threads together use every core.
"""

from __future__ import annotations

import sys
import threading
from collections import Counter, deque
from collections.abc import Iterable
from typing import Any

import numpy as np

from .align import AlignConfig
from .encoders.memo import MemoEncoder
from .encoders.torchenc import available_cores
from .types import UNKNOWN_SPEAKER, Quote

#: GIL switch interval while the model runs beside extraction. Each of the model's
#: Python-level steps waits for the interpreter lock; at the default (5 ms) the model
#: thread waited that long after every kernel and ran several times slower.
SWITCH_INTERVAL = 1e-4
#: Texts per model call from the thread (the chunk size of ``MemoEncoder``).
BATCH = 256
#: Seconds an abandoned run waits for the model thread's current batch.
STOP_WAIT = 0.5


class EncodeAhead:
    """Feed it each article's quotes in order (:meth:`add`), then :meth:`finish` before
    alignment: the vectors (and subword states) are then in ``memo``, and in its store.
    Until :meth:`finish` returns, only this object may use ``memo``."""

    def __init__(self, memo: MemoEncoder, config: AlignConfig, *, batch: int | None = None,
                 threads: int | None = None):
        """``threads``: the model's threads for every batch (default: half the cores,
        the other half being extraction's, then the calling thread's)."""
        self.memo = memo
        self.config = config
        self.batch = batch or BATCH
        self.threads = threads or max(1, available_cores() // 2)
        self._counts: Counter[str] = Counter()
        self._waiting: dict[str, list[str]] = {}  # texts of speakers not known large yet
        self._queued: set[str] = set()
        self._pending: list[str] = []
        self._stored: dict[str, np.ndarray] = {}
        self._model_key: str | None = None
        # batches in order: their texts, and their vectors once computed
        self._batches: list[tuple[list[str], np.ndarray | None]] = []
        self._todo: deque[int] = deque()
        self._stored_upto = 0  # batches before this one are in the memo and the store
        self._cv = threading.Condition()
        self._stopping = False
        self._error: BaseException | None = None
        self._worker: threading.Thread | None = None
        self._switch = sys.getswitchinterval()
        self._own_threads: int | None = None

    def add(self, quotes: Iterable[Quote]) -> None:
        """One article's quotes, as extraction gives them."""
        limit = self.config.exhaustive_block
        for q in quotes:
            if q.speaker == UNKNOWN_SPEAKER and not self.config.include_unknown:
                continue
            self._counts[q.speaker] += 1
            if self._counts[q.speaker] <= limit:
                self._waiting.setdefault(q.speaker, []).append(q.text)
                continue
            for text in self._waiting.pop(q.speaker, ()):
                self._queue(text)
            self._queue(q.text)

    def _queue(self, text: str) -> None:
        if text in self._queued:
            return
        self._queued.add(text)
        self._pending.append(text)
        if len(self._pending) >= self.batch:
            self._submit()

    def _submit(self) -> None:
        self._harvest()
        texts, self._pending = self._pending, []
        store = self.memo.store
        if store is not None and texts:
            if self._model_key is None:
                from .store import model_key

                self._model_key = model_key(self.memo.signature())
            found = store.get_vectors(self._model_key, texts)
            self._stored.update(found)
            texts = [t for t in texts if t not in found]
        if not texts:
            return
        if self._worker is None:
            self._own_threads = self.memo.use_threads()
            sys.setswitchinterval(SWITCH_INTERVAL)
            self._worker = threading.Thread(target=self._work, name="transcheck-encode",
                                            daemon=True)
            self._worker.start()
        with self._cv:
            self._batches.append((texts, None))
            self._todo.append(len(self._batches) - 1)
            self._cv.notify()

    def _next(self, wait: bool) -> int | None:
        with self._cv:
            while not self._todo and wait and not self._stopping:
                self._cv.wait()
            return self._todo.popleft() if self._todo else None

    def _run(self, k: int) -> None:
        vecs = self.memo.compute(self._batches[k][0])
        with self._cv:
            self._batches[k] = (self._batches[k][0], vecs)
            self._cv.notify_all()

    def _work(self) -> None:
        try:
            self.memo.use_threads(self.threads)
            while (k := self._next(wait=True)) is not None:
                self._run(k)
        except BaseException as exc:  # noqa: BLE001 (handed to the calling thread)
            with self._cv:
                self._error = exc
                self._todo.clear()
                self._cv.notify_all()

    def _harvest(self) -> None:
        """Batches computed, in order, into the memo and the store now, so that an
        interrupted run keeps them."""
        while self._stored_upto < len(self._batches):
            texts, vecs = self._batches[self._stored_upto]
            if vecs is None:
                return
            self.memo.remember(dict(zip(texts, vecs, strict=True)), save=True)
            self._batches[self._stored_upto] = (texts, np.zeros((0, 0), np.float32))
            self._stored_upto += 1

    def finish(self) -> None:
        """The last batch goes in, this thread takes batches too, and once all are done
        the vectors are in the memo and the store."""
        self._submit()
        self.memo.remember(self._stored, save=False)
        self._stored.clear()
        if self._worker is None:
            return
        try:
            self.memo.use_threads(self.threads)
            # an encoder that two threads may not call at once is left to the thread
            while (self.memo.thread_safe and self._error is None
                   and (k := self._next(wait=False)) is not None):
                self._run(k)
            with self._cv:
                while self._error is None and any(v is None for _, v in self._batches):
                    self._cv.wait()
            if self._error is not None:
                raise self._error
            self._harvest()
        finally:
            self._stop()

    def close(self) -> None:
        """Stop without finishing (the run failed or was interrupted): batches not
        started are dropped; those finished are kept in the store. The batch in the
        model (or the model's loading) is waited for only briefly: Ctrl-C must not wait
        seconds for work that will be thrown away; the thread is a daemon."""
        with self._cv:
            self._todo.clear()
        self._stop(wait=STOP_WAIT)
        if self._error is None:
            self._harvest()

    def _stop(self, wait: float | None = None) -> None:
        if self._worker is None:
            return
        with self._cv:
            self._stopping = True
            self._cv.notify_all()
        self._worker.join(wait)
        self._worker = None
        sys.setswitchinterval(self._switch)
        if self._own_threads is not None:
            self.memo.use_threads(self._own_threads)

    def __enter__(self) -> EncodeAhead:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class EncodeBeside:
    """The model on a list of texts in a second thread, on half the cores, while the
    calling thread does work that needs no model (scoring computes the lexical metrics
    while the words drift judges alone are encoded). :meth:`finish` takes the chunks
    still waiting in this thread too, waits, and remembers (and stores) the vectors;
    until then only this object may use ``memo``.

    The texts go to the model in the calls a plain ``memo.encode`` would make (sorted by
    length, ``memo.chunk`` at a time), each on half the cores in either thread, so the
    vectors never depend on timing (for the default encoder they are bitwise those of
    ``memo.encode``: its vectors do not depend on the thread count)."""

    def __init__(self, memo: MemoEncoder, texts: Iterable[str], *, tokens: bool = False,
                 threads: int | None = None):
        self.memo = memo
        self.tokens = tokens
        self.threads = threads or max(1, available_cores() // 2)
        missing = memo.missing(list(texts))  # the store is read in this thread
        order = sorted(range(len(missing)), key=lambda i: (-len(missing[i]), i))
        self._chunks = [[missing[i] for i in order[k:k + memo.chunk]]
                        for k in range(0, len(order), memo.chunk)]
        self._vectors: list[np.ndarray | None] = [None] * len(self._chunks)
        self._taken = 0
        self._lock = threading.Lock()
        self._error: BaseException | None = None
        self._worker: threading.Thread | None = None
        self._switch = sys.getswitchinterval()
        if self._chunks and available_cores() > 1:
            sys.setswitchinterval(SWITCH_INTERVAL)
            self._worker = threading.Thread(target=self._work, name="transcheck-words",
                                            daemon=True)
            self._worker.start()

    def _take(self) -> int | None:
        with self._lock:
            if self._taken >= len(self._chunks) or self._error is not None:
                return None
            self._taken += 1
            return self._taken - 1

    def _run(self, k: int) -> None:
        self._vectors[k] = self.memo.compute(self._chunks[k], tokens=self.tokens)

    def _work(self) -> None:
        try:
            self.memo.use_threads(self.threads)
            while (k := self._take()) is not None:
                self._run(k)
        except BaseException as exc:  # noqa: BLE001 (handed to the calling thread)
            with self._lock:
                self._error = exc

    def finish(self) -> None:
        """Take the chunks not started (with an encoder two threads may share), wait for
        the model thread, and remember the vectors."""
        if self._worker is None:
            while (k := self._take()) is not None:
                self._run(k)
        else:
            own = self.memo.use_threads(self.threads) if self.memo.thread_safe else None
            try:
                while self.memo.thread_safe and (k := self._take()) is not None:
                    self._run(k)
            finally:
                if own is not None:
                    self.memo.use_threads(own)
                self._stop(drop=False)
        if self._error is not None:
            raise self._error
        for chunk, vecs in zip(self._chunks, self._vectors, strict=True):
            assert vecs is not None
            self.memo.remember(dict(zip(chunk, vecs, strict=True)), save=True)
        self._chunks, self._vectors = [], []

    def _stop(self, wait: float | None = None, *, drop: bool = True) -> None:
        if self._worker is None:
            return
        if drop:
            with self._lock:
                self._taken = len(self._chunks)  # no new chunk for the thread
        self._worker.join(wait)
        self._worker = None
        sys.setswitchinterval(self._switch)

    def close(self) -> None:
        """Stop without finishing (the run failed or was interrupted): chunks not started
        are dropped, and the model's current call is waited for only briefly."""
        self._stop(wait=STOP_WAIT)

    def __enter__(self) -> EncodeBeside:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
