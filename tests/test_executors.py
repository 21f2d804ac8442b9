"""The same report on a Dask cluster as in this process."""

from pathlib import Path

import pytest

from transcheck.executors import DaskExecutor, InProcess, get_executor
from transcheck.pipeline import build_report
from transcheck.report import get_renderer

ROOT = Path(__file__).resolve().parents[1]


def test_default_executor_does_not_import_dask() -> None:
    import subprocess
    import sys

    code = ("import sys, transcheck.pipeline, transcheck.executors as e; "
            "e.get_executor('local'); print('dask' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_in_process_map_keeps_order() -> None:
    assert InProcess().map(lambda x: x * 2, [3, 1, 2]) == [6, 2, 4]


@pytest.fixture(scope="module")
def cluster():
    from dask import distributed  # a test dependency: missing, the test fails

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as lc, distributed.Client(lc) as client:
        yield client


def test_dask_report_equals_the_local_report(e5, cluster) -> None:
    paths = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "corpus_ru")]
    local = build_report(paths, encoder=e5)
    remote = build_report(paths, encoder=e5, executor=DaskExecutor(client=cluster))
    render = get_renderer("report", "json").render
    assert render(remote) == render(local)


def test_unknown_executor_is_a_usage_error() -> None:
    from transcheck.errors import UsageError

    with pytest.raises(UsageError):
        get_executor("spark")


@pytest.mark.parametrize("score_in_workers", [False, True])
def test_process_pool_report_equals_the_local_report(e5, score_in_workers: bool) -> None:
    """Spawned worker processes extracting (and, when asked, scoring pairs, each loading
    the model from the same cache) give the report that one process gives."""
    from transcheck.executors import ProcessExecutor

    paths = [str(ROOT / "fixtures" / "corpus_ru")]
    local = build_report(paths, encoder=e5)
    pool = ProcessExecutor(jobs=2, score_in_workers=score_in_workers)
    try:
        parallel = build_report(paths, encoder=e5, executor=pool)
    finally:
        pool.close()
    render = get_renderer("report", "json").render
    assert render(parallel) == render(local)


def test_process_pool_keeps_order() -> None:
    from transcheck.executors import ProcessExecutor

    pool = ProcessExecutor(jobs=2)
    try:
        assert pool.map(abs, [-3, 1, -2, 5]) == [3, 1, 2, 5]
    finally:
        pool.close()


@pytest.mark.parametrize("score_in_workers", [False, True])
def test_process_pool_run_fills_the_store_for_a_warm_rerun(e5, tmp_path: Path,
                                                           score_in_workers: bool) -> None:
    """Workers compute, the parent records: after a parallel run, a rerun in one process
    computes nothing and gives the same report."""
    from transcheck.encoders.memo import MemoEncoder
    from transcheck.executors import ProcessExecutor
    from transcheck.store import Store

    paths = [str(ROOT / "fixtures" / "corpus_ru")]
    store = Store(tmp_path)
    pool = ProcessExecutor(jobs=2, score_in_workers=score_in_workers)
    try:
        cold = build_report(paths, encoder=e5, executor=pool, store=store)
    finally:
        pool.close()
    assert store.info()["documents"] == 5 and store.info()["pairs"] > 0
    counting = MemoEncoder(e5, store=store)
    warm = build_report(paths, encoder=counting, store=store)
    assert counting.encoded == 0
    render = get_renderer("report", "json").render
    assert render(warm) == render(cold)


def test_articles_texts_can_be_left_out_in_every_executor() -> None:
    """keep_text=False: the documents carry no text, the quotes are the same, locally and
    in a process pool (extraction only: no model)."""
    from transcheck.executors import ProcessExecutor
    from transcheck.extract import extract

    paths = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "corpus_ru")]
    full = extract(paths)
    lean = extract(paths, keep_text=False)
    pool = ProcessExecutor(jobs=2)
    try:
        lean_pool = extract(paths, keep_text=False, executor=pool)
    finally:
        pool.close()
    assert full.quotes == lean.quotes == lean_pool.quotes
    assert all(d.text for d in full.documents)
    assert all(d.text == "" and d.skipped == () for d in lean.documents + lean_pool.documents)
    assert [d.id for d in lean.documents] == [d.id for d in full.documents]


def test_a_report_without_article_texts_renders_the_same_json(e5) -> None:
    paths = [str(ROOT / "fixtures" / "corpus_ru")]
    render = get_renderer("report", "json").render
    assert render(build_report(paths, encoder=e5, keep_text=False)) == render(
        build_report(paths, encoder=e5))


def test_the_command_gives_one_report_with_every_pool_mode(tmp_path: Path) -> None:
    """`transcheck report --executor processes` (the pool extracts) and with
    `--score-in-workers` (the pool scores too) write the report one process writes."""
    import subprocess
    import sys

    corpus = str(ROOT / "fixtures" / "corpus_ru")
    outs = []
    for k, extra in enumerate([(), ("--executor", "processes", "--jobs", "2"),
                               ("--executor", "processes", "--jobs", "2",
                                "--score-in-workers")]):
        out = tmp_path / f"report-{k}.json"
        run = subprocess.run([sys.executable, "-m", "transcheck", "report", corpus, "-f",
                              "json", "--out", str(out), "--no-cache", "--no-progress", *extra],
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert '"clusters": [\n' in outs[0]
    assert outs[1] == outs[0] and outs[2] == outs[0]


def test_the_pool_computes_the_lexical_metrics_while_this_process_aligns_words(
        e5, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a pool, BLEU, chrF and TER of the same-language pairs are computed by the
    workers: here they would fail, and the report is still the local one."""
    from transcheck.executors import ProcessExecutor
    from transcheck.metrics.lexical import _Sacre

    paths = [str(ROOT / "fixtures" / "corpus_ru")]
    render = get_renderer("report", "json").render
    local = build_report(paths, encoder=e5)
    assert any(p.bleu is not None for c in local.clusters for p in c.pairs)

    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("a lexical metric was computed in the command's process")

    pool = ProcessExecutor(jobs=2)
    try:
        monkeypatch.setattr(_Sacre, "sentence_score", not_here)
        parallel = build_report(paths, encoder=e5, executor=pool)
    finally:
        pool.close()
    assert render(parallel) == render(local)


def test_map_lazy_runs_in_process_tasks_only_when_read() -> None:
    seen: list[int] = []

    def task(x: int) -> int:
        seen.append(x)
        return x * 2

    results = InProcess().map_lazy(task, [3, 1, 2])
    assert seen == []
    assert next(results) == 6 and seen == [3]
    assert list(results) == [2, 4]
