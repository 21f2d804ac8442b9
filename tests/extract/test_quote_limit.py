"""The quote length limit: ``Limits.max_quote_chars`` and the ``max_quote_chars`` setting.

A quote over the limit (a stray mark that runs to the end of an article, a transcript
quoted whole) is cut at the last sentence or word end within the limit, flagged
``truncated`` and reported as a W204 warning; its offsets still slice the article text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.config import Config, load_config
from transcheck.errors import ConfigError
from transcheck.extract import W_LONG_QUOTE, extract, extract_article
from transcheck.ingest import Limits, RawDoc, to_article

SENTENCE = "We will not accept any arrangement that ignores our interests in the region. "


def article(text: str, path: str = "long.txt"):  # type: ignore[no-untyped-def]
    return to_article(RawDoc(id="long", path=path, text=text), "long")


def long_quote_text(sentences: int) -> str:
    body = (SENTENCE * sentences).strip()
    return f"Headline\n\nRyabkov said: “{body}”\n\nThe talks go on.\n"


def test_default_limit_is_five_thousand() -> None:
    assert Limits().max_quote_chars == 5_000
    assert Config().max_quote_chars == 5_000


def test_a_quote_over_the_limit_is_cut_flagged_and_reported(tmp_path: Path) -> None:
    text = long_quote_text(100)  # 7,599 characters inside the marks
    path = tmp_path / "long.txt"
    path.write_text(text, "utf-8")
    got = extract([str(path)])
    [quote] = got.quotes
    body = (SENTENCE * 100).strip()
    assert quote.flags == ("truncated",)
    assert quote.speaker == "sergei-ryabkov"
    # cut after the last whole sentence within the limit, so it still slices the text
    assert quote.text == got.documents[0].text[quote.start:quote.end]
    assert len(quote.text) <= 5_000 and body.startswith(quote.text)
    assert quote.text.endswith("region.") and len(quote.text) > 4_900
    assert quote.id == f"long:{quote.start}-{quote.end}"
    [problem] = got.problems
    assert problem.code == W_LONG_QUOTE == "W204" and problem.severity == "warning"
    assert (quote.line, quote.col) == (3, 16)
    assert problem.source == f"{path}:3:16"  # the file, the quote's line and column
    assert f"{len(body):,} characters" in problem.message
    assert f"kept its first {len(quote.text):,}" in problem.message
    assert "max_quote_chars" in problem.message and "\n" not in problem.render()


def test_a_quote_within_the_limit_is_left_alone() -> None:
    quotes, problems = extract_article(article(long_quote_text(60)), max_quote_chars=5_000)
    assert [q.flags for q in quotes] == [()] and problems == []
    assert len(quotes[0].text) == len((SENTENCE * 60).strip())


def test_the_limit_comes_from_limits(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_quote_text(100), "utf-8")
    assert extract([str(path)], limits=Limits(max_quote_chars=10_000)).problems == ()
    [quote] = extract([str(path)], limits=Limits(max_quote_chars=200)).quotes
    assert quote.flags == ("truncated",) and quote.text == (SENTENCE * 2).strip()


@pytest.mark.parametrize("limit", [1, 2, 7, 40, 77, 150, 151, 500])
def test_offsets_slice_the_text_at_any_limit(limit: int) -> None:
    doc = article(long_quote_text(10))
    quotes, problems = extract_article(doc, max_quote_chars=limit)
    [quote] = quotes
    assert quote.text == doc.text[quote.start:quote.end]
    assert 1 <= len(quote.text) <= limit
    assert quote.text == quote.text.strip()
    assert [p.code for p in problems] == ["W204"]


def test_without_a_sentence_end_the_cut_is_after_a_word() -> None:
    words = " ".join(f"word{i}" for i in range(200))  # no full stop anywhere
    quotes, _ = extract_article(article(f"Ryabkov said: “{words}”\n"), max_quote_chars=100)
    [quote] = quotes
    assert len(quote.text) <= 100 and words.startswith(quote.text + " ")


def test_without_spaces_the_cut_is_at_the_limit_but_not_inside_a_letter() -> None:
    # a run of e + combining acute: cutting between them would detach the accent
    run = "e\u0301" * 100
    doc = article(f"Ryabkov said: “{run}”\n")
    quotes, problems = extract_article(doc, max_quote_chars=51)
    [quote] = quotes
    assert quote.text == "e\u0301" * 25 and quote.flags == ("truncated",)
    assert "cut at the limit" in problems[0].message


def test_an_unclosed_quote_keeps_both_flags() -> None:
    doc = article("Ryabkov said: “" + " ".join(["more words"] * 400) + "\n\nNext paragraph.\n")
    quotes, problems = extract_article(doc, max_quote_chars=300)
    [quote] = quotes
    assert quote.flags == ("unclosed", "truncated")
    assert sorted(p.code for p in problems) == ["W201", "W204"]


def test_the_ledger_keeps_whole_quotes_so_a_new_limit_applies(tmp_path: Path) -> None:
    from transcheck.store import Store

    path = tmp_path / "long.txt"
    path.write_text(long_quote_text(100), "utf-8")
    store = Store(tmp_path / "cache")
    try:
        first = extract([str(path)], store=store, limits=Limits(max_quote_chars=300))
        again = extract([str(path)], store=store, limits=Limits(max_quote_chars=20_000))
        cut = extract([str(path)], store=store, limits=Limits(max_quote_chars=300))
    finally:
        store.close()
    assert first.quotes[0].flags == ("truncated",) and again.quotes[0].flags == ()
    assert len(again.quotes[0].text) == len((SENTENCE * 100).strip())
    assert cut.quotes == first.quotes and cut.problems == first.problems


def test_cli_output_shows_the_flag_and_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_quote_text(100), "utf-8")
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["quotes"][0]["flags"] == ["truncated"]
    assert [p["code"] for p in out["problems"]] == ["W204"]
    [line] = [x for x in result.stderr.splitlines() if x.strip()]
    assert line.startswith(f"warning: {path}:3:16: ") and line.endswith("[W204]")


# -- configuration -------------------------------------------------------------------------


def test_config_file_sets_the_limit(tmp_path: Path) -> None:
    (tmp_path / "transcheck.toml").write_text("max_quote_chars = 800\n", "utf-8")
    assert load_config(cwd=tmp_path, environ={}).max_quote_chars == 800
    (tmp_path / "transcheck.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.transcheck]\nmax_quote_chars = 900\n",
                                             "utf-8")
    assert load_config(cwd=tmp_path, environ={}).max_quote_chars == 900


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    (tmp_path / "transcheck.toml").write_text("max_quote_chars = 800\n", "utf-8")
    cfg = load_config(cwd=tmp_path, environ={}, overrides={"max_quote_chars": 1_200})
    assert cfg.max_quote_chars == 1_200
    # a layered run keeps the file's value when the option is not given
    cfg = load_config(cwd=tmp_path, environ={"TRANSCHECK_FAIL_ON": "never"})
    assert cfg.max_quote_chars == 800 and cfg.fail_on == "never"


@pytest.mark.parametrize(("body", "words"), [
    ("max_quote_chars = 0\n", ["transcheck.max_quote_chars", "impossible value"]),
    ("max_quote_chars = -5\n", ["transcheck.max_quote_chars", "impossible value"]),
    ("max_quote_chars = 'long'\n", ["transcheck.max_quote_chars", "wrong value"]),
    ("max_quote_chars = 2.5\n", ["transcheck.max_quote_chars", "wrong value"]),
    ("max_quote_char = 10\n", ["unknown key", "transcheck.max_quote_char"]),
])
def test_bad_limit_is_a_one_line_config_error(tmp_path: Path, body: str,
                                              words: list[str]) -> None:
    (tmp_path / "transcheck.toml").write_text(body, "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path, environ={})
    message = info.value.render()
    assert "transcheck.toml" in message and "\n" not in message and "[E300]" in message
    for w in words:
        assert w in message


def test_bad_limit_on_the_command_line_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path, environ={}, overrides={"max_quote_chars": 0})
    assert "option.max_quote_chars" in info.value.render()
