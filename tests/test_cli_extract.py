"""``transcheck extract`` through the command line: help, version, formats, --out, --speaker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import transcheck
from transcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "seeds")
GOLD = ROOT / "fixtures" / "gold" / "seeds.jsonl"

DOC_KEYS = {"id", "path", "outlet", "lang", "encoding", "published", "url"}
QUOTE_KEYS = {"id", "doc", "outlet", "lang", "speaker", "speaker_surface", "text", "start",
              "end", "kind", "line", "col", "flags"}
PROBLEM_KEYS = {"source", "code", "severity", "message"}


def _runner() -> CliRunner:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always keeps stderr apart
        return CliRunner()


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    result = _runner().invoke(app, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"transcheck {args} raised {result.exception!r}") \
            from result.exception
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def seeds_json() -> dict:
    result = run("extract", SEEDS, "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


# -- help and version -------------------------------------------------------------------------

def test_app_help():
    result = run("--help")
    assert result.exit_code == 0
    assert "extract" in result.stdout
    assert "--version" in result.stdout


def test_extract_help():
    result = run("extract", "--help")
    assert result.exit_code == 0
    for option in ("--speaker", "--format", "--out", "--max-bytes"):
        assert option in result.stdout
    assert result.stderr == ""


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"transcheck {transcheck.__version__}\n"
    assert transcheck.__version__ != "0.0.0"


def test_usage_errors_exit_2():
    assert run("extract").exit_code == 2  # no PATH
    assert run("extract", SEEDS, "--format", "xml").exit_code == 2
    assert run("extract", SEEDS, "--max-bytes", "0").exit_code == 2


# -- json -------------------------------------------------------------------------------------

def test_json_contract(seeds_json):
    out = seeds_json
    assert set(out) == {"schema_version", "documents", "quotes", "problems"}
    assert out["schema_version"] == 1
    assert len(out["documents"]) == 5
    assert all(set(d) == DOC_KEYS for d in out["documents"])
    assert out["quotes"]
    assert all(set(q) == QUOTE_KEYS for q in out["quotes"])
    assert all(set(p) == PROBLEM_KEYS for p in out["problems"])
    docs = {d["id"]: d for d in out["documents"]}
    texts = {d["id"]: Path(d["path"]).read_text("utf-8") for d in out["documents"]}
    for q in out["quotes"]:
        assert q["doc"] in docs
        assert q["outlet"] == docs[q["doc"]]["outlet"]
        assert texts[q["doc"]][q["start"]:q["end"]] == q["text"]
        assert q["kind"] in {"direct", "partial", "block"}
        assert isinstance(q["flags"], list)
        assert q["id"] == f"{q['doc']}:{q['start']}-{q['end']}"
    assert len({q["id"] for q in out["quotes"]}) == len(out["quotes"])


def test_json_is_byte_identical_across_runs():
    first = run("extract", SEEDS, "--format", "json")
    second = run("extract", SEEDS, "--format", "json")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes


def _transcheck() -> list[str]:
    script = Path(sys.executable).with_name("transcheck")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from transcheck.cli import main; main()"]


def test_json_is_byte_identical_across_processes(tmp_path, seeds_json):
    outputs = []
    for seed in ("0", "4242"):
        proc = subprocess.run([*_transcheck(), "extract", SEEDS, "--format", "json"],
                              capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        assert b"Traceback" not in proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0]) == seeds_json


# -- jsonl and table --------------------------------------------------------------------------

def test_jsonl_one_quote_per_line(seeds_json):
    result = run("extract", SEEDS, "--format", "jsonl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(seeds_json["quotes"])
    assert result.stdout.endswith("\n")
    assert [json.loads(line) for line in lines] == seeds_json["quotes"]
    assert all(set(json.loads(line)) == QUOTE_KEYS for line in lines)


def test_table():
    result = run("extract", SEEDS)
    assert result.exit_code == 0
    assert "quotes in 5 documents" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not writing to a terminal


# -- --out ------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_out_writes_the_file_and_nothing_on_stdout(tmp_path, fmt):
    target = tmp_path / "nested" / f"quotes.{fmt}"
    result = run("extract", SEEDS, "--format", fmt, "--out", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ""
    assert target.exists()
    same = run("extract", SEEDS, "--format", fmt)
    assert target.read_text("utf-8") == same.stdout
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_out_short_option(tmp_path):
    target = tmp_path / "q.json"
    assert run("extract", SEEDS, "-f", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text("utf-8"))["schema_version"] == 1


# -- --speaker --------------------------------------------------------------------------------

def _gold_spans(speaker: str) -> set[tuple[str, int, int]]:
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    return {(r["doc"].removesuffix(".txt"), r["start"], r["end"])
            for r in records if r["speaker"] == speaker}


@pytest.mark.parametrize("name", ["Ryabkov", "Sergey Ryabkov", "Sergei Ryabkov", "Рябков",
                                  "ryabkov"])
def test_speaker_ryabkov(name, seeds_json):
    result = run("extract", SEEDS, "--format", "json", "--speaker", name)
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    kept = out["quotes"]
    expected = [q for q in seeds_json["quotes"] if q["speaker"] == "sergei-ryabkov"]
    assert kept == expected
    assert {(q["doc"], q["start"], q["end"]) for q in kept} == _gold_spans("sergei-ryabkov")
    assert out["documents"] == seeds_json["documents"]  # filtering keeps every document


def test_speaker_blinken(seeds_json):
    result = run("extract", SEEDS, "--format", "jsonl", "--speaker", "Blinken")
    assert result.exit_code == 0
    kept = [json.loads(line) for line in result.stdout.splitlines()]
    assert kept == [q for q in seeds_json["quotes"] if q["speaker"] == "antony-blinken"]
    assert {(q["doc"], q["start"], q["end"]) for q in kept} == _gold_spans("antony-blinken")
    assert {q["doc"] for q in kept} == {"002_d97a2751ecc2e389"}


def test_speaker_nobody_is_empty_but_not_an_error():
    result = run("extract", SEEDS, "--format", "jsonl", "--speaker", "Nobody Atall")
    assert result.exit_code == 0
    assert result.stdout == ""


# -- ids --------------------------------------------------------------------------------------

def test_ids_stable_across_runs_and_inputs(seeds_json):
    ids = [q["id"] for q in seeds_json["quotes"]]
    again = json.loads(run("extract", SEEDS, "--format", "json").stdout)
    assert [q["id"] for q in again["quotes"]] == ids
    # one file on its own gives the same ids as inside the folder
    one = json.loads(run("extract", str(Path(SEEDS) / "004_ab8989c855aaf17e.txt"),
                         "--format", "json").stdout)
    assert [q["id"] for q in one["quotes"]] == [i for i in ids if i.startswith("004_")]
    # and so does a speaker filter
    ryabkov = json.loads(run("extract", SEEDS, "--format", "json", "--speaker",
                             "Ryabkov").stdout)
    assert set(q["id"] for q in ryabkov["quotes"]) <= set(ids)


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    """`transcheck extract ... | head -1`: output is written in pieces, so the reader may
    leave while the writer is still at work; the run ends quietly with its own code."""
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", "extract", SEEDS, "-f", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader leaves: later writes meet a closed pipe
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 0, err
    assert json.loads(first)["doc"] and err == ""
