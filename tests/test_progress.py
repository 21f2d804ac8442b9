"""Progress: every stage reports through one callback; bars only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from transcheck.pipeline import build_report

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus_ru"


def test_build_report_reports_each_stage(e5) -> None:
    seen: dict[str, list[tuple[int, int]]] = {}
    build_report([str(CORPUS)], encoder=e5,
                 progress=lambda stage, done, total: seen.setdefault(stage, []).append(
                     (done, total)))
    assert {"documents read", "texts encoded", "pairs scored"} <= set(seen)
    assert seen["documents read"][-1][0] == 5  # five articles in the corpus
    for stage in ("texts encoded", "pairs scored"):
        steps = seen[stage]
        assert all(0 < d <= t for d, t in steps), stage
        assert [d for d, _ in steps] == sorted(d for d, _ in steps), stage
    assert seen["pairs scored"][-1][0] == seen["pairs scored"][-1][1]


def _run_in_terminal(args: list[str]) -> str:
    """Runs the CLI with stderr on a pseudo-terminal; returns what reached the terminal."""
    main, sub = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=sub, env=dict(os.environ))
    os.close(sub)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(main)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_bars_on_a_terminal_and_not_with_no_progress(tmp_path: Path) -> None:
    shown = _run_in_terminal(["report", str(CORPUS), "--no-cache", "-f", "json",
                              "-o", str(tmp_path / "a.json")])
    assert "pairs scored" in shown and "texts encoded" in shown and "/s" in shown
    quiet = _run_in_terminal(["report", str(CORPUS), "--no-cache", "-f", "json",
                              "-o", str(tmp_path / "b.json"), "--no-progress"])
    assert "pairs scored" not in quiet and "texts encoded" not in quiet


def test_no_bars_when_stderr_is_not_a_terminal() -> None:
    run = subprocess.run([sys.executable, "-m", "transcheck", "report", str(CORPUS),
                          "--no-cache", "-f", "json"], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0
    assert "pairs scored" not in run.stderr and "\x1b[" not in run.stderr
    assert run.stdout.startswith("{")
