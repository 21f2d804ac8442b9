"""One canonical id for every spelling, script and misspelling of a person."""

import pytest

from transcheck.extract.names import canonical_id, matches


@pytest.mark.parametrize("name", [
    "Sergei Ryabkov", "Sergey Ryabkov", "Ryabkov", "Sergei Rybakov", "Сергей Рябков", "Рябков",
    "Рябкова", "Рябковым", "რიაბკოვი", "რიაბკოვმა", "რიაბკოვის", "ریابکوف", "سرگئی ریابکوف",
])
def test_variants_of_ryabkov(name: str) -> None:
    assert canonical_id(name) == "sergei-ryabkov"


def test_misspelling_needs_the_given_name_to_agree() -> None:
    # a different given name with a similar surname is a different person
    assert canonical_id("Nikolai Rybakov") != "sergei-ryabkov"


def test_unknown_people_get_a_transliterated_slug() -> None:
    assert canonical_id("Julianne Smith") == "julianne-smith"
    assert canonical_id("Иван Петров") == "ivan-petrov"


@pytest.mark.parametrize("query", ["Ryabkov", "Sergey Ryabkov", "Рябков", "რიაბკოვი",
                                   "ریابکوف", "sergei-ryabkov"])
def test_speaker_filter_matches_any_variant(query: str) -> None:
    assert matches(query, "sergei-ryabkov")
    assert not matches(query, "antony-blinken")


@pytest.mark.parametrize("name", ["დავით მჭედლიშვილი", "დავით მჭედლიშვილმა",
                                  "დავით მჭედლიშვილის", "დავით მჭედლიშვილთან"])
def test_a_georgian_name_gets_one_id_in_every_case(name: str) -> None:
    # the slug is of the nominative; the transliteration's ejective mark (ჭ = ch') is kept
    # inside the word
    assert canonical_id(name) == "davit-mchedlishvili"


@pytest.mark.parametrize(("word", "nominative"), [
    ("ბერიძის", "ბერიძე"), ("ბერიძემ", "ბერიძე"), ("ბერიძე", "ბერიძე"),
    ("გამსახურდიას", "გამსახურდია"), ("ხარაიშვილმა", "ხარაიშვილი"), ("Рябкова", "Рябкова"),
])
def test_georgian_nominative(word: str, nominative: str) -> None:
    from transcheck.extract.names import georgian_nominative

    assert georgian_nominative(word) == nominative


@pytest.mark.parametrize(("russian", "english", "pid"), [
    ("Александр Новак", "Alexander Novak", "alexander-novak"),
    ("Сергей Иванов", "Sergei Ivanov", "sergei-ivanov"),
    ("Наталья Поклонская", "Natalia Poklonskaya", "natalia-poklonskaya"),
    ("Юрий Зеленский", "Yuri Zelensky", "yuri-zelensky"),
])
def test_a_person_outside_the_gazetteer_has_one_id_in_both_scripts(
        russian: str, english: str, pid: str) -> None:
    # otherwise the Russian and the English quotes of one person fall in two blocks and
    # are never aligned
    assert canonical_id(russian) == canonical_id(english) == pid
    assert canonical_id("Aleksandr Novak") == "alexander-novak"  # the other English spelling
