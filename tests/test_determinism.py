"""The same input gives byte-identical JSON, whatever the hash seed."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, "-m", "transcheck", *args], cwd=ROOT, env=env,
                         capture_output=True, check=True)
    return out.stdout


def test_extract_json_is_byte_identical_across_hash_seeds() -> None:
    args = ["extract", "seeds", "fixtures/articles", "--format", "json"]
    first = _run(args, "1")
    assert first == _run(args, "4242")
    assert b'"schema_version": 1' in first
