"""Reading .txt, .html/.htm, .jsonl, .json, standard input and folders."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from transcheck import errors
from transcheck.extract import extract
from transcheck.ingest import Limits, iter_articles, iter_raw
from transcheck.ingest.readers import HtmlReader, JsonlReader, JsonReader, TextReader, sniff_reader
from transcheck.types import Article, Problem

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures" / "ingest"


def _split(items):
    docs = [i for i in items if not isinstance(i, Problem)]
    problems = [i for i in items if isinstance(i, Problem)]
    return docs, problems


# -- plain text ---------------------------------------------------------------------------

def test_txt_is_read_exactly_as_decoded():
    path = FIX / "encodings" / "utf8.txt"
    docs, problems = _split(list(iter_articles([str(path)])))
    assert problems == []
    [doc] = docs
    assert isinstance(doc, Article)
    assert doc.id == "utf8"
    assert doc.path == str(path)
    assert doc.text == path.read_bytes().decode("utf-8")
    assert doc.encoding == "utf-8"
    assert doc.published is None and doc.url is None


# -- HTML -------------------------------------------------------------------------------------

MARKERS = ("SCRIPT-MARKER", "MENU-MARKER", "COOKIE-MARKER", "FOOTER-MARKER", "We use cookies",
           "Privacy policy", "dataLayer", "color: #c00")


def test_html_main_text_only():
    [doc] = list(iter_articles([str(FIX / "page.html")]))
    assert isinstance(doc, Article)
    for marker in MARKERS:
        assert marker not in doc.text, marker
    assert "We will not make any concessions under pressure and threats," in doc.text
    assert "difficult, but businesslike" in doc.text
    assert "OSCE in Vienna on Thursday" in doc.text
    # the headline once, not <title> and then the same <h1> again
    assert doc.text.count("Ryabkov: Russia will not make concessions in Geneva") == 1


def test_html_quotes_and_metadata():
    result = extract([str(FIX / "page.html")])
    [doc] = result.documents
    assert doc.outlet == "Example News"  # og:site_name
    assert doc.url == "https://news.example.org/world/ryabkov-geneva"  # rel=canonical
    # no date in the page's metadata: none is made up from the "Copyright 2022" footer
    assert doc.published is None
    assert doc.lang == "en"
    texts = [q.text for q in result.quotes]
    assert "We will not make any concessions under pressure and threats," in texts
    assert "difficult, but businesslike" in texts
    for q in result.quotes:
        assert doc.text[q.start:q.end] == q.text
        assert not any(marker in q.text for marker in MARKERS)
    assert result.problems == ()


def test_htm_suffix_and_published_date():
    result = extract([str(FIX / "dated.htm")])
    [doc] = result.documents
    assert doc.id == "dated"
    assert doc.outlet == "Example Wire"
    assert doc.published == "2022-01-12"
    assert doc.url == "https://wire.example.org/2022/01/12/blinken-nato"
    assert "MENU-MARKER" not in doc.text
    [quote] = result.quotes
    assert quote.text == ("Russia seeks to challenge the international order, "
                          "and we will not let it,")
    assert quote.speaker == "antony-blinken"


# -- JSONL and JSON ---------------------------------------------------------------------------

def test_jsonl_records_and_metadata():
    source = str(FIX / "corpus.jsonl")
    result = extract([source])
    docs = {d.id: d for d in result.documents}
    assert list(docs) == ["tass-1", "dateline", "corpus-6", "ria-1"]  # file order

    tass = docs["tass-1"]
    assert tass.path == source
    assert tass.outlet == "TASS"  # metadata "tass", canonical spelling
    assert tass.lang == "en"
    assert tass.url == "https://tass.example/politics/1"
    assert tass.published == "2022-01-13"
    assert tass.text.startswith("Asked whether Moscow hoped for concessions")

    ria = docs["ria-1"]
    assert (ria.outlet, ria.lang, ria.published, ria.url) == (
        "RIA Novosti", "ru", "2022-01-10", "https://ria.example/20220110/1")

    # no outlet in the record: the dateline names it; no lang: identified
    assert docs["dateline"].outlet == "Sputnik"
    assert docs["dateline"].lang == "en"
    # no id: file stem and line number; no outlet anywhere: the file stem
    assert docs["corpus-6"].outlet == "corpus"
    assert docs["corpus-6"].published is None and docs["corpus-6"].url is None

    by_doc = {q.doc: q for q in result.quotes}
    assert by_doc["tass-1"].text == "Hope springs eternal."
    assert by_doc["tass-1"].outlet == "TASS"
    assert by_doc["ria-1"].text == "Мы не пойдём ни на какие уступки"
    assert by_doc["ria-1"].lang == "ru"
    for q in result.quotes:
        assert docs[q.doc].text[q.start:q.end] == q.text

    # the bad lines are reported by file:line, and every other line still loads
    assert [(p.source, p.code) for p in result.problems] == [
        (f"{source}:3", errors.P_BAD_RECORD), (f"{source}:4", errors.P_BAD_RECORD)]
    assert "not valid JSON" in result.problems[0].message
    assert "no 'text'" in result.problems[1].message


def test_json_articles_object():
    source = str(FIX / "corpus.json")
    result = extract([source])
    assert [d.id for d in result.documents] == ["civil-1", "42"]
    civil, yjc = result.documents
    assert (civil.outlet, civil.lang, civil.url, civil.published) == (
        "Civil.ge", "en", "https://civil.example/1", "2022-01-11")
    assert yjc.outlet == "YJC"  # from the dateline "(YJC)_"
    assert yjc.path == source
    assert {q.doc for q in result.quotes} == {"civil-1", "42"}
    assert result.problems == ()


def test_json_array_and_single_record(tmp_path):
    records = [{"id": "one", "text": 'Peskov said: "The talks will not be easy at all."',
                "outlet": "Interfax"},
               {"text": "No id here, just a sentence long enough to be an article."}]
    (tmp_path / "list.json").write_text(json.dumps(records), "utf-8")
    (tmp_path / "single.json").write_text(json.dumps(records[0] | {"id": "solo"}), "utf-8")
    docs, problems = _split(list(iter_articles([str(tmp_path)])))
    assert problems == []
    assert [(d.id, d.outlet) for d in docs] == [
        ("one", "Interfax"), ("list-2", "list"), ("solo", "Interfax")]


def test_empty_json_array_is_reported(tmp_path):
    (tmp_path / "none.json").write_text("[]", "utf-8")
    [problem] = list(iter_raw([str(tmp_path / "none.json")]))
    assert isinstance(problem, Problem)
    assert problem.code == errors.P_EMPTY
    assert problem.source == str(tmp_path / "none.json")


def test_duplicate_ids_get_suffixes(tmp_path):
    (tmp_path / "a.txt").write_text("Some article text that is long enough.", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Another article text, also long enough.", "utf-8")
    ids = [a.id for a in iter_articles([str(tmp_path), str(tmp_path / "a.txt")])]
    assert ids == ["a", "a~2", "a~3"]


# -- standard input ---------------------------------------------------------------------------

def test_sniffing():
    assert sniff_reader(b'{"text": "a"}\n{"text": "b"}\n') is JsonlReader
    assert sniff_reader(b'\xef\xbb\xbf{"text": "a"}\n{"text": "b"}') is JsonlReader
    assert sniff_reader(b'[{"text": "a"}]') is JsonReader
    assert sniff_reader(b'{"text": "just one"}') is JsonReader
    assert sniff_reader(b"<!DOCTYPE html><html><p>x</p></html>") is HtmlReader
    assert sniff_reader(b"MOSCOW, January 13. /TASS/. Text.") is TextReader


def test_stdin_text():
    data = (FIX / "outlets" / "tass_dateline.txt").read_bytes()
    [doc] = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    assert isinstance(doc, Article)
    assert (doc.id, doc.path, doc.outlet) == ("stdin", "<stdin>", "TASS")
    assert doc.text == data.decode("utf-8")


def test_stdin_jsonl():
    data = (FIX / "corpus.jsonl").read_bytes()
    items = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    docs, problems = _split(items)
    assert [d.id for d in docs] == ["tass-1", "dateline", "stdin-6", "ria-1"]
    assert docs[0].outlet == "TASS" and docs[0].published == "2022-01-13"
    assert [p.source for p in problems] == ["<stdin>:3", "<stdin>:4"]


def test_stdin_html():
    data = (FIX / "page.html").read_bytes()
    result = extract(["-"], stdin=io.BytesIO(data))
    [doc] = result.documents
    assert "SCRIPT-MARKER" not in doc.text
    assert "We will not make any concessions under pressure and threats," in \
        [q.text for q in result.quotes]


def test_stdin_jsonl_larger_than_the_article_limit_is_read_whole():
    """The size limit is per article: a JSONL corpus on stdin is not cut at --max-bytes."""
    lines = [json.dumps({"id": f"r{i}", "text": f'Ryabkov said: "We will not give in, {i}."'})
             for i in range(40)]
    data = ("\n".join(lines) + "\n").encode()
    limit = 200
    assert len(data) > 10 * limit
    docs, problems = _split(list(iter_articles(["-"], stdin=io.BytesIO(data),
                                               limits=Limits(max_bytes=limit))))
    assert problems == []
    assert [d.id for d in docs] == [f"r{i}" for i in range(40)]
    assert docs[-1].text == 'Ryabkov said: "We will not give in, 39."'


def test_cli_stdin_text_and_jsonl(cli):
    text = (FIX / "outlets" / "tass_dateline.txt").read_bytes()
    run = cli(["extract", "-", "--format", "json"], input=text)
    assert run.exit_code == 0, run.stderr
    out = json.loads(run.stdout)
    assert [(d["id"], d["outlet"]) for d in out["documents"]] == [("stdin", "TASS")]
    assert [q["text"] for q in out["quotes"]] == ["Hope springs eternal."]

    run = cli(["extract", "-", "--format", "json"], input=(FIX / "corpus.jsonl").read_bytes())
    assert run.exit_code == 0
    out = json.loads(run.stdout)
    assert [d["id"] for d in out["documents"]] == ["tass-1", "dateline", "stdin-6", "ria-1"]
    assert len(run.lines_naming("<stdin>:3")) == 1
    assert len(run.lines_naming("<stdin>:4")) == 1


# -- folders ----------------------------------------------------------------------------------

def _tree(base: Path) -> Path:
    """A corpus folder with nested folders, hidden and unsupported files, and link loops."""
    top = base / "corpus"
    (top / "sub" / "deeper").mkdir(parents=True)
    (top / "sub2").mkdir()
    (top / ".git").mkdir()
    shutil.copy(FIX / "outlets" / "tass_dateline.txt", top / "b.txt")
    shutil.copy(FIX / "encodings" / "utf8.txt", top / "a.txt")
    shutil.copy(FIX / "corpus.json", top / "sub" / "c.json")
    shutil.copy(FIX / "page.html", top / "sub" / "deeper" / "d.html")
    shutil.copy(FIX / "outlets" / "yjc_dateline.txt", top / "sub2" / "e.txt")
    (top / ".hidden.txt").write_text('Hidden said: "This must never be read at all."', "utf-8")
    (top / ".git" / "notes.txt").write_text('Git said: "Neither must this one be read."', "utf-8")
    (top / "table.csv").write_text("a,b\n1,2\n", "utf-8")
    os.symlink(top, top / "sub" / "loop")  # sub/loop -> corpus
    os.symlink("..", top / "sub2" / "up")  # sub2/up -> corpus
    return top


EXPECTED_ORDER = ["a.txt", "b.txt", "sub/c.json", "sub/c.json", "sub/deeper/d.html",
                  "sub2/e.txt"]


def test_folder_recursive_sorted_hidden_ignored_no_loop(tmp_path, time_limit):
    top = _tree(tmp_path)
    with time_limit(20):
        items = list(iter_articles([str(top)]))
    docs, problems = _split(items)
    assert problems == []
    assert [Path(d.path).relative_to(top).as_posix() for d in docs] == EXPECTED_ORDER
    assert [d.id for d in docs] == ["a", "b", "civil-1", "42", "d", "e"]
    assert not any("must never be read" in d.text or "Neither must" in d.text for d in docs)
    # the same tree gives the same documents in the same order, every time
    with time_limit(20):
        again = [d.id for d in iter_articles([str(top)])]
    assert again == [d.id for d in docs]


def test_folder_order_does_not_depend_on_creation_order(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, names in ((one, ["z.txt", "m.txt", "a.txt"]), (two, ["a.txt", "z.txt", "m.txt"])):
        folder.mkdir()
        for name in names:
            (folder / name).write_text(f"Article {name}: long enough to be read as text.",
                                       "utf-8")
    assert [a.id for a in iter_articles([str(one)])] == ["a", "m", "z"]
    assert [a.id for a in iter_articles([str(two)])] == ["a", "m", "z"]


def test_cli_folder(cli, tmp_path):
    top = _tree(tmp_path)
    run = cli(["extract", str(top), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    out = json.loads(run.stdout)
    assert [Path(d["path"]).relative_to(top).as_posix() for d in out["documents"]] == \
        EXPECTED_ORDER
    assert run.stderr == ""


@pytest.mark.parametrize("name", ["page.html", "dated.htm", "corpus.json", "corpus.jsonl",
                                  "repeated.txt"])
def test_cli_reads_each_format(cli, name):
    run = cli(["extract", str(FIX / name), "--format", "json"])
    assert run.exit_code == 0
    out = json.loads(run.stdout)
    assert out["documents"] and out["quotes"]
