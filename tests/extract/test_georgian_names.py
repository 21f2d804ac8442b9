"""Georgian names without a gazetteer entry: introduced in any case, found again in any
case (fixtures/names/ka_inflected_names.txt, written for this test; the speakers below
were read off the text by hand)."""

from __future__ import annotations

from pathlib import Path

from transcheck.extract import extract

ARTICLE = Path(__file__).resolve().parents[2] / "fixtures" / "names" / "ka_inflected_names.txt"


def test_inflected_first_and_later_mentions_resolve_to_one_person() -> None:
    quotes = extract([str(ARTICLE)]).quotes
    got = [(q.text.split()[0], q.speaker) for q in quotes]
    assert got == [
        ("ინფლაცია", "levan-japaridze"),  # ლევან ჯაფარიძის თქმით (genitive, first mention)
        ("რეალობას", "davit-mchedlishvili"),  # დავით მჭედლიშვილმა განაცხადა (ergative)
        ("ხელისუფლებამ", "davit-mchedlishvili"),  # მჭედლიშვილის თქმით (surname, genitive)
        ("ლარის", "levan-japaridze"),  # ჯაფარიძემ ასევე აღნიშნა (surname, ergative)
    ]


def test_a_quoted_party_name_is_not_a_quote() -> None:
    texts = [q.text for q in extract([str(ARTICLE)]).quotes]
    assert "ახალი გზის" not in texts  # პარტიის „ახალი გზის“ ლიდერმა: the party's name
