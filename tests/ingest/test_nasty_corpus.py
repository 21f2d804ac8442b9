"""The nasty corpus of fixtures/nasty: every bad input gives one line naming it (and the line,
for JSONL) and saying what to do; the good inputs of the same run are still processed; the
exit code follows the README (0 when something was usable, 2 when nothing was)."""

from __future__ import annotations

import errno
import importlib.util
import json
import os
import pathlib
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from transcheck import errors
from transcheck.extract import extract
from transcheck.ingest import iter_articles
from transcheck.types import Article, Problem

ROOT = Path(__file__).resolve().parents[2]
NASTY = ROOT / "fixtures" / "nasty"
GOOD = NASTY / "good.txt"
GOOD_QUOTE = "Hope springs eternal."


def _load_maker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_nasty", NASTY / "make_nasty.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = _load_maker()


@dataclass(frozen=True)
class Expect:
    where: str  # "" for the file itself, ":N" for a JSONL line
    code: str
    severity: str
    says: str  # a fragment of the message: what is wrong
    todo: str  # a fragment of the message: what to do


# For each committed file: the documents it gives and the problems it raises, in order.
FILES: dict[str, tuple[list[str], list[Expect]]] = {
    "truncated.html": (["truncated"], [
        Expect("", errors.W_TRUNCATED, "warning", "stops before the end of the page",
               "download it again")]),
    "scripts_iframes.html": (["scripts_iframes"], []),
    "only_scripts.html": ([], [
        Expect("", errors.P_EMPTY, "warning", "no article text", "save the article text")]),
    "mixed_encodings.jsonl": (["ria-utf8", "ria-cp1251", "tass-utf8"], []),
    "bad_lines.jsonl": (["good-1", "surrogate", "good-2"], [
        Expect(":2", errors.P_BAD_RECORD, "error", "is not valid JSON", "each line must be"),
        Expect(":3", errors.P_BAD_RECORD, "error", "has no 'text'", "non-empty 'text'"),
        Expect(":4", errors.P_BAD_RECORD, "error", "has no 'text'", "non-empty 'text'"),
        Expect(":5", errors.P_BAD_RECORD, "error", "is not a JSON object", "each record"),
        Expect(":6", errors.P_BAD_RECORD, "error", "nested too deeply", "each line must be"),
        Expect(":7", errors.W_REPLACED, "warning", "unpaired UTF-16 surrogates",
               "fix the exporter"),
        Expect(":8", errors.P_BAD_RECORD, "error", "is not valid JSON", "each line must be")]),
    "nested.json": ([], [
        Expect("", errors.P_BAD_RECORD, "error", "nested too deeply", "fix the syntax")]),
    "empty.txt": ([], [Expect("", errors.P_EMPTY, "warning", "is empty", "skipped")]),
    "bom_only.txt": ([], [
        Expect("", errors.P_EMPTY, "warning", "only a byte-order mark", "skipped")]),
    "binary.txt": ([], [
        Expect("", errors.P_BINARY, "error", "binary file", "save it as UTF-8")]),
    "nul_bytes.txt": ([], [
        Expect("", errors.P_BINARY, "error", "contains NUL bytes (the first at byte 68)",
               "remove the NUL bytes")]),
}


def _split(items):  # type: ignore[no-untyped-def]
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Problem)])


def _check_problems(problems, source: str, expected: list[Expect]) -> None:  # type: ignore[no-untyped-def]
    assert [(p.source, p.code, p.severity) for p in problems] == [
        (f"{source}{e.where}", e.code, e.severity) for e in expected]
    for p, e in zip(problems, expected, strict=True):
        assert e.says in p.message and e.todo in p.message, p.message
        assert "\n" not in p.render()


def _check_line(line: str, source: str, e: Expect) -> None:
    assert line.startswith(f"{e.severity}: {source}{e.where}: "), line
    assert line.endswith(f"[{e.code}]"), line
    assert e.says in line and e.todo in line, line


# -- the committed files, one by one ----------------------------------------------------------

def test_the_committed_files_are_what_the_generator_makes():
    for name, data in make.COMMITTED.items():
        assert (NASTY / name).read_bytes() == data, f"run python {NASTY / 'make_nasty.py'}"


@pytest.mark.parametrize("name", list(FILES))
def test_library_reports_each_input_and_reads_the_good_one(name):
    path = str(NASTY / name)
    docs, expected = FILES[name]
    result = extract([path, str(GOOD)])
    assert [d.id for d in result.documents] == [*docs, "good"]
    _check_problems([p for p in result.problems if p.code != errors.W_UNCLOSED_QUOTE], path,
                    expected)
    assert GOOD_QUOTE in [q.text for q in result.quotes if q.doc == "good"]
    for q in result.quotes:
        [doc] = [d for d in result.documents if d.id == q.doc]
        assert doc.text[q.start:q.end] == q.text


@pytest.mark.parametrize("name", list(FILES))
def test_cli_reports_each_input_and_reads_the_good_one(cli, name):
    path = str(NASTY / name)
    docs, expected = FILES[name]
    run = cli(["extract", path, str(GOOD), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    lines = [line for line in run.stderr_lines if not line.endswith("[W201]")]
    assert len(lines) == len(expected), run.stderr
    for line, e in zip(lines, expected, strict=True):
        _check_line(line, path, e)
    out = json.loads(run.stdout)
    assert [d["id"] for d in out["documents"]] == [*docs, "good"]
    assert [(p["source"], p["code"]) for p in out["problems"] if p["code"] != "W201"] == [
        (f"{path}{e.where}", e.code) for e in expected]


@pytest.mark.parametrize("name", list(FILES))
def test_cli_input_alone_exits_by_the_documented_rules(cli, name):
    path = str(NASTY / name)
    docs, expected = FILES[name]
    run = cli(["extract", path, "--format", "jsonl"])
    if docs:
        assert run.exit_code == 0
        assert {json.loads(line)["doc"] for line in run.stdout.splitlines()} <= set(docs)
    else:
        assert run.exit_code == 2
        assert run.stdout == ""
        assert run.stderr_lines[-1].startswith("error: no usable article")
        assert run.stderr_lines[-1].endswith("[E101]")
        assert len(run.stderr_lines) == len(expected) + 1


def test_scripts_and_iframes_are_not_article_text():
    result = extract([str(NASTY / "scripts_iframes.html")])
    [doc] = result.documents
    assert [q.text for q in result.quotes] == [
        "The conversation was difficult, but businesslike."]
    for decoy in ("Fake said", "JSON-LD", "Style said", "Onload said", "Injected said",
                  "Srcdoc said", "Ad said", "javascript:", "alert("):
        assert decoy not in doc.text


def test_truncated_html_is_read_as_far_as_it_goes():
    result = extract([str(NASTY / "truncated.html")])
    [doc] = result.documents
    assert doc.text.endswith("the diplomats were expected to")
    assert [q.text for q in result.quotes] == [
        "We are ready for dialogue on security guarantees, but not at any price."]


def test_mixed_encodings_in_one_jsonl_file():
    result = extract([str(NASTY / "mixed_encodings.jsonl")])
    assert [(d.id, d.encoding, d.lang) for d in result.documents] == [
        ("ria-utf8", "utf-8", "ru"), ("ria-cp1251", "cp1251", "ru"), ("tass-utf8", "utf-8", "en")]
    assert [q.text for q in result.quotes] == [
        "Мы не будем продолжать переговоры бесконечно",
        "Мы провели в Женеве восемь часов и ждём письменного ответа",
        GOOD_QUOTE]
    assert result.problems == ()


def test_a_lone_surrogate_is_replaced_and_every_output_can_be_written(cli, tmp_path):
    result = extract([str(NASTY / "bad_lines.jsonl")])
    [doc] = [d for d in result.documents if d.id == "surrogate"]
    assert "\ufffd" in doc.text
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in doc.text)
    for fmt in ("json", "jsonl", "table"):
        out = tmp_path / f"out.{fmt}"
        run = cli(["extract", str(NASTY / "bad_lines.jsonl"), "--format", fmt, "--out", str(out)])
        assert run.exit_code == 0, run.stderr
        assert "We will not \ufffd give in." in out.read_bytes().decode("utf-8")


def test_the_whole_folder(cli):
    run = cli(["extract", str(NASTY), "--format", "json"])
    assert run.exit_code == 0
    out = json.loads(run.stdout)
    expected_docs = [doc for name in sorted(FILES) for doc in FILES[name][0]]
    expected_docs.insert(expected_docs.index("ria-utf8"), "good")  # good.txt sorts there
    assert [d["id"] for d in out["documents"]] == expected_docs
    expected = [(f"{(NASTY / name).as_posix()}{e.where}", e.code)
                for name in sorted(FILES) for e in FILES[name][1]]
    got = [(p["source"], p["code"]) for p in out["problems"] if p["code"] != "W201"]
    assert got == expected
    assert len([line for line in run.stderr_lines if not line.endswith("[W201]")]) == \
        len(expected)


# -- large inputs, made at test time ----------------------------------------------------------

@pytest.fixture(scope="module")
def huge(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("huge")
    return {"txt": make.huge_article(folder / "huge.txt"),
            "jsonl": make.huge_jsonl(folder / "huge.jsonl")}


def test_a_100_mb_article_is_refused_and_the_run_goes_on(cli, huge):
    path = huge["txt"]
    assert path.stat().st_size == make.HUGE_BYTES
    result = extract([str(path), str(GOOD)])
    assert [d.id for d in result.documents] == ["good"]
    [problem] = result.problems
    assert (problem.source, problem.code) == (str(path), errors.P_TOO_LARGE)
    assert problem.message == ("is 100.0 MB, over the 10.0 MB limit for one article; split it "
                               "or raise the limit (--max-bytes)")
    run = cli(["extract", str(path), str(GOOD), "--format", "jsonl"])
    assert run.exit_code == 0
    assert run.stderr_lines == [f"error: {path}: {problem.message} [E114]"]
    assert [json.loads(line)["text"] for line in run.stdout.splitlines()] == [GOOD_QUOTE]
    run = cli(["extract", str(path)])
    assert run.exit_code == 2 and run.stderr_lines[-1].endswith("[E101]")


def test_a_100_mb_jsonl_line_is_skipped_and_the_next_line_read(cli, huge):
    path = huge["jsonl"]
    assert path.stat().st_size > make.HUGE_BYTES
    items = list(iter_articles([str(path)]))
    docs, problems = _split(items)
    assert [d.id for d in docs] == ["after-huge"]
    [problem] = problems
    assert (problem.source, problem.code) == (f"{path}:1", errors.P_TOO_LARGE)
    assert "over the 10.0 MB limit" in problem.message and "--max-bytes" in problem.message
    run = cli(["extract", str(path), "--format", "jsonl"])
    assert run.exit_code == 0
    [line] = run.stderr_lines
    assert line.startswith(f"error: {path}:1: is a line of more than ") and line.endswith("[E114]")
    assert [json.loads(line)["doc"] for line in run.stdout.splitlines()] == ["after-huge"]


def test_a_very_long_single_line(cli, tmp_path):
    path = make.long_line(tmp_path / "one_line.txt")
    data = path.read_bytes()
    assert b"\n" not in data and len(data) == 2_000_000
    result = extract([str(path), str(GOOD)])
    assert result.problems == ()
    [doc, _] = result.documents
    quotes = [q for q in result.quotes if q.doc == doc.id]
    assert [q.text for q in quotes] == ["We will not make any concessions.",
                                        "We are ready for dialogue."]
    assert all(q.line == 1 for q in quotes)
    assert quotes[-1].col > 1_999_000
    for q in quotes:
        assert doc.text[q.start:q.end] == q.text
    run = cli(["extract", str(path), "--format", "jsonl"])
    assert run.exit_code == 0 and run.stderr == ""


# -- symbolic links ---------------------------------------------------------------------------

LINK_PROBLEMS = [  # (name in the corpus folder, what the message says)
    ("broken.txt", "is a symbolic link that is broken"),
    ("leak.txt", "is a symbolic link to a file outside"),
    ("leakdir", "is a symbolic link to a folder outside"),
    ("self.txt", "is a symbolic link that loops"),
]


def test_links_library(tmp_path, time_limit):
    top = make.link_tree(tmp_path)
    with time_limit(20):
        docs, problems = _split(list(iter_articles([str(top)])))
    # a.txt once (dup.txt is a second way to it); the hidden file once, through latest.txt
    assert [(d.id, Path(d.path).relative_to(top).as_posix()) for d in docs] == [
        ("a", "a.txt"), ("latest", "latest.txt")]
    assert not any("outside the corpus" in d.text for d in docs)
    assert [(Path(p.source).name, p.code, p.severity) for p in problems] == [
        (name, errors.P_LINK_SKIPPED, "warning") for name, _ in LINK_PROBLEMS]
    for p, (_, says) in zip(problems, LINK_PROBLEMS, strict=True):
        assert p.message.startswith(says), p.message
        assert "skipped" in p.message or "not followed" in p.message
    leak = next(p for p in problems if p.source.endswith("leak.txt"))
    assert f"give {(tmp_path / 'outside' / 'secret.txt').resolve()} on the command line" in \
        leak.message


def test_links_cli(cli, tmp_path, time_limit):
    top = make.link_tree(tmp_path)
    with time_limit(60):
        run = cli(["extract", str(top), "--format", "json"])
    assert run.exit_code == 0
    out = json.loads(run.stdout)
    assert [d["id"] for d in out["documents"]] == ["a", "latest"]
    assert [q["text"] for q in out["quotes"]] == [
        GOOD_QUOTE, "We are ready for dialogue on security guarantees."]
    assert len(run.stderr_lines) == len(LINK_PROBLEMS)
    for line, (name, says) in zip(run.stderr_lines, LINK_PROBLEMS, strict=True):
        assert line.startswith(f"warning: {(top / name).as_posix()}: {says}"), line
        assert line.endswith("[E119]")


def test_a_link_named_on_the_command_line_is_read(cli, tmp_path):
    top = make.link_tree(tmp_path)
    run = cli(["extract", str(top / "leak.txt"), str(top / "broken.txt"), "--format", "jsonl"])
    assert run.exit_code == 0
    assert [json.loads(line)["text"] for line in run.stdout.splitlines()] == [
        "This file is outside the corpus."]
    [line] = run.stderr_lines
    assert line == (f"error: {top / 'broken.txt'}: is a broken symbolic link (to gone.txt); "
                    "fix the link or give its target [E110]")


def test_a_named_pipe_in_a_folder_does_not_block_the_walk(cli, tmp_path, time_limit):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    with time_limit(60):
        run = cli(["extract", str(folder), "--format", "jsonl"])
    assert run.exit_code == 0
    assert [json.loads(line)["text"] for line in run.stdout.splitlines()] == [GOOD_QUOTE]
    [line] = run.stderr_lines
    assert line.startswith(f"warning: {(folder / 'pipe.txt').as_posix()}: is not a regular "
                           "file (a named pipe, socket or device); skipped (give it on the "
                           "command line")
    assert line.endswith("[E117]")


def test_a_named_pipe_given_by_name_is_read(tmp_path, time_limit):
    """``transcheck extract <(zcat corpus.txt.gz)`` hands the tool a pipe: it is read."""
    pipe = tmp_path / "stream.txt"
    os.mkfifo(pipe)

    def feed() -> None:
        with open(pipe, "wb") as fh:
            fh.write(GOOD.read_bytes())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    with time_limit(30):
        result = extract([str(pipe)])
    writer.join(5)
    assert [q.text for q in result.quotes] == [GOOD_QUOTE]


# -- unreadable files and folders -------------------------------------------------------------

def _make_unreadable(tmp_path: Path, monkeypatch) -> tuple[Path, Path, Path]:  # type: ignore[no-untyped-def]
    """A folder with a good article, an unreadable article and an unreadable subfolder.

    ``chmod 000`` does not stop root, and CI may run the tests as root: there, opening the
    file and listing the subfolder are made to fail with EACCES exactly as chmod would make
    them fail for anyone else (the test never silently passes over the case)."""
    top = tmp_path / "corpus"
    (top / "locked_dir").mkdir(parents=True)
    (top / "a_good.txt").write_bytes(GOOD.read_bytes())
    locked = top / "locked.txt"
    locked.write_bytes(GOOD.read_bytes())
    (top / "locked_dir" / "inner.txt").write_bytes(GOOD.read_bytes())
    locked.chmod(0)
    (top / "locked_dir").chmod(0)
    if os.geteuid() == 0:
        real_open, real_scandir = pathlib.Path.open, os.scandir

        def deny(path: object) -> OSError:
            return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

        def fake_open(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(self) == locked:
                raise deny(self)
            return real_open(self, *args, **kwargs)

        def fake_scandir(path=".", *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(path) == top / "locked_dir":
                raise deny(path)
            return real_scandir(path, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "open", fake_open)
        monkeypatch.setattr(os, "scandir", fake_scandir)
    return top, locked, top / "locked_dir"


@pytest.fixture
def unreadable(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    top, locked, locked_dir = _make_unreadable(tmp_path, monkeypatch)
    yield top, locked, locked_dir
    locked.chmod(0o644)
    locked_dir.chmod(0o755)


def _expected_unreadable(locked: Path, locked_dir: Path) -> list[tuple[str, str, str]]:
    return [
        (locked.as_posix(), errors.P_UNREADABLE,
         "cannot be read (Permission denied); check its permissions"),
        (locked_dir.as_posix(), errors.P_UNREADABLE,
         "is a folder that cannot be read (Permission denied); check its permissions"),
    ]


def test_unreadable_library(unreadable):
    top, locked, locked_dir = unreadable
    result = extract([str(top)])
    assert [d.id for d in result.documents] == ["a_good"]
    assert [(p.source, p.code, p.message) for p in result.problems] == \
        _expected_unreadable(locked, locked_dir)


def test_unreadable_cli(cli, unreadable):
    top, locked, locked_dir = unreadable
    run = cli(["extract", str(top), "--format", "jsonl"])
    assert run.exit_code == 0
    assert [json.loads(line)["doc"] for line in run.stdout.splitlines()] == ["a_good"]
    assert run.stderr_lines == [f"error: {source}: {message} [{code}]"
                                for source, code, message in
                                _expected_unreadable(locked, locked_dir)]
    run = cli(["extract", str(locked), "--format", "jsonl"])
    assert run.exit_code == 2
    assert run.stderr_lines[0] == (f"error: {locked}: cannot be read (Permission denied); "
                                   "check its permissions [E118]")


# -- odd names and paths ----------------------------------------------------------------------

def test_odd_file_names_stay_on_one_line(cli, tmp_path):
    top = make.odd_names(tmp_path)
    run = cli(["extract", str(top), "--format", "json"])
    assert run.exit_code == 0
    [line] = run.stderr_lines  # the newline in a name does not make a second line
    assert line == (f"warning: {top.as_posix()}/esc\\x1b[31mred.txt: is empty; skipped "
                    "(nothing to read) [E111]")
    out = json.loads(run.stdout)
    shown = ["two\\x0alines", "\\xcf\\xf0\\xe8\\xe2\\xe5\\xf2"]  # cp1251 "Привет"
    assert sorted(d["path"] for d in out["documents"]) == sorted(
        f"{top.as_posix()}/{name}.txt" for name in shown)
    assert sorted(d["id"] for d in out["documents"]) == sorted(shown)
    out_file = tmp_path / "out.json"
    run = cli(["extract", str(top), "--format", "json", "--out", str(out_file)])
    assert run.exit_code == 0
    assert json.loads(out_file.read_text("utf-8"))["documents"]


def test_empty_and_nul_paths(cli):
    result = extract(["", "bad\x00name.txt", str(GOOD)])
    assert [d.id for d in result.documents] == ["good"]
    assert [(p.source, p.code) for p in result.problems] == [
        ("''", errors.P_NOT_FOUND), ("bad\\x00name.txt", errors.P_NOT_FOUND)]
    assert result.problems[0].message == ("is an empty path; give a file, a folder, or - for "
                                          "standard input")
    assert "NUL character" in result.problems[1].message
    run = cli(["extract", "", "--format", "jsonl"])
    assert run.exit_code == 2
    assert run.stderr_lines[0] == ("error: '': is an empty path; give a file, a folder, or - "
                                   "for standard input [E110]")
