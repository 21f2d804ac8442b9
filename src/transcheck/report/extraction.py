"""Renderers for ``transcheck extract``: json (the public contract), jsonl, and a table."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ..types import Article, Extraction, Problem, Quote
from .base import Renderer, register
from .jsonout import Items, dumps, materialize, write_object

SCHEMA_VERSION = 1


def document_dict(doc: Article) -> dict[str, Any]:
    return {"id": doc.id, "path": doc.path, "outlet": doc.outlet, "lang": doc.lang,
            "encoding": doc.encoding, "published": doc.published, "url": doc.url}


def quote_dict(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "doc": q.doc, "outlet": q.outlet, "lang": q.lang, "speaker": q.speaker,
            "speaker_surface": q.speaker_surface, "text": q.text, "start": q.start, "end": q.end,
            "kind": q.kind, "line": q.line, "col": q.col, "flags": list(q.flags)}


def problem_dict(p: Problem) -> dict[str, Any]:
    return {"source": p.source, "code": p.code, "severity": p.severity, "message": p.message}


def extraction_fields(x: Extraction) -> list[tuple[str, Any]]:
    """The JSON extraction's fields in order, its arrays made one element at a time."""
    return [("schema_version", SCHEMA_VERSION),
            ("documents", Items(document_dict(d) for d in x.documents)),
            ("quotes", Items(quote_dict(q) for q in x.quotes)),
            ("problems", Items(problem_dict(p) for p in x.problems))]


def extraction_dict(x: Extraction) -> dict[str, Any]:
    return materialize(extraction_fields(x))


@register
class ExtractionJson(Renderer):
    subject, format = "extraction", "json"

    def render(self, result: Extraction) -> str:
        return dumps(extraction_dict(result))

    def write(self, result: Extraction, write: Callable[[str], object]) -> None:
        write_object(write, extraction_fields(result))


@register
class ExtractionJsonl(Renderer):
    """One quote per line: easy to stream into other tools."""

    subject, format = "extraction", "jsonl"

    def render(self, result: Extraction) -> str:
        return "".join(dumps(quote_dict(q), indent=None) for q in result.quotes)

    def write(self, result: Extraction, write: Callable[[str], object]) -> None:
        for q in result.quotes:
            write(dumps(quote_dict(q), indent=None))


@register
class ExtractionTable(Renderer):
    subject, format = "extraction", "table"

    def render(self, result: Extraction) -> str:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(result.quotes)} quotes in {len(result.documents)} documents",
                      show_lines=False, expand=True)
        for name, kw in (("doc", {"overflow": "fold", "max_width": 22}),
                         ("outlet", {"max_width": 16}), ("lang", {}),
                         ("speaker", {"max_width": 18}), ("kind", {}), ("at", {}),
                         ("quote", {"ratio": 1})):
            table.add_column(name, **kw)
        for q in result.quotes:
            table.add_row(q.doc, q.outlet, q.lang, q.speaker, q.kind + ("!" if q.flags else ""),
                          f"{q.line}:{q.col}", q.text)
        buf = io.StringIO()
        Console(file=buf, width=self.width, color_system="auto" if self.color else None,
                force_terminal=self.color, soft_wrap=False).print(table)
        return buf.getvalue()
