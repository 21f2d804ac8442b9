"""The JSON report is byte-identical whatever the hash seed (str hashes, set and dict orders).

tests/test_determinism.py covers ``extract`` across hash seeds and tests/test_hardening.py
the report across input orders; this runs the whole ``report`` (model, alignment, drift) in
two processes with different seeds. TRANSCHECK_CACHE_DIR points at the session's converted
model, so neither process converts it; ``--no-cache`` keeps the store out of the way, so
each process computes everything itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _report(seed: str, cache: Path) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed, TRANSCHECK_CACHE_DIR=str(cache))
    proc = subprocess.run(
        [sys.executable, "-m", "transcheck", "report", "seeds", "fixtures/nasty", "--format",
         "json", "--no-cache", "--no-progress"],
        cwd=ROOT, env=env, capture_output=True, timeout=900, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    assert b"Traceback" not in proc.stderr
    return proc.stdout


def test_report_json_is_byte_identical_across_hash_seeds(e5, e5_cache_dir: Path) -> None:
    assert e5.folder.is_relative_to(e5_cache_dir)  # converted once, for both processes
    first = _report("1", e5_cache_dir)
    second = _report("2", e5_cache_dir)
    assert first == second
    report = json.loads(first)
    assert report["schema_version"] == 1
    assert len(report["clusters"]) >= 5
    assert {d["path"].split("/")[0] for d in report["documents"]} == {"seeds", "fixtures"}
    assert {p["code"] for p in report["problems"]} >= {"E111", "E112", "E116", "W202"}
