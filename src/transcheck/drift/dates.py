"""Dates in four languages: months, weekdays, days of the month, years, relative dates.

A :class:`DateExpr` is a run of calendar tokens (``Monday, 10 January 2022``,
``десятого января``, ``26 ოქტომბერს``, ``هفته آینده``) with its parts normalised:
``month`` 1-12, ``solar_month`` 1-12 (Persian calendar, never compared with Gregorian
months), ``weekday`` 1-7 (Monday = 1), ``day`` 1-31, ``year``, ``rel`` (``week:+1`` for
"next week") and ``season`` 1-4 (winter = 1). Four-digit numbers from 1000 to 2199 are
years; a number is a day of the month only next to a month name (digits or, in Russian and
English, ordinal words such as ``двадцать первого``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .lexicon import PhraseSet, TokenView, load_data
from .numbers import RU_WORDS
from .tokens import ascii_digits, digits_of

_RU_ORD_STEMS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
}
_RU_ORD_RE = re.compile(
    r"(" + "|".join(sorted(_RU_ORD_STEMS, key=len, reverse=True)) + r")"
    r"(ый|ой|ий|ого|его|ое|ее|ье|ом|ем|ому|ему|ая|ья|ую|ью|ые|ых|ьего|ьему|ьем|ьей)"
)
_EN_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
           "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
           "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
           "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
           "thirtieth": 30}
_DMY_RE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{2,4})")
#: Tokens allowed between the parts of one date ("10 of January", "Monday, 10 January").
_GLUE = {"of", "the", ",", "-", "–", "года", "год", "году", "წლის", "წელს", "سال", "ماه",
         "on", "in", "в", "سالِ"}


@dataclass
class DateExpr:
    start: int  # first token index
    end: int  # one past the last token
    parts: dict[str, object] = field(default_factory=dict)
    text: str = ""


@cache
def _lexicon(lang: str) -> dict[str, PhraseSet[object]]:
    data = load_data("dates.json")
    out: dict[str, PhraseSet[object]] = {}
    out["month"] = PhraseSet([(p, k + 1) for k, ps in enumerate(data["months"].get(lang, ()))
                              for p in ps], lang)
    out["solar_month"] = PhraseSet(
        [(p, k + 1) for k, ps in enumerate(data["solar_months"]) for p in ps]
        if lang == "fa" else [], lang)
    out["weekday"] = PhraseSet([(p, k + 1) for k, ps in
                                enumerate(data["weekdays"].get(lang, ())) for p in ps], lang)
    out["rel"] = PhraseSet([(p, key) for key, ps in data["relative"].get(lang, {}).items()
                            for p in ps], lang)
    out["season"] = PhraseSet([(p, k + 1) for k, ps in enumerate(data["seasons"].get(lang, ()))
                               for p in ps], lang)
    out["idiom"] = PhraseSet([(p, None) for p in data["idioms"].get(lang, ())], lang)
    return out


@cache
def _ambiguous(lang: str) -> frozenset[str]:
    from .normalize import fold

    return frozenset(fold(w) for w in load_data("dates.json")["ambiguous"].get(lang, ()))


def _ordinal_day(views_: list[TokenView], i: int, lang: str) -> tuple[int, int] | None:
    """(day, first token) of an ordinal day word ending at token ``i`` (ru/en)."""
    f = views_[i].fold
    if lang == "ru":
        m = _RU_ORD_RE.fullmatch(f)
        if not m:
            return None
        v = _RU_ORD_STEMS[m.group(1)]
        if v < 10 and i >= 1 and views_[i - 1].fold in ("двадцать", "тридцать"):
            return RU_WORDS[views_[i - 1].fold] + v, i - 1  # type: ignore[return-value]
        return v, i
    if lang == "en":
        if "-" in f:
            head, _, tail = f.partition("-")
            hv = {"twenty": 20, "thirty": 30}.get(head)
            if hv and tail in _EN_ORD and _EN_ORD[tail] < 10:
                return hv + _EN_ORD[tail], i
            return None
        if f in _EN_ORD:
            return _EN_ORD[f], i
    return None


def _day_number(views_: list[TokenView], i: int) -> int | None:
    tv = views_[i]
    if tv.token.kind != "number":
        return None
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th|-?го|-?е|-ე|-ого)?", ascii_digits(tv.fold))
    if not m:
        return None
    v = int(digits_of(m.group(1)) or "0")
    return v if 1 <= v <= 31 else None


def _year(tv: TokenView) -> int | None:
    if tv.token.kind != "number":
        return None
    m = re.fullmatch(r"(\d{4})(?:-?[^\W\d_]+)?", ascii_digits(tv.fold))
    if not m:
        return None
    v = int(digits_of(m.group(1)))
    return v if 1000 <= v <= 2199 else None


def find_dates(views_: list[TokenView], lang: str) -> list[DateExpr]:
    """Every date expression, in text order."""
    lex = _lexicon(lang)
    n = len(views_)
    marks: dict[int, tuple[str, object, int]] = {}  # token -> (kind, value, end)
    i = 0
    while i < n:
        tv = views_[i]
        if not tv.token.is_content:
            i += 1
            continue
        dmy = _DMY_RE.fullmatch(ascii_digits(tv.fold))
        if tv.token.kind == "number" and dmy:
            d, mth, y = (int(x) for x in dmy.groups())
            if 1 <= d <= 31 and 1 <= mth <= 12:
                marks[i] = ("dmy", (d, mth, y if y > 99 else 2000 + y), i + 1)
                i += 1
                continue
        idiom = lex["idiom"].match_at(views_, i)
        if idiom is not None:
            i = idiom.end
            continue
        hit = None
        for kind in ("rel", "month", "solar_month", "weekday", "season"):
            m = lex[kind].match_at(views_, i)
            if m is not None and (hit is None or m.end > hit[2]):
                hit = (kind, m.value, m.end)
        if hit is not None:
            marks[i] = hit
            i = hit[2]
            continue
        y = _year(tv)
        if y is not None:
            marks[i] = ("year", y, i + 1)
        i += 1
    # ambiguous month and day words count only next to a number (English: capitalised)
    for i, (kind, _value, end) in list(marks.items()):
        if kind not in ("month", "solar_month", "weekday", "season"):
            continue
        f = views_[i].fold
        if lang == "en" and kind in ("month", "weekday") and not views_[i].text[:1].isupper():
            del marks[i]
            continue
        if f in _ambiguous(lang) or (lang == "en" and kind == "month" and i == 0):
            near = [k for k in (i - 2, i - 1, end, end + 1) if 0 <= k < n]
            if not any(views_[k].token.kind == "number" for k in near) and not (
                    lang == "fa" and end < n and views_[end].fold == "ماه"):
                del marks[i]
    return _build(views_, marks, lang)


def _skip_glue(views_: list[TokenView], k: int, step: int) -> int:
    while 0 <= k < len(views_) and views_[k].fold in _GLUE:
        k += step
    return k


def _build(views_: list[TokenView], marks: dict[int, tuple[str, object, int]], lang: str
           ) -> list[DateExpr]:
    """One expression per month (with its day, year and weekday); the rest stand alone."""
    n = len(views_)
    out: list[DateExpr] = []
    used: set[int] = set()
    for i in sorted(marks):
        kind, value, end = marks[i]
        if kind not in ("month", "solar_month"):
            continue
        e = DateExpr(i, end, {kind: value})
        for k in (i - 1, i - 2, end, end + 1):  # the day: next to the month
            if not 0 <= k < n or k in marks:
                continue
            if k in (i - 2, end + 1) and views_[i - 1 if k == i - 2 else end].fold not in _GLUE:
                continue
            d, first = _day_number(views_, k), k
            if d is None and k < i:
                od = _ordinal_day(views_, k, lang)
                if od is not None:
                    d, first = od
            if d is not None:
                e.parts["day"] = d
                e.start, e.end = min(e.start, first), max(e.end, k + 1)
                break
        k = _skip_glue(views_, e.end, 1)
        if k in marks and marks[k][0] == "year" and k not in used:
            e.parts["year"] = marks[k][1]
            e.end = marks[k][2]
            used.add(k)
        k = _skip_glue(views_, e.start - 1, -1)
        if k in marks and marks[k][0] == "weekday" and k not in used:
            e.parts["weekday"] = marks[k][1]
            e.start = k
            used.add(k)
        used.add(i)
        out.append(e)
    for i in sorted(marks):
        if i in used:
            continue
        kind, value, end = marks[i]
        if kind == "dmy":
            d, mth, y = value  # type: ignore[misc]
            out.append(DateExpr(i, end, {"day": d, "month": mth, "year": y}))
        else:
            out.append(DateExpr(i, end, {kind: value}))
    out.sort(key=lambda d: d.start)
    for d in out:
        d.text = " ".join(v.text for v in views_[d.start:d.end] if v.token.kind != "punct")
    return out


def date_tokens(exprs: list[DateExpr]) -> set[int]:
    return {k for d in exprs for k in range(d.start, d.end)}


__all__ = ["DateExpr", "date_tokens", "find_dates"]
