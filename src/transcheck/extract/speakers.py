"""Who said it: person mentions, descriptions and pronouns, resolved to canonical ids.

Mentions are found outside quoted text only (a name inside a quote is not its speaker).
Descriptions ("the senior Russian diplomat") resolve to the most recently mentioned
person whose title fits every discriminating word of the description, so that "the
senior diplomat" after a passage on Blinken is not given to Ryabkov.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from . import lexicon
from .names import canonical_id, fold, gazetteer, georgian_nominative, lookup, script_of

# Capitalised words in any cased script (Péter Szijjártó, Александр Новак).
_CAP = (r"(?:(?=[^\W\d_])(?=[^a-zа-яё])(?=[^\W\d_][^\W\d_]*[a-zà-ÿа-яёა-ჿ])"
        r"[^\W\d_][^\W\d_]*(?:[-'’][^\W\d_]+)?)")
_GENERIC_NAME = re.compile(rf"(?<![\w\-]){_CAP}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_CAP}){{1,2}}(?![\w])")
# In scripts without case a name is recognised after a title: the next two words, tried at
# every word (a look-ahead, so that "وزیر امور خارجه ناصر کنعانی" is not read in pairs
# from its first word and the name split across two of them).
# letters of Georgian and Arabic script (not the Arabic comma, semicolon and question mark)
_CASELESS_LETTER = r"[\u10d0-\u10ff\u0600-\u060b\u060d-\u061a\u061c-\u061e\u0620-\u06ff\u200c]"
_CASELESS_NAME = re.compile(rf"(?<!{_CASELESS_LETTER})"
                            rf"(?=({_CASELESS_LETTER}+)[ \t]+"
                            rf"((?:{_CASELESS_LETTER}|-)+))")
_WORD = re.compile(r"[\w.’'\-]+")

#: Capitalised words that are never part of a person's name in news prose.
_NOT_NAMES = frozenset([
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "to", "from", "by",
    "with", "as", "after", "before", "during", "since", "this", "that", "these", "those", "it",
    "its", "his", "her", "their", "our", "we", "they", "he", "she", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "moscow", "washington", "russia", "russian", "america", "american", "geneva", "brussels",
    "vienna", "europe", "european", "nato", "osce", "ukraine", "georgia", "kremlin", "state",
    "department", "council", "foreign", "ministry", "united", "states", "union", "secretary",
    "minister", "deputy", "president", "spokesperson", "north", "atlantic", "treaty", "soviet",
    "security", "news", "agency", "international", "press", "center", "multimedia", "segodnya",
    "rossiya",
])

_NOT_NAMES_OR_TITLES = _NOT_NAMES | lexicon.TITLE_WORDS

_ROLE_TITLE = frozenset(lexicon.TITLE_WORDS - set(_NOT_NAMES) - set(lexicon.NATIONALITY)
                        - {"of", "to", "the"}) | {"minister", "secretary", "president", "deputy"}

_ROLE_TITLE_ALL = frozenset(w for w in lexicon.TITLE_WORDS if re.search(r"[^\x00-\x7f]", w)
                            and not lexicon.NATIONALITY.get(w))
_CASELESS_STOP = frozenset({"و", "که", "در", "از", "به", "با", "روز", "این", "آن", "და", "რომ",
                            "ამ", "იმ", "დღეს"}) | lexicon.CASELESS_NOT_NAMES


@lru_cache(maxsize=8192)
def _given_name(token: str) -> str:
    """A first name as the given-name lists spell it (``Сергей`` -> ``sergei``)."""
    return fold(anyascii(token))


def _looks_capitalised(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and letters[0].isupper() and (
        len(letters) == 1 or not all(c.isupper() for c in letters))  # not NATO, OSCE


FEMALE_GIVEN = frozenset([
    "wendy", "julianne", "maria", "mariya", "victoria", "ursula", "kamala", "hillary", "angela",
    "annalena", "liz", "elizabeth", "nancy", "jen", "jennifer", "karine", "anne", "anna",
    "linda", "samantha", "condoleezza", "madeleine", "kaja", "salome", "tea", "nino", "sofia",
    "sophia", "sophie", "irina", "olga", "natalia", "natalya", "elena", "yelena", "ekaterina",
    "yekaterina", "svetlana", "tatiana", "tatyana", "valentina", "marina", "ludmila",
    "lyudmila", "julia", "yulia", "yuliya", "lucia", "margarita", "ketevan", "khatia", "eka",
    "tamar", "tamara", "mariam", "zahra", "fatemeh", "maryam", "leila", "roberta", "kristalina",
    "ngozi", "christine", "federica", "catherine", "cathy", "ivanka",
])

#: Common given names (transliterated): a capitalised pair starting with one is a person.
GIVEN_NAMES = frozenset([
    "alexander", "aleksandr", "alexei", "aleksei", "alexey", "andrei", "andrey", "anton",
    "boris", "dmitry", "dmitri", "evgeny", "yevgeny", "igor", "ivan", "konstantin", "mikhail",
    "nikolai", "nikolay", "oleg", "pavel", "pyotr", "roman", "sergei", "sergey", "vladimir",
    "vladislav", "vyacheslav", "viktor", "yuri", "yury", "maxim", "denis", "artem", "kirill",
    "grigory", "valery", "gennady", "leonid", "giorgi", "george", "irakli", "levan", "davit",
    "david", "zurab", "mikheil", "ilia", "nikoloz", "shalva", "archil", "tornike", "ali",
    "mohammad", "mohammed", "hossein", "hassan", "ahmad", "mahmoud", "javad", "abbas", "reza",
    "hamid", "mehdi", "nasser", "saeed", "john", "james", "robert", "michael", "william",
    "joseph", "thomas", "charles", "daniel", "matthew", "mark", "paul", "steven", "andrew",
    "joe", "antony", "anthony", "ned", "jake", "lloyd", "jens", "josep", "emmanuel", "olaf",
    "rishi", "boris", "mario", "pedro", "charles", "peter", "peter", "hans", "jan", "jean",
    "pierre", "luis", "carlos", "antonio", "dmytro", "volodymyr", "andriy", "oleksii", "ruslan",
    "recep", "mevlut", "hakan", "hulusi", "jeyhun", "ilham", "ararat", "nikol", "wang", "xi",
    "li", "sofia",
]) | FEMALE_GIVEN



@dataclass
class PersonInfo:
    id: str
    surface: str
    title_words: set[str] = field(default_factory=set)
    female: bool = False
    surnames: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # name | description | pronoun
    surface: str
    person: str | None  # canonical id, once resolved
    words: frozenset[str] = frozenset()  # description modifiers and head


def _words_before(text: str, pos: int, limit: int = 7) -> list[tuple[int, str]]:
    """Up to ``limit`` words ending right before ``pos`` on the same line, nearest first."""
    line_start = text.rfind("\n", 0, pos) + 1
    out = [(m.start(), m.group()) for m in _WORD.finditer(text, line_start, pos)]
    return list(reversed(out))[:limit]


_TITLE_STEMS = tuple(w[:-1] if len(w) > 5 else w for w in lexicon.TITLE_WORDS
                     if re.search(r"[^\x00-\x7f]", w) and len(w) >= 4)


@lru_cache(maxsize=8192)
def _is_title_word(lw: str) -> bool:
    if lw in lexicon.TITLE_WORDS or lw in lexicon.NATIONALITY:
        return True
    return bool(re.search(r"[^\x00-\x7f]", lw)) and (
        lw.startswith(_TITLE_STEMS) or nationality(lw) is not None)


def _title_words(words: Iterable[str]) -> tuple[set[str], bool]:
    """The title words among ``words`` (nearest first), and whether a non-title word
    ended them."""
    found: set[str] = set()
    for w in words:
        lw = w.lower().rstrip(",")
        if not lw:
            continue
        if _is_title_word(lw):
            found.add(lw)
        elif w[:1].isupper() and lw not in _NOT_NAMES and len(found) == 0 or not w[:1].isupper():
            return found, True
    return found, False


#: Characters looked at before a name for its title, before looking at the whole line.
_TITLE_WINDOW = 64


def _title_before(text: str, pos: int) -> set[str]:
    # Usually the word right before a name settles it: read a short window first, not the
    # whole paragraph. Its first word may be cut off, so that one does not count.
    line_start = text.rfind("\n", 0, pos) + 1
    lo = max(line_start, pos - _TITLE_WINDOW)
    words = _WORD.findall(text, lo, pos)
    if lo > line_start:
        words = words[1:]
    words = words[::-1][:7]
    found, ended = _title_words(words)
    if ended or lo == line_start or len(words) == 7:
        return found
    return _title_words(w for _, w in _words_before(text, pos))[0]


_APPOSITION = re.compile(r"[ \t]*[,،][ \t]*([^,،.;:!?«»“”„\n]{1,80})")


def _title_after(text: str, end: int) -> set[str]:
    """The title words of an apposition right after a name in a script without capitals
    ("ناصر کنعانی، سخنگوی وزارت امور خارجه، ..."): where those scripts put a person's
    office, and the only sign there that the two words are a name."""
    m = _APPOSITION.match(text, end)
    if m is None:
        return set()
    words = [w for w in _WORD.findall(m.group(1))[:5] if not re.search(r"[A-Za-z]", w)]
    return {w.lower() for w in words if _is_title_word(w.lower())}


def _person_title(titles: set[str]) -> bool:
    return bool(titles & _ROLE_TITLE_ALL) and any(
        w.startswith(lexicon.PERSON_TITLE_STEMS) for w in titles)


@lru_cache(maxsize=1)
def _gazetteer_stems() -> frozenset[str]:
    stems: set[str] = set()
    for person in gazetteer():
        for name in person.names:
            georgian = re.search(r"[\u10a0-\u10ff]", name) and name.endswith("ი")
            if georgian or re.search(r"[\u0400-\u04ff]", name) and name.endswith("а"):
                name = name[:-1]
            stems.add(name)
    return frozenset(stems)


@lru_cache(maxsize=1)
def _gazetteer_regex() -> re.Pattern[str]:
    stems = {re.escape(name).replace(r"\ ", r"\s+") for name in _gazetteer_stems()}
    alternatives = "|".join(sorted(stems, key=len, reverse=True))
    inflection = r"[\u0400-\u04ff\u10d0-\u10ff]{0,6}"
    return re.compile(rf"(?<![\w\u200c])(?:{alternatives}){inflection}(?![\w])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _gazetteer_finder() -> _Anchored:
    return _Anchored(_gazetteer_regex(), _gazetteer_stems(), tokens=0, space=r"\s+")


def _cue_regex() -> re.Pattern[str]:
    cues = sorted({c for cs in lexicon.CUES.values() for c in cs}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w])",
                      re.IGNORECASE)


CUE_RE = _cue_regex()
#: A cue right after a name ("Ivan Petrov said").
_CUED = re.compile(r"\s*,?\s*(?:" + CUE_RE.pattern + ")", re.IGNORECASE)


_FUNCTION = ("the", "this", "that", "to", "of", "and", "or", "a", "an", "by", "with", "for",
             "in", "on", "at", "according", "as", "from", "but", "who", "which", "one",
             "another", "но", "а", "в", "на", "с", "по", "о", "и", "что", "как", "это", "да",
             "რომ", "და",
             "كه", "که", "و", "از", "به", "در", "با", "را")


def _role_regex() -> re.Pattern[str]:
    heads = sorted({h for hs in lexicon.ROLE_HEADS.values() for h in hs}, key=len, reverse=True)
    head = "|".join(re.escape(h).replace(r"\ ", "[ \t]+") for h in heads)
    cue_words = {w for cs in lexicon.CUES.values() for c in cs for w in c.split()}
    stop = "|".join(re.escape(w) for w in sorted(set(_FUNCTION) | cue_words, key=len, reverse=True))
    word = r"(?:U\.S\.|U\.K\.|[\w\-’']+)"
    return re.compile(
        r"(?<![\w])(?:(?P<det>the|this|russia['’]s|america['’]s|washington['’]s|moscow['’]s)"
        r"[ \t]+)?"
        rf"(?P<mods>(?:(?!(?:{stop})[ \t]){word}[ \t]+){{0,4}}?)(?P<head>{head})"
        rf"(?P<infl>[\u0400-\u04ff\u10d0-\u10ff]{{0,5}})(?![\w\-])",
        re.IGNORECASE)


ROLE_RE = _role_regex()


#: Letters that ``re.IGNORECASE`` takes for another lowercase letter (dotless ı for i, long
#: ſ for s, the old Cyrillic and the Greek variant forms). A text holding one is searched
#: the slow, case-insensitive way; any other text is lowercased and searched as it is.
_CASE_VARIANTS = re.compile(
    "[\u00b5\u0131\u017f\u0345\u0390\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0"
    "\u03f1\u03f5\u1c80-\u1c88\u1e9b\u1fbe\u1fd3\u1fe3\ufb05]")


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """``text.lower()`` when a case-sensitive search of it finds, at the same offsets,
    what a case-insensitive search of ``text`` finds; else None."""
    low = text.lower()
    if len(low) != len(text) or _CASE_VARIANTS.search(low):
        return None
    return low


def _trie(words: Iterable[str], space: str) -> str:
    """One regular expression for a set of words, as a trie (``minist(?:er|r)``): it finds
    the same strings as their plain alternation, with far fewer trials per position."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + emit(node[ch])
                    for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


#: Where a match may start: after a character that is not a word character.
_WORD_START = re.compile(r"(?<!\w)")


class _Anchored:
    """``pattern.finditer(text)``, the same matches, faster, for a case-insensitive pattern
    that starts with a look-behind for a non-word character, and whose every match is at
    most ``tokens`` words (each followed by spaces or tabs) and then one of the ``anchors``
    (a head noun, a name). The pattern is tried only in the few words before each anchor
    instead of at every position of the article, and the anchors are found in the
    lowercased text by a case-sensitive search, many times faster."""

    def __init__(self, pattern: re.Pattern[str], anchors: Iterable[str], tokens: int,
                 space: str = r"\ "):
        assert pattern.pattern.startswith("(?<![\\w"), pattern.pattern[:20]
        words = sorted(set(anchors), key=len, reverse=True)
        self.pattern, self.tokens = pattern, tokens
        self.slow = re.compile("|".join(re.escape(w).replace(r"\ ", space) for w in words),
                               re.IGNORECASE)
        self.fast = re.compile(_trie((w.lower() for w in words), space))

    def _floor(self, text: str, h: int) -> int:
        """No match whose anchor is at ``h`` or later can start before this position: the
        start of the ``tokens``-th word before the word that holds ``h``. (It must not depend
        on where in its word ``h`` is: a head inside a word, "officials" after "near-", is a
        word of a longer match whose head comes later.)"""
        i = h
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        for _ in range(self.tokens):
            j = i
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            if j == i or j == 0 or text[j - 1].isspace():
                break
            while j > 0 and not text[j - 1].isspace():
                j -= 1
            i = j
        return i

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = _lowered(text)
        anchor, haystack = (self.slow, text) if low is None else (self.fast, low)
        pos, n, match = 0, len(text), self.pattern.match
        while pos < n:
            head = anchor.search(haystack, pos)
            if head is None:
                return
            h = head.start()
            found = None
            if self.tokens:
                for start in _WORD_START.finditer(text, max(pos, self._floor(text, h)), h + 1):
                    found = match(text, start.start())
                    if found is not None:
                        break
            else:
                found = match(text, h)
            if found is None:
                pos = h + 1
                continue
            yield found
            pos = found.end()


_ROLE_FINDER = _Anchored(ROLE_RE, (h for hs in lexicon.ROLE_HEADS.values() for h in hs),
                         tokens=5, space="[ \t]+")


def _anonymous_regex() -> re.Pattern[str]:
    det = "|".join(re.escape(d) for d in lexicon.INDEFINITE)
    heads = sorted(set(lexicon.SOURCE_HEADS) | {h for hs in lexicon.ROLE_HEADS.values()
                                                   for h in hs}, key=len, reverse=True)
    head = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"(?<![\w\-])(?:{det})[ \t]+(?:[\w\-’']+[ \t]+){{0,3}}?(?:{head})"
                      rf"[\u0400-\u04ff\u10d0-\u10ff]{{0,5}}(?![\w\-])", re.IGNORECASE)


ANONYMOUS_RE = _anonymous_regex()
_ANONYMOUS_FINDER = _Anchored(
    ANONYMOUS_RE, [*lexicon.SOURCE_HEADS, *(h for hs in lexicon.ROLE_HEADS.values() for h in hs)],
    tokens=4)


def _pronoun_regex() -> re.Pattern[str]:
    pronouns = sorted({p for ps in lexicon.PRONOUNS.values() for p in ps}, key=len, reverse=True)
    return re.compile(r"(?<![\w\u200c])(?:" + "|".join(pronouns) + r")(?![\w\u200c])",
                      re.IGNORECASE)


PRONOUN_RE = _pronoun_regex()
_PRONOUN_FINDER = _Anchored(PRONOUN_RE, (p for ps in lexicon.PRONOUNS.values() for p in ps),
                            tokens=0)


class Spans:
    """Disjoint character spans with overlap queries in O(log n): long articles have
    thousands of quotes and mentions."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, max(e, s + 1)) - 1
        return k >= 0 and self.ends[k] > s

    def add(self, s: int, e: int) -> None:
        """Add a span that overlaps none already present."""
        k = bisect.bisect_left(self.starts, s)
        self.starts.insert(k, s)
        self.ends.insert(k, e)


def _is_female(name: str, pid: str) -> bool:
    given = fold(anyascii(name)).split()[0] if fold(name) else ""
    if given in FEMALE_GIVEN or pid in {"maria-zakharova", "wendy-sherman"}:
        return True
    # Latin transliterations only: Cyrillic -ова is also the genitive of a man's name
    last = fold(name).split()[-1] if fold(name) else ""
    return bool(re.search(r"(ova|eva|ina|skaya)$", last))


#: Person id of an anonymous source: it takes the quote, so that nobody else gets it.
ANONYMOUS = "unknown"


@lru_cache(maxsize=8192)
def nationality(word: str) -> str | None:
    word = word.lower()
    if word in lexicon.NATIONALITY:
        return lexicon.NATIONALITY[word]
    if re.search(r"[^\x00-\x7f]", word):
        for stem, key in lexicon.NATIONALITY_STEMS:
            if word.startswith(stem):
                return key
    return None


@lru_cache(maxsize=1024)
def _surname_regex(surnames: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the surnames; a Georgian one in any case (its stem and a case ending: the
    caller checks that the match has the same nominative)."""
    forms = []
    for s in sorted(surnames, key=len, reverse=True):
        if script_of(s) == "Georgian" and s[-1] in "აეიოუ":
            forms.append(re.escape(s[:-1]) + "[\u10d0-\u10ff]{0,6}")
        else:
            forms.append(re.escape(s))
    return re.compile(r"(?<![\w])(" + "|".join(forms) + r")(?![\w])", re.IGNORECASE)


class SpeakerResolver:
    """Finds and resolves the person mentions of one article."""

    def __init__(self, text: str, masks: list[tuple[int, int]], skipped: Iterable[tuple[int, int]]):
        self.text = text
        self.masks = Spans([*masks, *skipped])
        self.people: dict[str, PersonInfo] = {}
        self.mentions = self._resolve(self._find())
        self._starts = [m.start for m in self.mentions]

    # -- finding ----------------------------------------------------------------------
    def _find(self) -> list[Mention]:
        text, found = self.text, []
        taken = Spans()

        def free(s: int, e: int) -> bool:
            return not self.masks.overlaps(s, e) and not taken.overlaps(s, e)

        for m in _gazetteer_finder().finditer(text):
            pid = lookup(m.group())
            if pid and free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), "name", m.group(), pid))
                taken.add(m.start(), m.end())
                self._note_person(pid, m.group(), m.start())
        for m in _GENERIC_NAME.finditer(text):
            tokens = m.group().split()
            # drop leading title-like words ("Secretary Blinken", "Вице-премьер РФ Новак")
            while tokens and (tokens[0].lower() in _NOT_NAMES_OR_TITLES
                              or not _looks_capitalised(tokens[0])):
                tokens = tokens[1:]
            if not all(_looks_capitalised(t) for t in tokens) or len(tokens) > 3:
                continue
            if len(tokens) < 2 or any(t.lower() in _NOT_NAMES for t in tokens):
                continue
            surface = " ".join(tokens)
            start = m.end() - len(tokens[-1]) - sum(len(t) + 1 for t in tokens[:-1])
            start = text.find(tokens[0], m.start())
            end = m.end()
            if not free(start, end):
                continue
            # cheapest test first: a known given name, a cue right after, a known name, a title
            if not (_given_name(tokens[0]) in GIVEN_NAMES or _CUED.match(text[end:end + 40])
                    or lookup(surface) or _title_before(text, start) & _ROLE_TITLE):
                continue
            pid = canonical_id(surface)
            found.append(Mention(start, end, "name", surface, pid))
            taken.add(start, end)
            self._note_person(pid, surface, start)
        for m in _CASELESS_NAME.finditer(text):
            start, end = m.start(), m.end(2)
            if not free(start, end):
                continue
            words = [m.group(1), m.group(2)]
            # the cheapest test first: most word pairs of such a text hold a title or a
            # function word
            if any(_is_title_word(w.lower()) or w in _CASELESS_STOP for w in words):
                continue
            # a Georgian given name opens a name in any case ("ნინო ბერიძის თქმით"); other
            # pairs need a person's title in apposition ("ناصر کنعانی، سخنگوی ...") or in
            # front, not a ministry or a country ("دو کشور")
            georgian_given = (script_of(words[0]) == "Georgian"
                              and _given_name(words[0]) in GIVEN_NAMES)
            apposition = not georgian_given and _person_title(_title_after(text, end))
            if not (georgian_given or apposition or _person_title(_title_before(text, start))):
                continue
            if any(c.start() < end for c in CUE_RE.finditer(text, start, end + 30)):
                continue  # "همچنین تاکید کرد" is a cue, not a name
            if not apposition and text.count(words[1]) < 2 and \
                    _given_name(words[0]) not in GIVEN_NAMES:
                continue  # after a title, a real surname comes back later in the article
            surface = " ".join(words)
            pid = canonical_id(surface)
            found.append(Mention(start, end, "name", surface, pid))
            taken.add(start, end)
            self._note_person(pid, surface, start)
        # surnames of people introduced in this article, wherever they appear again, in
        # any case for Georgian ("ხარაიშვილმა" ... "ხარაიშვილის")
        surname_map = {fold(georgian_nominative(s)): pid for pid, info in self.people.items()
                       for s in info.surnames}
        if surname_map:
            for m in _surname_regex(tuple(surname_map)).finditer(text):
                pid = surname_map.get(fold(georgian_nominative(m.group())))
                if pid and free(m.start(), m.end()):
                    found.append(Mention(m.start(), m.end(), "name", m.group(), pid))
                    taken.add(m.start(), m.end())
        for m in _ANONYMOUS_FINDER.finditer(text):
            if free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), "anonymous", m.group(), ANONYMOUS))
                taken.add(m.start(), m.end())
        for m in _ROLE_FINDER.finditer(text):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            if any(n.kind == "name" and e <= n.start <= e + 40
                   and not re.search(r"[,.;:!?«»“”„\n]", text[e:n.start]) for n in found):
                continue  # a title in front of a name ("Пресс-секретарь президента Песков")
            nxt = re.match(r"(,?)\s+(\S+(?:\s+\S+)?)", text[e:e + 80])
            if nxt:
                first = nxt.group(2).split()[0].strip(",.")
                named = lookup(nxt.group(2).rstrip(",.")) or lookup(first)
                if named or (not nxt.group(1) and first[:1].isupper()
                             and not CUE_RE.match(first)):
                    continue  # a title in front of a name, not a description
            english = not re.search(r"[^\x00-\x7f]", m.group())
            if not m.group("det") and english:  # noqa: SIM102 (two reasons, two tests)
                if m.group("head").lower() not in {"diplomat"} or not m.group("mods").strip():
                    continue  # English descriptions need a determiner ("the diplomat")
            words = frozenset(w.lower() for w in (m.group("det") or "").split()
                              + m.group("mods").split() + m.group("head").split())
            found.append(Mention(s, e, "description", m.group(), None, words))
            taken.add(s, e)
        for m in _PRONOUN_FINDER.finditer(text):
            if free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), "pronoun", m.group(), None,
                                     frozenset({m.group().lower()})))
        found.sort(key=lambda x: (x.start, x.end))
        return found

    def _note_person(self, pid: str, surface: str, start: int) -> None:
        info = self.people.setdefault(pid, PersonInfo(pid, surface))
        info.title_words |= _title_before(self.text, start)
        words = surface.split()
        if script_of(surface) != "Latin":
            info.title_words |= _title_after(self.text, start + len(surface))
        if len(words) >= 2:
            info.surnames.add(words[-1])
            info.surface = surface if len(surface) > len(info.surface) else info.surface
        info.female = info.female or _is_female(surface, pid)

    # -- resolving --------------------------------------------------------------------
    def _fits(self, mention: Mention, info: PersonInfo) -> bool:
        title = {nationality(w) or w for w in info.title_words}
        for w in mention.words:
            nat = nationality(w)
            if nat and nat not in title:
                return False
            if w in lexicon.ROLE_WORDS and w not in info.title_words:
                return False
        return bool(info.title_words) or "diplomat" not in mention.words

    def _resolve(self, mentions: list[Mention]) -> list[Mention]:
        resolved: list[Mention] = []
        history: list[str] = []  # person ids in order of mention
        for m in mentions:
            person = m.person
            if m.kind == "description":
                person = next((p for p in reversed(history) if self._fits(m, self.people[p])),
                              None)
            elif m.kind == "pronoun":
                want_female = m.surface.lower() in {"she", "она"}
                gendered = m.surface.lower() in {"he", "she", "он", "она"}
                person = next((p for p in reversed(history)
                               if not gendered or self.people[p].female == want_female), None)
            if m.kind == "anonymous":
                key = f"{ANONYMOUS}@{m.start}"
                self.people[key] = PersonInfo(ANONYMOUS, m.surface, set(
                    w.lower() for w in m.surface.split()))
                history.append(key)
                person = ANONYMOUS
            elif person and person.startswith(ANONYMOUS + "@"):
                history.append(person)
                person = ANONYMOUS
            elif person:
                history.append(person)
            resolved.append(Mention(m.start, m.end, m.kind, m.surface, person, m.words))
        return resolved

    # -- queries ----------------------------------------------------------------------
    def in_range(self, lo: int, hi: int) -> list[Mention]:
        k = bisect.bisect_left(self._starts, lo)
        out = []
        while k < len(self.mentions) and self.mentions[k].start < hi:
            m = self.mentions[k]
            if m.end <= hi and m.person:
                out.append(m)
            k += 1
        return out
