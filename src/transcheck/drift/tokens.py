"""Word tokenisation with character offsets for English, Russian, Georgian and Persian.

One regular expression over Unicode word characters, so the same code serves every
script:

* a *word* is a run of letters, combining marks and digits that starts with a letter;
  ZWNJ/ZWJ (Persian ``می‌توانیم``, ``تحریم‌ها``), apostrophes (``don't``, ``Russia's``),
  Persian tatweel and single inner hyphens (``anti-Russian``, ``აშშ-ის``, ``из-за``) stay
  inside the word;
* a *number* is a run of decimal digits in any script (ASCII, Persian ``۰-۹``, Arabic-Indic
  ``٠-٩``) with inner ``.`` ``,`` ``٫`` ``٬`` separators and an optional ordinal or case
  suffix (``10th``, ``2022-го``, ``26-ე``);
* a *bracket* is one of ``( ) [ ] { }``; every other visible character is *punctuation*.

Whitespace is never a token. Offsets index the text exactly as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["word", "number", "bracket", "punct"]

ZWNJ = "\u200c"
ZWJ = "\u200d"
_JOINERS = ZWNJ + ZWJ + "\u0640"  # ZWNJ, ZWJ, Arabic tatweel
_MARKS = "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_APOS = "'\u2019\u02bc"
_HYPHEN = "\\-\u2010\u2011"

# A letter (\w minus digits and underscore), then letters/digits/marks/joiners, with single
# inner apostrophes or hyphens between letters.
_LETTER = r"[^\W\d_]"
_WORD_CHAR = rf"(?:[^\W_]|[{_MARKS}{_JOINERS}])"
_WORD = rf"{_LETTER}{_WORD_CHAR}*(?:[{_APOS}{_HYPHEN}]{_LETTER}{_WORD_CHAR}*)*"
_NUMBER = rf"\d+(?:[.,\u066b\u066c]\d+)*(?:[{_HYPHEN}]?{_LETTER}{_WORD_CHAR}*)?"
_BRACKET = r"[()\[\]{}]"
_PUNCT = r"[^\s\w]"

_TOKEN_RE = re.compile(
    rf"(?P<number>{_NUMBER})|(?P<word>{_WORD})|(?P<bracket>{_BRACKET})|(?P<punct>{_PUNCT})"
)
OPEN_BRACKETS = "([{"
CLOSE_BRACKETS = ")]}"


@dataclass(frozen=True)
class Token:
    """One token: ``text == source[start:end]``; ``index`` is its position in the list."""

    index: int
    text: str
    start: int
    end: int
    kind: TokenKind

    @property
    def is_content(self) -> bool:
        """Words and numbers: the tokens alignment and detectors work on."""
        return self.kind in ("word", "number")


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order, with character offsets (language independent)."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        assert kind is not None
        out.append(Token(len(out), m.group(), m.start(), m.end(), kind))  # type: ignore[arg-type]
    return out


_DIGIT_RE = re.compile(r"\d")


def digits_of(token_text: str) -> str:
    """The numeric part of a number token, ASCII digits with ``.`` as decimal point.

    ``1,000`` and ``20 000``-style grouping is removed (a comma or ``٬`` followed by exactly
    three digits groups thousands; otherwise it is a decimal comma, as in Russian ``1,5``).
    """
    m = re.match(r"\d+(?:[.,\u066b\u066c]\d+)*", token_text)
    if not m:
        return ""
    raw = m.group()
    ascii_digits = "".join(str(int(c)) if c.isdigit() else c for c in raw)
    parts = re.split(r"([.,\u066b\u066c])", ascii_digits)
    out = parts[0]
    for sep, chunk in zip(parts[1::2], parts[2::2], strict=True):
        if sep in ",\u066c" and len(chunk) == 3:
            out += chunk
        elif sep == "." and len(chunk) == 3 and out.isdigit() and len(parts) > 3:
            out += chunk  # 1.000.000
        else:
            out += "." + chunk
    return out


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit (any script) replaced by its ASCII digit."""
    return "".join(str(int(c)) if c.isdecimal() else c for c in text)


def has_digit(text: str) -> bool:
    return bool(_DIGIT_RE.search(text))
