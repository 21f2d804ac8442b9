"""The ingestion behaviour as seen through ``transcheck extract --format json``."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures" / "ingest"
SEEDS = ROOT / "seeds"
ARTICLES = ROOT / "fixtures" / "articles"


def _json(cli, *paths: Path | str) -> dict:
    run = cli(["extract", *map(str, paths), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_cli_encodings(cli, manifest):
    out = _json(cli, FIX / "encodings")
    docs = {Path(d["path"]).name: d for d in out["documents"]}
    assert set(docs) == set(manifest)
    for name, doc in docs.items():
        assert doc["encoding"] == manifest[name]["encoding"], name
    texts = {d["id"]: manifest[Path(d["path"]).name]["text"] for d in out["documents"]}
    assert {q["doc"] for q in out["quotes"]} == set(texts)
    for q in out["quotes"]:
        assert texts[q["doc"]][q["start"]:q["end"]] == q["text"]
    assert {d["lang"] for d in out["documents"] if d["id"].startswith(("ru", "utf16"))} == {"ru"}


def test_cli_offsets_seeds_and_articles(cli):
    out = _json(cli, SEEDS, ARTICLES)
    assert len(out["documents"]) == 9
    texts = {d["id"]: Path(d["path"]).read_bytes().decode("utf-8") for d in out["documents"]}
    assert len(out["quotes"]) >= 50
    for q in out["quotes"]:
        assert texts[q["doc"]][q["start"]:q["end"]] == q["text"]


def test_cli_outlets(cli):
    out = _json(cli, SEEDS, FIX / "outlets")
    assert {d["id"]: d["outlet"] for d in out["documents"]} == {
        "000_3af203870205abd9": "000_3af203870205abd9",
        "001_1a566e83a582ef06": "Sputnik",
        "002_d97a2751ecc2e389": "002_d97a2751ecc2e389",
        "003_37e31a36b826f676": "YJC",
        "004_ab8989c855aaf17e": "TASS",
        "sputnik_dateline": "Sputnik",
        "tass_dateline": "TASS",
        "told_sputnik": "told_sputnik",
        "yjc_dateline": "YJC",
    }


def test_cli_furniture_and_repeats(cli):
    out = _json(cli, FIX / "furniture.txt", FIX / "repeated.txt")
    texts = [q["text"] for q in out["quotes"]]
    assert texts.count("We will not make any concessions under pressure and threats,") == 1
    assert not any("We will not give in" in t or "speaks to the press" in t for t in texts)
    assert "very disappointed" in texts


def test_cli_languages(cli):
    out = _json(cli, SEEDS, ARTICLES)
    langs = {d["id"]: d["lang"] for d in out["documents"]}
    assert langs == {
        "000_3af203870205abd9": "en", "001_1a566e83a582ef06": "en",
        "002_d97a2751ecc2e389": "en", "003_37e31a36b826f676": "en",
        "004_ab8989c855aaf17e": "en",
        "en_hard": "en", "fa_yjc": "fa", "ka_civil": "ka", "ru_ria": "ru"}
    amazing = [q for q in out["quotes"] if q["text"].startswith("Amazing")]
    assert [q["lang"] for q in amazing] == ["en"]


def test_cli_jsonl_and_json_metadata(cli):
    out = _json(cli, FIX / "corpus.jsonl", FIX / "corpus.json", FIX / "dated.htm")
    docs = {d["id"]: d for d in out["documents"]}
    assert docs["tass-1"] == {"id": "tass-1", "path": str(FIX / "corpus.jsonl"),
                              "outlet": "TASS", "lang": "en", "encoding": "utf-8",
                              "published": "2022-01-13",
                              "url": "https://tass.example/politics/1"}
    assert docs["civil-1"]["published"] == "2022-01-11"
    assert docs["dated"]["published"] == "2022-01-12"
    assert [p["source"] for p in out["problems"]] == [
        f"{FIX / 'corpus.jsonl'}:3", f"{FIX / 'corpus.jsonl'}:4"]
