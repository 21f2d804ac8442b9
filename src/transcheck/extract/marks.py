"""Find quoted spans by their marks, in every common style, nested and mixed.

The scanner keeps a stack of open marks per paragraph. Only outermost quotes are
reported (inner ones stay inside the text). A quote may run over several paragraphs
when each continuing paragraph opens with the same mark; one that never closes is cut
at the end of its sentence and flagged, so a stray mark never swallows an article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: opening mark -> marks that may close it
PAIRS: dict[str, str] = {
    "“": "”",
    '"': '"',
    "‘": "’",
    "'": "'",
    "«": "»",
    "„": "“”",
    "‚": "‘’",
    "‹": "›",
    "「": "」",
    "『": "』",
    "《": "》",
    "〈": "〉",
    "＂": "＂",
}
OPENERS = frozenset(PAIRS)
CLOSERS = frozenset("".join(PAIRS.values()))
#: Marks that are also apostrophes or are used both ways.
_MARK_RE = re.compile("[" + re.escape("".join(sorted(OPENERS | CLOSERS))) + "]")
_SYMMETRIC = frozenset({'"', "'", "＂"})
_APOSTROPHE_LIKE = frozenset({"'", "’", "‘"})
_OPEN_BEFORE = frozenset("([{<—–-/:;,") | frozenset(PAIRS) | frozenset("«‹“„‚")

_SENTENCE_END = re.compile(r"[.!?…。؟](?=\s+\S|$)")


@dataclass(frozen=True)
class MarkedQuote:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark; None if it never closed
    start: int  # first character of the text (after mark and spaces)
    end: int  # one past the last character of the text
    mark: str
    multi_paragraph: bool = False

    @property
    def unclosed(self) -> bool:
        return self.close is None


def _cat(ch: str) -> str:
    return unicodedata.category(ch) if ch else "Zs"


def _is_word(ch: str) -> bool:
    return bool(ch) and (_cat(ch)[0] in "LN" or _cat(ch) == "Mn")


def _can_open(text: str, i: int, lo: int) -> bool:
    c = text[i]
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt == "\n":
        return False
    if c in _APOSTROPHE_LIKE or c in _SYMMETRIC:
        if nxt.isspace():
            return False
        # an apostrophe-like mark opens only after a space or opening punctuation
        return prev == "" or prev.isspace() or prev in _OPEN_BEFORE
    return True


def _can_close(text: str, i: int, hi: int) -> bool:
    c = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if c in _APOSTROPHE_LIKE or c in _SYMMETRIC:
        if _is_word(prev) and _is_word(nxt):
            return False  # Washington’s, won’t, it's
        if prev.isspace() and nxt and not nxt.isspace() and c in _SYMMETRIC:
            return False  # looks like an opener
        return not _is_word(nxt)
    return True


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _sentence_cut(text: str, start: int, hi: int) -> int:
    """End of the sentence that begins at ``start``, or the next opening mark, or ``hi``."""
    m = _SENTENCE_END.search(text, start, hi)
    cut = m.end() if m else hi
    for j in range(start, cut):
        if text[j] in OPENERS and text[j] not in _APOSTROPHE_LIKE and j > start:
            return j
    return cut


def scan_paragraph(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Closed outermost quotes as (open, close, mark), and the positions of marks left open."""
    closed: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    for found in _MARK_RE.finditer(text, lo, hi):  # every other character is left alone
        i = found.start()
        c = text[i]
        handled = False
        if stack and c in CLOSERS:
            # close the innermost open mark this character can close
            for k in range(len(stack) - 1, -1, -1):
                pos, mark = stack[k]
                if c in PAIRS[mark] and _can_close(text, i, hi):
                    del stack[k:]
                    if not stack:
                        closed.append((pos, i, mark))
                    handled = True
                    break
        if not handled and c in OPENERS and _can_open(text, i, lo):
            stack.append((i, c))
    return closed, [pos for pos, _ in stack]


def find_marked(text: str, paragraphs: list[tuple[int, int]]) -> list[MarkedQuote]:
    """Outermost marked quotes over the given paragraphs (already free of furniture)."""
    out: list[MarkedQuote] = []
    idx = 0
    while idx < len(paragraphs):
        lo, hi = paragraphs[idx]
        closed, left_open = scan_paragraph(text, lo, hi)
        for o, c, mark in closed:
            s, e = _trim(text, o + 1, c)
            if e > s:
                out.append(MarkedQuote(o, c, s, e, mark))
        if left_open:
            first = left_open[0]
            mark = text[first]
            # a multi-paragraph quote: every following paragraph reopens with the same mark
            j = idx + 1
            end_close: int | None = None
            while j < len(paragraphs) and text[paragraphs[j][0]] == mark:
                plo, phi = paragraphs[j]
                sub_closed, sub_open = scan_paragraph(text, plo, phi)
                if not sub_open and sub_closed and sub_closed[-1][0] == plo:
                    end_close = sub_closed[-1][1]
                    break
                if not sub_open or sub_open[0] != plo:
                    break
                j += 1
            if end_close is not None and j > idx:
                s, e = _trim(text, first + 1, end_close)
                out = [q for q in out if not (first < q.open < end_close)]
                out.append(MarkedQuote(first, end_close, s, e, mark, multi_paragraph=True))
                idx = j + 1
                continue
            # never closes: rescan after the stray mark so that later quotes survive
            s0 = first + 1
            cut = _sentence_cut(text, s0, hi)
            s, e = _trim(text, s0, cut)
            if e > s:
                out.append(MarkedQuote(first, None, s, e, mark))
            rest_closed, _ = scan_paragraph(text, first + 1, hi)
            known = {q.open for q in out}
            for o, c, m2 in rest_closed:
                if o not in known and o >= cut:
                    s2, e2 = _trim(text, o + 1, c)
                    if e2 > s2:
                        out.append(MarkedQuote(o, c, s2, e2, m2))
        idx += 1
    out.sort(key=lambda q: q.open)
    return out
