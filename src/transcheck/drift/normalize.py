"""Normalisation and a deliberately light stemmer for en, ru, ka and fa.

``fold`` makes spelling variants equal (case, ``ё``, Arabic ``ي``/``ك`` vs Persian ``ی``/``ک``,
diacritics, tatweel, ZWNJ, typographic apostrophes). ``stem`` then strips common inflectional
endings so that ``guarantees``/``guarantee``, ``Женеве``/``Женева``, ``ჟენევაში``/``ჟენევა``,
``تحریم‌ها``/``تحریم`` compare equal. It is a light suffix stripper, not a morphological
analyser: it only has to make the diff and the lexicon lookups robust to inflection, and it
never strips a word below three letters.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .tokens import ZWJ, ZWNJ

_FA_MAP = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
                         "آ": "ا", "ٱ": "ا", "\u0640": None, ZWJ: None, "\u2019": "'",
                         "\u02bc": "'", "ё": "е", "Ё": "Е", "\u2010": "-", "\u2011": "-"})


@lru_cache(maxsize=65536)
def fold(word: str, *, keep_zwnj: bool = False) -> str:
    """Casefolded, diacritic-free form of ``word`` (ZWNJ removed unless ``keep_zwnj``)."""
    w = word.translate(_FA_MAP)
    if any(unicodedata.category(c) == "Mn" for c in w):
        w = "".join(c for c in unicodedata.normalize("NFD", w)
                    if unicodedata.category(c) != "Mn" or c in "\u0306")  # keep й
        w = unicodedata.normalize("NFC", w)
    if not keep_zwnj:
        w = w.replace(ZWNJ, "")
    return w.casefold()


_EN_SUFFIXES = ("'s", "s'")
_RU_ENDINGS = tuple(sorted((
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий", "ый", "ая", "яя",
    "ое", "ее", "ую", "юю", "ых", "их", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью",
    "ы", "и", "а", "я", "о", "е", "у", "ю", "ь", "й",
), key=len, reverse=True))
_KA_ENDINGS = tuple(sorted((
    "ისთვის", "ებისთვის", "ებიდან", "ებთან", "ებში", "ებზე", "ებით", "ებმა", "ების", "ებს",
    "ები", "იდან", "ამდე", "ისგან", "თვის", "ზეც", "შიც", "ში", "ზე", "თან", "დან", "ით", "ად",
    "ის", "მა", "ს", "ი", "ო", "მ", "ც",
), key=len, reverse=True))
_KA_VOWELS = "აეიოუ"
_FA_SUFFIXES = tuple(sorted((
    "‌هایی", "‌های", "‌ها", "هایی", "های", "‌ای", "‌ام", "‌اش", "‌ات", "‌مان", "‌تان", "‌شان",
    "‌ایم", "‌اید", "‌اند", "ها",
), key=len, reverse=True))


def _stem_en(w: str) -> str:
    for suf in _EN_SUFFIXES:
        if w.endswith(suf):
            w = w[: -len(suf)]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _stem_ru(w: str) -> str:
    for end in _RU_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            return w[: -len(end)]
    return w


def _stem_ka(w: str) -> str:
    if "-" in w:  # აშშ-ის, ნატო-ს: the case ending is hyphenated onto an abbreviation
        head, _, tail = w.rpartition("-")
        if head and len(tail) <= 6:
            return head
    for end in _KA_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            w = w[: -len(end)]
            break
    if len(w) > 3 and w[-1] in _KA_VOWELS:
        w = w[:-1]
    return w


def _stem_fa(w: str) -> str:
    for suf in _FA_SUFFIXES:
        if w.endswith(suf) and len(w.replace(ZWNJ, "")) - len(suf.replace(ZWNJ, "")) >= 3:
            w = w[: -len(suf)]
            break
    return w.replace(ZWNJ, "")


_STEMMERS = {"en": _stem_en, "ru": _stem_ru, "ka": _stem_ka, "fa": _stem_fa}


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """Folded, lightly stemmed form of ``word`` for comparison and lexicon lookup."""
    fn = _STEMMERS.get(lang)
    if fn is None:
        return fold(word)
    if lang == "fa":
        return fn(fold(word, keep_zwnj=True))
    return fn(fold(word))


def base_lang(lang: str | None) -> str:
    """``en-GB`` -> ``en``; unknown or empty -> ``und``."""
    if not lang:
        return "und"
    return lang.split("-")[0].split("_")[0].casefold()
