"""Decoding: byte-order marks, UTF-16, legacy Cyrillic code pages, binary and junk bytes.

The encoded files are made by fixtures/ingest/make_fixtures.py; encodings.json says what
each must decode to.
"""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest

from transcheck import errors
from transcheck.extract import extract
from transcheck.ingest import iter_articles
from transcheck.ingest.decode import DecodeError, decode_bytes, looks_binary
from transcheck.types import Article, Problem

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures" / "ingest"
ENC = FIX / "encodings"
BAD = FIX / "bad"

NAMES = ["utf8.txt", "utf8_bom.txt", "utf16le_bom.txt", "utf16be_bom.txt", "ru_cp1251.txt",
         "ru_koi8r.txt"]


def test_fixture_files_are_what_the_manifest_says(manifest):
    assert sorted(manifest) == sorted(NAMES)
    assert ENC.joinpath("utf8_bom.txt").read_bytes().startswith(codecs.BOM_UTF8)
    assert ENC.joinpath("utf16le_bom.txt").read_bytes().startswith(codecs.BOM_UTF16_LE)
    assert ENC.joinpath("utf16be_bom.txt").read_bytes().startswith(codecs.BOM_UTF16_BE)
    with pytest.raises(UnicodeDecodeError):
        ENC.joinpath("ru_cp1251.txt").read_bytes().decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        ENC.joinpath("ru_koi8r.txt").read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_decoded_text_and_encoding(name, manifest):
    expected = manifest[name]
    decoded = decode_bytes(ENC.joinpath(name).read_bytes())
    assert decoded.text == expected["text"]
    assert decoded.encoding == expected["encoding"]
    assert "\ufeff" not in decoded.text

    [doc] = list(iter_articles([str(ENC / name)]))
    assert isinstance(doc, Article)
    assert doc.text == expected["text"]
    assert doc.encoding == expected["encoding"]


@pytest.mark.parametrize("name", NAMES)
def test_offsets_slice_the_decoded_text(name, manifest):
    result = extract([str(ENC / name)])
    [doc] = result.documents
    assert doc.text == manifest[name]["text"]
    assert result.quotes, "every encoding fixture has at least one quote"
    for q in result.quotes:
        assert doc.text[q.start:q.end] == q.text


def test_russian_legacy_code_pages_are_detected():
    cp = extract([str(ENC / "ru_cp1251.txt")])
    koi = extract([str(ENC / "ru_koi8r.txt")])
    assert (cp.documents[0].encoding, cp.documents[0].lang) == ("cp1251", "ru")
    assert (koi.documents[0].encoding, koi.documents[0].lang) == ("koi8_r", "ru")
    assert [q.text for q in cp.quotes] == [
        "Мы не пойдём ни на какие уступки под давлением и угрозами. Это совершенно исключено",
        "говорят о непонимании того, что нам нужно"]
    assert [q.text for q in koi.quotes] == [
        "Надежда умирает последней. Но в данном случае мы скорее не уверены, что это возможно"]
    assert {q.speaker for q in cp.quotes + koi.quotes} == {"sergei-ryabkov"}


def test_bom_is_not_text_and_offsets_match_the_plain_file():
    plain = extract([str(ENC / "utf8.txt")])
    bom = extract([str(ENC / "utf8_bom.txt")])
    assert bom.documents[0].text == plain.documents[0].text
    assert not bom.documents[0].text.startswith("\ufeff")
    assert [(q.start, q.end, q.text) for q in bom.quotes] == \
        [(q.start, q.end, q.text) for q in plain.quotes]


def test_utf16_both_byte_orders_give_the_same_quotes():
    le = extract([str(ENC / "utf16le_bom.txt")])
    be = extract([str(ENC / "utf16be_bom.txt")])
    assert le.documents[0].text == be.documents[0].text
    assert [(q.start, q.end, q.text, q.speaker) for q in le.quotes] == \
        [(q.start, q.end, q.text, q.speaker) for q in be.quotes]


def test_binary_and_undecodable_bytes_raise():
    binary = BAD.joinpath("binary.txt").read_bytes()
    assert binary.startswith(b"\x89PNG")
    assert looks_binary(binary)
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(binary)
    with pytest.raises(DecodeError):
        decode_bytes(BAD.joinpath("undecodable.txt").read_bytes())


def test_bad_files_are_skipped_by_name_and_the_rest_still_loads(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("binary.txt", "undecodable.txt"):
        shutil.copy(BAD / name, folder / name)
    shutil.copy(ENC / "ru_cp1251.txt", folder / "ru_cp1251.txt")
    shutil.copy(ENC / "utf8.txt", folder / "zz_utf8.txt")
    items = list(iter_articles([str(folder)]))
    docs = [i for i in items if isinstance(i, Article)]
    problems = {Path(p.source).name: p for p in items if isinstance(p, Problem)}
    assert [d.id for d in docs] == ["ru_cp1251", "zz_utf8"]
    assert problems["binary.txt"].code == errors.P_BINARY
    assert problems["undecodable.txt"].code == errors.P_UNDECODABLE
    assert set(problems) == {"binary.txt", "undecodable.txt"}


def test_cli_reports_bad_encodings_and_goes_on(cli, tmp_path):
    run = cli(["extract", str(BAD / "binary.txt"), str(BAD / "undecodable.txt"),
               str(ENC / "ru_koi8r.txt"), "--format", "json"])
    assert run.exit_code == 0
    out = json.loads(run.stdout)
    assert [(d["id"], d["encoding"]) for d in out["documents"]] == [("ru_koi8r", "koi8_r")]
    [binary] = run.lines_naming("binary.txt")
    [junk] = run.lines_naming("undecodable.txt")
    assert "binary" in binary and f"[{errors.P_BINARY}]" in binary
    assert "neither UTF-8 nor" in junk and f"[{errors.P_UNDECODABLE}]" in junk
    assert {p["code"] for p in out["problems"]} == {errors.P_BINARY, errors.P_UNDECODABLE}
