"""Every quote offset slices the decoded article text exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.extract import extract, extract_article, identify_article
from transcheck.ingest import RawDoc, to_article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ARTICLES = ROOT / "fixtures" / "articles"
FIX = ROOT / "fixtures" / "ingest"


def _check(result, n_docs: int) -> int:
    texts = {d.id: d.text for d in result.documents}
    assert len(texts) == n_docs
    for q in result.quotes:
        text = texts[q.doc]
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text, q.id
        # line and column point at the same place
        assert text.count("\n", 0, q.start) + 1 == q.line
        assert q.start - (text.rfind("\n", 0, q.start) + 1) + 1 == q.col
    return len(result.quotes)


def test_seed_offsets():
    n = _check(extract([str(SEEDS)]), 5)
    assert n >= 25  # the gold has 31


def test_fixture_article_offsets():
    n = _check(extract([str(ARTICLES)]), 4)
    assert n >= 25  # the gold has 33


@pytest.mark.parametrize("path", [
    "page.html", "dated.htm", "corpus.json", "corpus.jsonl", "repeated.txt", "furniture.txt",
    "unbalanced.txt", "outlets", "encodings"])
def test_ingest_fixture_offsets(path):
    result = extract([str(FIX / path)])
    assert result.quotes
    _check(result, len(result.documents))


def test_offsets_are_character_offsets_not_bytes():
    text = (SEEDS / "000_3af203870205abd9.txt").read_bytes().decode("utf-8")
    assert len(text.encode("utf-8")) != len(text)  # curly quotes: multi-byte characters
    result = extract([str(SEEDS / "000_3af203870205abd9.txt")])
    assert result.documents[0].text == text
    assert all(text[q.start:q.end] == q.text for q in result.quotes)


_PIECES = ['"', "“", "”", "«", "»", "„", "‘", "’", "'", ":", "\n", "\n\n", " ", "\t", "\r\n",
           "\ufeff", "\u00a0", "\u200c", "He said", "Ryabkov", "said:", "told Sputnik,", ".",
           ",", "—", "We will not", "Рябков", "сказал", "Advertisement", "(Sputnik) -",
           "He clarified:", "Sergei Ryabkov", "that", "「", "」", "وی افزود:", "მისი თქმით",
           "/TASS/.", "😀", "e\u0301"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join))
def test_offsets_slice_any_text(text):
    article = identify_article(to_article(RawDoc("doc", "doc.txt", text), "doc"))
    assert article.text == text
    quotes, _ = extract_article(article)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    for s, e in article.skipped:
        assert 0 <= s < e <= len(text)
