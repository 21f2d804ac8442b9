"""Outlet naming (metadata, dateline, file name) and page furniture / verbatim repeats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcheck.extract import extract
from transcheck.ingest import iter_articles
from transcheck.ingest.furniture import is_furniture, skipped_spans
from transcheck.ingest.outlet import name_outlet, outlet_from_text
from transcheck.types import Article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIX = ROOT / "fixtures" / "ingest"


def _doc(path: Path) -> Article:
    [doc] = list(iter_articles([str(path)]))
    assert isinstance(doc, Article)
    return doc


# -- outlets ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("seed", "outlet"), [
    ("000_3af203870205abd9", "000_3af203870205abd9"),  # "told Sputnik" in the body only
    ("001_1a566e83a582ef06", "Sputnik"),   # MOSCOW/GENEVA (Sputnik) - ...
    ("002_d97a2751ecc2e389", "002_d97a2751ecc2e389"),
    ("003_37e31a36b826f676", "YJC"),       # Sunday, 9 January 2022 (YJC)_ ...
    ("004_ab8989c855aaf17e", "TASS"),      # MOSCOW, January 13. /TASS/. ...
])
def test_seed_outlets(seed, outlet):
    assert _doc(SEEDS / f"{seed}.txt").outlet == outlet


def test_seed_quotes_carry_their_outlet():
    result = extract([str(SEEDS)])
    outlets = {d.id: d.outlet for d in result.documents}
    assert all(q.outlet == outlets[q.doc] for q in result.quotes)
    assert {q.outlet for q in result.quotes} == set(outlets.values())


@pytest.mark.parametrize(("name", "outlet"), [
    ("sputnik_dateline", "Sputnik"), ("tass_dateline", "TASS"), ("yjc_dateline", "YJC"),
    ("told_sputnik", "told_sputnik"),
])
def test_dateline_fixtures(name, outlet):
    assert _doc(FIX / "outlets" / f"{name}.txt").outlet == outlet


def test_body_mentions_do_not_name_the_outlet():
    body = ('Russian Deputy Foreign Minister Sergei Ryabkov told Sputnik, "They find it '
            'uncomfortable." Russia\'s Sputnik news agency reached out to him. '
            "He also spoke to TASS and RIA Novosti on Sunday.")
    assert outlet_from_text(body) is None
    assert name_outlet(metadata=None, text=body, path="corpus/abc_123.txt") == "abc_123"


@pytest.mark.parametrize(("text", "outlet"), [
    ("MOSCOW/GENEVA (Sputnik) - The United States is uncomfortable ...", "Sputnik"),
    ("MOSCOW, January 13. /TASS/. Russia is not sure ...", "TASS"),
    ("Sunday, 9 January 2022 (YJC)_ On the eve of the Geneva meeting ...", "YJC"),
    ("LONDON (Reuters) - Britain said on Monday ...", "Reuters"),
    ("МОСКВА, 10 янв — РИА Новости. Замглавы МИД ...", "RIA Novosti"),
])
def test_dateline_patterns(text, outlet):
    assert outlet_from_text(text) == outlet


def test_metadata_wins_over_dateline_and_file_name():
    dateline = "MOSCOW, January 13. /TASS/. Russia is not sure ..."
    assert name_outlet(metadata="sputnik", text=dateline, path="x/tass.txt") == "Sputnik"
    assert name_outlet(metadata="Example Daily", text=dateline, path="x.txt") == "Example Daily"
    assert name_outlet(metadata="  ", text=dateline, path="x.txt") == "TASS"
    assert name_outlet(metadata=None, text="No dateline here.", path="x/my_file.txt") == "my_file"


def test_jsonl_metadata_outlet_beats_dateline(tmp_path):
    record = {"id": "r", "outlet": "Example Daily",
              "text": 'MOSCOW, January 13. /TASS/. Ryabkov said: "Hope springs eternal."'}
    (tmp_path / "c.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    result = extract([str(tmp_path / "c.jsonl")])
    assert result.documents[0].outlet == "Example Daily"
    assert {q.outlet for q in result.quotes} == {"Example Daily"}


# -- furniture --------------------------------------------------------------------------------

def _skipped_texts(doc: Article) -> list[str]:
    return [doc.text[s:e] for s, e in doc.skipped]


def _in_skipped(doc: Article, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in doc.skipped)


@pytest.mark.parametrize(("seed", "line"), [
    ("000_3af203870205abd9", "Advertisement"),
    ("000_3af203870205abd9", "Image: AP | Image:self"),
    ("001_1a566e83a582ef06", "© Sputnik / Vladimir Trefilov"),
    ("002_d97a2751ecc2e389", "Back to top button"),
    ("002_d97a2751ecc2e389", "Also Read:"),
])
def test_seed_furniture_is_skipped(seed, line):
    doc = _doc(SEEDS / f"{seed}.txt")
    assert line in _skipped_texts(doc)


def test_seed_002_available_in_line_is_skipped():
    doc = _doc(SEEDS / "002_d97a2751ecc2e389.txt")
    assert any(t.startswith("This post is also available in:") for t in _skipped_texts(doc))


def test_furniture_fixture_lines_are_skipped_and_give_no_quotes():
    path = FIX / "furniture.txt"
    result = extract([str(path)])
    [doc] = result.documents
    furniture = doc.text.splitlines()[1:7]
    assert _skipped_texts(doc) == [
        "Advertisement", "Back to top button",
        'Also Read: "We will not give in," says Ryabkov ahead of Geneva talks',
        "Image: AP | Image:self",
        "This post is also available in: ქართული (Georgian) Русский (Russian)",
        '© Sputnik / Vladimir Trefilov / "Ryabkov speaks to the press"',
        "Advertisement"]
    assert all(is_furniture(line) for line in furniture)
    # the quote marks inside furniture lines give nothing; the prose quotes are found
    assert [q.text for q in result.quotes] == [
        "very disappointed",
        "We need legal guarantees that NATO will not expand any further,"]
    for q in result.quotes:
        assert not _in_skipped(doc, q.start, q.end)


def test_no_seed_quote_is_in_skipped_text():
    result = extract([str(SEEDS)])
    docs = {d.id: d for d in result.documents}
    for q in result.quotes:
        assert not any(s < q.end and q.start < e for s, e in docs[q.doc].skipped), q.id


def test_repeated_paragraph_gives_its_quote_once():
    result = extract([str(FIX / "repeated.txt")])
    [doc] = result.documents
    para = ('"We will not make any concessions under pressure and threats," Ryabkov told '
            "reporters on Sunday.")
    assert doc.text.count(para) == 3
    first = doc.text.index(para)
    # the 2nd and 3rd copies are skipped, the first is not
    assert _skipped_texts(doc) == [para, para]
    assert not _in_skipped(doc, first, first + len(para))
    texts = [q.text for q in result.quotes]
    assert texts.count("We will not make any concessions under pressure and threats,") == 1
    assert "frank and forthright" in texts  # a quote between the copies is still found
    [ryabkov] = [q for q in result.quotes if q.text.startswith("We will not")]
    assert ryabkov.start == first + 1


def test_seed_001_repeats_are_skipped_once():
    doc = _doc(SEEDS / "001_1a566e83a582ef06.txt")
    skipped = _skipped_texts(doc)
    repeat = ("On Sunday evening, Ryabkov met with US Deputy Secretary of State Wendy Sherman "
              "in Geneva. The deputy foreign minister said that the conversation was difficult, "
              "but businesslike.")
    assert doc.text.count(repeat) == 2
    assert skipped.count(repeat) == 1


def test_short_repeats_are_not_skipped():
    text = "Advertisement\nYes.\nThe talks went on.\nYes.\n"
    spans = skipped_spans(text)
    assert [text[s:e] for s, e in spans] == ["Advertisement"]


@pytest.mark.parametrize("text, spans", [
    ("a\n  b c \t\n\n", [(0, 1), (4, 7)]),
    ("\u3000quote\u00a0\r\n\u2028\n", [(1, 6)]),  # any whitespace str.isspace knows
    ("", []), (" \n\t\n", []),
])
def test_paragraphs_are_non_blank_lines_trimmed_of_any_whitespace(text, spans):
    from transcheck.ingest.furniture import paragraphs

    assert list(paragraphs(text)) == spans
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and "\n" not in text[s:e]
