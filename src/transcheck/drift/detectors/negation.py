"""Negation flipped: a clause negated on one side and not on the other.

Markers per language come from ``data/lexicon.json`` (``not``, ``n't``, ``never``, ``не``,
``нет``, ``არ``, ``ვერ``, ``نه``, ``نیست``...) plus the Persian verbal prefix: ``نمی‌``,
``نخواه``, and ``ن`` before a known present or past verb stem (``نکرد``, ``نشود``,
``ندارد``). Negative pronouns (``никто``, ``არავინ``, ``هیچ``) agree with a verbal
negation in the same clause (negative concord) and then do not count again.

Counts are compared per clause group (:mod:`~transcheck.drift.clauses`), by parity, so
"will not expand" vs "will expand" and, across languages, "не будет расширяться" vs "will
expand" differ. Verbs that negate their complement (``stop``, ``refuse``, ``отказаться``,
``دست کشیدن``) count toward the parity, so "will not expand" = "will stop expanding" and
"will not force us to abandon" = "نخواهند ... کنار گذاشتن". Each unmatched marker on the
side with more negations is reported, with the aligned counterpart of the word it negates
on the other side. "not only" (``не только``,
``نه تنها``, ``არა მხოლოდ``) is not a negation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...types import DriftSpan
from ..align import Alignment, Side
from ..clauses import clause_groups, clause_ids
from ..facts import quantities
from ..lexicon import PhraseSet, TokenView, load_data, stopwords
from .base import Detector, oriented, register, span

_NOT_ONLY = {"en": ("only", "just", "merely"), "ru": ("только", "лишь"),
             "ka": ("მხოლოდ",), "fa": ("تنها", "فقط")}

# Persian present and past verb stems that take the negative prefix ن directly.
_FA_STEMS = (
    "کرد", "کن", "شد", "شو", "دار", "داشت", "بود", "باش", "ده", "داد", "گیر", "گرفت", "رفت",
    "رو", "خواست", "خواه", "توان", "توانست", "گذاشت", "گذار", "کشید", "کش", "یافت", "یاب",
    "زن", "دید", "بین", "گفت", "گو", "رسید", "رس", "ماند", "مان", "پذیرفت", "پذیر", "ساخت",
    "ساز", "برد", "آورد", "دان", "دانست", "خورد", "خور", "نشست", "نشین", "پرداخت", "پرداز",
    "فرستاد", "فرست", "گشت", "گرد", "شناخت", "شناس", "کاست", "کاه", "افزود", "افزا", "گذشت",
    "گذر", "ایستاد", "ایست", "نمود", "نما", "شکست", "شکن", "بست", "بند", "خرید", "فروخت",
    "فروش", "ترسید", "ترس", "کوشید", "کوش", "رساند", "رسان", "کاشت", "پوشید", "پوش",
    "آمد", "آی", "آورد", "آور", "آموخت", "آموز",
)
_FA_ENDINGS = ("", "م", "ی", "د", "یم", "ید", "ند", "ه", "ن", "ست", "یده", "ده", "ه‌اند",
               "هاند", "ه‌ایم", "هایم", "ه‌است", "هاست")
_FA_NOT_VERBS = {"نبرد", "نزد", "نشان", "نشانه", "نشست", "نماد", "نمود", "نما", "نرم", "نبض",
                 "نکته", "نسبت", "نشر", "نمایش", "ندا", "نیاز", "نیرو", "نیروی"}


def fa_negated_verb(fold: str) -> bool:
    """Persian verb with the negative prefix: نمی‌خواهیم, نخواهد, نکرد, نیامد, ندارد."""
    if fold in _FA_NOT_VERBS or len(fold) < 3 or not fold.startswith("ن"):
        return False
    rest = fold[1:]
    if rest.startswith(("می", "خواه")):
        return len(rest) > 2
    if rest.startswith("یا"):  # نیامد, نیاورد: ن + ی + آ (folded to ا)
        rest = "ا" + rest[2:]
    return any(rest == st + end for st in _fa_stems() for end in _FA_ENDINGS)


@cache
def _fa_stems() -> tuple[str, ...]:
    from ..normalize import fold

    return tuple(fold(s) for s in _FA_STEMS)


@dataclass(frozen=True)
class Marker:
    start: int  # token index of the marker
    end: int  # one past it
    verbal: bool
    head: int  # the token it negates (itself for a prefixed verb)
    text: str
    implicit: bool = False  # a negative verb (stop, refuse): counted, never reported


@cache
def _lexicon(lang: str
             ) -> tuple[PhraseSet[bool], PhraseSet[bool], PhraseSet[bool], PhraseSet[bool]]:
    data = load_data("lexicon.json")["negation"].get(lang, {})
    return (PhraseSet([(p, True) for p in data.get("verbal", ())], lang),
            PhraseSet([(p, False) for p in data.get("concord", ())], lang),
            PhraseSet([(p, True) for p in data.get("implicit", ())], lang),
            PhraseSet([(p, True) for p in data.get("idioms", ())], lang))


def _head(side: Side, k: int) -> int:
    """The word a negation marker at ``k`` negates: the next content word (skipping
    auxiliaries and other markers), at most three words on; else the marker itself."""
    stops = stopwords(side.lang)
    for j in range(k + 1, min(k + 5, len(side.tokens))):
        tv = side.views[j]
        if tv.token.kind == "punct" and tv.text not in "-":
            break
        if tv.token.is_content and tv.fold not in stops:
            return j
    return k


def markers(al: Alignment, which: str) -> list[Marker]:
    # a fact of the text alone: kept with the text, for every pair it is in
    side = al.side(which)
    return side.memo("negation", lambda: _markers(al, which, side))


def _markers(al: Alignment, which: str, side: Side) -> list[Marker]:
    verbal, concord, implicit, idioms = _lexicon(side.lang)
    idiom_tokens = {k for m in idioms.find(side.views) for k in range(m.start, m.end)}
    nines = {q.start for q in quantities(al, which)}  # Persian نه as "nine"
    not_only = _NOT_ONLY.get(side.lang, ())
    out: list[Marker] = []
    vs: list[TokenView] = side.views
    i = 0
    while i < len(vs):
        tv = vs[i]
        if not tv.token.is_content or i in nines:
            i += 1
            continue
        m = verbal.match_at(vs, i) or concord.match_at(vs, i)
        if m is not None:
            nxt = vs[m.end] if m.end < len(vs) else None
            if nxt is not None and nxt.fold in not_only:
                i = m.end + 1
                continue
            whole_verb = side.lang == "fa" and m.end - i == 1 and len(tv.fold) > 4
            head = i if whole_verb else _head(side, m.end - 1)
            out.append(Marker(i, m.end, m.value, head, side.slice(
                side.tokens[i].start, side.tokens[m.end - 1].end)))
            i = m.end
            continue
        if side.lang == "fa" and fa_negated_verb(tv.fold):
            out.append(Marker(i, i + 1, True, i, tv.text))
        i += 1
    for m in implicit.find(vs):
        if m.start in idiom_tokens:
            continue
        out.append(Marker(m.start, m.end, True, m.start, side.slice(
            side.tokens[m.start].start, side.tokens[m.end - 1].end), implicit=True))
    out.sort(key=lambda m: (m.start, m.implicit))
    return out


def counted(al: Alignment, which: str) -> list[Marker]:
    """Markers that carry a negation: concord words only in a clause without a verbal one."""
    side = al.side(which)
    ids = clause_ids(side)
    ms = markers(al, which)
    verbal_clauses = {ids[m.start] for m in ms if m.verbal}
    return [m for m in ms if m.verbal or ids[m.start] not in verbal_clauses]


@register
class NegationDetector(Detector):
    type = "negation"
    rank = 10

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        groups, tg = clause_groups(al)
        ca, cb = counted(al, "a"), counted(al, "b")
        out: list[DriftSpan] = []
        for g, grp in enumerate(groups):
            ma = [m for m in ca if tg[("a", m.start)] == g]
            mb = [m for m in cb if tg[("b", m.start)] == g]
            if not grp.two_sided or not _flipped(ma, mb):
                continue
            xa = [m for m in ma if not m.implicit]
            xb = [m for m in mb if not m.implicit]
            if len(xa) == len(xb):  # only a negative verb differs: report the markers
                xa, xb = ma, mb
            which, more, fewer = ("a", xa, xb) if len(xa) > len(xb) else ("b", xb, xa)
            extra = _unmatched(al, which, more, fewer)[: max(len(more) - len(fewer), 1)]
            for m in extra:
                out.append(self._span(al, which, m))
        return out

    @staticmethod
    def _span(al: Alignment, which: str, m: Marker) -> DriftSpan:
        side = al.side(which)
        own = (side.tokens[m.start].start, side.tokens[m.end - 1].end)
        other = al.counterpart_span(which, m.head)
        if other[0] == other[1] and m.head != m.start:
            other = al.counterpart_span(which, m.start, m.end - 1)
        head = side.tokens[m.head].text
        verb = "added" if which == "b" else "dropped"
        what = f"'{m.text}'" + (f" (on '{head}')" if m.head != m.start else "")
        a_r, b_r = oriented(al, which, own, other)
        return span(al, "negation", "high", a_r, b_r, f"negation: {what} {verb}")


def _flipped(ma: list[Marker], mb: list[Marker]) -> bool:
    """Polarity differs: odd vs even negations (a negative verb counts: "will not expand"
    = "will stop expanding"), or two or more explicit negations more on one side."""
    if len(ma) % 2 != len(mb) % 2:
        return True
    ea = sum(not m.implicit for m in ma)
    eb = sum(not m.implicit for m in mb)
    return abs(ea - eb) >= 2 and len(ma) == ea and len(mb) == eb


def _unmatched(al: Alignment, which: str, more: list[Marker], fewer: list[Marker]
               ) -> list[Marker]:
    """Markers of ``more`` with no counterpart in ``fewer`` (nearest first matched away)."""
    left = list(fewer)
    unmatched: list[tuple[float, Marker]] = []
    for m in more:
        targets = set()
        for t in {m.start, m.end - 1, m.head}:
            targets.update(al.partner_indices(which, t))
        best, best_d = None, 1e9
        for f in left:
            span_f = set(range(f.start, f.end)) | {f.head}
            if targets & span_f:
                d = 0.0
            elif targets:
                d = min(abs(t - s) for t in targets for s in span_f)
            else:
                d = 50.0
            if d < best_d:
                best, best_d = f, d
        if best is not None and best_d <= 3:
            left.remove(best)
        else:
            unmatched.append((best_d, m))
    # the least matchable first
    unmatched.sort(key=lambda x: (-x[0], x[1].start))
    if not unmatched:  # counts differ but every marker found a partner: report the last
        return more[len(fewer):]
    return [m for _, m in unmatched]
