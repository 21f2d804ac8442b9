"""An interrupted run loses no finished work: kill it, rerun, get the clean run's report."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from transcheck.encoders.memo import MemoEncoder
from transcheck.pipeline import build_report
from transcheck.report import get_renderer
from transcheck.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return int(con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def _interrupted_run(corpus: Path, cache: Path, sig: int, until: str,
                     extra: tuple[str, ...] = (), stderr_out: list[str] | None = None,
                     command: str = "report") -> int:
    """Starts a report, waits until the store holds some ``until`` rows, sends ``sig``
    (to the command's whole process group, as a terminal sends Ctrl-C)."""
    db = Store(cache).path
    # as from a terminal: a job started in the background of a shell inherits Ctrl-C
    # ignored, and so would the command
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", command, str(corpus),
                             "--cache-dir", str(cache), "-f", "json", "--no-progress", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=dict(os.environ), start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    sent = False
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if _count(db, until) > 0:
            os.killpg(proc.pid, sig)
            sent = True
            break
        time.sleep(0.05)
    _, stderr = proc.communicate(timeout=120)
    assert sent, f"the run ended before it stored any {until}: {stderr.decode()[-2000:]}"
    if stderr_out is not None:
        stderr_out.append(stderr.decode())
    return proc.returncode


def test_a_killed_run_resumes_without_redoing_finished_work(e5, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "40",
                    str(corpus)], check=True, capture_output=True)
    cache = tmp_path / "cache"
    code = _interrupted_run(corpus, cache, signal.SIGKILL, "pairs")
    assert code == -signal.SIGKILL  # killed in the middle of scoring, not finished
    store = Store(cache)  # opens cleanly: no damage to set aside
    kept = store.info()
    assert kept["documents"] > 0 and kept["vectors"] > 0 and kept["pairs"] > 0
    fresh = MemoEncoder(e5, store=Store(tmp_path / "fresh"))
    clean = build_report([str(corpus)], encoder=fresh, store=fresh.store)
    counting = MemoEncoder(e5, store=store)
    resumed = build_report([str(corpus)], encoder=counting, store=store)
    render = get_renderer("report", "json").render
    assert render(resumed) == render(clean)
    # what the killed run had finished was not done again
    assert counting.encoded < fresh.encoded
    assert store.info()["pairs"] == fresh.store.info()["pairs"]
    assert not [p for p in cache.iterdir() if p.name.endswith(".corrupt")]


def test_ctrl_c_exits_130_and_keeps_the_store(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "40",
                    str(corpus)], check=True, capture_output=True)
    cache = tmp_path / "cache"
    code = _interrupted_run(corpus, cache, signal.SIGINT, "documents")
    assert code == 130
    assert Store(cache).info()["documents"] > 0


def test_ctrl_c_with_a_process_pool_is_one_line(tmp_path: Path) -> None:
    """Ctrl-C reaches the pool's workers too (one process group); they leave it to the
    command, which ends with 130 and one line, not a traceback from each worker."""
    corpus = tmp_path / "corpus.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "40",
                    str(corpus)], check=True, capture_output=True)
    stderr: list[str] = []
    # vectors are stored once extraction is over: the workers are idle, waiting for work
    code = _interrupted_run(corpus, tmp_path / "cache", signal.SIGINT, "vectors",
                            ("--executor", "processes", "--jobs", "2"), stderr)
    assert code == 130, stderr
    assert "Traceback" not in stderr[0] and "KeyboardInterrupt" not in stderr[0], stderr[0]
    assert stderr[0].strip().splitlines()[-1] == "interrupted", stderr[0]


def test_ctrl_c_while_the_model_runs_beside_extraction(tmp_path: Path) -> None:
    """The model thread is running when Ctrl-C comes (its first batch is stored while
    extraction still reads articles): one line, 130, and the finished batch kept."""
    corpus = tmp_path / "corpus.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "400",
                    str(corpus)], check=True, capture_output=True)
    config = tmp_path / "transcheck.toml"
    config.write_text("[align]\nexhaustive_block = 1\n", encoding="utf-8")
    cache = tmp_path / "cache"
    stderr: list[str] = []
    code = _interrupted_run(corpus, cache, signal.SIGINT, "vectors",
                            ("--config", str(config)), stderr, command="gate")
    assert code == 130, stderr
    assert stderr[0].strip().splitlines()[-1] == "interrupted", stderr[0]
    assert "Traceback" not in stderr[0] and "error" not in stderr[0], stderr[0]
    assert Store(cache).info()["vectors"] >= 256


def test_an_interrupt_a_library_turns_into_its_own_error_still_exits_130() -> None:
    """Some libraries catch everything while they work (langdetect loading its profiles
    turns Ctrl-C into a "profile format error"): the command noted Ctrl-C, so it ends
    with 130, not with an internal error."""
    import typer

    from transcheck.cli import _one_line_errors

    def load_profiles() -> None:
        try:
            signal.raise_signal(signal.SIGINT)
        except BaseException as exc:  # what such a library does
            raise RuntimeError("profile format error") from exc

    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(typer.Exit) as stop, _one_line_errors():
            load_profiles()
    finally:
        signal.signal(signal.SIGINT, before)
    assert stop.value.exit_code == 130

    with pytest.raises(typer.Exit) as failed, _one_line_errors():  # no Ctrl-C: an error
        raise RuntimeError("profile format error")
    assert failed.value.exit_code == 2


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_interrupt_swallowed_by_a_finalizer_still_exits_130() -> None:
    """Python drops a KeyboardInterrupt raised inside ``__del__`` ("Exception ignored");
    the command notes Ctrl-C itself, so it still ends with 130."""
    import typer

    from transcheck.cli import _one_line_errors

    class Finalizer:
        def __del__(self) -> None:
            signal.raise_signal(signal.SIGINT)

    went_on = False
    # Ctrl-C as a terminal delivers it (a background job of a shell has it ignored)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(typer.Exit) as stop, _one_line_errors():
            Finalizer()  # collected at once: the interrupt goes off inside __del__
            went_on = True
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, before)
    assert went_on and stop.value.exit_code == 130


def test_ctrl_c_left_ignored_is_not_taken_over() -> None:
    """Where Ctrl-C is ignored (a background job, nohup), the command leaves it so."""
    from transcheck.cli import _one_line_errors

    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with _one_line_errors():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            signal.raise_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, before)
