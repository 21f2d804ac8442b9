"""Readers turn one input (file or stream) into raw documents.

A reader is a small class registered for file suffixes; adding a format is one class.
Readers never raise for bad content: they yield a ``Problem`` and go on.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, ClassVar

from .. import errors
from ..types import Problem
from .decode import DecodeError, decode_bytes


@dataclass(frozen=True)
class RawDoc:
    """A document as read, before outlet naming and language identification."""

    id: str
    path: str
    text: str
    encoding: str = "utf-8"
    outlet: str | None = None
    lang: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Limits:
    """Resource limits so that one huge input cannot exhaust memory or time."""

    max_bytes: int = 10_000_000  # one article; news articles are kilobytes


READERS: dict[str, type[Reader]] = {}


def register_reader(cls: type[Reader]) -> type[Reader]:
    for suffix in cls.suffixes:
        READERS[suffix] = cls
    return cls


def reader_for(name: str) -> type[Reader] | None:
    lower = name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if lower.endswith(suffix):
            return READERS[suffix]
    return None


def size_text(n: int) -> str:
    """``12.3 MB``; sizes under 1 MB in bytes, so that a small limit does not read ``0.0 MB``."""
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n:,} bytes"


class Reader(ABC):
    suffixes: ClassVar[tuple[str, ...]] = ()
    #: Streamed readers check size per record, not per file.
    streamed: ClassVar[bool] = False

    def __init__(self, limits: Limits | None = None):
        self.limits = limits or Limits()

    @abstractmethod
    def read(self, source: str, stream: BinaryIO, stem: str) -> Iterator[RawDoc | Problem]:
        """Yield documents and problems from one input called ``source``."""

    def _read_all(self, source: str, stream: BinaryIO) -> bytes | Problem:
        data = stream.read(self.limits.max_bytes + 1)
        if len(data) > self.limits.max_bytes:
            return Problem(source, errors.P_TOO_LARGE,
                           f"is larger than the {size_text(self.limits.max_bytes)} limit for one "
                           "article; split it or raise the limit (--max-bytes)")
        if not data.strip():
            return Problem(source, errors.P_EMPTY, "is empty; nothing to read", "warning")
        return data

    def _text(self, source: str, stream: BinaryIO) -> tuple[str, str] | Problem:
        """The whole input as (text, encoding), or the problem that stops it."""
        data = self._read_all(source, stream)
        return data if isinstance(data, Problem) else self._decode(source, data)

    def _decode(self, source: str, data: bytes) -> tuple[str, str] | Problem:
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            return Problem(source, errors.P_UNDECODABLE if "binary" not in str(exc)
                           else errors.P_BINARY, f"{exc}; skipped (save it as UTF-8 to include it)")
        if not decoded.text.strip():
            return Problem(source, errors.P_EMPTY, "is empty; nothing to read", "warning")
        return decoded.text, decoded.encoding


@register_reader
class TextReader(Reader):
    suffixes = (".txt", ".text")

    def read(self, source: str, stream: BinaryIO, stem: str) -> Iterator[RawDoc | Problem]:
        got = self._text(source, stream)
        if isinstance(got, Problem):
            yield got
            return
        yield RawDoc(id=stem, path=source, text=got[0], encoding=got[1])


@register_reader
class HtmlReader(Reader):
    """Main text only, via trafilatura: no scripts, menus, or page furniture."""

    suffixes = (".html", ".htm", ".xhtml")

    def read(self, source: str, stream: BinaryIO, stem: str) -> Iterator[RawDoc | Problem]:
        got = self._text(source, stream)
        if isinstance(got, Problem):
            yield got
            return
        html, encoding = got
        doc = html_main_text(html)
        if doc is None or not doc[0].strip():
            yield Problem(source, errors.P_EMPTY, "has no article text that could be extracted",
                          "warning")
            return
        text, meta = doc
        yield RawDoc(id=stem, path=source, text=text, encoding=encoding,
                     outlet=meta.get("sitename"),
                     lang=meta.get("lang"), url=meta.get("url"), published=meta.get("date"))


def html_main_text(html: str) -> tuple[str, dict[str, str | None]] | None:
    import trafilatura  # heavy; only paid for when HTML is read

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, favor_precision=True, deduplicate=False,
            # the date from the page's metadata only: the default extensive search turns
            # a "Copyright 2022" footer into a made-up 2022-01-01 publication date
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # trafilatura raises many types on broken markup
        doc = None
    if doc is None or not (doc.text or "").strip():
        try:
            text = trafilatura.html2txt(html)
        except Exception:
            return None
        return (text, {}) if text and text.strip() else None
    meta = {"sitename": doc.sitename, "url": doc.url, "date": doc.date,
            "lang": getattr(doc, "language", None)}
    # the headline, unless the main text already starts with it (an <h1> in the article)
    text = (doc.text if not doc.title or doc.text.lstrip().startswith(doc.title)
            else f"{doc.title}\n\n{doc.text}")
    return text, meta


def _record_docs(source: str, record: object, where: str, limits: Limits,
                 fallback_id: str) -> RawDoc | Problem:
    if not isinstance(record, dict):
        return Problem(f"{source}{where}", errors.P_BAD_RECORD,
                       "is not a JSON object with a 'text' field; skipped")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(f"{source}{where}", errors.P_BAD_RECORD,
                       "has no 'text' (or it is empty); skipped")
    if len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        return Problem(f"{source}{where}", errors.P_TOO_LARGE,
                       f"has a text larger than the {size_text(limits.max_bytes)} limit; skipped")
    rid = record.get("id")
    doc_id = str(rid) if isinstance(rid, str | int) and str(rid).strip() else fallback_id

    def opt(key: str) -> str | None:
        value = record.get(key)
        return str(value) if isinstance(value, str | int | float) and str(value).strip() else None

    return RawDoc(id=doc_id, path=source, text=text, outlet=opt("outlet"), lang=opt("lang"),
                  url=opt("url"), published=opt("published"))


@register_reader
class JsonlReader(Reader):
    """One JSON object per line; streamed, so corpora of any size stay in bounded memory."""

    suffixes = (".jsonl", ".ndjson")
    streamed = True

    def read(self, source: str, stream: BinaryIO, stem: str) -> Iterator[RawDoc | Problem]:
        any_line = False
        for lineno, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            any_line = True
            try:
                line = decode_bytes(raw).text
                record = json.loads(line)
            except (DecodeError, ValueError) as exc:
                reason = "is not valid JSON" if isinstance(exc, ValueError) else str(exc)
                yield Problem(f"{source}:{lineno}", errors.P_BAD_RECORD,
                              f"{reason}; line skipped")
                continue
            yield _record_docs(source, record, f":{lineno}", self.limits, f"{stem}-{lineno}")
        if not any_line:
            yield Problem(source, errors.P_EMPTY, "is empty; nothing to read", "warning")


@register_reader
class JsonReader(Reader):
    """A JSON array of article records, an object with an ``articles`` array, or one record."""

    suffixes = (".json",)

    def read(self, source: str, stream: BinaryIO, stem: str) -> Iterator[RawDoc | Problem]:
        got = self._text(source, stream)
        if isinstance(got, Problem):
            yield got
            return
        try:
            parsed = json.loads(got[0])
        except ValueError as exc:
            yield Problem(source, errors.P_BAD_RECORD,
                          f"is not valid JSON ({exc.args[0].split(':')[0]}); skipped")
            return
        if isinstance(parsed, dict) and isinstance(parsed.get("articles"), list):
            parsed = parsed["articles"]
        records = parsed if isinstance(parsed, list) else [parsed]
        if not records:
            yield Problem(source, errors.P_EMPTY, "has no article records; nothing to read",
                          "warning")
        for i, record in enumerate(records, start=1):
            yield _record_docs(source, record, f"[{i}]", self.limits, f"{stem}-{i}")


def sniff_reader(data: bytes) -> type[Reader]:
    """For standard input: guess the format from the first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") and b"\n{" in data[:1_000_000]:
        return JsonlReader
    if head.startswith((b"{", b"[")):
        return JsonReader
    if head[:1] == b"<" and (b"<html" in head.lower() or b"<p" in head.lower()
                             or b"<!doctype" in head.lower()):
        return HtmlReader
    return TextReader


