"""build_report's treatment of the process it runs in."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from transcheck.pipeline import GC_ALLOCATIONS, build_report

GOOD = str(Path(__file__).resolve().parents[1] / "fixtures" / "nasty" / "good.txt")


@pytest.mark.parametrize("threshold", [(700, 10, 10), (0, 10, 10), (500_000, 5, 5)])
def test_the_collector_threshold_is_raised_for_the_run_and_restored(
        e5, threshold: tuple[int, int, int]) -> None:
    seen: list[tuple[int, int, int]] = []
    old = gc.get_threshold()
    gc.set_threshold(*threshold)
    try:
        report = build_report([GOOD], encoder=e5,
                              progress=lambda *_: seen.append(gc.get_threshold()))
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*old)
    assert report.documents and seen
    # raised while the report is built, never lowered, and a disabled collector stays off
    want = threshold if threshold[0] in (0, 500_000) else (GC_ALLOCATIONS, 10, 10)
    assert set(seen) == {want}
    assert after == threshold


def test_the_threshold_is_restored_when_the_run_fails(e5) -> None:
    old = gc.get_threshold()

    def fail(*_: object) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        build_report([GOOD], encoder=e5, progress=fail)
    assert gc.get_threshold() == old


@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_run_key_is_the_hash_of_one_json_array(count: int) -> None:
    """Hashed an element at a time, the key is still the hash of the whole array's JSON
    text (any change to one quote or date gives another key)."""
    import hashlib
    import json

    from transcheck.pipeline import _run_key
    from transcheck.store import code_version
    from transcheck.types import Article, Quote

    quotes = [Quote(f"d{k}#q1", f"d{k}", "TASS", "ru", "sergei-ryabkov", "Рябков",
                    f"ликвидация «всего» {k}\n\\", 5, 30, "direct") for k in range(count)]
    docs = [Article(f"d{k}", f"d{k}.txt", "", "TASS", "ru", "2022-01-1{k}" if k else None)
            for k in range(count)]
    sig = {"encoder": {"model": "e5"}, "align": {"neighbours": 25}}
    whole = json.dumps([code_version("align.py", "pipeline.py", "drift", "metrics", "data"),
                        sig, [[q.id, q.doc, q.outlet, q.lang, q.speaker, q.text, q.start,
                               q.end, q.kind] for q in quotes],
                        [[d.id, d.published] for d in docs]],
                       ensure_ascii=False, sort_keys=True)
    assert _run_key(sig, quotes, docs) == hashlib.sha256(whole.encode()).hexdigest()
    if count:
        moved = [*quotes[:-1], Quote(*[getattr(quotes[-1], f) for f in Quote.__slots__][:7],
                                     6, 30, "direct")]
        assert _run_key(sig, moved, docs) != _run_key(sig, quotes, docs)


def test_lexical_scores_from_elsewhere_are_read_only_as_far_as_needed() -> None:
    from transcheck.pipeline import _Lexical

    reads: list[int] = []

    def chunks():  # type: ignore[no-untyped-def]
        for k, part in enumerate([[("en", "a", "b"), ("en", "c", "d")], [("en", "e", "f")]]):
            reads.append(k)
            yield part, [[float(i), 1.0, 2.0] for i in range(len(part))]

    lex = _Lexical(chunks(), [("en", "a", "b"), ("en", "c", "d"), ("en", "e", "f")])
    assert lex.get(("ru", "a", "b")) is None and reads == []  # not sent: computed here
    assert lex.get(("en", "c", "d")) == [1.0, 1.0, 2.0] and reads == [0]
    assert lex.get(("en", "a", "b")) == [0.0, 1.0, 2.0] and reads == [0]
    assert lex.get(("en", "e", "f")) == [0.0, 1.0, 2.0] and reads == [0, 1]
    assert lex.get(("en", "a", "b")) is None  # each score is handed out once
