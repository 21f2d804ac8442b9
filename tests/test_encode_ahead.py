"""The model runs on quotes during extraction, in batches fixed by the quotes alone."""

import sys
import threading
import time
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from transcheck.align import AlignConfig
from transcheck.encode_ahead import SWITCH_INTERVAL, EncodeAhead, EncodeBeside
from transcheck.encoders.base import Encoder, Offsets
from transcheck.encoders.memo import MemoEncoder
from transcheck.extract import extract
from transcheck.pipeline import build_report
from transcheck.report import get_renderer
from transcheck.store import Store
from transcheck.types import UNKNOWN_SPEAKER, Quote

ROOT = Path(__file__).resolve().parents[1]


class Recorder(Encoder):
    """Model-free vectors (hashed character trigrams: equal texts, equal vectors, in any
    batch; near-identical texts, near-identical vectors). Records which texts each model
    call got, in which thread, and the thread counts asked for. ``gate`` (an Event) holds
    every call until it is set."""

    name = "recorder"
    dim = 64  # type: ignore[assignment]
    thread_safe = True

    def __init__(self, delay: float = 0.0, gate: threading.Event | None = None):
        self.delay = delay
        self.gate = gate
        self.calls: list[tuple[frozenset[str], str]] = []
        self.threads: list[tuple[str, int | None]] = []
        self.count = 4
        self.entered = threading.Event()  # a model call has started

    def signature(self) -> dict[str, Any]:
        return {"encoder": "recorder"}

    def use_threads(self, threads: int | None = None) -> int | None:
        before = self.count
        if threads is not None:
            self.threads.append((threading.current_thread().name, threads))
            self.count = threads
        return before

    def _vecs(self, texts: Sequence[str]) -> np.ndarray:
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(10)
        time.sleep(self.delay)
        self.calls.append((frozenset(texts), threading.current_thread().name))
        out = np.zeros((len(texts), 64), np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.casefold()}  "
            for k in range(len(padded) - 2):
                out[row, zlib.crc32(padded[k:k + 3].encode("utf-8", "surrogatepass")) % 64] += 1
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._vecs(list(texts))

    def token_embeddings(self, text: str) -> tuple[Offsets, np.ndarray]:
        return [(0, len(text))], self._vecs([text])

    def encode_with_tokens(self, texts: Sequence[str]) -> Any:
        vecs = self._vecs(list(texts))
        return vecs, [([(0, len(t))], vecs[k:k + 1]) for k, t in enumerate(texts)]


def _quote(k: int, speaker: str, text: str) -> Quote:
    return Quote(id=f"d{k}:0-{len(text)}", doc=f"d{k}", outlet="o", lang="en",
                 speaker=speaker, speaker_surface=speaker, text=text, start=0, end=len(text),
                 kind="direct", line=1, col=1, flags=())


def _articles() -> list[list[Quote]]:
    """Speaker a: 4 quotes (a block of more than 3); b: 2; unknown speaker: 5."""
    arts = []
    for k in range(5):
        qs = [_quote(k, UNKNOWN_SPEAKER, f"unknown words {k}")]
        if k < 4:
            qs.append(_quote(k, "a", f"a said thing number {k}" + "!" * k))
        if k < 2:
            qs.append(_quote(k, "b", f"b said {k}"))
        arts.append(qs)
    return arts


def _run(encoder: Recorder, config: AlignConfig, batch: int = 2,
         store: Store | None = None) -> MemoEncoder:
    """Every article through EncodeAhead; an encoder with a ``gate`` is held in its
    first model call until extraction has ended (and a little longer)."""
    memo = MemoEncoder(encoder, store=store)
    with EncodeAhead(memo, config, batch=batch) as ahead:
        for quotes in _articles():
            ahead.add(quotes)
        if encoder.gate is not None:
            threading.Timer(0.3, encoder.gate.set).start()
        ahead.finish()
    return memo


def test_only_blocks_searched_by_neighbours_are_encoded_ahead() -> None:
    rec = Recorder()
    memo = _run(rec, AlignConfig(exhaustive_block=3))
    a_texts = {f"a said thing number {k}" + "!" * k for k in range(4)}
    # a's first three quotes wait until the fourth shows its block is large
    assert sorted(sorted(c) for c, _ in rec.calls) == [  # two threads: in any order
        sorted(f"a said thing number {k}" + "!" * k for k in (0, 1)),
        sorted(f"a said thing number {k}" + "!" * k for k in (2, 3))]
    assert set(memo._vectors) == a_texts  # b's small block and unknown speakers: not now

    rec = Recorder()
    _run(rec, AlignConfig(exhaustive_block=3, include_unknown=True))
    encoded = set().union(*(c for c, _ in rec.calls))
    assert {f"unknown words {k}" for k in range(5)} <= encoded
    assert not any(t.startswith("b said") for t in encoded)


def test_batches_are_fixed_by_the_quotes_not_by_timing() -> None:
    config = AlignConfig(exhaustive_block=1, include_unknown=True)
    fast, slow = Recorder(), Recorder(delay=0.05)
    _run(fast, config)
    _run(slow, config)
    batches = sorted(sorted(c) for c, _ in fast.calls)  # two threads: any order
    assert sorted(sorted(c) for c, _ in slow.calls) == batches
    assert len(batches) > 3

    # a thread that has finished nothing when extraction ends: the calling thread runs
    # batches too, the same ones
    held = Recorder(gate=threading.Event())
    _run(held, config)
    assert sorted(sorted(c) for c, _ in held.calls) == batches
    where = {name for _, name in held.calls}
    assert threading.current_thread().name in where
    assert any(name.startswith("transcheck-encode") for name in where)


def test_the_model_thread_gets_one_core_and_everything_is_put_back() -> None:
    rec = Recorder()
    before = sys.getswitchinterval()
    memo = MemoEncoder(rec)
    main = threading.current_thread().name
    with EncodeAhead(memo, AlignConfig(exhaustive_block=1), batch=2, threads=1) as ahead:
        ahead.add(_articles()[0] + _articles()[1])
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
        ahead.finish()
    assert sys.getswitchinterval() == before
    # every batch on one core, in either thread; then this thread's own count back
    assert ("transcheck-encode", 1) in rec.threads and (main, 1) in rec.threads
    assert rec.threads[-1] == (main, 4)
    assert not any(t.name == "transcheck-encode" for t in threading.enumerate())

    # a run that fails part way: the pool stops, and the interval is restored
    rec = Recorder()
    with pytest.raises(RuntimeError), EncodeAhead(MemoEncoder(rec), AlignConfig(
            exhaustive_block=1), batch=2) as ahead:
        ahead.add(_articles()[0] + _articles()[1])
        raise RuntimeError("extraction failed")
    assert sys.getswitchinterval() == before


def test_stored_vectors_are_reused_and_finished_batches_are_stored_at_once(
        tmp_path: Path) -> None:
    from transcheck.store import model_key

    config = AlignConfig(exhaustive_block=0, include_unknown=True)
    store = Store(tmp_path)
    rec = Recorder()
    memo = MemoEncoder(rec, store=store)
    key = model_key(memo.signature())
    arts = _articles()
    with EncodeAhead(memo, config, batch=2) as ahead:
        ahead.add(arts[0])  # three quotes: one batch of two goes to the thread
        deadline = time.monotonic() + 10
        while ahead._batches[0][1] is None and time.monotonic() < deadline:
            time.sleep(0.01)  # until the thread has finished it
        first = set(rec.calls[0][0])
        assert len(first) == 2 and not store.get_vectors(key, sorted(first))
        ahead.add(arts[1])  # the next batch takes the finished one in: stored already
        assert set(store.get_vectors(key, sorted(first))) == first
        ahead.close()  # interrupted: what was finished is kept
    assert set(store.get_vectors(key, sorted(first))) == first

    rec = Recorder()
    warm = _run(rec, config, store=store)
    encoded = set().union(*(c for c, _ in rec.calls))
    assert encoded and not encoded & first  # read back, not encoded again
    assert first <= set(warm._vectors)


def test_on_quotes_hears_every_article_in_order_with_a_pool_and_a_store(
        tmp_path: Path) -> None:
    """Articles the ledger knows are settled at once, the others when the pool returns
    them: the callback still hears them in the articles' order."""
    from transcheck.executors import ProcessExecutor

    corpus = ROOT / "fixtures" / "corpus_ru"
    store = Store(tmp_path)
    extract([str(corpus / "portal_number.txt")], store=store)  # the ledger knows one
    heard: list[list[Quote]] = []
    pool = ProcessExecutor(jobs=2)
    try:
        got = extract([str(corpus)], store=store, executor=pool, on_quotes=heard.append)
    finally:
        pool.close()
    local = extract([str(corpus)])
    assert [q for qs in heard for q in qs] == list(got.quotes) == list(local.quotes)
    assert len(heard) == len(local.documents) == 5
    assert [qs[0].doc for qs in heard if qs] == list(dict.fromkeys(q.doc for q in local.quotes))


def test_the_report_is_the_same_with_and_without_the_model_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With vectors that do not depend on batches, encoding ahead changes nothing."""
    paths = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "corpus_ru")]
    config = AlignConfig(exhaustive_block=2)
    render = get_renderer("report", "json").render
    monkeypatch.setattr("transcheck.encode_ahead.BATCH", 8)  # the thread gets work
    early = Recorder()
    ahead = render(build_report(paths, encoder=early, align_config=config))
    monkeypatch.setattr(EncodeAhead, "add", lambda self, quotes: None)
    late = Recorder()
    plain = render(build_report(paths, encoder=late, align_config=config))
    assert ahead == plain
    assert any(name.startswith("transcheck-encode") for _, name in early.calls)
    assert not any(name.startswith("transcheck-encode") for _, name in late.calls)


def test_a_pool_gives_the_local_report_when_blocks_are_searched_by_neighbours(e5) -> None:
    """The batches the model gets follow the articles' order, which the pool keeps."""
    from transcheck.executors import ProcessExecutor

    paths = [str(ROOT / "fixtures" / "corpus_ru"), str(ROOT / "seeds")]
    config = AlignConfig(exhaustive_block=2)
    render = get_renderer("report", "json").render
    local = render(build_report(paths, encoder=e5, align_config=config))
    pool = ProcessExecutor(jobs=2)
    try:
        parallel = render(build_report(paths, encoder=e5, align_config=config, executor=pool))
    finally:
        pool.close()
    assert parallel == local


def test_one_core_in_another_thread_gives_the_same_vectors(e5) -> None:
    """The report may not depend on which batches ran in the model thread (one core) and
    which here (every core): the default encoder's vectors and subword states are
    bitwise the same either way, and the model thread's count stays its own."""
    import json
    from concurrent.futures import ThreadPoolExecutor

    data = json.loads((ROOT / "fixtures" / "encoders" / "sentences.json").read_text("utf-8"))
    texts = [t for group in data["sentences"].values() for t in group][:24]
    assert len(texts) == 24
    mine = e5.use_threads()
    here, here_tokens = e5.encode_with_tokens(texts)

    def one_core() -> Any:
        e5.use_threads(1)
        return e5.use_threads(), e5.encode_with_tokens(texts)

    with ThreadPoolExecutor(1) as pool:
        count, (there, there_tokens) = pool.submit(one_core).result()
    e5.use_threads(mine)  # the BLAS library's count is the process's
    assert count == 1 and e5.use_threads() == mine
    assert np.array_equal(here, there)
    assert all(a[0] == b[0] and np.array_equal(a[1], b[1])
               for a, b in zip(here_tokens, there_tokens, strict=True))


def test_an_abandoned_run_does_not_wait_for_the_batch_in_the_model(tmp_path: Path) -> None:
    """Ctrl-C must not wait for work that will be thrown away: close() leaves the model
    thread's current batch (a daemon thread) and stores nothing of it."""
    gate = threading.Event()
    held = Recorder(gate=gate)
    store = Store(tmp_path)
    memo = MemoEncoder(held, store=store)
    ahead = EncodeAhead(memo, AlignConfig(exhaustive_block=0), batch=2)
    ahead.add(_articles()[0])  # one batch: the thread takes it and is held in the model
    worker = ahead._worker
    assert worker is not None and worker.daemon
    assert held.entered.wait(10)
    ahead.close()
    try:
        assert worker.is_alive()  # close() did not wait for it
        assert store.info()["vectors"] == 0
        assert sys.getswitchinterval() != pytest.approx(SWITCH_INTERVAL)
    finally:
        gate.set()
        worker.join(10)
    assert not worker.is_alive()


def test_an_encoder_two_threads_may_not_share_is_left_to_the_model_thread() -> None:
    """A plug-in encoder is not assumed thread-safe: the command's thread waits instead
    of calling it beside the model thread, and the batches are the same."""

    class Plain(Recorder):
        thread_safe = False

    config = AlignConfig(exhaustive_block=1, include_unknown=True)
    plain = Plain(gate=threading.Event())
    _run(plain, config)
    assert {name for _, name in plain.calls} == {"transcheck-encode"}
    fast = Recorder()
    _run(fast, config)
    assert sorted(sorted(c) for c, _ in plain.calls) == sorted(sorted(c) for c, _ in fast.calls)


def test_encode_beside_runs_the_model_while_this_thread_works(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The words go to the model in another thread, in the calls a plain ``encode`` makes,
    while the calling thread goes on; finishing remembers and stores the vectors."""
    from transcheck.store import model_key

    monkeypatch.setattr("transcheck.encode_ahead.available_cores", lambda: 2)
    words = [f"w{k}" + "x" * (k % 5) for k in range(600)]
    store = Store(tmp_path)
    gate = threading.Event()
    rec = Recorder(gate=gate)
    memo = MemoEncoder(rec, store=store)
    memo.remember({"w0": np.ones(64, np.float32) / 8}, save=True)  # known: not encoded
    before = sys.getswitchinterval()
    with EncodeBeside(memo, words, threads=1) as beside:
        assert rec.entered.wait(10)  # the model started...
        assert not rec.calls  # ...and is held there while this thread goes on
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
        gate.set()
        beside.finish()
    assert sys.getswitchinterval() == before
    # the thread had the first chunk; this thread took what was left, one core each
    main = threading.current_thread().name
    assert "transcheck-words" in {name for _, name in rec.calls} <= {"transcheck-words", main}
    assert ("transcheck-words", 1) in rec.threads
    mine = [count for name, count in rec.threads if name == main]
    assert not mine or (mine[0] == 1 and len(mine) == 2)  # one core, then its own back

    # an encoder two threads may not share: all of it in the model thread
    rec_one = Recorder()
    rec_one.thread_safe = False  # type: ignore[misc]
    alone = MemoEncoder(rec_one)
    with EncodeBeside(alone, words, threads=1) as beside:
        beside.finish()
    assert {name for _, name in rec_one.calls} == {"transcheck-words"}
    assert np.array_equal(alone.encode(words[1:]), MemoEncoder(Recorder()).encode(words[1:]))

    plain_rec = Recorder()
    plain = MemoEncoder(plain_rec)
    plain.remember({"w0": np.ones(64, np.float32) / 8}, save=False)
    plain.encode(words, tokens=False)
    # the same calls (either thread may record its call first)
    assert {c for c, _ in rec.calls} == {c for c, _ in plain_rec.calls}
    assert len(rec.calls) == len(plain_rec.calls) == 3  # 599 texts in chunks of 256
    assert np.array_equal(memo.encode(words), plain.encode(words))
    assert set(store.get_vectors(model_key(memo.signature()), words)) == set(words)


def test_encode_beside_hands_the_model_error_to_the_caller(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("transcheck.encode_ahead.available_cores", lambda: 2)

    class Broken(Recorder):
        def encode(self, texts: Sequence[str]) -> np.ndarray:
            raise ValueError("the model failed")

    memo = MemoEncoder(Broken())
    with pytest.raises(ValueError, match="the model failed"), \
            EncodeBeside(memo, ["a", "b"]) as beside:
        beside.finish()
    assert "a" not in memo._vectors
    assert not any(t.name == "transcheck-words" for t in threading.enumerate())


def test_scoring_encodes_the_words_beside_the_lexical_metrics(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Same-language drift's words go to the model in a second thread while the lexical
    metrics are computed; the report is the one of doing both in turn (one core)."""
    paths = [str(ROOT / "seeds")]
    render = get_renderer("report", "json").render
    monkeypatch.setattr("transcheck.encode_ahead.available_cores", lambda: 2)
    beside = Recorder()
    two = render(build_report(paths, encoder=beside))
    in_thread = [texts for texts, name in beside.calls if name == "transcheck-words"]
    assert in_thread and all(" " not in t for texts in in_thread for t in texts)  # words
    monkeypatch.setattr("transcheck.encode_ahead.available_cores", lambda: 1)
    alone = Recorder()
    one = render(build_report(paths, encoder=alone))
    assert not any(name == "transcheck-words" for _, name in alone.calls)
    assert one == two
