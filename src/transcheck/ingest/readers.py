"""Readers turn one input (file or stream) into raw documents.

A reader is a small class registered for file suffixes; adding a format is one class.
Readers never raise for bad content: they yield a ``Problem`` and go on.
"""

from __future__ import annotations

import json
import logging
import re
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
    #: One quote, in characters: a longer one (a stray mark, a whole transcript) is cut
    #: at the last sentence or word end before the limit, flagged and reported.
    max_quote_chars: int = 5_000


READERS: dict[str, type[Reader]] = {}

#: Characters that would break a one-line message or disguise a name on a terminal:
#: control characters (a newline in a file name), bidi controls, and lone surrogates (bytes
#: of a file name that are not UTF-8).
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                         "\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display(name: str) -> str:
    """``name`` as shown in messages and outputs: one line, nothing hidden."""
    return _UNSHOWABLE.sub(_escape, name)


def without_surrogates(text: str) -> tuple[str, int]:
    """JSON can carry lone UTF-16 surrogates (``"\\ud800"``), which no output can encode:
    each becomes U+FFFD, so offsets into the text do not move. Returns the count too."""
    return _SURROGATE.subn("\ufffd", text)


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
            return Problem(source, errors.P_EMPTY, "is empty; skipped (nothing to read)",
                           "warning")
        return data

    def _text(self, source: str, stream: BinaryIO) -> tuple[str, str] | Problem:
        """The whole input as (text, encoding), or the problem that stops it."""
        data = self._read_all(source, stream)
        return data if isinstance(data, Problem) else self._decode(source, data)

    def _decode(self, source: str, data: bytes) -> tuple[str, str] | Problem:
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            return Problem(source, errors.P_BINARY if exc.binary else errors.P_UNDECODABLE,
                           f"{exc}; skipped ({exc.hint})")
        if not decoded.text.strip():
            what = ("holds only a byte-order mark and no text" if decoded.text == ""
                    and data.strip() else "is empty")
            return Problem(source, errors.P_EMPTY, f"{what}; skipped (nothing to read)",
                           "warning")
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
            yield Problem(source, errors.P_EMPTY, "has no article text that could be extracted "
                          "(only markup, scripts or page furniture); skipped (save the article "
                          "text as .txt to include it)", "warning")
            return
        if looks_truncated(html):
            yield Problem(source, errors.W_TRUNCATED, "stops before the end of the page (no "
                          "closing </body> or </html>); read as far as it goes (download it "
                          "again for the whole article)", "warning")
        text, meta = doc
        yield RawDoc(id=stem, path=source, text=text, encoding=encoding,
                     outlet=meta.get("sitename"),
                     lang=meta.get("lang"), url=meta.get("url"), published=meta.get("date"))


def looks_truncated(html: str) -> bool:
    """A page that opens <html> or <body> but closes neither: a cut-off download."""
    lower = html.lower()
    return (("<html" in lower or "<body" in lower)
            and "</html" not in lower and "</body" not in lower)


def html_main_text(html: str) -> tuple[str, dict[str, str | None]] | None:
    import trafilatura  # heavy; only paid for when HTML is read

    quiet = logging.getLogger("trafilatura")
    if quiet.level == logging.NOTSET and not logging.getLogger().isEnabledFor(logging.DEBUG):
        # its warnings ("discarding data: None") name no input; ours do
        quiet.setLevel(logging.ERROR)

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
                 fallback_id: str, encoding: str = "utf-8") -> Iterator[RawDoc | Problem]:
    """One JSON record -> its document (with a warning if characters were replaced), or the
    problem that skips it. Values are data: nothing in a record is used as a path."""
    if not isinstance(record, dict):
        yield Problem(f"{source}{where}", errors.P_BAD_RECORD,
                      "is not a JSON object with a 'text' field; skipped (each record needs "
                      "one)")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Problem(f"{source}{where}", errors.P_BAD_RECORD,
                      "has no 'text' (or it is empty); skipped (give the record a non-empty "
                      "'text' string)")
        return
    if len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        yield Problem(f"{source}{where}", errors.P_TOO_LARGE,
                      f"has a text larger than the {size_text(limits.max_bytes)} limit; skipped "
                      "(split it or raise the limit, --max-bytes)")
        return
    text, replaced = without_surrogates(text)
    if replaced:
        yield Problem(f"{source}{where}", errors.W_REPLACED,
                      f"has {replaced} invalid character(s) (unpaired UTF-16 surrogates) in its "
                      "'text', read as U+FFFD (fix the exporter to keep the text intact)",
                      "warning")

    def opt(key: str) -> str | None:
        value = record.get(key)
        return (display(str(value)) if isinstance(value, str | int | float)
                and str(value).strip() else None)

    doc_id = opt("id") if isinstance(record.get("id"), str | int) else None
    yield RawDoc(id=doc_id or fallback_id, path=source, text=text, encoding=encoding,
                 outlet=opt("outlet"), lang=opt("lang"), url=opt("url"),
                 published=opt("published"))


def _json_loads(text: str) -> object:
    """``json.loads``; a document nested too deeply to parse is a ValueError, not a crash."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


@register_reader
class JsonlReader(Reader):
    """One JSON object per line; streamed, so corpora of any size stay in bounded memory."""

    suffixes = (".jsonl", ".ndjson")
    streamed = True

    def read(self, source: str, stream: BinaryIO, stem: str) -> Iterator[RawDoc | Problem]:
        any_line = False
        # a record's text may take six bytes a character once escaped (\u0436): a longer
        # line cannot hold a text under the limit, and is never held in memory whole
        cap = 6 * self.limits.max_bytes + 65_536
        for lineno, raw, whole in _lines(stream, cap):
            if not raw.strip():
                continue
            any_line = True
            where = f"{source}:{lineno}"
            if not whole:
                yield Problem(where, errors.P_TOO_LARGE,
                              f"is a line of more than {size_text(cap)}, over the "
                              f"{size_text(self.limits.max_bytes)} limit for one article; line "
                              "skipped (split the record or raise the limit, --max-bytes)")
                continue
            try:
                decoded = decode_bytes(raw)
                record = _json_loads(decoded.text)
            except DecodeError as exc:
                yield Problem(where, errors.P_BAD_RECORD, f"{exc}; line skipped ({exc.hint})")
                continue
            except ValueError as exc:
                detail = f" ({exc})" if str(exc) == "nested too deeply" else ""
                yield Problem(where, errors.P_BAD_RECORD, f"is not valid JSON{detail}; line "
                              "skipped (each line must be one JSON object)")
                continue
            yield from _record_docs(source, record, f":{lineno}", self.limits,
                                    f"{stem}-{lineno}", decoded.encoding)
        if not any_line:
            yield Problem(source, errors.P_EMPTY, "is empty; skipped (nothing to read)",
                          "warning")


def _lines(stream: BinaryIO, cap: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, whether it is whole); a line over ``cap`` bytes is read past in
    chunks and given as its first chunk, not whole."""
    lineno = 0
    while True:
        raw = stream.readline(cap + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) <= cap or raw.endswith(b"\n"):
            yield lineno, raw, True
            continue
        while raw and not raw.endswith(b"\n"):
            raw = stream.readline(1 << 20)
        yield lineno, b"-", False


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
            parsed = _json_loads(got[0])
        except ValueError as exc:
            yield Problem(source, errors.P_BAD_RECORD,
                          f"is not valid JSON ({str(exc).split(':')[0]}); skipped (fix the "
                          "syntax, or save the records as JSONL)")
            return
        if isinstance(parsed, dict) and isinstance(parsed.get("articles"), list):
            parsed = parsed["articles"]
        records = parsed if isinstance(parsed, list) else [parsed]
        if not records:
            yield Problem(source, errors.P_EMPTY, "has no article records; skipped (nothing to "
                          "read)", "warning")
        for i, record in enumerate(records, start=1):
            yield from _record_docs(source, record, f"[{i}]", self.limits, f"{stem}-{i}",
                                    got[1])


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


