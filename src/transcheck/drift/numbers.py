"""Numbers in four languages, normalised to values.

Digits in any script (``20``, ``۲۰``, ``٢٠``, ``1,5``, ``20 000``-free grouping), number words
(``twenty``, ``двадцати``, ``ოცდაერთი``, ``بیست و دو``), multipliers (``million``, ``млн``,
``მილიარდი``, ``میلیارد``), percentages (``80 %``, ``восемьдесят процентов``) and simple
fractions (``one fifth``, ``ერთი მეხუთედი``) become a :class:`Quantity`. Durations are
converted to days (``two weeks`` = ``a fortnight`` = 14 days, ``sixty days`` = ``two months``
with 30-day months) and percentages and fractions to ratios, so that faithful renderings
compare equal.

A bare "one" word (``one``, ``один``, ``ერთი``, ``یک``, also an article or pronoun in these
languages) is *weak*: it counts only when it changed into another number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import PhraseSet, TokenView, load_data
from .tokens import digits_of

EN_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1e3,
    "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12, "hundreds": 100,
    "thousands": 1e3, "millions": 1e6, "billions": 1e9, "mln": 1e6, "bn": 1e9, "mn": 1e6,
}
EN_FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
                "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}

_RU_RAW: dict[str, float] = {
    "один|одна|одно|одного|одной|одному|одним|одном|одну|одни|одних": 1,
    "два|две|двух|двум|двумя": 2, "три|трех|трем|тремя": 3,
    "четыре|четырех|четырем|четырьмя": 4, "пять|пяти|пятью": 5, "шесть|шести|шестью": 6,
    "семь|семи|семью": 7, "восемь|восьми|восемью|восьмью": 8, "девять|девяти|девятью": 9,
    "десять|десяти|десятью": 10, "одиннадцать|одиннадцати": 11, "двенадцать|двенадцати": 12,
    "тринадцать|тринадцати": 13, "четырнадцать|четырнадцати": 14,
    "пятнадцать|пятнадцати": 15, "шестнадцать|шестнадцати": 16,
    "семнадцать|семнадцати": 17, "восемнадцать|восемнадцати": 18,
    "девятнадцать|девятнадцати": 19, "двадцать|двадцати|двадцатью": 20,
    "тридцать|тридцати|тридцатью": 30, "сорок|сорока": 40,
    "пятьдесят|пятидесяти|пятьюдесятью": 50, "шестьдесят|шестидесяти|шестьюдесятью": 60,
    "семьдесят|семидесяти|семьюдесятью": 70, "восемьдесят|восьмидесяти|восемьюдесятью": 80,
    "девяносто|девяноста": 90, "сто|ста": 100, "двести|двухсот|двумстам": 200,
    "триста|трехсот|тремстам": 300, "четыреста|четырехсот": 400, "пятьсот|пятисот": 500,
    "шестьсот|шестисот": 600, "семьсот|семисот": 700, "восемьсот|восьмисот": 800,
    "девятьсот|девятисот": 900,
    "тысяча|тысячи|тысяч|тысячу|тысячей|тысячам|тысячами|тысячах|тыс": 1e3,
    "миллион|миллиона|миллионов|миллиону|миллионом|миллионам|миллионами|млн": 1e6,
    "миллиард|миллиарда|миллиардов|миллиарду|миллиардом|миллиардам|миллиардами|млрд": 1e9,
    "триллион|триллиона|триллионов|трлн": 1e12,
}
RU_WORDS: dict[str, float] = {w: v for k, v in _RU_RAW.items() for w in k.split("|")}
RU_FRACTIONS = {"половина": 0.5, "половину": 0.5, "половины": 0.5, "треть": 1 / 3,
                "трети": 1 / 3, "третью": 1 / 3, "четверть": 0.25, "четверти": 0.25}

KA_UNITS = {"ერთ": 1, "ორ": 2, "სამ": 3, "ოთხ": 4, "ხუთ": 5, "ექვს": 6, "შვიდ": 7, "რვა": 8,
            "რვ": 8, "ცხრა": 9, "ცხრ": 9, "ათ": 10, "თერთმეტ": 11, "თორმეტ": 12, "ცამეტ": 13,
            "თოთხმეტ": 14, "თხუთმეტ": 15, "თექვსმეტ": 16, "ჩვიდმეტ": 17, "თვრამეტ": 18,
            "ცხრამეტ": 19}
KA_TENS = {"ოთხმოც": 80, "სამოც": 60, "ორმოც": 40, "ოც": 20}
KA_BIG = {"ას": 100, "ორას": 200, "სამას": 300, "ოთხას": 400, "ხუთას": 500, "ექვსას": 600,
          "შვიდას": 700, "რვაას": 800, "ცხრაას": 900, "ათას": 1e3, "მილიონ": 1e6,
          "მილიარდ": 1e9, "ტრილიონ": 1e12}
KA_FRACTIONS = {"ნახევარ": 0.5, "მესამედ": 1 / 3, "მეოთხედ": 0.25, "მეხუთედ": 0.2,
                "მეათედ": 0.1}
_KA_ENDINGS = sorted(("", "ი", "ის", "ს", "ით", "ად", "მა", "ზე", "ში", "დან", "იდან", "ამდე",
                      "თან", "ისთვის", "იანი"), key=len, reverse=True)

FA_WORDS: dict[str, float] = {
    "صفر": 0, "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7,
    "هشت": 8, "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14,
    "پانزده": 15, "پونزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18,
    "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70,
    "هشتاد": 80, "نود": 90, "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300,
    "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
    "هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9, "بیلیون": 1e9, "تریلیون": 1e12,
}
FA_FRACTIONS = {"نصف": 0.5, "نیم": 0.5, "یکسوم": 1 / 3, "یکچهارم": 0.25, "ربع": 0.25,
                "یکپنجم": 0.2, "یکدهم": 0.1}

#: Words meaning "one" that are also articles or pronouns: weak evidence of a number.
ONE_WORDS = {"one", "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном",
             "одну", "یک", "a", "an"}
CONNECTORS = {"en": {"and", "-"}, "ru": set(), "ka": set(), "fa": {"و"}}
_DIGIT_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "млн": 1e6,
                 "млрд": 1e9, "тыс": 1e3}


@dataclass(frozen=True)
class Quantity:
    """A number found in a rendering: tokens ``start..end-1``, normalised value and unit."""

    start: int
    end: int
    value: float
    dim: str | None  # None, "days" or "ratio"
    strong: bool
    text: str

    def same_as(self, other: Quantity) -> bool:
        if self.dim and other.dim and self.dim != other.dim:
            return False
        x, y = self.value, other.value
        if self.dim != other.dim and (self.dim == "ratio" or other.dim == "ratio"):
            # "20 percent" vs a bare "20": compare the number as written
            x = x * 100 if self.dim == "ratio" else x
            y = y * 100 if other.dim == "ratio" else y
        return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))

    def label(self) -> str:
        v = self.value
        if self.dim == "ratio":
            return f"{v * 100:g}%"
        if self.dim == "days":
            return f"{v:g} days"
        return f"{v:g}"


def _ka_word(fold: str) -> tuple[float, str] | None:
    for end in _KA_ENDINGS:
        if end and not fold.endswith(end):
            continue
        core = fold[: len(fold) - len(end)] if end else fold
        if not core:
            continue
        if core in KA_BIG:
            return KA_BIG[core], "big"
        if core in KA_FRACTIONS:
            return KA_FRACTIONS[core], "fraction"
        for tens, tv in KA_TENS.items():
            if core == tens:
                return tv, "tens"
            if core.startswith(tens + "და"):
                rest = core[len(tens) + 2:]
                if rest in KA_UNITS:
                    return tv + KA_UNITS[rest], "tens"
        if core in KA_UNITS:
            return KA_UNITS[core], "unit"
    return None


def word_value(tv: TokenView, lang: str) -> tuple[float, str] | None:
    """(value, role) of a number word; role: unit, tens, big (>= 100), fraction."""
    f = tv.fold
    if lang == "en":
        if f in EN_FRACTIONS:
            return EN_FRACTIONS[f], "fraction"
        if "-" in f:  # twenty-one
            head, _, tail = f.partition("-")
            hv, tv_ = EN_WORDS.get(head), EN_WORDS.get(tail)
            if hv is not None and tv_ is not None and _role(hv) == "tens" and tv_ < 10:
                return hv + tv_, "tens"
            return None
        v = EN_WORDS.get(f)
    elif lang == "ru":
        if f in RU_FRACTIONS:
            return RU_FRACTIONS[f], "fraction"
        v = RU_WORDS.get(f)
    elif lang == "ka":
        return _ka_word(f)
    elif lang == "fa":
        if f in FA_FRACTIONS:
            return FA_FRACTIONS[f], "fraction"
        v = FA_WORDS.get(f)
    else:
        v = None
    if v is None:
        return None
    return v, _role(v)


def _role(v: float) -> str:
    if v >= 100:
        return "big"
    if v >= 20 and v % 10 == 0:
        return "tens"
    return "unit"


def digit_value(text: str) -> tuple[float, float] | None:
    """(value, multiplier from a suffix such as ``bn``) of a number token."""
    d = digits_of(text)
    if not d:
        return None
    try:
        v = float(d) if d.count(".") <= 1 else None
    except ValueError:
        v = None
    if v is None:
        return None
    m = re.match(r"[\d.,\u066b\u066c]+[-\u2010\u2011]?(.*)$", text)
    suffix = (m.group(1) if m else "").casefold()
    return v, _DIGIT_SUFFIX.get(suffix, 1.0)


@cache
def _units(lang: str) -> tuple[PhraseSet[float], PhraseSet[float], PhraseSet[bool]]:
    data = load_data("dates.json")
    tu = data["time_units"]
    units = PhraseSet([(p, float(k)) for k, ps in tu.get(lang, {}).items() for p in ps], lang)
    alone = PhraseSet([(p, float(k)) for k, ps in tu["alone"].get(lang, {}).items() for p in ps],
                      lang)
    pct = PhraseSet([(p, True) for p in data["percent"].get(lang, ())], lang)
    return units, alone, pct


def _compose(values: list[float]) -> float:
    total, cur = 0.0, 0.0
    for v in values:
        if v >= 1000:
            total += (cur or 1.0) * v
            cur = 0.0
        elif v == 100:
            cur = (cur or 1.0) * 100
        else:
            cur += v
    return total + cur


_CAN_FOLLOW = {  # role of the previous part -> roles that may continue the same number
    "digit": {"big"},
    "unit": {"big"},
    "tens": {"unit", "big"},
    "big": {"unit", "tens", "big"},
}


def find_quantities(views_: list[TokenView], lang: str, skip: set[int] | None = None
                    ) -> list[Quantity]:
    """Every number in the token list (``skip``: token indices already used by dates)."""
    skip = skip or set()
    units, alone, pct = _units(lang)
    out: list[Quantity] = []
    n = len(views_)
    i = 0
    conn = CONNECTORS.get(lang, set())
    while i < n:
        tv = views_[i]
        if i in skip or not tv.token.is_content:
            i += 1
            continue
        parts: list[tuple[float, str]] = []
        if tv.token.kind == "number":
            dv = digit_value(tv.text)
            if dv is None:
                i += 1
                continue
            parts.append((dv[0], "digit"))
            if dv[1] != 1.0:
                parts.append((dv[1], "big"))
        else:
            wv = word_value(tv, lang)
            if wv is None:
                am = alone.match_at(views_, i)
                if am is not None:
                    out.append(Quantity(i, am.end, am.value, "days", True,
                                        _text(views_, i, am.end)))
                    i = am.end
                    continue
                i += 1
                continue
            if wv[1] == "fraction":  # "half", "a third": only after a number (below)
                i += 1
                continue
            if lang == "fa" and tv.fold == "نه" and not _fa_nine_is_number(views_, i, lang):
                i += 1
                continue
            parts.append(wv)
        j = i + 1
        while j < n and j not in skip:
            nv = views_[j]
            k = j
            if nv.fold in conn and k + 1 < n and views_[k + 1].token.is_content:
                k += 1
                nv = views_[k]
            if not nv.token.is_content or nv.token.kind == "number":
                break
            wv = word_value(nv, lang)
            if wv is None or wv[1] == "fraction" or wv[1] not in _CAN_FOLLOW[parts[-1][1]]:
                break
            parts.append(wv)
            j = k + 1
        value = _compose([v for v, _ in parts])
        dim: str | None = None
        end = j
        strong = not (len(parts) == 1 and parts[0][1] != "digit"
                      and views_[i].fold in ONE_WORDS) and not (
            lang == "ka" and len(parts) == 1 and views_[i].fold.startswith("ერთ"))
        # what follows: a fraction, a percent sign or word, or a time unit
        if end < n and views_[end].token.text in ("%", "٪"):
            dim, value, end = "ratio", value / 100, end + 1
        elif end < n:
            fv = word_value(views_[end], lang) if views_[end].token.is_content else None
            if fv is not None and fv[1] == "fraction":
                dim, value, end, strong = "ratio", value * fv[0], end + 1, True
            else:
                pm = pct.match_at(views_, end)
                if pm is not None:
                    dim, value, end = "ratio", value / 100, pm.end
                else:
                    um = units.match_at(views_, end)
                    if um is not None:
                        dim, value, end = "days", value * um.value, um.end
        out.append(Quantity(i, end, value, dim, strong, _text(views_, i, end)))
        i = max(end, i + 1)
    return out


def _fa_nine_is_number(views_: list[TokenView], i: int, lang: str) -> bool:
    """Persian نه is "nine" only next to other number words or a unit; else "no/not"."""
    if i + 1 < len(views_):
        nxt = views_[i + 1]
        wv = word_value(nxt, lang) if nxt.token.is_content else None
        if wv is not None and wv[1] in ("big", "fraction"):
            return True
        units, _, pct = _units(lang)
        if units.match_at(views_, i + 1) or pct.match_at(views_, i + 1):
            return True
    if i >= 2 and views_[i - 1].fold == "و":
        wv = word_value(views_[i - 2], lang)
        if wv is not None:
            return True
    return False


def _text(views_: list[TokenView], i: int, end: int) -> str:
    return " ".join(v.text for v in views_[i:end])
