"""Page furniture that scrapers leave in article text, and verbatim repeats.

We never remove anything from the text (offsets must slice it exactly); we return the
spans that later stages must treat as non-prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FURNITURE = [
    r"advertisement", r"реклама", r"რეკლამა", r"تبلیغات",
    r"back to top( button)?", r"all news", r"/?\s*subscribe", r"share( this( article)?)?",
    r"also read:?.*", r"read (more|also):?.*", r"related( news| stories)?:?.*",
    r"this (post|article) is also available in:.*",
    r"(image|photo|picture|video|source|credit)s?\s*:.*",
    r"reported by:.*", r"written by:.*", r"edited by:.*",
    r"©.*", r"\(c\)\s.*",
    r"(updated|published|last updated)( on)?:? .{0,60}\d{4}.*",
    r"\d{1,2}:\d{2}( [A-Z]{2,4})? \d{1,2}\.\d{1,2}\.\d{4}.*",
    r"follow us on.*", r"click here.*", r"sign up.*newsletter.*",
    r"читайте также:?.*", r"фото:.*", r"подписывайтесь.*",
    r"ასევე წაიკითხეთ:?.*", r"ფოტო:.*",
    r"بیشتر بخوانید:?.*", r"عکس:.*", r"انتهای پیام",
]
_FURNITURE_RE = re.compile(r"^\s*(?:" + "|".join(_FURNITURE) + r")\s*$", re.IGNORECASE)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of non-blank lines, trimmed; a line is a paragraph in scraped news text."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def is_furniture(paragraph: str) -> bool:
    return len(paragraph) < 240 and bool(_FURNITURE_RE.match(paragraph))


def _norm(paragraph: str) -> str:
    return " ".join(paragraph.split()).casefold()


def skipped_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Furniture paragraphs, and every later copy of a paragraph repeated verbatim."""
    seen: set[str] = set()
    out: list[tuple[int, int]] = []
    for s, e in paragraphs(text):
        para = text[s:e]
        if is_furniture(para):
            out.append((s, e))
            continue
        key = _norm(para)
        if len(key) >= 20 and key in seen:
            out.append((s, e))
        seen.add(key)
    return tuple(out)
