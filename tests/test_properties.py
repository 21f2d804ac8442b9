"""Property tests over hostile text for every stage: ingestion, language identification,
extraction, alignment, drift and the whole report. Nothing raises, and every offset the
tool reports slices the text it points into.

The default run is sized for CI; ``make test-fuzz`` multiplies the examples.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.align import AlignConfig, align
from transcheck.drift import detect_drift
from transcheck.encoders.base import Encoder, Offsets
from transcheck.extract import extract, extract_article
from transcheck.ingest import RawDoc, iter_articles, to_article
from transcheck.ingest.decode import DecodeError, decode_bytes
from transcheck.langid import identify
from transcheck.metrics.calibration import calibration_for
from transcheck.pipeline import build_report
from transcheck.types import Article, Problem, Quote

N = int(os.environ.get("TRANSCHECK_HYPOTHESIS_EXAMPLES", "300"))
FEW = max(20, N // 6)  # for the properties that run the whole pipeline
SETTINGS: dict[str, Any] = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large]}

MARKS = "“”‘’«»„‚‹›「」『』\"'"
PIECES = ["Ryabkov said", " he said, ", "Рябков заявил: ", "He added:\n", "Sergei Ryabkov",
          "ریابکوف گفت: ", "რიაბკოვმა განაცხადა: ", "not ", "не ", "10 ", "۱۰ ", "Geneva",
          "Женеве", ". ", ", ", "\u200f", "\u2067", "\u2069"]
#: Any code point, lone surrogates (what ``surrogateescape`` decoding leaves) included,
#: control characters, combining marks, zero-width and bidi controls, quote marks.
hostile_char = st.one_of(
    st.characters(),
    st.sampled_from(list(MARKS) + ["\u200d", "\u200c", "\u202e", "\u0301", "\u0651", "\n",
                                   "\r", "\t", "\x00", "\x1b", "\ufeff", "\udc80", ":"]),
)
hostile = st.lists(st.one_of(hostile_char, st.sampled_from(PIECES)), max_size=120).map("".join)
long_line = st.builds(lambda s, n: s * n, st.sampled_from(PIECES + list(MARKS)),
                      st.integers(1, 3000))
LANGS = st.sampled_from(["en", "ru", "ka", "fa", "de", "und"])


class HashEncoder(Encoder):
    """Deterministic, model-free vectors: equal texts get equal vectors, and a text's
    subwords are its whitespace-separated pieces. Enough to drive alignment and drift
    through every branch without loading a model per example."""

    name = "hash"
    dim = 64  # type: ignore[assignment]

    def signature(self) -> dict[str, Any]:
        return {"encoder": "hash", "model_id": "hash", "dim": 64}

    def _vec(self, text: str) -> np.ndarray:
        # a bag of hashed character trigrams: near-identical texts get near-identical
        # vectors, so renderings link and their pairs are scored
        v = np.zeros(64, dtype=np.float32)
        padded = f"  {text.casefold()}  "
        for k in range(len(padded) - 2):
            v[zlib.crc32(padded[k:k + 3].encode("utf-8", "surrogatepass")) % 64] += 1.0
        return v / np.linalg.norm(v)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, 64), np.float32)

    def token_embeddings(self, text: str) -> tuple[Offsets, np.ndarray]:
        spans: Offsets = []
        start = None
        for k, ch in enumerate(text + " "):
            if ch.isspace() and start is not None:
                spans.append((start, k))
                start = None
            elif not ch.isspace() and start is None:
                start = k
        vecs = np.stack([self._vec(text[s:e]) for s, e in spans]) if spans else np.zeros(
            (0, 64), np.float32)
        return spans, vecs


@settings(max_examples=N, **SETTINGS)
@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(decoded.text, str) and decoded.encoding


@settings(max_examples=max(50, N // 3), **SETTINGS)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".json", ".jsonl"]))
def test_any_file_is_an_article_or_a_problem(tmp_path_factory: Any, data: bytes,
                                             suffix: str) -> None:
    path = tmp_path_factory.mktemp("in") / f"input{suffix}"
    path.write_bytes(data)
    for item in iter_articles([str(path)]):
        if isinstance(item, Problem):
            assert item.code and str(path) in item.source and "\n" not in item.message
            continue
        assert all(0 <= s <= e <= len(item.text) for s, e in item.skipped)


@settings(max_examples=N, **SETTINGS)
@given(st.one_of(hostile, long_line))
def test_language_identification_never_raises_and_is_stable(text: str) -> None:
    first = identify(text)
    assert isinstance(first, str) and first
    assert identify(text) == first


@settings(max_examples=N, **SETTINGS)
@given(st.one_of(hostile, long_line))
def test_extraction_never_raises_and_offsets_slice(text: str) -> None:
    article = to_article(RawDoc(id="x", path="x.txt", text=text), "x")
    quotes, problems = extract_article(article)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    for p in problems:
        assert "\n" not in p.message


def _quote(k: int, text: str, lang: str) -> Quote:
    return Quote(id=f"d{k}:0-{len(text)}", doc=f"d{k}", outlet=f"o{k}", lang=lang,
                 speaker="sergei-ryabkov", speaker_surface="Ryabkov", text=text, start=0,
                 end=len(text), kind="direct")


@st.composite
def renderings(draw: Any) -> list[Quote]:
    """A few renderings of one speaker: hostile texts, and fragments of them."""
    texts = draw(st.lists(hostile.filter(lambda t: t.strip() != ""), min_size=1, max_size=4))
    for t in list(texts):
        if len(t) > 4 and draw(st.booleans()):
            i = draw(st.integers(0, len(t) - 2))
            texts.append(t[i:draw(st.integers(i + 1, len(t)))])
    return [_quote(k, t, draw(LANGS)) for k, t in enumerate(texts)]


@settings(max_examples=N, **SETTINGS)
@given(renderings())
def test_alignment_never_raises_and_windows_slice(quotes: list[Quote]) -> None:
    docs = {q.doc: Article(q.doc, f"{q.doc}.txt", q.text, q.outlet, q.lang) for q in quotes}
    encoder = HashEncoder()
    result = align(quotes, docs, encoder, calibration_for("hash"), AlignConfig())
    assert sorted(i for c in result.clusters for i in c) == list(range(len(quotes)))
    for (i, j), link in result.links.items():
        for k, window in ((i, link.window_i), (j, link.window_j)):
            if window is not None:
                assert 0 <= window[0] < window[1] <= len(quotes[k].text)


@settings(max_examples=N, **SETTINGS)
@given(hostile, hostile, LANGS, LANGS, st.booleans())
def test_drift_never_raises_and_spans_slice(a: str, b: str, la: str, lb: str,
                                            with_vectors: bool) -> None:
    spans = detect_drift(a, b, lang_a=la, lang_b=lb,
                         encoder=HashEncoder() if with_vectors else None)
    for s in spans:
        assert a[s.a_start:s.a_end] == s.a_text and b[s.b_start:s.b_end] == s.b_text
        assert s.severity in ("high", "medium", "low")


@settings(max_examples=FEW, **SETTINGS)
@given(st.lists(st.one_of(hostile, st.sampled_from([
    "Ryabkov said: “We need legal guarantees from NATO.”",
    "Ryabkov said: “We do not need legal guarantees from NATO.”",
    "«Нам нужны юридические гарантии», — заявил Рябков.",
    "Ryabkov said the talks were “difficult”."])), min_size=1, max_size=4))
def test_the_whole_report_never_raises_and_its_offsets_slice(articles: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for k, text in enumerate(articles):
            (Path(tmp) / f"a{k}.txt").write_text(text, "utf-8", errors="surrogatepass")
        report = build_report([tmp], encoder=HashEncoder())
    SCORED.append(sum(len(c.pairs) for c in report.clusters))
    docs = {d.id: d for d in report.documents}
    quotes = {q.id: q for q in report.quotes}
    for q in report.quotes:
        assert docs[q.doc].text[q.start:q.end] == q.text
    for c in report.clusters:
        for p in c.pairs:
            for s in p.drift:
                assert quotes[p.a].text[s.a_start:s.a_end] == s.a_text
                assert quotes[p.b].text[s.b_start:s.b_end] == s.b_text


SCORED: list[int] = []


def test_the_report_property_scored_pairs() -> None:
    """The whole-report property above is only worth something if pairs got scored."""
    if not SCORED:  # run on its own: run the property here
        test_the_whole_report_never_raises_and_its_offsets_slice()
    assert sum(SCORED) > 0


def test_extract_reads_a_file_of_lone_surrogates(tmp_path: Path) -> None:
    """What ``surrogateescape`` decoding leaves behind, written out, is still one input."""
    path = tmp_path / "s.txt"
    path.write_bytes("Ryabkov said: “\udc80 guarantees”".encode("utf-8", "surrogatepass"))
    result = extract([str(path)])
    assert result.documents or result.problems
