"""A full disk never costs a report, a finished result or the store.

The disk is made "full" for one subprocess with ``RLIMIT_FSIZE``: every write beyond the
limit fails (EFBIG) for the store and the output alike, as writes on a full disk fail
(ENOSPC). Output to a pipe is not limited. Linux and macOS only, like the tool's CI.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np

from transcheck.encoders.memo import MemoEncoder
from transcheck.pipeline import build_report
from transcheck.report import get_renderer
from transcheck.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "seeds")


def _run_on_a_small_disk(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "transcheck", *args, "--no-progress"],
                          preexec_fn=small_disk, capture_output=True, text=True,
                          env=dict(os.environ), timeout=600)


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def test_a_disk_full_in_mid_run_keeps_the_report_and_the_store(e5, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    # 64 KB: the store's tables fit, the vectors of the seeds' quotes do not
    run = _run_on_a_small_disk(64_000, "report", SEEDS, "--cache-dir", str(cache), "-f", "json")
    render = get_renderer("report", "json").render
    clean = render(build_report([SEEDS], encoder=e5))
    assert run.returncode == 0, run.stderr
    assert run.stdout == clean  # the report is whole and the same
    lines = run.stderr.splitlines()
    stopped = [line for line in lines if "[W205]" in line]
    assert len(stopped) == 1, run.stderr  # one warning, not one per failed write
    assert stopped[0].startswith(f"warning: {Store(cache).path}: the cache stopped")
    assert "free disk space" in stopped[0]
    assert not [line for line in lines if line.startswith("error:")]
    # the store is sound: nothing set aside, SQLite's own check passes, and it resumes
    assert not [p for p in cache.iterdir() if ".corrupt" in p.name]
    assert _integrity(Store(cache).path) == "ok"
    store = Store(cache)
    kept = store.info()
    resumed = build_report([SEEDS], encoder=MemoEncoder(e5, store=store), store=store)
    assert render(resumed) == clean
    assert store.info()["vectors"] > kept["vectors"]  # now it stores what it could not
    assert store.problems == []


def test_a_full_disk_leaves_the_previous_report_whole(e5, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    run = _run_on_a_small_disk(20_000, "report", SEEDS, "--no-cache", "-f", "json",
                               "-o", str(out))
    assert run.returncode == 2
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"error: {out}: cannot write the output")
    assert "free disk space" in lines[0] and lines[0].endswith("[E120]")
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temp left


def test_a_store_that_cannot_open_on_a_full_disk_is_not_set_aside(e5, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run = _run_on_a_small_disk(8_000, "report", SEEDS, "--cache-dir", str(cache), "-f", "json")
    assert run.returncode == 2 and run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].endswith("[E130]"), run.stderr
    assert "free disk space" in lines[0] and "damaged" not in run.stderr
    assert not [p for p in cache.iterdir() if ".corrupt" in p.name]


def test_a_full_store_stops_writing_once_and_keeps_what_it_had(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = {f"text {i}": np.full(384, i, np.float32) for i in range(5)}
    store.put_vectors("m", first)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's "disk is full"
    store.put_vectors("m", {f"more {i}": np.zeros(384, np.float32) for i in range(500)})
    assert [p.code for p in store.problems] == ["W205"]
    assert "full" in store.problems[0].message and store.problems[0].severity == "warning"
    store.put_pair("k", {"cos": 1.0})  # later writes are skipped, not raised
    store.put_document("v", "sha", {"quotes": []})
    assert len(store.problems) == 1
    assert store.get_pair("k") is None
    got = store.get_vectors("m", list(first) + ["more 0"])
    assert sorted(got) == sorted(first)  # the failed batch left nothing half-written
    np.testing.assert_array_equal(got["text 3"], first["text 3"])
    store.close()
    assert _integrity(Store(tmp_path).path) == "ok"
