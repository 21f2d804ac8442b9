"""Language identification: script first, then seeded langdetect; per article and per quote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck.extract import extract, identify_article
from transcheck.ingest import RawDoc, to_article
from transcheck.langid import UNDETERMINED, identify

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "fixtures" / "ingest" / "langid"
SEEDS = ROOT / "seeds"
ARTICLES = ROOT / "fixtures" / "articles"

LANGS = ["ka", "fa", "ar", "ru", "uk", "hy", "el", "he", "en", "de"]


def sample(lang: str) -> str:
    return (SAMPLES / f"{lang}.txt").read_text("utf-8").strip()


@pytest.mark.parametrize("lang", LANGS)
def test_identify_samples(lang):
    assert identify(sample(lang)) == lang


def test_samples_have_the_letters_that_decide():
    assert set(sample("fa")) >= set("پچژگ")
    assert not set(sample("ar")) & set("پچژگکی")
    assert set(sample("uk")) >= set("іїє")


def test_georgian_is_not_estonian():
    """langdetect has no Georgian profile and says Estonian; the script decides instead."""
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    assert detect_langs(sample("ka"))[0].lang == "et"
    assert identify(sample("ka")) == "ka"


def test_a_ukrainian_name_does_not_make_russian_text_ukrainian():
    text = sample("ru_mentions_uk")
    assert "Українська" in text
    assert identify(text) == "ru"
    assert identify("Її позиція є незмінною") == "uk"  # a short Ukrainian quote still is


def test_a_persian_name_does_not_make_arabic_text_persian():
    text = " ".join([sample("ar")] * 5) + " وقال پزشکیان"  # an article-length text
    assert identify(text) == "ar"
    assert identify(" ".join([sample("fa")] * 5)) == "fa"


@pytest.mark.parametrize("lang", LANGS)
def test_deterministic_repeated_calls(lang):
    text = sample(lang)
    assert {identify(text) for _ in range(20)} == {lang}


def test_deterministic_across_processes():
    texts = [sample(lang) for lang in LANGS] + [
        "Amazing, just amazing, he said of the talks.",
        "The conversation was difficult, but businesslike.",
        "Hope springs eternal.",
    ]
    code = ("import json, sys; from transcheck.langid import identify; "
            "print(json.dumps([identify(t) for t in json.load(sys.stdin)]))")
    outputs = set()
    for seed in ("0", "1", "12345", "random"):
        proc = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts),
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1
    got = json.loads(outputs.pop())
    assert got[:len(LANGS)] == LANGS
    assert got[len(LANGS):] == [identify(t) for t in texts[len(LANGS):]]


def test_short_strings_inherit_the_fallback():
    assert identify("Amazing") == UNDETERMINED
    assert identify("Amazing", fallback="en") == "en"
    assert identify("Amazing", fallback="ru") == "ru"
    assert identify("", fallback="fa") == "fa"
    assert identify("12:30 — 2022", fallback="ka") == "ka"
    # a short string in a script that names its language does not need the fallback
    assert identify("Рябков", fallback="en") == "ru"
    assert identify("რიაბკოვი", fallback="en") == "ka"


def test_amazing_quote_inherits_the_article_language():
    result = extract([str(SEEDS / "001_1a566e83a582ef06.txt")])
    [amazing] = [q for q in result.quotes if q.text.startswith("Amazing")]
    assert amazing.lang == "en"
    raw = RawDoc("x", "x.txt", 'Ryabkov sagte: "Amazing." ' + sample("de"))
    article = identify_article(to_article(raw, "x"))
    assert article.lang == "de"
    from transcheck.extract import extract_article

    quotes, _ = extract_article(article)
    assert [(q.text, q.lang) for q in quotes] == [("Amazing.", "de")]


def test_metadata_language_is_kept():
    article = identify_article(to_article(RawDoc("x", "x.txt", sample("en"), lang="fr"), "x"))
    assert article.lang == "fr"


def test_seeds_are_english():
    result = extract([str(SEEDS)])
    assert [d.lang for d in result.documents] == ["en"] * 5
    assert result.quotes
    assert {q.lang for q in result.quotes} == {"en"}


@pytest.mark.parametrize(("name", "lang"), [
    ("ru_ria", "ru"), ("ka_civil", "ka"), ("fa_yjc", "fa"), ("en_hard", "en")])
def test_fixture_article_languages(name, lang):
    result = extract([str(ARTICLES / f"{name}.txt")])
    assert result.documents[0].lang == lang
    langs = [q.lang for q in result.quotes]
    if name == "en_hard":  # one Japanese original beside its English rendering
        assert sorted(set(langs)) == ["en", "ja"]
        assert langs.count("ja") == 1
    else:
        assert set(langs) == {lang}


def test_fixture_quote_languages_match_the_gold():
    gold = [json.loads(line) for line in
            (ROOT / "fixtures" / "gold" / "articles.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    result = extract([str(ARTICLES)])
    found = {(q.doc, q.start, q.end): q.lang for q in result.quotes}
    matched = 0
    for record in gold:
        key = (record["doc"].removesuffix(".txt"), record["start"], record["end"])
        if key in found:
            matched += 1
            assert found[key] == record["lang"], record["text"]
    assert matched >= 25
