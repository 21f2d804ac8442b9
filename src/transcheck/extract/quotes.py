"""From an article to its quotes: marks, block quotes, kinds, and speakers."""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from .. import errors
from ..ingest.furniture import paragraphs
from ..ingest.outlet import KNOWN_OUTLETS
from ..langid import identify
from ..types import UNKNOWN_SPEAKER, Article, Problem, Quote, QuoteKind
from . import lexicon
from .marks import OPENERS, MarkedQuote, find_marked
from .speakers import CUE_RE, Mention, Spans, SpeakerResolver

_ABBREV = re.compile(r"(?:\b[A-Z]|\bU\.S|\bU\.K|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bJan|\bFeb|\bAug|"
                     r"\bSept?|\bOct|\bNov|\bDec|\bNo|\bvs|\be\.g|\bi\.e|\bт\.е|\bт\.д|\bг)$")
_BOUNDARY = re.compile(r"[.!?…؟。](?=[\s\"”»“’)]*\s+\S)")
#: Short scare quotes ("anti-Russian") with nobody behind them are labels, not quotations.
_SCARE_MAX_WORDS = 2
_CLAUSE_SPLIT = re.compile(r"[,،;]")
_TAIL_END = re.compile(r"[\s.!?…»”\"'’)]*$")
_TAIL_DASH = re.compile(r"\s*[,;]?\s*[—–\-]")
_TAIL_SENTENCE = re.compile(r"[\s.!?…]*\s+[A-ZА-ЯЁ]")
_AFTER_CLOSE = re.compile(r"[\s,.\-—–،:]*")
_NEWLINE = re.compile("\n")
_BLOCK_CUE_MAX_WORDS = 25


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    open: int
    close: int
    kind: QuoteKind
    unclosed: bool = False


def _sentence_bounds(text: str, lo: int, hi: int, quotes: list[tuple[int, int]]) -> list[int]:
    """Positions just after each sentence end in [lo, hi), ignoring ends inside quotes."""
    out = [lo]
    for m in _BOUNDARY.finditer(text, lo, hi):
        p = m.start()
        if any(o < p < c for o, c in quotes):
            continue
        if text[p] == "." and _ABBREV.search(text, max(lo, p - 6), p):
            continue
        out.append(m.end())
    out.append(hi)
    return out


def _kind(text: str, q: MarkedQuote, para_lo: int, sent_lo: int) -> QuoteKind:
    """direct: the quote stands as the speaker's sentence; partial: it is built into ours."""
    lead = text[max(sent_lo, para_lo):q.open].rstrip()
    first = text[q.start] if q.start < len(text) else ""
    lower = first.isalpha() and first.islower()
    if not lead or lead.endswith((":", "—", "–", "-")):
        return "partial" if lead and lower else "direct"
    if not lead.endswith((",", "،")):
        return "partial"
    # after a comma: "He told Sputnik, “They…”" and "According to X, “the…”" are direct,
    # "signals, which …, «говорят о …»" and "X’s words, “progress” is far" are not
    clause = _CLAUSE_SPLIT.split(lead[:-1])[-1]
    if lower and not CUE_RE.search(clause):
        return "partial"
    if (not first.isalpha() or not first.isupper()) and not CUE_RE.search(clause):
        return "partial"
    after = (q.close if q.close is not None else q.end) + 1
    tail = text[after:after + 300].split("\n", 1)[0]
    if _TAIL_END.match(tail) or _TAIL_DASH.match(tail) or \
            _TAIL_SENTENCE.match(tail) or CUE_RE.search(tail[:60]):
        return "direct"
    return "partial"


def _cue_in(text: str, lo: int, hi: int, masks: Spans) -> list[int]:
    return [m.start() for m in CUE_RE.finditer(text, lo, hi)
            if not masks.overlaps(m.start(), m.start() + 1)]


def _attribute(text: str, resolver: SpeakerResolver, open_: int, close: int,
               sent_lo: int, sent_hi: int, masks: Spans) -> Mention | None:
    after_lo = close + 1
    after = [m for m in resolver.in_range(after_lo, sent_hi)
             if not masks.overlaps(m.start, m.start + 1)]
    after_cues = _cue_in(text, after_lo, min(sent_hi, after_lo + 90), masks)
    if after and after_cues and _AFTER_CLOSE.match(text[after_lo:after_lo + 4]):
        return min(after, key=lambda m: m.start - after_lo)
    before = [m for m in resolver.in_range(sent_lo, open_)
              if not masks.overlaps(m.start, m.start + 1)]
    if before:
        cues = _cue_in(text, sent_lo, open_, masks)
        if cues:
            return min(before, key=lambda m: (min(abs(m.start - c) for c in cues), open_ - m.end))
        return before[0]
    if after and after_cues:
        return after[0]
    return None


def _is_name_or_label(text: str, q: MarkedQuote, lo: int, hi: int) -> bool:
    """A short quoted name (radio «Комсомольская правда») or label (the „open door“ policy)."""
    inner = text[q.start:q.end]
    if len(inner.split()) > 3 or inner.rstrip()[-1:] in ".!?,…":
        return False
    before = text[max(lo, q.open - 40):q.open].split()
    after = text[(q.close or q.end) + 1:min(hi, (q.close or q.end) + 40)].split()
    if before and before[-1].lower().strip(",").startswith(
            (*lexicon.MEDIUM_NOUNS, *lexicon.ORGANIZATION_NOUNS)):
        return True
    if after and after[0].lower().strip(",.").startswith(
            (*lexicon.LABEL_NOUNS, *lexicon.ORGANIZATION_NOUNS)):
        return True
    folded = inner.casefold()
    return any(folded.startswith(name) for name in _OUTLET_NAMES)


_OUTLET_NAMES = tuple(sorted({k for k in KNOWN_OUTLETS if len(k) > 3} |
                             {"რია ნოვოსტ", "სპუტნიკ", "ტასს", "اسپوتنیک", "تاس", "ریا نووستی"},
                             key=len, reverse=True))


def extract_article(article: Article, *, max_quote_chars: int | None = None
                    ) -> tuple[list[Quote], list[Problem]]:
    """The article's quotes, attributed, and the warnings about them. With
    ``max_quote_chars``, longer quotes are cut (see ``cut_long_quotes``)."""
    text = article.text
    skipped = list(article.skipped)
    skipped_spans = Spans(skipped)
    paras = [(s, e) for s, e in paragraphs(text) if not skipped_spans.overlaps(s, e)]
    marked = find_marked(text, paras)
    opens = [q.open for q in marked]
    problems: list[Problem] = []
    masks = [(q.open, (q.close if q.close is not None else q.end) + 1) for q in marked]
    mask_spans = Spans(masks)
    newlines = [m.start() for m in _NEWLINE.finditer(text)]

    # block quotes: a cue sentence ending in a colon, then an unmarked paragraph
    blocks: list[tuple[int, int, int, int]] = []  # (start, end, cue_lo, cue_hi)
    for (clo, chi), (plo, phi) in zip(paras, paras[1:], strict=False):
        if not text[clo:chi].endswith((":", "：")):
            continue
        clo = _sentence_bounds(text, clo, chi, [])[-2]  # the cue is the last sentence
        cue_line = text[clo:chi]
        if len(cue_line.split()) > _BLOCK_CUE_MAX_WORDS:
            continue
        if not CUE_RE.search(cue_line) or text[plo] in OPENERS:
            continue
        if mask_spans.overlaps(plo, plo + 1):
            continue
        blocks.append((plo, phi, clo, chi))
    block_masks = [(s, e) for s, e, _, _ in blocks]
    resolver = SpeakerResolver(text, masks + block_masks, skipped)

    found: list[tuple[_Found, Mention | None]] = []
    para_of = {}
    for lo, hi in paras:
        para_quotes = marked[bisect.bisect_left(opens, lo):bisect.bisect_left(opens, hi)]
        if not para_quotes:
            continue
        spans = [(q.open, q.close if q.close is not None else q.end) for q in para_quotes]
        bounds = _sentence_bounds(text, lo, hi, spans)
        previous: Mention | None = None
        for q in para_quotes:
            close = q.close if q.close is not None else q.end
            sent_lo = max(b for b in bounds if b <= q.open)
            sent_hi = min((b for b in bounds if b > close), default=hi)
            if q.multi_paragraph:
                nl = text.find("\n", close)
                sent_hi = min(sent_hi, nl if nl >= 0 else len(text))
            if _is_name_or_label(text, q, lo, hi):
                continue
            who = _attribute(text, resolver, q.open, close, sent_lo, max(sent_hi, close + 1),
                             mask_spans)
            if who is None and previous is not None and \
                    not _cue_in(text, sent_lo, sent_hi, mask_spans):
                who = previous  # a further quote in the same paragraph, no new speaker
            kind = _kind(text, q, lo, sent_lo)
            item = _Found(q.start, q.end, q.open, close, kind, q.unclosed)
            words = len(text[q.start:q.end].split())
            if who is None and words <= _SCARE_MAX_WORDS and kind == "partial":
                continue
            found.append((item, who))
            para_of[item.start] = lo
            previous = who or previous
            if q.unclosed:
                line = bisect.bisect_left(newlines, q.open) + 1
                problems.append(Problem(
                    f"{article.path}:{line}", errors.W_UNCLOSED_QUOTE,
                    f"a {q.mark} quote mark never closes; the quote was cut at the end of "
                    "its sentence", "warning"))
    for s, e, clo, chi in blocks:
        mentions = resolver.in_range(clo, chi)
        who = mentions[-1] if mentions else None
        if who is None:
            pronoun = next((m for m in resolver.mentions if clo <= m.start < chi), None)
            who = pronoun if pronoun and pronoun.person else None
        found.append((_Found(s, e, s, e, "block"), who))

    quotes: list[Quote] = []
    for item, who in sorted(found, key=lambda f: f[0].start):
        qtext = text[item.start:item.end]
        k = bisect.bisect_left(newlines, item.start)
        line = k + 1
        col = item.start - (newlines[k - 1] + 1 if k else 0) + 1
        lang = identify(qtext, fallback=article.lang or "und")
        quotes.append(Quote(
            id=f"{article.id}:{item.start}-{item.end}", doc=article.id, outlet=article.outlet,
            lang=lang, speaker=who.person if who and who.person else UNKNOWN_SPEAKER,
            speaker_surface=who.surface if who else "", text=qtext, start=item.start,
            end=item.end, kind=item.kind, line=line, col=col,
            flags=("unclosed",) if item.unclosed else ()))
    if max_quote_chars is not None:
        return cut_long_quotes(article, quotes, problems, max_quote_chars)
    return quotes, problems


#: Problem code of a quote cut at the length limit (``Limits.max_quote_chars``).
W_LONG_QUOTE = errors.W_LONG_QUOTE
#: Where a sentence ends inside a quote: its final mark (and closing brackets or inner
#: quote marks), then a space; a CJK full stop needs no space.
_SENTENCE_END = re.compile(r"[.!?…؟][\"'”»“’)\]]*(?=\s)|。[\"'”»“’」』)\]]*")
_SPACE = re.compile(r"\s+")


def _cut_end(text: str, start: int, limit: int) -> tuple[int, str]:
    """Where to end the kept part of a quote that starts at ``start`` and runs over ``limit``
    characters, and what the cut follows: the last sentence end within the limit, else
    the last word end, each only if it keeps at least half of the limit; else the limit
    itself (never between a letter and its combining marks)."""
    hi, floor = start + limit, start + max(1, limit // 2)
    cut, at = None, "after a sentence"
    for m in _SENTENCE_END.finditer(text, floor, hi + 1):
        if m.end() <= hi:
            cut = m.end()
    if cut is None:
        at = "after a word"
        for m in _SPACE.finditer(text, floor, hi + 1):
            cut = m.start()
    if cut is None:
        at, cut = "at the limit", hi
        while cut > start + 1 and unicodedata.category(text[cut])[0] == "M":
            cut -= 1
    while cut > start + 1 and text[cut - 1].isspace():
        cut -= 1
    return cut, at


def cut_long_quotes(article: Article, quotes: list[Quote], problems: list[Problem],
                    limit: int) -> tuple[list[Quote], list[Problem]]:
    """Quotes over ``limit`` characters (a stray mark that swallowed an article, a whole
    transcript) cut at the last sentence or word end within the limit, so that their
    offsets still slice the article text; flagged ``truncated`` and reported as a W204
    warning each."""
    if limit < 1:
        raise ValueError(f"max_quote_chars must be at least 1, not {limit}")
    if all(q.end - q.start <= limit for q in quotes):
        return quotes, problems
    kept: list[Quote] = []
    warnings: list[Problem] = []
    for q in quotes:
        length = q.end - q.start
        if length <= limit:
            kept.append(q)
            continue
        end, at = _cut_end(article.text, q.start, limit)
        kept.append(dataclasses.replace(
            q, id=f"{q.doc}:{q.start}-{end}", text=article.text[q.start:end], end=end,
            flags=(*q.flags, "truncated")))
        # the line and column are the article's: name it when its file holds several
        where = "" if PurePath(article.path).stem == article.id else f" (document {q.doc})"
        warnings.append(Problem(
            f"{article.path}:{q.line}:{q.col}", W_LONG_QUOTE,
            f"a quote of {length:,} characters{where} is over the {limit:,}-character limit; "
            f"kept its first {end - q.start:,}, cut {at} (raise max_quote_chars to keep "
            "more)", "warning"))
    return kept, problems + warnings
