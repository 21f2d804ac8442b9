"""A CLI runner and helpers shared by the ingestion tests (as fixtures: the test
modules are imported with ``--import-mode=importlib`` and cannot import this file)."""

from __future__ import annotations

import contextlib
import json
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "ingest"
SEEDS = ROOT / "seeds"
ARTICLES = ROOT / "fixtures" / "articles"


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def lines_naming(self, name: str) -> list[str]:
        return [line for line in self.stderr_lines if name in line]


def _runner() -> CliRunner:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2: stderr is always captured on its own
        return CliRunner()


def invoke(args: list[str], input: bytes | str | None = None) -> Run:
    """Run ``transcheck ARGS`` in-process; unexpected exceptions fail the test."""
    result = _runner().invoke(app, args, input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"transcheck {args} raised {result.exception!r}") \
            from result.exception
    run = Run(result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in run.stderr
    return run


@pytest.fixture
def cli() -> Callable[..., Run]:
    return invoke


@pytest.fixture(scope="session")
def manifest() -> dict[str, dict[str, str]]:
    """What each file of fixtures/ingest/encodings/ must decode to (make_fixtures.py)."""
    return json.loads((FIXTURES / "encodings.json").read_text("utf-8"))


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a walk that followed a symbolic-link loop never ends)."""

    def expire(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def time_limit() -> Callable[[int], contextlib.AbstractContextManager[None]]:
    return _time_limit
