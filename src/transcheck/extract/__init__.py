"""Extract: articles -> quotes with kind, language and speaker."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import BinaryIO

from ..ingest import Limits, iter_articles
from ..langid import UNDETERMINED, identify
from ..types import Article, Extraction, Problem, Quote
from .names import canonical_id, matches
from .quotes import extract_article

__all__ = ["extract", "extract_article", "identify_article", "canonical_id", "matches"]


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


def extract(paths: Iterable[str], *, speaker: str | None = None, stdin: BinaryIO | None = None,
            limits: Limits | None = None) -> Extraction:
    """Read every input, find its quotes, and attribute them; bad inputs become problems."""
    documents: list[Article] = []
    quotes: list[Quote] = []
    problems: list[Problem] = []
    for item in iter_articles(paths, stdin=stdin, limits=limits):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        article = identify_article(item)
        found, issues = extract_article(article)
        documents.append(article)
        problems.extend(issues)
        if speaker is not None:
            found = [q for q in found if matches(speaker, q.speaker, (q.speaker_surface,))]
        quotes.extend(found)
    return Extraction(tuple(documents), tuple(quotes), tuple(problems))
