"""Ingest: paths, folders and standard input -> ``Article`` records (or ``Problem``s).

Folders are walked recursively in a stable (sorted) order, without following symbolic
links, so the same tree always gives the same documents in the same order.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..types import Article, Problem
from .furniture import skipped_spans
from .outlet import name_outlet
from .readers import READERS, Limits, RawDoc, reader_for, size_text, sniff_reader

__all__ = ["Limits", "RawDoc", "iter_articles", "iter_raw", "to_article", "READERS"]

STDIN = "-"
_SNIFF_BYTES = 1_000_000


class _Replayed(io.RawIOBase):
    """``head`` (bytes already read from ``rest`` to sniff the format), then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if len(self._head):
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and reader_for(name) is not None:
                yield Path(root) / name


def _read_file(path: Path, shown: str, limits: Limits) -> Iterator[RawDoc | Problem]:
    reader_cls = reader_for(path.name)
    if reader_cls is None:
        known = ", ".join(sorted(READERS))
        yield Problem(shown, errors.P_UNSUPPORTED,
                      f"has an unsupported file type; use one of {known}")
        return
    try:
        if not reader_cls.streamed and path.stat().st_size > limits.max_bytes:
            yield Problem(shown, errors.P_TOO_LARGE,
                          f"is {size_text(path.stat().st_size)}, over the "
                          f"{size_text(limits.max_bytes)} limit for one article; "
                          "split it or raise the limit (--max-bytes)")
            return
        with path.open("rb") as stream:
            yield from reader_cls(limits).read(shown, stream, path.stem)
    except OSError as exc:
        yield Problem(shown, errors.P_UNREADABLE,
                      f"cannot be read ({exc.strerror or exc}); check its permissions")


def iter_raw(paths: Iterable[str], *, stdin: BinaryIO | None = None,
             limits: Limits | None = None) -> Iterator[RawDoc | Problem]:
    limits = limits or Limits()
    for given in paths:
        if given == STDIN:
            stream = stdin if stdin is not None else io.BytesIO()
            # enough to sniff JSONL (its second line) even under a small --max-bytes
            data = stream.read(max(limits.max_bytes + 1, _SNIFF_BYTES))
            reader_cls = sniff_reader(data)
            # a streamed reader (JSONL) limits each record, not the whole corpus: give it
            # all of standard input, not just the part read to sniff the format
            body = (io.BufferedReader(_Replayed(data, stream)) if reader_cls.streamed
                    else io.BytesIO(data))
            yield from reader_cls(limits).read("<stdin>", body, "stdin")
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                yield from _read_file(file, file.as_posix(), limits)
            if not found:
                yield Problem(given, errors.P_EMPTY_FOLDER,
                              "is a folder with no readable articles (.txt, .html, .json, .jsonl)",
                              "warning")
        elif path.exists():
            yield from _read_file(path, given, limits)
        else:
            yield Problem(given, errors.P_NOT_FOUND, "does not exist; check the path")


def to_article(raw: RawDoc, doc_id: str) -> Article:
    return Article(
        id=doc_id, path=raw.path, text=raw.text,
        outlet=name_outlet(metadata=raw.outlet, text=raw.text, path=raw.path),
        lang=raw.lang or "", published=raw.published, url=raw.url, encoding=raw.encoding,
        skipped=skipped_spans(raw.text),
    )


def iter_articles(paths: Iterable[str], *, stdin: BinaryIO | None = None,
                  limits: Limits | None = None) -> Iterator[Article | Problem]:
    """Articles with unique, stable ids (a repeated id gets ``~2``, ``~3`` in input order)."""
    used: dict[str, int] = {}
    for item in iter_raw(paths, stdin=stdin, limits=limits):
        if isinstance(item, Problem):
            yield item
            continue
        n = used.get(item.id, 0) + 1
        used[item.id] = n
        yield to_article(item, item.id if n == 1 else f"{item.id}~{n}")
