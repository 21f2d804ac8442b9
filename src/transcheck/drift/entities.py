"""Named entities: a four-language gazetteer, known people, capitalised names.

Mentions come from three sources, longest match first:

1. the gazetteer in ``data/gazetteer.json`` (places, organisations, countries with their
   adjectives: ``Russian``, ``российских``, ``რუსული`` and ``روسی`` all mean *russia*),
   matched by light stem so that inflected forms (``Женеве``, ``ჟენევაში``) count;
2. the people in ``transcheck/data/people.json`` (all their name variants, any script);
3. in cased scripts (English, Russian), other capitalised words that do not open a
   sentence, and acronyms: unknown names such as ``Sudis``.

Two mentions refer to the same thing when their gazetteer ids are equal or related (a
capital for its country) or, for names, when their *consonant skeletons* match: the name
is transliterated with :mod:`anyascii`, vowels and ``h`` are dropped and similar consonants
merged, so ``Рябков``, ``Ryabkov``, ``რიაბკოვი`` and ``ریابکوف`` all become ``rbkv``.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from anyascii import anyascii

from .lexicon import PhraseSet, TokenView, load_data, stopwords
from .normalize import fold

ENTITY_KINDS_PLACE = {"city", "country", "region"}


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    group: frozenset[str]


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int  # one past the last token
    entity: Entity
    text: str
    skeletons: tuple[str, ...]

    def related(self, other: Mention) -> bool:
        a, b = self.entity, other.entity
        if a.kind == "name" or b.kind == "name":
            return names_match(self.skeletons, other.skeletons)
        return a.id == b.id or a.id in b.group or b.id in a.group


_DIGRAPHS = (("dzh", "j"), ("sh", "S"), ("zh", "Z"), ("kh", "X"), ("ch", "C"), ("ts", "c"),
             ("gh", "G"), ("th", "t"), ("ph", "f"), ("x", "ks"))
_MERGE = str.maketrans({"w": "v", "f": "v", "q": "k", "c": "k", "j": "Z", "G": "g", "X": "k"})


@cache
def skeleton(word: str) -> str:
    """Consonant skeleton of a name in any script (``Рябкова`` -> ``rbkv``)."""
    s = anyascii(fold(word)).lower()
    s = re.sub(r"[^a-z]", "", s)
    for src, dst in _DIGRAPHS:
        s = s.replace(src, dst)
    s = s.translate(_MERGE)
    s = re.sub(r"[aeiouyh]", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def skeleton_match(x: str, y: str) -> bool:
    if not x or not y:
        return False
    if x == y:
        return len(x) >= 2
    short, long_ = sorted((x, y), key=len)
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True
    return len(short) >= 3 and difflib.SequenceMatcher(None, x, y).ratio() >= 0.8


def names_match(xs: tuple[str, ...], ys: tuple[str, ...]) -> bool:
    return any(skeleton_match(x, y) for x in xs for y in ys)


@cache
def _gazetteer(lang: str) -> PhraseSet[tuple[Entity, bool]]:
    """Phrases for ``lang`` (plus English names, which any text may use). The flag says
    whether the text must be capitalised to match (English proper names: "Georgia", not
    "georgia"; but "nuclear deal" as written)."""
    data = load_data("gazetteer.json")["entities"]
    entries: list[tuple[str, tuple[Entity, bool]]] = []
    for eid, rec in data.items():
        ent = Entity(eid, rec["kind"], frozenset(rec.get("group", ())))
        for lg in dict.fromkeys((lang, "en")):
            for name in rec.get(lg, ()):
                needs_capital = lg == "en" and name[:1].isupper()
                entries.append((_phrase(name, lg), (ent, needs_capital)))
    for pid, names in _people().items():
        ent = Entity(pid, "person", frozenset())
        for name in names:
            entries.append((_name_phrase(name), (ent, False)))
    return PhraseSet(entries, lang)


def _phrase(name: str, lang: str) -> str:
    if name.startswith("="):
        return name
    from .lexicon import split_phrase

    return " ".join("~" + p for p in split_phrase(name))


def _name_phrase(name: str) -> str:
    """Prefix patterns for a person's name, so inflected forms match (Рябкова, რიაბკოვმა)."""
    from .lexicon import split_phrase

    out = []
    for p in split_phrase(name):
        f = fold(p)
        if len(f) > 4 and f[-1] in "иаяაიო":
            f = f[:-1]
        out.append(f + "*")
    return " ".join(out)


@cache
def _people() -> dict[str, tuple[str, ...]]:
    try:
        raw = (resources.files("transcheck") / "data" / "people.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError):
        return {}
    out = {}
    for pid, rec in data.items():
        if isinstance(rec, dict) and isinstance(rec.get("names"), list):
            out[pid] = tuple(str(n) for n in rec["names"])
    return out


_TITLE_WORDS = {"deputy", "minister", "foreign", "president", "secretary", "state",
                "prime", "ambassador", "spokesperson", "spokesman", "chancellor", "general",
                "mr", "mrs", "ms", "dr", "i", "i'm", "i've", "i'll", "i'd"}
_SENTENCE_END = {".", "!", "?", "…", ":", "\u00bb", "\u201c", "\"", "\u201e", "\u00ab", ";"}


def _is_cased_name(tv: TokenView, prev: TokenView | None, lang: str) -> bool:
    t = tv.token
    if t.kind != "word" or not t.text[:1].isupper():
        return False
    if tv.fold in _TITLE_WORDS:
        return False
    acronym = len(t.text) >= 2 and t.text.isupper()
    if prev is None or prev.token.text in _SENTENCE_END or prev.token.kind == "bracket":
        return acronym
    return acronym or tv.fold not in stopwords(lang)


def find_mentions(views_: list[TokenView], lang: str, *, skip: set[int] | None = None
                  ) -> list[Mention]:
    """Entity mentions in text order (``skip``: tokens already explained, e.g. dates)."""
    skip = skip or set()
    gaz = _gazetteer(lang)
    out: list[Mention] = []
    n = len(views_)
    i = 0
    while i < n:
        tv = views_[i]
        if i in skip or not tv.token.is_content:
            i += 1
            continue
        m = gaz.match_at(views_, i)
        if m is not None:
            ent, needs_capital = m.value
            if not (needs_capital and not tv.text[:1].isupper()):
                out.append(_mention(views_, i, m.end, ent))
                i = m.end
                continue
        if lang in ("en", "ru"):
            prev = views_[i - 1] if i > 0 else None
            if _is_cased_name(tv, prev, lang):
                j = i + 1
                while j < n and j not in skip and _is_cased_name(views_[j], views_[j - 1], lang) \
                        and gaz.match_at(views_, j) is None:
                    j += 1
                out.append(_mention(views_, i, j, Entity("name", "name", frozenset())))
                i = j
                continue
        i += 1
    return out


def _mention(views_: list[TokenView], i: int, j: int, ent: Entity) -> Mention:
    words = [v for v in views_[i:j] if v.token.is_content]
    sk = tuple(s for s in (skeleton(v.text) for v in words) if s)
    return Mention(i, j, ent, " ".join(v.text for v in views_[i:j]), sk)


def word_skeletons(views_: list[TokenView], lang: str) -> dict[int, str]:
    """Skeletons of the content words that are not stopwords (to find names in any script)."""
    stops = stopwords(lang)
    return {v.token.index: skeleton(v.text) for v in views_
            if v.token.kind == "word" and v.fold not in stops and len(v.fold) >= 3}
