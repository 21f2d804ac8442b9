"""A corpus cannot make the tool write outside its output, and configuration is data.

Where the tool writes (audited): the ``--out`` file and ``gate --write-baseline`` (through
``fsutil.atomic_write_text``: a temporary sibling, then a rename), the cache folder (the
SQLite store under fixed names, and the converted model under its weights' hash),
and ``$GITHUB_STEP_SUMMARY`` for ``gate --format github``. Every one of those paths comes
from an option or the environment; none is derived from input data (document ids, urls,
outlets, file names). These tests feed hostile values and check that nothing is written
anywhere else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.config import load_config
from transcheck.errors import ConfigError
from transcheck.extract import extract

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "fixtures" / "nasty" / "good.txt").read_text("utf-8")
RU = (ROOT / "fixtures" / "corpus_ru" / "ria_original.txt").read_text("utf-8")

HOSTILE = ["../../x", "/etc/passwd", "a\x00b", "..\\..\\windows\\win.ini", "~/.bashrc",
           "$(touch pwned)", "`touch pwned`", "x/../../../escape", "report.html", "",
           "C:\\evil", "%2e%2e%2fx", "\u202etxt.exe"]


def _runner() -> CliRunner:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def _hostile_corpus(base: Path) -> Path:
    corpus = base / "corpus"
    corpus.mkdir(parents=True)
    with (corpus / "records.jsonl").open("w", encoding="utf-8") as fh:
        for i, bad in enumerate(HOSTILE):
            text = GOOD if i % 2 else RU
            fh.write(json.dumps({"id": bad, "url": bad, "outlet": bad, "published": bad,
                                 "lang": bad, "text": text}) + "\n")
    for name in ("..hidden-not.txt", "-rf.txt", "$(touch pwned).txt", "`id`.txt",
                 "a b;rm -rf x.txt", "report.html.txt"):
        (corpus / name).write_text(GOOD, "utf-8")
    return corpus


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.fixture
def arena(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A working folder inside a deeper tree, so a path with ../../ lands in the tree."""
    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    corpus = _hostile_corpus(tmp_path / "in")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(work)
    before = _files(tmp_path)
    passwd = Path("/etc/passwd").read_bytes() if Path("/etc/passwd").exists() else None
    yield tmp_path, corpus
    if passwd is not None:
        assert Path("/etc/passwd").read_bytes() == passwd
    new = _files(tmp_path) - before
    assert all(p == "cache" or p.startswith(("out/", "cache/")) for p in new), sorted(new)
    assert not any("pwned" in p or p.endswith(("/x", "/escape")) for p in new)
    assert not (Path.home() / "pwned").exists()


def test_extract_writes_only_its_output(arena) -> None:  # type: ignore[no-untyped-def]
    tmp, corpus = arena
    result = extract([str(corpus)])
    assert len(result.documents) == len(HOSTILE) + 5
    ids = [d.id for d in result.documents]
    assert "../../x" in ids and "/etc/passwd" in ids and "a\\x00b" in ids
    assert "\\u202etxt.exe" in ids  # a bidi override cannot disguise an id
    for fmt in ("json", "jsonl", "table"):
        out = tmp / "out" / f"result.{fmt}"
        run = _runner().invoke(app, ["extract", str(corpus), "--format", fmt, "--out", str(out)])
        assert run.exit_code == 0, run.stderr
        assert out.stat().st_size > 0
    data = json.loads((tmp / "out" / "result.json").read_text("utf-8"))
    assert {d["url"] for d in data["documents"]} >= {"../../x", "/etc/passwd", "$(touch pwned)"}


def test_report_writes_only_its_output_and_the_store(arena, e5) -> None:  # type: ignore[no-untyped-def]
    tmp, corpus = arena
    out = tmp / "out" / "report.html"
    run = _runner().invoke(app, ["report", str(corpus), "--format", "html", "--out", str(out),
                                 "--cache-dir", str(tmp / "cache"), "--no-progress"])
    assert run.exit_code == 0, run.stderr
    html = out.read_text("utf-8")
    assert "$(touch pwned)" in html and "../../x" in html
    assert "\u202e" not in html  # shown as a visible escape, as bidi controls in text are
    assert (tmp / "cache" / "store.sqlite3").exists()


def test_an_output_path_that_is_a_planted_link_is_replaced_not_written_through(
        tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", "utf-8")
    out = tmp_path / "out.json"
    os.symlink(victim, out)
    run = _runner().invoke(app, ["extract", str(ROOT / "fixtures" / "nasty" / "good.txt"),
                                 "--format", "json", "--out", str(out)])
    assert run.exit_code == 0, run.stderr
    assert victim.read_text("utf-8") == "precious\n"
    assert not out.is_symlink() and json.loads(out.read_text("utf-8"))["documents"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "victim.txt"]


# -- configuration is data --------------------------------------------------------------------

CODE = "__import__('os').system('touch pwned')"


@pytest.mark.parametrize("text, model", [
    (f'model = "{CODE}"\n', CODE),
    ('model = "!!python/object/apply:os.system [\'touch pwned\']"\n',
     "!!python/object/apply:os.system ['touch pwned']"),
    ('model = "{{ 7 * 7 }}${HOME}$(touch pwned)"\n', "{{ 7 * 7 }}${HOME}$(touch pwned)"),
])
def test_config_values_are_plain_strings(tmp_path: Path, monkeypatch, text: str,
                                         model: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "transcheck.toml"
    path.write_text(text, "utf-8")
    assert load_config(path=path, environ={}).model == model
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.transcheck]\n" + text, "utf-8")
    assert load_config(path=pyproject, environ={}).model == model
    assert load_config(environ={"TRANSCHECK_MODEL": model}).model == model
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("text, says", [
    ("!!python/object:os.system\n", "is not valid TOML"),
    ("model = !!python/object/apply:os.system ['touch pwned']\n", "is not valid TOML"),
    (f'fail_on = "{CODE}"\n', "'transcheck.fail_on' has a wrong value"),
    (f'[rules]\ndisable = ["{CODE}"]\n', "'transcheck.rules.disable.0' has a wrong value"),
    (f'"{CODE}" = 1\n', "unknown key"),
    ('[align]\nlink_similarity = "0.8; import os"\n', "has a wrong value"),
])
def test_config_code_is_rejected_not_run(tmp_path: Path, monkeypatch, text: str,
                                         says: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "transcheck.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path=path, environ={})
    assert says in info.value.message
    assert info.value.render().endswith("[E300]")
    run = _runner().invoke(app, ["gate", str(ROOT / "fixtures" / "nasty" / "good.txt"),
                                 "--config", str(path)])
    assert run.exit_code == 2
    [line] = run.stderr.splitlines()
    assert line.startswith("error: transcheck.toml: ") and line.endswith("[E300]")
    assert not (tmp_path / "pwned").exists()


def test_a_model_name_from_a_config_is_only_looked_up(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The gate takes the string as a model name, fails to find it offline, runs nothing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "transcheck.toml").write_text('model = "$(touch pwned)"\n', "utf-8")
    run = _runner().invoke(app, ["gate", str(ROOT / "fixtures" / "nasty" / "good.txt"),
                                 "--no-cache"])
    assert run.exit_code == 2
    [line] = run.stderr.splitlines()
    assert "'$(touch pwned)' is not available offline" in line
    assert line.endswith("[E-MODEL-MISSING]")
    assert not (tmp_path / "pwned").exists()
