"""Quote marks: every common style, nesting, apostrophes, paragraphs, stray marks."""

import pytest

from transcheck.extract.marks import find_marked
from transcheck.ingest.furniture import paragraphs


def quotes(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_marked(text, list(paragraphs(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will go” today.", ["we will go"]),
        ('He said "we will go" today.', ["we will go"]),
        ("He said ‘we will go’ today.", ["we will go"]),
        ("He said 'we will go' today.", ["we will go"]),
        ("Он сказал «мы пойдём» сегодня.", ["мы пойдём"]),
        ("Er sagte „wir gehen“ heute.", ["wir gehen"]),
        ("Он сказал „мы пойдём” сегодня.", ["мы пойдём"]),
        ("Il a dit ‹ nous irons › hier.", ["nous irons"]),
        ("彼は「行きます」と言った。", ["行きます"]),
        ("彼は『行きます』と言った。", ["行きます"]),
        ("მან თქვა: „ჩვენ არ წავალთ“.", ["ჩვენ არ წავალთ"]),
        ("وی گفت: «ما نمی‌رویم».", ["ما نمی‌رویم"]),
    ],
)
def test_every_mark_style(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


def test_nested_and_mixed_marks_report_the_outer_quote() -> None:
    text = "She said, “He told me ‘no’ twice, and «нет» once,” and left."
    assert quotes(text) == ["He told me ‘no’ twice, and «нет» once,"]
    assert quotes("«Тема „не обсуждается“, — сказал он»") == ["Тема „не обсуждается“, — сказал он"]


def test_apostrophes_are_not_closing_marks() -> None:
    text = "Russia says ‘we won’t make any concessions’ to Washington’s demands."
    assert quotes(text) == ["we won’t make any concessions"]
    assert quotes("'Geneva isn't Yalta, and nobody's asking,' he said.") == [
        "Geneva isn't Yalta, and nobody's asking,"]


def test_quote_over_several_paragraphs_is_one_quote() -> None:
    text = "“First paragraph of the quote.\n“Second paragraph, still quoting.”\nAfter."
    assert quotes(text) == ["First paragraph of the quote.\n“Second paragraph, still quoting."]


def test_unclosed_mark_is_cut_at_its_sentence_and_later_quotes_survive() -> None:
    text = ("The memo titled “Key points was long. It went on and on for pages. "
            "Later he said “we are ready,” and left.")
    found = find_marked(text, list(paragraphs(text)))
    stray, real = found
    assert stray.unclosed and text[stray.start:stray.end] == "Key points was long."
    assert not real.unclosed and text[real.start:real.end] == "we are ready,"


def test_stray_mark_never_crosses_a_paragraph() -> None:
    text = "A stray “ mark here.\nNext paragraph “quoted” text."
    assert "quoted" in quotes(text)
    assert all("\n" not in q for q in quotes(text))
