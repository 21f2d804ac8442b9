"""The store's ledger: an article it knows is not extracted again, nor its furniture found."""

import json
from pathlib import Path

import pytest

import transcheck.extract as extract_module
import transcheck.ingest as ingest_module
from transcheck.extract import extract
from transcheck.ingest.furniture import skipped_spans
from transcheck.store import Store

ROOT = Path(__file__).resolve().parents[2]

# The "Also read" line is furniture: its quote must never be found.
BODY = ("Russian Deputy Foreign Minister Sergei Ryabkov spoke on {day}.\n\n"
        "“We need guarantees that are legally binding,” Ryabkov said.\n\n"
        "Also read: “NATO must stop all activity near our borders,” Ryabkov said.\n")


def _corpus(tmp_path: Path, lang: str | None = "en") -> Path:
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": f"a{k}", "text": BODY.format(day=day), "outlet": f"Outlet {k}",
             **({"lang": lang} if lang else {})}
            for k, day in enumerate(["Monday", "Tuesday", "Wednesday"])]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts whose furniture is found, wherever it is found."""
    calls: list[str] = []

    def counting(text: str) -> tuple[tuple[int, int], ...]:
        calls.append(text)
        return skipped_spans(text)

    monkeypatch.setattr(extract_module, "skipped_spans", counting)
    monkeypatch.setattr(ingest_module, "skipped_spans", counting)
    return calls


def _texts(x) -> list[str]:
    return [q.text for q in x.quotes]


def test_a_warm_run_does_not_find_furniture_again(tmp_path: Path, counted) -> None:
    corpus = _corpus(tmp_path)
    store = Store(tmp_path / "cache")
    cold = extract([str(corpus)], store=store, keep_text=False)
    assert len(counted) == 3
    assert _texts(cold) == ["We need guarantees that are legally binding,"] * 3
    counted.clear()
    warm = extract([str(corpus)], store=store, keep_text=False)
    assert counted == []
    assert warm.quotes == cold.quotes


def test_furniture_is_found_where_it_is_still_needed(tmp_path: Path, counted) -> None:
    """For language identification (no language given), and for the report's text."""
    store = Store(tmp_path / "cache")
    undetermined = _corpus(tmp_path, lang=None)
    cold = extract([str(undetermined)], store=store, keep_text=False)
    counted.clear()
    warm = extract([str(undetermined)], store=store, keep_text=False)
    assert len(counted) == 3 and warm.quotes == cold.quotes
    assert {d.lang for d in warm.documents} == {"en"}

    kept = extract([str(_corpus(tmp_path))], store=store, keep_text=True)
    extract([str(_corpus(tmp_path))], store=store, keep_text=True)
    again = extract([str(_corpus(tmp_path))], store=store, keep_text=True)
    for doc in again.documents:
        assert doc.skipped and doc.skipped == skipped_spans(doc.text)
    assert again.quotes == kept.quotes


def test_workers_find_the_furniture_of_the_articles_they_extract(tmp_path: Path) -> None:
    from transcheck.executors import ProcessExecutor

    corpus = _corpus(tmp_path)
    local = extract([str(corpus)], keep_text=False)
    store = Store(tmp_path / "cache")
    pool = ProcessExecutor(jobs=2)
    try:
        cold = extract([str(corpus)], store=store, executor=pool, keep_text=False)
        warm = extract([str(corpus)], store=store, executor=pool, keep_text=False)
    finally:
        pool.close()
    assert cold.quotes == warm.quotes == local.quotes
    assert _texts(cold) == ["We need guarantees that are legally binding,"] * 3
