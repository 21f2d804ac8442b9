"""Canonical speaker ids: one id for every spelling, script and misspelling of a person.

A built-in gazetteer covers people often quoted across languages; anyone else gets an id
made from the transliterated name. A misspelt surname ("Rybakov") joins a known person
only when the given name agrees too, so that two real people are not merged.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from anyascii import anyascii

#: Endings of inflected surnames: Russian cases, Georgian case markers, Persian ezafe.
_SPACING = re.compile(r"[\s\-‐‑_.’']+")

_SUFFIXES = {
    "Cyrillic": ("ым", "ом", "ою", "ой", "ую", "ая", "а", "у", "е", "ы", "и"),
    "Georgian": ("ისთვის", "ისგან", "ით", "ის", "მა", "მ", "ს", "ი", "ო", "ზე", "თან"),
    "Arabic": ("ی",),
}
#: Russian feminine surnames decline like adjectives: Захарова -> Захаровой, Захаровою,
#: Захарову; Крутская -> Крутской, Крутскую. After one of these endings the stem may need
#: its nominative ending back (tried after the bare stem, which is the masculine reading).
_FEMININE_ENDINGS = {"ой": ("а", "ая"), "ою": ("а", "ая"), "у": ("а",), "ую": ("ая",)}


@dataclass(frozen=True)
class Person:
    id: str
    display: str
    given: frozenset[str]
    names: tuple[str, ...]
    lang: str | None = None


def script_of(word: str) -> str:
    for ch in word:
        if "\u0400" <= ch <= "\u04ff":
            return "Cyrillic"
        if "\u10a0" <= ch <= "\u10ff" or "\u1c90" <= ch <= "\u1cbf":
            return "Georgian"
        if "\u0600" <= ch <= "\u06ff":
            return "Arabic"
    return "Latin"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for matching names."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = text.replace("\u200c", "").replace("ي", "ی").replace("ك", "ک")
    return _SPACING.sub(" ", text).strip()


#: One spelling per Russian given name in ids, whichever transliteration the outlet or
#: the transliterator used ("Александр", "Aleksandr" -> "alexander"), so that a person
#: outside the gazetteer quoted in Russian and in English falls in one alignment block.
_GIVEN_SPELLING = {
    "aleksandr": "alexander", "alexandr": "alexander", "aleksey": "alexei", "aleksei": "alexei",
    "alexey": "alexei", "sergey": "sergei", "dmitriy": "dmitry", "dmitrii": "dmitry",
    "dmitri": "dmitry", "yuriy": "yuri", "yurii": "yuri", "yury": "yuri", "andrey": "andrei",
    "nikolay": "nikolai", "evgeniy": "yevgeny", "evgeny": "yevgeny", "yevgeniy": "yevgeny",
    "vasiliy": "vasily", "anatoliy": "anatoly", "valeriy": "valery", "gennadiy": "gennady",
    "arkadiy": "arkady", "grigoriy": "grigory", "georgiy": "georgy", "vitaliy": "vitaly",
    "maksim": "maxim", "matvey": "matvei", "aleksandra": "alexandra", "natalya": "natalia",
    "tatyana": "tatiana", "yuliya": "yulia", "mariya": "maria", "sofiya": "sofia",
}


def slug(name: str) -> str:
    ascii_name = anyascii(unicodedata.normalize("NFKC", name)).lower()
    # transliteration marks ejectives and soft signs with an apostrophe (ჭ -> ch'): part of
    # the word, not a break in it
    ascii_name = re.sub(r"(?<=[a-z])['’`](?=[a-z])", "", ascii_name)
    words = re.sub(r"[^a-z0-9]+", " ", ascii_name).split()
    if len(words) >= 2:
        words[0] = _GIVEN_SPELLING.get(words[0], words[0])
        words[-1] = re.sub(r"(?<=[a-z]{3})iy$", "y", words[-1])  # Zelenskiy -> zelensky
    return "-".join(words) or "unknown"


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Person, ...]:
    raw = json.loads(resources.files("transcheck.data").joinpath("people.json").read_text("utf-8"))
    return tuple(
        Person(pid, entry["display"], frozenset(fold(g) for g in entry["given"]),
               tuple(entry["names"]), entry.get("lang"))
        for pid, entry in raw.items() if not pid.startswith("_")
    )


@lru_cache(maxsize=1)
def _surface_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for person in gazetteer():
        for name in person.names:
            index[fold(name)] = person.id
        index[fold(person.id.replace("-", " "))] = person.id
    return index


def _destem(word: str) -> list[str]:
    """The word and its possible uninflected forms (Рябкова -> Рябков, რიაბკოვმა -> რიაბკოვ)."""
    forms = [word]
    for suffix in _SUFFIXES.get(script_of(word), ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            script = script_of(word)
            if script == "Georgian":
                forms += [stem, stem + "ი"]
            elif script == "Cyrillic":
                forms += [stem, *(stem + e for e in _FEMININE_ENDINGS.get(suffix, ()))]
            else:
                forms.append(stem)
    return forms


def _edit_distance(a: str, b: str, limit: int = 3) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)  # transposition
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=65536)
def lookup(name: str) -> str | None:
    """Gazetteer id for a full name or surname in any script, inflected or not."""
    index = _surface_index()
    key = fold(name)
    if key in index:
        return index[key]
    words = key.split()
    if not words:
        return None
    *given, last = words
    for form in _destem(last):
        candidate = " ".join([*given, form])
        if candidate in index:
            return index[candidate]
    if given:
        # a misspelt surname joins a person only if the given name agrees as well
        g = given[0]
        for person in gazetteer():
            if g in person.given:
                for surface in person.names:
                    sw = fold(surface).split()
                    if len(sw) == 1 and len(last) >= 5 and _edit_distance(last, sw[0]) <= 2:
                        return person.id
    return None


#: Georgian case endings of a surname, longest first (ergative, genitive, dative, ...).
_GEORGIAN_CASES = ("ისთვის", "ისგან", "თან", "ით", "ის", "ზე", "ად", "მა", "მ", "ს", "ო", "ი")


def georgian_nominative(word: str) -> str:
    """The nominative of an inflected Georgian surname, so that one person gets one id
    whatever case introduced them: ხარაიშვილმა, ხარაიშვილის -> ხარაიშვილი; ბერიძის,
    ბერიძემ -> ბერიძე; გამსახურდიას -> გამსახურდია."""
    if script_of(word) != "Georgian":
        return word
    for suffix in _GEORGIAN_CASES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            break
    else:
        return word
    if stem[-1] in "აეიოუ":
        return stem
    # a consonant stem: -ძე surnames drop their -ე before -ის; the others end in -ი
    return stem + ("ე" if stem.endswith("ძ") else "ი")


def canonical_id(name: str) -> str:
    """A known person's id, or a slug of the name with a Georgian surname in the
    nominative (one id per person, whichever case the article used first)."""
    known = lookup(name)
    if known:
        return known
    *given, last = name.split() or [""]
    return slug(" ".join([*given, georgian_nominative(last)]))


def display_name(pid: str) -> str:
    for person in gazetteer():
        if person.id == pid:
            return person.display
    return pid


def spoken_language(pid: str) -> str | None:
    """The language a known person speaks in public: their quotes' original language."""
    for person in gazetteer():
        if person.id == pid:
            return person.lang
    return None


def matches(query: str, speaker_id: str, surfaces: tuple[str, ...] = ()) -> bool:
    """Whether a user's ``--speaker`` value names this speaker, in any variant."""
    if not query.strip():
        return False
    if canonical_id(query) == speaker_id or slug(query) == speaker_id:
        return True
    q = fold(query)
    id_words = fold(speaker_id.replace("-", " ")).split()
    if q and (q in id_words or speaker_id.endswith("-" + slug(query))):
        return True
    qid = lookup(query)
    return qid is not None and qid == speaker_id or any(fold(s) == q for s in surfaces)
