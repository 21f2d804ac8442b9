"""The store: warm reruns compute nothing again, changes are picked up, damage is reported."""

import shutil
from pathlib import Path

import pytest

from transcheck.encoders.memo import MemoEncoder
from transcheck.pipeline import build_report
from transcheck.report import get_renderer
from transcheck.store import Store, StoreError

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus_ru"


class Counting(MemoEncoder):
    """Counts the texts that reach the model, across store hits."""


def test_warm_rerun_encodes_nothing_and_gives_the_same_report(e5, tmp_path: Path) -> None:
    store = Store(tmp_path)
    cold = build_report([str(CORPUS)], encoder=e5, store=store)
    counting = Counting(e5, store=store)
    warm = build_report([str(CORPUS)], encoder=counting, store=store)
    render = get_renderer("report", "json").render
    assert render(cold) == render(warm)
    assert counting.encoded == 0
    info = store.info()
    assert info["documents"] == 5 and info["vectors"] > 0 and info["pairs"] > 0


def test_a_warm_rerun_never_loads_the_model(e5, e5_cache_dir: Path, tmp_path: Path) -> None:
    """The default encoder checks its weights when it is built and loads the model on
    first use; a rerun that finds everything in its store never uses it."""
    import subprocess
    import sys

    from transcheck.encoders.e5 import E5Small

    store = Store(tmp_path)
    cold = build_report([str(CORPUS)], encoder=e5, store=store)
    fresh = E5Small(cache_dir=e5_cache_dir)
    assert fresh.signature() == e5.signature() and fresh.dim == e5.dim == 384
    warm = build_report([str(CORPUS)], encoder=fresh, store=store)
    assert not fresh.loaded
    render = get_renderer("report", "json").render
    assert render(cold) == render(warm)
    # nor imports torch: in a process of its own, as `transcheck report` runs it again
    script = ("import sys; from transcheck.pipeline import build_report; "
              "from transcheck.store import Store; "
              f"build_report([{str(CORPUS)!r}], store=Store({str(tmp_path)!r})); "
              "print('torch' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"


def test_a_changed_article_is_processed_again(e5, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    store = Store(tmp_path / "cache")
    build_report([str(corpus)], encoder=e5, store=store)
    before = store.info()["documents"]
    path = corpus / "blog_place.txt"
    path.write_text(path.read_text("utf-8").replace("Sudis", "Geneva"), "utf-8")
    report = build_report([str(corpus)], encoder=e5, store=store)
    assert store.info()["documents"] == before + 1
    (cluster,) = [c for c in report.clusters if len(c.quotes) > 1]
    blog = [p for p in cluster.pairs if p.b.startswith("blog_place") and p.a == cluster.reference]
    assert blog and not [s for s in blog[0].drift if s.type == "entity"]


def test_a_damaged_store_is_set_aside_and_rebuilt(tmp_path: Path, caplog) -> None:
    (tmp_path / "store.sqlite3").write_bytes(b"this is not a database" * 100)
    with caplog.at_level("WARNING"):
        store = Store(tmp_path)
    assert store.info()["vectors"] == 0
    assert (tmp_path / "store.sqlite3.corrupt").exists()
    assert "damaged" in caplog.text


def test_an_unusable_cache_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(StoreError) as info:
        Store(blocker / "cache")
    assert "--cache-dir" in info.value.render()


def test_clear_empties_the_store(e5, tmp_path: Path) -> None:
    store = Store(tmp_path)
    build_report([str(CORPUS)], encoder=e5, store=store)
    store.clear()
    assert store.info()["documents"] == store.info()["vectors"] == 0


def test_an_unchanged_corpus_reuses_its_clusters(e5, tmp_path: Path, monkeypatch) -> None:
    """Same quotes, model, settings and code: the clusters come from the store whole, and
    nothing is aligned again; they equal the ones computed."""
    import transcheck.pipeline as pipeline

    store = Store(tmp_path)
    cold = build_report([str(CORPUS)], encoder=e5, store=store)
    assert store.info()["runs"] == 1

    def no_align(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("aligned again")

    monkeypatch.setattr(pipeline, "align", no_align)
    warm = build_report([str(CORPUS)], encoder=e5, store=store)
    render = get_renderer("report", "json").render
    assert render(warm) == render(cold)
    # another setting is another run: aligned again (and here, refused)
    from transcheck.align import AlignConfig

    with pytest.raises(AssertionError, match="aligned again"):
        build_report([str(CORPUS)], encoder=e5, store=store,
                     align_config=AlignConfig(link_similarity=0.7))


def test_only_the_last_runs_are_kept(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for k in range(5):
        store.put_run(f"run{k}", [k])
    assert store.info()["runs"] == 3
    assert store.get_run("run1") is None and list(store.get_run("run4") or []) == [4]


def test_a_run_is_stored_whole_or_not_at_all(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.put_run("done", [["c1"], ["c2"]])

    def interrupted():
        yield ["c1"]
        raise KeyboardInterrupt  # Ctrl-C while the clusters are being written

    with pytest.raises(KeyboardInterrupt):
        store.put_run("cut", interrupted())
    assert store.get_run("cut") is None and store.info()["runs"] == 1
    assert list(store.get_run("done") or []) == [["c1"], ["c2"]]
    store.put_run("done", [["c3"]])  # a run stored again replaces all its clusters
    assert list(store.get_run("done") or []) == [["c3"]]
    assert not store.problems  # an interruption is not a broken cache


def test_a_cache_with_whole_run_records_is_upgraded(tmp_path: Path) -> None:
    import sqlite3

    Store(tmp_path).close()
    with sqlite3.connect(tmp_path / "store.sqlite3") as db:  # as earlier versions kept runs
        db.execute("CREATE TABLE runs (key TEXT PRIMARY KEY, stamp INTEGER NOT NULL, "
                   "result TEXT NOT NULL)")
        db.execute("INSERT INTO runs VALUES ('old', 1, '[]')")
    store = Store(tmp_path)
    assert store.get_run("old") is None and store.info()["runs"] == 0
    tables = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master")}
    assert "runs" not in tables


def test_a_run_is_stored_as_the_report_holds_it(e5, tmp_path: Path) -> None:
    """The report's clusters live in a temporary file as the store's records; a warm
    rerun copies those records in as they are."""
    from transcheck.spill import ClusterFile

    store = Store(tmp_path)
    cold = build_report([str(CORPUS)], encoder=e5, store=store)
    assert isinstance(cold.clusters, ClusterFile) and len(cold.clusters) > 0
    (key,) = [row[0] for row in store._db.execute("SELECT key FROM run_index")]
    assert list(store.get_run_json(key) or []) == list(cold.clusters.records())
    warm = build_report([str(CORPUS)], encoder=e5, store=store)
    assert list(warm.clusters.records()) == list(cold.clusters.records())
    assert warm.clusters == cold.clusters and warm == cold
