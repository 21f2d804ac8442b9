"""Names in scripts without capitals, recognised by the title that follows them
("رضا کاظمی، سخنگوی ...") and found again by surname (fixtures/names/fa_apposition_names.txt,
written for this test; the speakers were read off the text by hand)."""

from __future__ import annotations

from pathlib import Path

from transcheck.extract import extract
from transcheck.extract.names import canonical_id

ARTICLE = Path(__file__).resolve().parents[2] / "fixtures" / "names" / "fa_apposition_names.txt"


def test_a_title_in_apposition_makes_a_name() -> None:
    quotes = extract([str(ARTICLE)]).quotes
    kazemi, sadeghi = canonical_id("رضا کاظمی"), canonical_id("مریم صادقی")
    assert kazemi != sadeghi
    assert [(q.text.split()[0], q.speaker) for q in quotes] == [
        ("صادرات", kazemi),  # رضا کاظمی، سخنگوی اتاق بازرگانی، ... گفت
        ("نرخ", sadeghi),  # مریم صادقی، کارشناس اقتصادی، ... گفت
        ("ما", kazemi),  # کاظمی افزود (the surname again)
    ]


def test_the_arabic_comma_is_not_part_of_a_name() -> None:
    quotes = extract([str(ARTICLE)]).quotes
    assert quotes[0].speaker_surface == "رضا کاظمی"
