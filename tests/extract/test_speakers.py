"""Speaker attribution: cue positions, pronouns, descriptions, anonymous sources."""

import pytest

from transcheck.extract import extract_article
from transcheck.ingest import RawDoc, to_article


def speakers(text: str) -> list[tuple[str, str, str]]:
    article = to_article(RawDoc(id="t", path="t.txt", text=text), "t")
    quotes, _ = extract_article(article)
    return [(q.text, q.speaker, q.kind) for q in quotes]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“We are ready,” Ryabkov said.", "sergei-ryabkov"),
    ("“We are ready,” said Ryabkov.", "sergei-ryabkov"),
    ("Ryabkov told Sputnik, “We are ready.”", "sergei-ryabkov"),
    ("According to Ryabkov, “we are ready.”", "sergei-ryabkov"),
    ("Ryabkov added: “We are ready.”", "sergei-ryabkov"),
    ("«Мы готовы», — заявил Рябков.", "sergei-ryabkov"),
    ("По словам Рябкова, «мы готовы».", "sergei-ryabkov"),
    ("„ჩვენ მზად ვართ“, – განაცხადა რიაბკოვმა.", "sergei-ryabkov"),
    ("ریابکوف گفت: «ما آماده‌ایم.»", "sergei-ryabkov"),
])
def test_cue_in_any_position_and_language(text: str, speaker: str) -> None:
    assert [s for _, s, _ in speakers(text)] == [speaker]


def test_pronoun_and_description_resolve_to_the_named_person() -> None:
    text = ("Russian Deputy Foreign Minister Sergei Ryabkov met the press.\n"
            "He said, “The talks were difficult.”\n"
            "“We will not give in,” the diplomat said.")
    assert [s for _, s, _ in speakers(text)] == ["sergei-ryabkov", "sergei-ryabkov"]


def test_description_with_a_nationality_skips_people_who_do_not_fit() -> None:
    text = ("Russian Deputy Foreign Minister Sergei Ryabkov met US Deputy Secretary of State "
            "Wendy Sherman in Geneva.\n"
            "“It was businesslike,” the Russian deputy foreign minister said.\n"
            "“We were frank,” the US deputy secretary said.")
    assert [s for _, s, _ in speakers(text)] == ["sergei-ryabkov", "wendy-sherman"]


def test_anonymous_source_is_unknown_not_the_last_named_person() -> None:
    text = ("Ryabkov spoke first.\n"
            "“Nobody expected a breakthrough,” one European diplomat said.")
    assert speakers(text) == [("Nobody expected a breakthrough,", "unknown", "direct")]


def test_no_speaker_is_unknown_never_guessed() -> None:
    assert speakers("The banner read “Peace now and forever” all day.") == [
        ("Peace now and forever", "unknown", "partial")]


def test_block_quote_after_a_cue_line() -> None:
    text = "Ryabkov spoke to reporters.\nHe clarified:\nWe need legal guarantees now.\nEnd."
    assert speakers(text) == [("We need legal guarantees now.", "sergei-ryabkov", "block")]


def test_block_quote_with_no_person_in_the_cue_is_unknown() -> None:
    text = "At the beginning of this report it is stated:\nTalks begin on Monday in Geneva."
    assert speakers(text) == [("Talks begin on Monday in Geneva.", "unknown", "block")]


def test_partial_quote_in_reported_speech() -> None:
    text = "Ryabkov claimed that statements “reflect a lack of understanding” of Russia."
    assert speakers(text) == [("reflect a lack of understanding", "sergei-ryabkov", "partial")]


def test_names_and_labels_in_quote_marks_are_not_quotes() -> None:
    text = ("Захарова в эфире радио «Комсомольская правда» назвала это «информационным шумом».\n"
            "Blinken defended the “open door” policy.")
    assert [t for t, _, _ in speakers(text)] == ["информационным шумом"]
