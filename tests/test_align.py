"""Alignment of the seed quotes into utterances, against the hand-made gold clusters."""

import json
from pathlib import Path

import pytest

from transcheck.align import AlignConfig, align, clause_windows, find_fragment
from transcheck.extract import extract
from transcheck.metrics.calibration import calibration_for
from transcheck.metrics.semantic import model_id_of

ROOT = Path(__file__).resolve().parents[1]


def test_find_fragment_locates_words_in_order() -> None:
    long = "They feel behind them the eyes and ears of the most anti-Russian group"
    s, e = find_fragment("eyes and ears", long)
    assert long[s:e] == "eyes and ears"
    assert find_fragment("ears and eyes", long) is None


def test_clause_windows_are_contiguous_clause_runs() -> None:
    text = "In short, they reflect a lack of understanding. We need guarantees, now."
    spans = {text[s:e] for s, e in clause_windows(text, 2)}
    assert "they reflect a lack of understanding" in spans
    assert "We need guarantees" in spans
    assert "In short, they reflect a lack of understanding" in spans


@pytest.fixture(scope="module")
def seed_alignment(e5):
    x = extract([str(ROOT / "seeds")])
    docs = {d.id: d for d in x.documents}
    result = align(x.quotes, docs, e5, calibration_for(model_id_of(e5)))
    return x, result


def _key(quote) -> tuple[str, str]:
    return quote.doc, quote.text


def test_seed_clusters_match_gold(seed_alignment) -> None:
    x, result = seed_alignment
    gold = json.loads((ROOT / "fixtures/gold/seed_clusters.json").read_text("utf-8"))
    got = []
    for members in result.clusters:
        if len(members) > 1:
            got.append(sorted(_key(x.quotes[i]) for i in members))
    expected = []
    for cluster in gold["clusters"]:
        keys = []
        for doc, start_words in cluster:
            match = [q for q in x.quotes if q.doc == doc and q.text.startswith(start_words)]
            assert len(match) == 1, (doc, start_words)
            keys.append(_key(match[0]))
        expected.append(sorted(keys))
    assert sorted(got) == sorted(expected)


def test_same_document_quotes_are_never_renderings_of_each_other(seed_alignment) -> None:
    x, result = seed_alignment
    for i, j in result.links:
        assert x.quotes[i].doc != x.quotes[j].doc


def test_fragment_is_scored_on_its_window(seed_alignment) -> None:
    x, result = seed_alignment
    for (i, j), link in result.links.items():
        qi, qj = x.quotes[i], x.quotes[j]
        if "eyes and ears" in (qi.text, qj.text):
            fragment_first = qi.text == "eyes and ears"
            long, window = (qj, link.window_j) if fragment_first else (qi, link.window_i)
            assert long.text[window[0]:window[1]] == "eyes and ears"
            return
    pytest.fail("the fragment 'eyes and ears' did not align")


def test_other_interviews_do_not_merge(seed_alignment) -> None:
    """TASS (004) quotes a later interview: none of its quotes joins the January 9 remarks."""
    x, result = seed_alignment
    tass = {i for i, q in enumerate(x.quotes) if q.doc.startswith("004")}
    for i, j in result.links:
        assert i not in tass and j not in tass


def test_stricter_threshold_only_removes_links(e5, seed_alignment) -> None:
    x, loose = seed_alignment
    docs = {d.id: d for d in x.documents}
    strict = align(x.quotes, docs, e5, calibration_for(model_id_of(e5)),
                   AlignConfig(link_similarity=0.97))
    assert set(strict.links) <= set(loose.links)
    assert len(strict.links) < len(loose.links)


def test_nearest_neighbour_candidates_find_the_same_links(e5, seed_alignment) -> None:
    """Large speaker blocks use neighbours + a fragment index instead of every pair."""
    x, exhaustive = seed_alignment
    docs = {d.id: d for d in x.documents}
    knn = align(x.quotes, docs, e5, calibration_for(model_id_of(e5)),
                AlignConfig(exhaustive_block=1, neighbours=5))
    assert sorted(knn.links) == sorted(exhaustive.links)


class _FixedVectors:
    """Vectors chosen by the test: every text maps to the one the test gives it."""

    def __init__(self, table: dict[str, list[float]]):
        self.table = table

    def get(self, texts, *, tokens=True):
        import numpy as np

        return np.array([self.table[t] for t in texts], dtype=np.float32)


def _block(rows):
    """Quotes of one speaker from (doc, date, text) rows; the documents with their dates."""
    from transcheck.types import Article, Quote

    quotes, docs = [], {}
    for k, (doc, day, text) in enumerate(rows):
        docs[doc] = Article(id=doc, path=f"{doc}.txt", text="", outlet=doc, lang="en",
                            published=day)
        quotes.append(Quote(id=f"{doc}:{k}", doc=doc, outlet=doc, lang="en", speaker="s",
                            speaker_surface="S", text=text, start=0, end=len(text),
                            kind="direct"))
    return quotes, docs


def test_neighbour_search_keeps_exactly_the_pairs_blocking_allows() -> None:
    """The nearest-neighbour path drops same-document pairs and pairs further apart than
    the date window as it finds them; with room for every neighbour it must give the
    pair-by-pair path's pairs, no more and no fewer."""
    from transcheck.align import candidate_pairs

    rows = [("a", "2023-01-01", "one"), ("a", "2023-01-01", "two"),        # same document
            ("b", "2023-01-05", "three"), ("c", "2023-01-08", "four"),     # 7 days: kept
            ("d", "2023-01-09", "five"), ("e", "2023-03-01", "six"),       # 8, 59: dropped
            ("f", None, "seven"), ("g", "", "eight")]                      # no date: kept
    quotes, docs = _block(rows)
    vectors = _FixedVectors({q.text: [1.0, 0.0] for q in quotes})  # all alike
    every = candidate_pairs(quotes, docs, AlignConfig(exhaustive_block=100), vectors)
    knn = candidate_pairs(quotes, docs, AlignConfig(exhaustive_block=1, neighbours=50),
                          vectors)
    assert knn == every
    assert (0, 1) not in every and (0, 3) in every and (0, 4) not in every
    assert (0, 5) not in every and (5, 6) in every and (6, 7) in every


def test_fragment_index_keeps_only_pairs_blocking_allows() -> None:
    """A short fragment is paired with the quotes that contain its words, only when they
    are in another document and within the date window (the vectors here never pair)."""
    from transcheck.align import candidate_pairs

    long = "we will respond to any threat with all the means we have"
    rows = [("a", "2023-05-10", "respond to any threat"),
            ("b", "2023-05-12", long), ("c", "2023-07-01", long),
            ("a", "2023-05-10", long + " today"), ("d", "2023-05-11", "something else entirely")]
    quotes, docs = _block(rows)
    vectors = _FixedVectors({q.text: [float(k == i) for k in range(5)]
                             for i, q in enumerate(quotes)})  # orthogonal: no neighbours
    pairs = candidate_pairs(quotes, docs, AlignConfig(exhaustive_block=1, neighbours=3),
                            vectors)
    assert pairs == [(0, 1)]


def test_neighbours_of_repeated_texts_equal_a_row_per_quote() -> None:
    """The search compares distinct texts and spreads their similarities to the quotes;
    it must select what a row per quote selects (integer vectors: every product is exact,
    so both ways see bitwise the same similarities, ties included)."""
    import numpy as np

    from transcheck.align import _knn

    rng = np.random.default_rng(7)
    distinct = rng.integers(0, 3, size=(6, 4)).astype(np.float32)
    rows = rng.integers(0, 6, size=40)
    members = list(range(100, 140))
    for k in (1, 3, 8, 39):
        per_quote = _knn(members, distinct[rows], k, floor=1.0)
        spread = _knn(members, distinct, k, floor=1.0, rows=rows)
        assert spread == per_quote
    assert len(spread) > 40  # repeats of one text link with each other


def test_each_distinct_pair_of_texts_is_scored_once(monkeypatch) -> None:
    """Wire copies repeat the same two texts across many pairs: the link is scored once
    per pair of texts (and languages), and every pair gets it."""
    import transcheck.align as align_module
    from transcheck.metrics.calibration import Calibration

    texts = ["we will respond to any threat", "we shall answer any threat"]
    rows = [(f"d{k}", "2023-05-10", texts[k % 2]) for k in range(6)]
    quotes, docs = _block(rows)
    vectors = _FixedVectors({texts[0]: [1.0, 0.0], texts[1]: [0.96, 0.28]})
    calls: list[tuple[str, str]] = []
    real = align_module.score_link

    def counted(qa, qb, *args):
        calls.append((qa.text, qb.text))
        return real(qa, qb, *args)

    monkeypatch.setattr(align_module, "score_link", counted)
    calibration = Calibration("test", k=10.0, c=0.5, fit={})
    result = align(quotes, docs, None, calibration, AlignConfig(link_similarity=0.5),
                   vectors)
    # a-a, a-b, b-a, b-b: which side holds the longer quote decides the windows
    assert sorted(calls) == sorted(set(calls)) and len(calls) == 4
    assert len(result.links) == 15  # every pair of the six documents
    cosines = {(quotes[i].text, quotes[j].text): link.cosine
               for (i, j), link in result.links.items()}
    assert cosines[(texts[0], texts[1])] == pytest.approx(0.96)
    assert cosines[(texts[0], texts[0])] == pytest.approx(1.0)
    assert result.clusters == [list(range(6))]
