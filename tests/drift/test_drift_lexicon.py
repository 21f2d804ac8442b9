"""Numbers, dates, names and negation markers, language by language (no encoder)."""

from __future__ import annotations

import pytest

from transcheck.drift.align import align, make_side
from transcheck.drift.dates import find_dates
from transcheck.drift.detectors.negation import fa_negated_verb, markers
from transcheck.drift.entities import find_mentions, skeleton, skeleton_match
from transcheck.drift.numbers import find_quantities

ZWNJ = "\u200c"


def values(text: str, lang: str) -> list[tuple[float, str | None, bool]]:
    side = make_side(text, lang)
    return [(round(q.value, 6), q.dim, q.strong) for q in find_quantities(side.views, lang)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("more than twenty million tonnes", "en", [(2e7, None, True)]),
    ("all eight articles within two weeks", "en", [(8, None, True), (14, "days", True)]),
    ("inside a fortnight", "en", [(14, "days", True)]),
    ("twenty-one ships, 80% and $2bn", "en", [(21, None, True), (0.8, "ratio", True),
                                              (2e9, None, True)]),
    ("every one of them", "en", [(1, None, False)]),
    ("более двадцати миллионов тонн, 20 млн тонн", "ru", [(2e7, None, True), (2e7, None, True)]),
    ("ещё на шестьдесят дней, на два месяца", "ru", [(60, "days", True), (60, "days", True)]),
    ("около восьмидесяти процентов", "ru", [(0.8, "ratio", True)]),
    ("ოცი პროცენტით, ერთი მეხუთედით", "ka", [(0.2, "ratio", True), (0.2, "ratio", True)]),
    ("ორმოცი, ოცდაერთი, ხუთასი, ხუთი ათასი", "ka", [(40, None, True), (21, None, True),
                                                   (500, None, True), (5000, None, True)]),
    ("حدود دو میلیارد دلار، بیست و دو", "fa", [(2e9, None, True), (22, None, True)]),
    ("۲ میلیارد دلار و هشتاد درصد", "fa", [(2e9, None, True), (0.8, "ratio", True)]),
    ("نه، ما آماده نیستیم", "fa", []),  # نه is "no" here, not "nine"
])
def test_quantities(text: str, lang: str, expected: list) -> None:
    assert values(text, lang) == expected


def dates(text: str, lang: str) -> list[dict]:
    side = make_side(text, lang)
    return [d.parts for d in find_dates(side.views, lang)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("on Monday, 10 January 2022", "en", [{"weekday": 1, "day": 10, "month": 1, "year": 2022}]),
    ("since 1997, next week", "en", [{"year": 1997}, {"rel": "week:+1"}]),
    ("we may meet in May 2020", "en", [{"month": 5, "year": 2020}]),
    ("десятого января и двадцать первого января", "ru", [{"day": 10, "month": 1},
                                                         {"day": 21, "month": 1}]),
    ("на сегодня уже вывезено", "ru", []),  # "so far", not a date
    ("26 ოქტომბერს და დეკემბერში", "ka", [{"day": 26, "month": 10}, {"month": 12}]),
    ("მომავალ კვირას", "ka", [{"rel": "week:+1"}]),
    ("هفته آینده و ۱۰ ژانویه", "fa", [{"rel": "week:+1"}, {"day": 10, "month": 1}]),
    (f"روز سه{ZWNJ}شنبه", "fa", [{"weekday": 2}]),
])
def test_dates(text: str, lang: str, expected: list) -> None:
    assert dates(text, lang) == expected


def mention_ids(text: str, lang: str) -> list[str]:
    side = make_side(text, lang)
    return [m.entity.id for m in find_mentions(side.views, lang)]


def test_gazetteer_matches_inflected_forms_in_four_languages() -> None:
    assert mention_ids("talks in Geneva with the US, not with us", "en") == [
        "geneva", "united-states"]
    assert mention_ids("переговоры в Женеве, экспорт российских удобрений", "ru") == [
        "geneva", "russia"]
    assert mention_ids("მოლაპარაკებები ჟენევაში, აშშ-ის პოზიცია", "ka") == [
        "geneva", "united-states"]
    assert mention_ids("مذاکرات در ژنو و سازمان ملل", "fa") == ["geneva", "un"]
    assert mention_ids("Рябкову и რიაბკოვმა", "ru")[:1] == ["sergei-ryabkov"]


def test_unknown_capitalised_names_are_mentions() -> None:
    from transcheck.drift.facts import mentions

    side = make_side("They met in Sudis on Sunday.", "en")
    ms = mentions(side)  # dates (Sunday) are not names
    assert [m.text for m in ms] == ["Sudis"]
    assert ms[0].entity.kind == "name"


def test_name_skeletons_agree_across_scripts() -> None:
    forms = ["Рябков", "Ryabkov", "რიაბკოვი", "ریابکوف", "Рябковым", "Riabkov"]
    sk = [skeleton(f) for f in forms]
    assert all(skeleton_match(sk[0], s) for s in sk), sk
    assert not skeleton_match(skeleton("Geneva"), skeleton("Sudis"))
    assert skeleton_match(skeleton("Washington"), skeleton("واشنگتن"))


@pytest.mark.parametrize(("word", "negated"), [
    (f"نمی{ZWNJ}توانیم", True), ("نخواهد", True), ("نکرد", True), ("ندارد", True),
    ("نشود", True), ("نیامد", True), ("نبرد", False), ("نشان", False), ("نیروگاه", False),
    (f"می{ZWNJ}توانیم", False),
])
def test_persian_negative_prefix(word: str, negated: bool) -> None:
    from transcheck.drift.normalize import fold

    assert fa_negated_verb(fold(word)) is negated


@pytest.mark.parametrize(("text", "lang", "count"), [
    ("NATO will not expand further and won't stop", "en", 3),  # not, won't, stop (implicit)
    ("Никто ничего не сказал", "ru", 3),
    ("არჩევნები არ ჩატარდება", "ka", 1),
    (f"ما آماده نیستیم و نمی{ZWNJ}توانیم", "fa", 2),
    ("It is not only about gas", "en", 0),
])
def test_negation_markers(text: str, lang: str, count: int) -> None:
    al = align(text, text, lang_a=lang, lang_b=lang)
    assert len(markers(al, "a")) == count
