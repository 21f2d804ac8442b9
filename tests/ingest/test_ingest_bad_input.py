"""Bad input: one line on stderr naming the input and the problem, never a traceback;
exit 2 when nothing usable was given, warnings and exit 0 when some inputs were skipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import transcheck.extract
from transcheck import errors
from transcheck.extract import extract
from transcheck.ingest import Limits, iter_articles
from transcheck.types import Article, Problem

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures" / "ingest"
GOOD = FIX / "outlets" / "tass_dateline.txt"
BIG_BYTES = 50_000_000


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    says: str  # a fragment of the message
    severity: str


def _make(case: str, tmp: Path) -> tuple[str, str]:
    """The path to give for ``case`` and the name the message must use for it."""
    if case == "empty":
        path = str(FIX / "bad" / "empty.txt")
        return path, path
    if case == "binary":
        path = str(FIX / "bad" / "binary.txt")
        return path, path
    if case == "undecodable":
        path = str(FIX / "bad" / "undecodable.txt")
        return path, path
    if case == "missing":
        path = str(tmp / "no" / "such" / "article.txt")
        return path, path
    if case == "empty folder":
        folder = tmp / "empty_folder"
        folder.mkdir()
        (folder / ".hidden.txt").write_text("hidden files do not count", "utf-8")
        (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        return str(folder), str(folder)
    if case == "jsonl not json":
        path = tmp / "broken.jsonl"
        path.write_text('{"id": "a", "text": "never closed\n', "utf-8")
        return str(path), f"{path}:1"
    if case == "jsonl no text":
        path = tmp / "textless.jsonl"
        path.write_text('\n{"id": "a", "outlet": "TASS", "url": "https://x.example/1"}\n', "utf-8")
        return str(path), f"{path}:2"
    if case == "unsupported":
        path = tmp / "article.pdf"
        path.write_bytes(b"%PDF-1.4\n")
        return str(path), str(path)
    raise AssertionError(case)


CASES = {
    "empty": Case("empty", errors.P_EMPTY, "is empty", "warning"),
    "binary": Case("binary", errors.P_BINARY, "binary file", "error"),
    "undecodable": Case("undecodable", errors.P_UNDECODABLE, "neither UTF-8 nor", "error"),
    "missing": Case("missing", errors.P_NOT_FOUND, "does not exist", "error"),
    "empty folder": Case("empty folder", errors.P_EMPTY_FOLDER, "no readable articles",
                         "warning"),
    "jsonl not json": Case("jsonl not json", errors.P_BAD_RECORD, "not valid JSON", "error"),
    "jsonl no text": Case("jsonl no text", errors.P_BAD_RECORD, "no 'text'", "error"),
    "unsupported": Case("unsupported", errors.P_UNSUPPORTED, "unsupported file type", "error"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_library_reports_a_problem(case, tmp_path):
    path, shown = _make(case, tmp_path)
    expected = CASES[case]
    result = extract([path, str(GOOD)])
    assert [d.id for d in result.documents] == ["tass_dateline"]
    assert [q.text for q in result.quotes] == ["Hope springs eternal."]
    [problem] = result.problems
    assert (problem.source, problem.code, problem.severity) == (
        shown, expected.code, expected.severity)
    assert expected.says in problem.message


@pytest.mark.parametrize("case", list(CASES))
def test_cli_bad_input_alone_exits_2(cli, case, tmp_path):
    path, shown = _make(case, tmp_path)
    expected = CASES[case]
    run = cli(["extract", path, "--format", "json"])
    assert run.exit_code == 2
    assert run.stdout == ""
    [line, summary] = run.stderr_lines
    assert line.startswith(f"{expected.severity}: {shown}: ")
    assert expected.says in line
    assert line.endswith(f"[{expected.code}]")
    assert summary.startswith("error: no usable article") and summary.endswith("[E101]")


@pytest.mark.parametrize("case", list(CASES))
def test_cli_bad_input_with_a_good_one_warns_and_exits_0(cli, case, tmp_path):
    path, shown = _make(case, tmp_path)
    expected = CASES[case]
    run = cli(["extract", path, str(GOOD), "--format", "json"])
    assert run.exit_code == 0
    [line] = run.stderr_lines
    assert line.startswith(f"{expected.severity}: {shown}: ")
    assert line.endswith(f"[{expected.code}]")
    out = json.loads(run.stdout)
    assert [d["id"] for d in out["documents"]] == ["tass_dateline"]
    assert [(p["source"], p["code"]) for p in out["problems"]] == [(shown, expected.code)]


def test_cli_all_bad_inputs_together(cli, tmp_path):
    given = [_make(case, tmp_path) for case in CASES]
    run = cli(["extract", *[path for path, _ in given], "--format", "jsonl"])
    assert run.exit_code == 2
    assert run.stdout == ""
    for (_, shown), case in zip(given, CASES.values(), strict=True):
        lines = [line for line in run.stderr_lines if line.split(": ")[1] == shown]
        assert len(lines) == 1, (shown, run.stderr)
        assert lines[0].endswith(f"[{case.code}]")
    assert len(run.stderr_lines) == len(CASES) + 1


# -- one unbalanced quote mark ----------------------------------------------------------------

def test_unbalanced_quote_warns_and_the_other_quotes_are_found():
    path = str(FIX / "unbalanced.txt")
    result = extract([path])
    [doc] = result.documents
    [problem] = result.problems
    assert problem.code == errors.W_UNCLOSED_QUOTE
    assert problem.severity == "warning"
    assert problem.source == f"{path}:5"  # the line of the stray mark
    texts = [q.text for q in result.quotes]
    assert "The conversation was difficult, but businesslike," in texts
    assert "We went straight to the matter of the upcoming talks," in texts
    for q in result.quotes:
        assert doc.text[q.start:q.end] == q.text
        assert "\n" not in q.text  # the stray mark does not swallow the next paragraph
        if "Key Points" in q.text:
            assert "unclosed" in q.flags


def test_cli_unbalanced_quote(cli):
    path = str(FIX / "unbalanced.txt")
    run = cli(["extract", path, "--format", "json"])
    assert run.exit_code == 0
    [line] = run.stderr_lines
    assert line.startswith(f"warning: {path}:5: ") and line.endswith("[W201]")
    out = json.loads(run.stdout)
    assert "We went straight to the matter of the upcoming talks," in \
        [q["text"] for q in out["quotes"]]


def test_en_hard_stray_mark_is_reported():
    result = extract([str(ROOT / "fixtures" / "articles" / "en_hard.txt")])
    assert errors.W_UNCLOSED_QUOTE in [p.code for p in result.problems]
    assert len(result.quotes) >= 10


# -- a very large file ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    """50 MB of article text, made at test time (never committed)."""
    path = tmp_path_factory.mktemp("big") / "huge.txt"
    head = b'Ryabkov said: "We will not make any concessions under pressure."\n\n'
    line = (b"The talks in Geneva continued on Monday with no breakthrough in sight, "
            b"diplomats said. " * 12) + b"\n"
    with path.open("wb") as fh:
        fh.write(head)
        remaining = BIG_BYTES - len(head)
        fh.write(line * (remaining // len(line)))
        fh.write(b"x" * (remaining % len(line)))
    assert path.stat().st_size == BIG_BYTES
    return path


def test_large_file_is_refused_by_the_library(big_file):
    [problem] = list(iter_articles([str(big_file)]))
    assert isinstance(problem, Problem)
    assert problem.code == errors.P_TOO_LARGE
    assert problem.message.startswith("is 50.0 MB, over the 10.0 MB limit")
    assert "--max-bytes" in problem.message


def test_raised_limit_reads_the_large_file(big_file):
    [doc] = list(iter_articles([str(big_file)], limits=Limits(max_bytes=60_000_000)))
    assert isinstance(doc, Article)
    assert len(doc.text) == BIG_BYTES
    assert doc.text.startswith('Ryabkov said: "We will not make')


def test_cli_large_file(cli, big_file):
    run = cli(["extract", str(big_file), "--format", "json"])
    assert run.exit_code == 2
    assert run.stdout == ""
    [line, summary] = run.stderr_lines
    assert line == (f"error: {big_file}: is 50.0 MB, over the 10.0 MB limit for one article; "
                    "split it or raise the limit (--max-bytes) [E114]")
    assert summary.endswith("[E101]")


def test_cli_max_bytes_raises_the_limit(cli, big_file, monkeypatch):
    """--max-bytes lets the 50 MB file through ingestion.

    Quote finding is stubbed here: on 50 MB of text it takes minutes (the speaker finder's
    name regexes run at a few microseconds per character), which is a separate matter.
    """
    seen: list[int] = []

    def fake_extract_article(article):
        seen.append(len(article.text))
        return [], []

    monkeypatch.setattr(transcheck.extract, "extract_article", fake_extract_article)
    run = cli(["extract", str(big_file), "--max-bytes", "60000000", "--format", "json"])
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    out = json.loads(run.stdout)
    assert [d["id"] for d in out["documents"]] == ["huge"]
    assert out["documents"][0]["lang"] == "en"
    assert seen == [BIG_BYTES]


def test_cli_max_bytes_lowers_the_limit(cli):
    path = str(FIX / "furniture.txt")
    size = Path(path).stat().st_size
    run = cli(["extract", path, "--max-bytes", "100"])
    assert run.exit_code == 2
    [line, _] = run.stderr_lines
    assert line == (f"error: {path}: is {size:,} bytes, over the 100 bytes limit for one "
                    "article; split it or raise the limit (--max-bytes) [E114]")
    run = cli(["extract", path, "--max-bytes", str(size), "--format", "jsonl"])
    assert run.exit_code == 0 and run.stderr == ""


def test_jsonl_record_limit(cli, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "small", "text": 'Ryabkov said: "Yes, we will."'}) + "\n"
                    + json.dumps({"id": "large", "text": "word " * 100}) + "\n", "utf-8")
    run = cli(["extract", str(path), "--max-bytes", "200", "--format", "json"])
    assert run.exit_code == 0
    assert [d["id"] for d in json.loads(run.stdout)["documents"]] == ["small"]
    [line] = run.stderr_lines
    assert line.startswith(f"error: {path}:2: has a text larger than the 200 bytes limit")


# -- in a real process ------------------------------------------------------------------------

def _transcheck() -> list[str]:
    script = Path(sys.executable).with_name("transcheck")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from transcheck.cli import main; main()"]


def test_real_process_stderr(tmp_path):
    bad = [_make(case, tmp_path)[0] for case in ("empty", "binary", "undecodable", "missing",
                                                  "jsonl not json")]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([*_transcheck(), "extract", *bad], capture_output=True, text=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == len(bad) + 1
    assert all(line.startswith(("error: ", "warning: ")) for line in lines)
    for path in bad:
        assert sum(path in line for line in lines) == 1

    proc = subprocess.run([*_transcheck(), "extract", *bad, str(GOOD), "-f", "jsonl"],
                          capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == len(bad)
    assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] == [
        "Hope springs eternal."]


def test_real_process_with_stdin_closed():
    """A process started with standard input closed (sys.stdin is None) still runs."""
    proc = subprocess.run([*_transcheck(), "extract", str(GOOD), "-f", "jsonl"],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: os.close(0))
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["text"] == "Hope springs eternal."
