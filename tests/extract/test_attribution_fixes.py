"""Attribution bugs found on the synthetic corpus: inflected feminine surnames, and common
nouns taken for names in scripts without case."""

from __future__ import annotations

import pytest

from transcheck.extract import extract_article
from transcheck.extract.names import lookup
from transcheck.ingest import RawDoc, to_article


def attributed(text: str) -> list[tuple[str, str]]:
    article = to_article(RawDoc(id="t", path="t.txt", text=text), "t")
    quotes, _ = extract_article(article)
    return [(q.speaker, q.speaker_surface) for q in quotes]


@pytest.mark.parametrize(("text", "surface"), [
    ("По словам Захаровой, «мы получили письмо вчера и внимательно его изучим».", "Захаровой"),
    ("По мнению официального представителя МИД Марии Захаровой, «мы получили письмо».",
     "Захаровой"),
    ("Согласно заявлению, подписанному Захаровою, «мы получили письмо вчера».", "Захаровою"),
    ("Агентство цитирует Захарову: «Мы получили письмо вчера».", "Захарову"),
    ("«Мы получили письмо вчера», — сказала Захарова.", "Захарова"),
])
def test_feminine_surname_in_any_case_is_zakharova(text: str, surface: str) -> None:
    assert attributed(text) == [("maria-zakharova", surface)]


def test_masculine_genitive_still_resolves() -> None:
    assert attributed("По словам Рябкова, «мы готовы».") == [("sergei-ryabkov", "Рябкова")]


@pytest.mark.parametrize(("name", "pid"), [
    ("Захаровой", "maria-zakharova"), ("Захаровою", "maria-zakharova"),
    ("Захарову", "maria-zakharova"), ("Рябкова", "sergei-ryabkov"),
    ("Рябковым", "sergei-ryabkov"), ("Лаврову", "sergey-lavrov"),
    # a man's instrumental is not turned into the woman's name
    ("Захаровым", None),
])
def test_lookup_inflected_surnames(name: str, pid: str | None) -> None:
    assert lookup(name) == pid


# From the synthetic corpus: "the foreign ministries of the two countries" put "دو کشور"
# (two countries) after a title word, and it became a person, "dw-kshwr", who then took
# every later "وی" (he/she).
PERSIAN = (
    "ریابکوف گفت: «ما تحت فشار و تهدید هیچ امتیازی نخواهیم داد».\n\n"
    "وزارتخانه‌های خارجه دو کشور از ابتدای سال چندین دور پیشنهاد مکتوب رد و بدل کرده‌اند. "
    "وی افزود: «آن مصاحبه را ندیده‌ام».\n\n"
    "حجم تجارت میان دو کشور در دو سال گذشته به شدت کاهش یافته است. وی افزود: "
    "«این سیگنال‌ها نشان‌دهنده عدم درک آن چیزی است که ما نیاز داریم».\n"
)


def test_common_noun_phrase_is_not_a_person() -> None:
    got = attributed(PERSIAN)
    assert all(speaker != "dw-kshwr" for speaker, _ in got)
    # the pronoun goes to the last real speaker, as it does elsewhere
    assert got == [("sergei-ryabkov", "ریابکوف"), ("sergei-ryabkov", "وی"),
                   ("sergei-ryabkov", "وی")]


def test_caseless_name_after_a_persons_title_is_still_found() -> None:
    text = ("سخنگوی وزارت امور خارجه ایران ناصر کنعانی روز دوشنبه در نشست خبری سخن گفت.\n\n"
            "کنعانی افزود: «گفتگوها ادامه دارد».")
    [(speaker, surface)] = attributed(text)
    assert surface == "کنعانی" and speaker not in ("unknown", "dw-kshwr")


def test_numeral_after_a_persons_title_is_not_a_name() -> None:
    text = ("سخنگوی وزارت خارجه دو کشور را متهم کرد و بار دیگر دو کشور را محکوم کرد.\n\n"
            "وی افزود: «گفتگوها ادامه دارد».")
    assert attributed(text) == [("unknown", "")]  # nobody for "وی" to stand for
