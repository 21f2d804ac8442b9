"""Name the outlet of an article: metadata first, then the dateline, then the file name."""

from __future__ import annotations

import re
from pathlib import PurePath

#: Outlets whose names appear in datelines and credits; the key is what we print.
KNOWN_OUTLETS = {
    "sputnik": "Sputnik", "tass": "TASS", "yjc": "YJC", "ria novosti": "RIA Novosti",
    "ria": "RIA Novosti", "interfax": "Interfax", "reuters": "Reuters", "ap": "AP",
    "afp": "AFP", "irna": "IRNA", "isna": "ISNA", "mehr": "Mehr", "tasnim": "Tasnim",
    "civil.ge": "Civil.ge", "republic world": "Republic World", "republicworld": "Republic World",
    "rt": "RT", "bbc": "BBC", "cnn": "CNN", "kommersant": "Kommersant", "izvestia": "Izvestia",
    "тасс": "TASS", "риа новости": "RIA Novosti", "интерфакс": "Interfax",
    "باشگاه خبرنگاران جوان": "YJC", "ایرنا": "IRNA", "ისნა": "ISNA",
}

_HEAD = 800  # datelines sit at the top of the text

_PATTERNS = [
    # MOSCOW/GENEVA (Sputnik) - ...   Sunday, 9 January 2022 (YJC)_ ...   LONDON (Reuters) -
    re.compile(r"\(([^()\n]{2,30})\)\s*[-–—_:]"),
    # MOSCOW, January 13. /TASS/.
    re.compile(r"/\s*([A-ZА-ЯЁ][\w.\- ]{1,20}?)\s*/\s*\."),
    # МОСКВА, 10 янв — РИА Новости.
    re.compile(r"[—–-]\s*(РИА Новости|ТАСС|Интерфакс)\b"),
]


def outlet_from_text(text: str) -> str | None:
    head = text[:_HEAD]
    for pattern in _PATTERNS:
        for m in pattern.finditer(head):
            name = m.group(1).strip()
            known = KNOWN_OUTLETS.get(name.casefold())
            if known:
                return known
            if pattern is not _PATTERNS[0] and name.isupper():
                return name
            line_start = head.rfind("\n", 0, m.start()) + 1
            words = name.split()
            if (pattern is _PATTERNS[0] and m.start() - line_start <= 40 and len(words) <= 4
                    and all(w[:1].isupper() for w in words)):
                return name  # a dateline: "MOSCOW, January 11 (Northwire) - ..."
    return None


def outlet_from_path(path: str) -> str:
    return PurePath(path).stem or path


def outlet_from_metadata(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    return KNOWN_OUTLETS.get(value.casefold(), value)


def name_outlet(*, metadata: str | None, text: str, path: str) -> str:
    return outlet_from_metadata(metadata) or outlet_from_text(text) or outlet_from_path(path)
