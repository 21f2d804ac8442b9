"""Tokenisation with offsets, normalisation and stemming in en, ru, ka and fa."""

from __future__ import annotations

import pytest

from transcheck.drift.normalize import fold, stem
from transcheck.drift.tokens import ascii_digits, digits_of, tokenize

ZWNJ = "\u200c"

TEXTS = [
    "They [US] find it uncomfortable, don't they? Anti-Russian phobias since 1997.",
    "Мы разочарованы сигналами из Вашингтона, но переговоры продолжатся 10-го января.",
    "არჩევნები 26 ოქტომბერს ჩატარდება, აშშ-ის დამკვირვებლები (ალბათ) ჩამოვლენ.",
    f"ما نمی{ZWNJ}توانیم ظرف ۲ هفته به مذاکرات بازگردیم؛ تحریم{ZWNJ}ها ٢٠١٨ لغو شوند.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_slice_the_text(text: str) -> None:
    toks = tokenize(text)
    assert toks, text
    for k, t in enumerate(toks):
        assert t.index == k
        assert text[t.start:t.end] == t.text
        assert t.text.strip() == t.text and t.text
    starts = [t.start for t in toks]
    assert starts == sorted(starts)
    # nothing but whitespace is left out
    covered = set()
    for t in toks:
        covered.update(range(t.start, t.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_words_keep_zwnj_apostrophes_and_inner_hyphens() -> None:
    words = [t.text for t in tokenize(TEXTS[3]) if t.kind == "word"]
    assert f"نمی{ZWNJ}توانیم" in words
    assert f"تحریم{ZWNJ}ها" in words
    en = [t.text for t in tokenize(TEXTS[0])]
    assert "don't" in en and "Anti-Russian" in en
    assert "აშშ-ის" in [t.text for t in tokenize(TEXTS[2])]


def test_numbers_in_every_script_and_brackets_as_tokens() -> None:
    kinds = {t.text: t.kind for t in tokenize(TEXTS[3])}
    assert kinds["۲"] == "number" and kinds["٢٠١٨"] == "number"
    assert kinds["؛"] == "punct"
    en = tokenize(TEXTS[0])
    assert [t.text for t in en if t.kind == "bracket"] == ["[", "]"]
    assert {t.text: t.kind for t in en}["1997"] == "number"
    ru = {t.text: t.kind for t in tokenize(TEXTS[1])}
    assert ru["10-го"] == "number"
    assert [t.text for t in tokenize("(ალბათ)")] == ["(", "ალბათ", ")"]


def test_digit_values() -> None:
    assert digits_of("1,500") == "1500"
    assert digits_of("1,5") == "1.5"
    assert digits_of("۲۰۱۸") == "2018"
    assert digits_of("٢٠") == "20"
    assert digits_of("10th") == "10"
    assert ascii_digits("۱۰.۰۱.۲۰۲۲") == "10.01.2022"


def test_fold_and_stem() -> None:
    assert fold("Ёлка") == "елка"
    assert fold("كتاب") == fold("کتاب")  # Arabic kaf -> Persian
    assert fold(f"می{ZWNJ}توانیم") == "میتوانیم"
    assert stem("guarantees", "en") == stem("guarantee", "en")
    assert stem("Russia's", "en") == "russia"
    assert stem("Женеве", "ru") == stem("Женева", "ru")
    assert stem("ჟენევაში", "ka") == stem("ჟენევა", "ka")
    assert stem("აშშ-ის", "ka") == "აშშ"
    assert stem(f"تحریم{ZWNJ}ها", "fa") == stem("تحریم", "fa")
    assert stem("NATO", "de") == "nato"  # unknown language: folded only
