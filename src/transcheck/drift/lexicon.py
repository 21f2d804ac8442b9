"""Package data (word lists in ``drift/data/*.json``) and a small phrase matcher.

A *pattern* matches one token, compared after :func:`~transcheck.drift.normalize.fold`:

* ``word``   exact match;
* ``stem*``  prefix match;
* ``~word``  same light stem (:func:`~transcheck.drift.normalize.stem`);
* ``=Word``  exact and case-sensitive (``US`` but not ``us``);
* ``re:...`` regular expression, full match against the folded token.

A *phrase* is patterns separated by spaces and matches that many consecutive tokens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Generic, TypeVar

from .normalize import fold, stem
from .tokens import Token, tokenize

V = TypeVar("V")


@cache
def load_data(name: str) -> dict[str, Any]:
    """One JSON file from ``transcheck/drift/data`` (cached)."""
    ref = resources.files("transcheck.drift") / "data" / name
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class TokenView:
    """A token with the forms the matchers compare."""

    token: Token
    fold: str
    stem: str

    @property
    def text(self) -> str:
        return self.token.text


def views(tokens: Sequence[Token], lang: str) -> list[TokenView]:
    return [TokenView(t, fold(t.text), stem(t.text, lang)) for t in tokens]


Matcher = Callable[[TokenView], bool]


@cache
def compile_pattern(pattern: str, lang: str) -> Matcher:
    if pattern.startswith("re:"):
        rx = re.compile(pattern[3:])
        return lambda tv: rx.fullmatch(tv.fold) is not None
    if pattern.startswith("="):
        exact = pattern[1:]
        return lambda tv: tv.text == exact
    if pattern.startswith("~"):
        target = stem(pattern[1:], lang)
        return lambda tv: tv.stem == target
    if pattern.endswith("*") and len(pattern) > 1:
        prefix = fold(pattern[:-1])
        return lambda tv: tv.fold.startswith(prefix)
    exact = fold(pattern)
    return lambda tv: tv.fold == exact


def split_phrase(phrase: str) -> list[str]:
    """Patterns of a phrase. Plain words are tokenised like text (``به‌طور`` stays one)."""
    out: list[str] = []
    for part in phrase.split():
        if part.startswith(("re:", "=", "~")) or part.endswith("*") or len(part) == 1:
            out.append(part)
        else:
            toks = [t.text for t in tokenize(part)]
            out.extend(toks or [part])
    return out


@dataclass(frozen=True)
class PhraseMatch(Generic[V]):
    start: int  # index of the first token (in the token list)
    end: int  # one past the last token
    value: V
    phrase: str


class PhraseSet(Generic[V]):
    """Phrases with values; :meth:`find` returns longest, leftmost, non-overlapping matches.

    Entries are bucketed by their first pattern (exact fold, stem, prefix, case-sensitive
    text; regular expressions are always tried), so a lookup costs a few dict probes.
    """

    def __init__(self, entries: Iterable[tuple[str, V]], lang: str) -> None:
        self.lang = lang
        self._n = 0
        self._exact: dict[str, list[tuple[int, list[Matcher], V, str]]] = {}
        self._stem: dict[str, list[tuple[int, list[Matcher], V, str]]] = {}
        self._prefix: dict[str, list[tuple[int, list[Matcher], V, str]]] = {}
        self._case: dict[str, list[tuple[int, list[Matcher], V, str]]] = {}
        self._other: list[tuple[int, list[Matcher], V, str]] = []
        for phrase, value in entries:
            pats = split_phrase(phrase)
            if not pats:
                continue
            entry = (self._n, [compile_pattern(p, lang) for p in pats], value, phrase)
            self._n += 1
            first = pats[0]
            if first.startswith("re:"):
                self._other.append(entry)
            elif first.startswith("="):
                self._case.setdefault(first[1:], []).append(entry)
            elif first.startswith("~"):
                self._stem.setdefault(stem(first[1:], lang), []).append(entry)
            elif first.endswith("*") and len(first) > 1:
                self._prefix.setdefault(fold(first[:-1]), []).append(entry)
            else:
                self._exact.setdefault(fold(first), []).append(entry)
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        # a word's candidates depend on its forms only; texts repeat words a lot
        self._seen: dict[tuple[str, str, str], list[tuple[int, list[Matcher], V, str]]] = {}

    def __bool__(self) -> bool:
        return self._n > 0

    def _candidates(self, tv: TokenView) -> list[tuple[int, list[Matcher], V, str]]:
        key = (tv.fold, tv.stem, tv.text)
        hit = self._seen.get(key)
        if hit is None:
            if len(self._seen) > 100_000:
                self._seen.clear()
            hit = self._seen[key] = self._lookup(tv)
        return hit

    def _lookup(self, tv: TokenView) -> list[tuple[int, list[Matcher], V, str]]:
        out = list(self._other)
        out += self._exact.get(tv.fold, ())
        out += self._stem.get(tv.stem, ())
        out += self._case.get(tv.text, ())
        for n in self._prefix_lengths:
            if n > len(tv.fold):
                break
            out += self._prefix.get(tv.fold[:n], ())
        # longest phrases first, then file order
        out.sort(key=lambda e: (-len(e[1]), e[0]))
        return out

    def match_at(self, tvs: Sequence[TokenView], i: int) -> PhraseMatch[V] | None:
        if i >= len(tvs) or not tvs[i].token.is_content:
            return None
        for _, pats, value, phrase in self._candidates(tvs[i]):
            n = len(pats)
            if i + n > len(tvs):
                continue
            ok = True
            for k in range(n):
                tv = tvs[i + k]
                if not tv.token.is_content or not pats[k](tv):
                    ok = False
                    break
            if ok:
                return PhraseMatch(tvs[i].token.index, tvs[i + n - 1].token.index + 1, value,
                                   phrase)
        return None

    def find(self, tvs: Sequence[TokenView]) -> list[PhraseMatch[V]]:
        out: list[PhraseMatch[V]] = []
        i = 0
        while i < len(tvs):
            m = self.match_at(tvs, i)
            if m is None:
                i += 1
                continue
            out.append(m)
            i += m.end - m.start
        return out



@cache
def stopwords(lang: str) -> frozenset[str]:
    data = load_data("stopwords.json")
    return frozenset(fold(w) for w in data.get(lang, ()))


@cache
def weak_words(lang: str) -> frozenset[str]:
    data = load_data("stopwords.json")["weak"]
    return frozenset(fold(w) for w in data.get(lang, ()))


@cache
def clause_breaks(lang: str) -> frozenset[str]:
    data = load_data("lexicon.json")["clause_breaks"]
    return frozenset(fold(w) for w in data.get(lang, ()))


#: Languages with full word lists; others get the language-independent checks only.
SUPPORTED_LANGS = ("en", "ru", "ka", "fa")
