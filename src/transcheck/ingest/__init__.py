"""Ingest: paths, folders and standard input -> ``Article`` records (or ``Problem``s).

Folders are walked recursively in a stable (sorted) order, so the same tree always gives
the same documents in the same order. Hidden entries (``.name``) and files of other types
are passed over.

Symbolic links inside a folder never lead out of it and never read a file twice:

* a link to a file or folder that the walk reaches anyway is passed over (the target is
  read where it lies; this is also what ends a loop, a link to the folder or its parent);
* a link to a file inside the folder that the walk would not read (in a hidden folder, or
  under another suffix) is followed, once;
* a link that leads outside the folder, or is broken, or loops on itself, is skipped with
  a warning naming it (``E119``): give its target on the command line to read it.

A path given on the command line is read even when it is a link: the user named it. Only
regular files are read inside folders (a named pipe would block the walk); a pipe given on
the command line, such as ``<(zcat corpus.jsonl.gz)``, is read.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..types import Article, Problem
from .furniture import skipped_spans
from .outlet import name_outlet
from .readers import READERS, Limits, RawDoc, display, reader_for, size_text, sniff_reader

__all__ = ["Limits", "RawDoc", "iter_articles", "iter_raw", "to_article", "READERS", "display"]

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


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _walked(rel: Path) -> bool:
    """Whether the walk reads the file at ``rel`` below the root by itself."""
    return (not any(part.startswith(".") for part in rel.parts)
            and reader_for(rel.name) is not None)


def _shown(path: Path) -> str:
    return display(path.as_posix())


class _Walk:
    """One folder, file by file: paths to read, and problems for what cannot be."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.root = folder.resolve()
        self.followed: set[Path] = set()

    def __iter__(self) -> Iterator[Path | Problem]:
        yield from self._folder(self.folder)

    def _folder(self, folder: Path) -> Iterator[Path | Problem]:
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")),
                                 key=lambda e: e.name)
        except OSError as exc:
            yield Problem(_shown(folder), errors.P_UNREADABLE,
                          f"is a folder that cannot be read ({exc.strerror or exc}); "
                          "check its permissions")
            return
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    yield from self._link(path)
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                elif reader_for(entry.name) is None:
                    continue
                elif entry.is_file(follow_symlinks=False):
                    yield path
                else:
                    yield Problem(_shown(path), errors.P_UNSUPPORTED,
                                  "is not a regular file (a named pipe, socket or device); "
                                  "skipped (give it on the command line to read it)", "warning")
            except OSError as exc:  # vanished or unreadable while we looked
                yield Problem(_shown(path), errors.P_UNREADABLE,
                              f"cannot be read ({exc.strerror or exc}); check its permissions")
        for sub in subfolders:
            yield from self._folder(sub)

    def _link(self, link: Path) -> Iterator[Path | Problem]:
        try:
            target = link.resolve(strict=True)
            mode = target.stat().st_mode
        except (OSError, RuntimeError) as exc:  # broken, or a loop of links
            if reader_for(link.name) is not None or not link.suffix:
                why = ("loops back on itself" if isinstance(exc, RuntimeError)
                       or exc.errno == errno.ELOOP else "is broken")
                yield Problem(_shown(link), errors.P_LINK_SKIPPED,
                              f"is a symbolic link that {why}; skipped (fix or remove the link)",
                              "warning")
            return
        is_dir = stat.S_ISDIR(mode)
        if not is_dir and reader_for(link.name) is None:
            return  # not an article by its name, like any other file of another type
        if not _inside(target, self.root):
            kind = "folder" if is_dir else "file"
            yield Problem(_shown(link), errors.P_LINK_SKIPPED,
                          f"is a symbolic link to a {kind} outside {_shown(self.folder)}; "
                          f"not followed (give {display(str(target))} on the command line "
                          "to read it)", "warning")
            return
        if is_dir or _walked(target.relative_to(self.root)):
            return  # the walk reads it where it lies (a link to a folder above is a loop)
        if target in self.followed:
            return
        self.followed.add(target)
        if not stat.S_ISREG(mode):
            yield Problem(_shown(link), errors.P_UNSUPPORTED,
                          "is a link to something that is not a regular file (a named pipe, "
                          "socket or device); skipped (give it on the command line to read it)",
                          "warning")
            return
        yield link


def _read_file(path: Path, shown: str, limits: Limits) -> Iterator[RawDoc | Problem]:
    reader_cls = reader_for(path.name)
    if reader_cls is None:
        known = ", ".join(sorted(READERS))
        yield Problem(shown, errors.P_UNSUPPORTED,
                      f"has an unsupported file type; use one of {known}")
        return
    try:
        size = path.stat().st_size
        if not reader_cls.streamed and size > limits.max_bytes:
            yield Problem(shown, errors.P_TOO_LARGE,
                          f"is {size_text(size)}, over the "
                          f"{size_text(limits.max_bytes)} limit for one article; "
                          "split it or raise the limit (--max-bytes)")
            return
        with path.open("rb") as stream:
            yield from reader_cls(limits).read(shown, stream, display(path.stem))
    except OSError as exc:
        yield Problem(shown, errors.P_UNREADABLE,
                      f"cannot be read ({exc.strerror or exc}); check its permissions")


def _missing(given: str, path: Path) -> Problem:
    if not given:
        return Problem("''", errors.P_NOT_FOUND,
                       "is an empty path; give a file, a folder, or - for standard input")
    shown = display(given)
    if "\x00" in given:
        return Problem(shown, errors.P_NOT_FOUND,
                       "contains a NUL character, so it cannot be a path; check the argument")
    if path.is_symlink():
        try:
            target = display(os.readlink(path))
        except OSError:
            target = "?"
        return Problem(shown, errors.P_NOT_FOUND,
                       f"is a broken symbolic link (to {target}); fix the link or give its "
                       "target")
    return Problem(shown, errors.P_NOT_FOUND, "does not exist; check the path")


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
        if given and "\x00" not in given and path.is_dir():
            found = False
            for item in _Walk(path):
                if isinstance(item, Problem):
                    yield item
                    continue
                found = True
                yield from _read_file(item, _shown(item), limits)
            if not found:
                yield Problem(display(given), errors.P_EMPTY_FOLDER,
                              "is a folder with no readable articles (.txt, .html, .json, "
                              ".jsonl); check the path", "warning")
        elif given and "\x00" not in given and path.exists():
            yield from _read_file(path, display(given), limits)
        else:
            yield _missing(given, path)


def to_article(raw: RawDoc, doc_id: str, *, furniture: bool = True) -> Article:
    """``furniture=False`` leaves ``skipped`` empty: the spans are a function of the text
    alone, and a caller that already knows the article's quotes need not find them."""
    return Article(
        id=doc_id, path=raw.path, text=raw.text,
        outlet=name_outlet(metadata=raw.outlet, text=raw.text, path=raw.path),
        lang=raw.lang or "", published=raw.published, url=raw.url, encoding=raw.encoding,
        skipped=skipped_spans(raw.text) if furniture else (),
    )


def iter_articles(paths: Iterable[str], *, stdin: BinaryIO | None = None,
                  limits: Limits | None = None,
                  furniture: bool = True) -> Iterator[Article | Problem]:
    """Articles with unique, stable ids (a repeated id gets ``~2``, ``~3`` in input order);
    ``furniture``: as :func:`to_article`."""
    used: dict[str, int] = {}
    for item in iter_raw(paths, stdin=stdin, limits=limits):
        if isinstance(item, Problem):
            yield item
            continue
        n = used.get(item.id, 0) + 1
        used[item.id] = n
        yield to_article(item, item.id if n == 1 else f"{item.id}~{n}", furniture=furniture)
