"""Extract: articles -> quotes with kind, language and speaker."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from ..ingest import Limits, iter_articles
from ..ingest.furniture import skipped_spans
from ..langid import UNDETERMINED, identify
from ..types import Article, Extraction, Problem, Quote
from .names import canonical_id, matches
from .quotes import W_LONG_QUOTE, cut_long_quotes, extract_article

__all__ = ["extract", "extract_article", "identify_article", "canonical_id", "matches",
           "cut_long_quotes", "W_LONG_QUOTE"]


def identify_article(article: Article) -> Article:
    """Fill in the article's language unless its metadata already gave one."""
    if article.lang:
        return article
    prose = "\n".join(
        article.text[s:e] for s, e in _prose_spans(article)) or article.text
    return dataclasses.replace(article, lang=identify(prose[:20000], fallback=UNDETERMINED))


def _prose_spans(article: Article) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for s, e in sorted(article.skipped):
        if s > pos:
            spans.append((pos, s))
        pos = max(pos, e)
    spans.append((pos, len(article.text)))
    return spans


def _ledger_key(article: Article) -> tuple[str, str]:
    """The extraction code and the article's language and text: its furniture spans are a
    function of the text (and of the ingest code), so an article the ledger knows never
    needs them found."""
    from ..store import code_version, sha

    return (code_version("extract", "langid.py", "ingest", "data"),
            sha(f"{article.lang}\x1f{article.text}"))


def _furnished(article: Article) -> Article:
    """The article with its furniture spans (read with ``furniture=False``)."""
    return dataclasses.replace(article, skipped=skipped_spans(article.text))


def _from_ledger(article: Article, store: Any) -> tuple[list[Quote], list[Problem]] | None:
    """The article's quotes as the store's ledger has them, if it was processed before
    with the same text and the same extraction code."""
    cached = store.get_document(*_ledger_key(article))
    if cached is None:
        return None
    intern = sys.intern  # ids and labels recur across the report: one copy of each
    quotes = [Quote(id=intern(f"{article.id}:{q['start']}-{q['end']}"), doc=article.id,
                    outlet=article.outlet, lang=intern(q["lang"]), speaker=intern(q["speaker"]),
                    speaker_surface=intern(q["speaker_surface"]),
                    text=article.text[q["start"]:q["end"]], start=q["start"], end=q["end"],
                    kind=intern(q["kind"]), line=q["line"], col=q["col"], flags=tuple(q["flags"]))
              for q in cached["quotes"]]
    problems = [Problem(f"{article.path}{p['where']}", p["code"], p["message"],
                        p["severity"]) for p in cached["problems"]]
    return quotes, problems


def _to_ledger(article: Article, store: Any, quotes: list[Quote],
               problems: list[Problem]) -> None:
    store.put_document(*_ledger_key(article), {
        "quotes": [{"start": q.start, "end": q.end, "lang": q.lang, "speaker": q.speaker,
                    "speaker_surface": q.speaker_surface, "kind": q.kind, "line": q.line,
                    "col": q.col, "flags": list(q.flags)} for q in quotes],
        "problems": [{"where": p.source[len(article.path):] if p.source.startswith(article.path)
                      else "", "code": p.code, "message": p.message, "severity": p.severity}
                     for p in problems]})


def _extract_batch(articles: list[tuple[Article, bool]]
                   ) -> list[tuple[list[Quote], list[Problem]]]:
    """Runs where the executor puts it: each article, and whether its furniture was found
    already (else it is found here)."""
    return [extract_article(a if furnished else _furnished(a)) for a, furnished in articles]


def extract(paths: Iterable[str], *, speaker: str | None = None, stdin: BinaryIO | None = None,
            limits: Limits | None = None, store: Any = None, executor: Any = None,
            batch: int = 64, progress: Callable[[str, int, int], None] | None = None,
            keep_text: bool = True,
            on_quotes: Callable[[list[Quote]], None] | None = None) -> Extraction:
    """Read every input, find its quotes, and attribute them; bad inputs become problems.

    With a ``store`` (``transcheck.store.Store``), articles already processed are not
    processed again. With an ``executor`` whose tasks run in other processes, articles
    are read here and extracted there in batches. ``progress(stage, done, total)`` hears
    of every document read (total 0: a stream's length is not known ahead). Quotes over
    ``limits.max_quote_chars`` are cut, flagged and reported (``cut_long_quotes``).
    ``keep_text=False`` drops each article's text once its quotes are out (they keep
    their own), so memory holds quotes, not the corpus. ``on_quotes`` hears each
    article's quotes as soon as they are final, in the order of the articles."""
    if executor is not None and executor.remote:
        return _extract_remote(paths, speaker, stdin, limits, executor, batch, store, progress,
                               keep_text, on_quotes)
    max_quote_chars = (limits or Limits()).max_quote_chars
    documents: list[Article] = []
    quotes: list[Quote] = []
    problems: list[Problem] = []
    for item in iter_articles(paths, stdin=stdin, limits=limits, furniture=False):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        # furniture is found only where it is needed: language identification, the
        # report's text, and articles the store's ledger does not know (a warm run
        # spent a sixth of its time finding it again)
        furnished = not item.lang or keep_text or store is None
        article = identify_article(_furnished(item) if furnished else item)
        got = _from_ledger(article, store) if store is not None else None
        if got is None:
            if not furnished:
                article = _furnished(article)
            got = extract_article(article)
            if store is not None:
                _to_ledger(article, store, *got)
        found, issues = got
        # the ledger keeps quotes whole: the length limit may differ from run to run
        found, issues = cut_long_quotes(article, found, issues, max_quote_chars)
        documents.append(article if keep_text else _without_text(article))
        problems.extend(issues)
        if speaker is not None:
            found = [q for q in found if matches(speaker, q.speaker, (q.speaker_surface,))]
        quotes.extend(found)
        if on_quotes is not None:
            on_quotes(found)
        if progress is not None:
            progress("documents read", len(documents), 0)
    return Extraction(tuple(documents), tuple(quotes), tuple(problems))


def _without_text(article: Article) -> Article:
    return dataclasses.replace(article, text="", skipped=())


def _extract_remote(paths: Iterable[str], speaker: str | None, stdin: BinaryIO | None,
                    limits: Limits | None, executor: Any, batch: int, store: Any,
                    progress: Callable[[str, int, int], None] | None,
                    keep_text: bool = True,
                    on_quotes: Callable[[list[Quote]], None] | None = None) -> Extraction:
    """Articles are read here, in order; those the store's ledger does not know are
    extracted on the executor in batches, and recorded here."""
    max_quote_chars = (limits or Limits()).max_quote_chars
    documents: list[Article] = []
    problems: list[Problem] = []
    found: dict[int, tuple[list[Quote], list[Problem]]] = {}
    pending: list[tuple[int, Article, bool]] = []
    told = 0  # articles whose quotes on_quotes has heard of, in order

    def settle(k: int, article: Article, got: tuple[list[Quote], list[Problem]]) -> None:
        nonlocal told
        # the ledger keeps quotes whole: the length limit may differ from run to run
        qs, issues = cut_long_quotes(article, *got, max_quote_chars)
        if speaker is not None:
            qs = [q for q in qs if matches(speaker, q.speaker, (q.speaker_surface,))]
        found[k] = qs, issues
        if not keep_text:
            documents[k] = _without_text(article)
        while on_quotes is not None and told in found:
            on_quotes(found[told][0])
            told += 1

    def flush() -> None:
        chunks = [pending[i:i + batch] for i in range(0, len(pending), batch)]
        results = executor.map(_extract_batch, [[(a, f) for _, a, f in c] for c in chunks])
        for chunk, part in zip(chunks, results, strict=True):
            for (k, article, _), got in zip(chunk, part, strict=True):
                if store is not None:
                    _to_ledger(article, store, *got)
                settle(k, article, got)
        pending.clear()
        if progress is not None:
            progress("documents read", len(found), 0)

    for item in iter_articles(paths, stdin=stdin, limits=limits, furniture=False):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        # as in ``extract``; the workers find the furniture of the articles they extract
        furnished = not item.lang or keep_text
        article = identify_article(_furnished(item) if furnished else item)
        k = len(documents)
        documents.append(article)
        hit = _from_ledger(article, store) if store is not None else None
        if hit is not None:
            settle(k, article, hit)
        else:
            pending.append((k, article, furnished))
        if len(pending) >= batch * 16:
            flush()
    flush()
    quotes: list[Quote] = []
    for k in range(len(documents)):
        qs, issues = found[k]
        problems.extend(issues)
        quotes.extend(qs)
    return Extraction(tuple(documents), tuple(quotes), tuple(problems))
