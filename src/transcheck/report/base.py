"""Renderers: one small class per output format, found through a registry.

A renderer turns a result object (an ``Extraction``, a comparison, a report) into text.
Renderers never open files or decide exit codes; the CLI does, and hands ``write`` the
stream to fill.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

RENDERERS: dict[tuple[str, str], type[Renderer]] = {}


class Renderer(ABC):
    #: What it renders ("extraction", "comparison", ...) and the format name users type.
    subject: ClassVar[str]
    format: ClassVar[str]

    def __init__(self, *, width: int = 120, color: bool = False):
        self.width = width
        self.color = color

    @abstractmethod
    def render(self, result: Any) -> str: ...

    def write(self, result: Any, write: Callable[[str], object]) -> None:
        """The same text as :meth:`render`, handed to ``write`` in pieces. Formats that can
        be made piece by piece override it, so that a large corpus is never one string."""
        write(self.render(result))


def register(cls: type[Renderer]) -> type[Renderer]:
    RENDERERS[(cls.subject, cls.format)] = cls
    return cls


def formats(subject: str) -> list[str]:
    return sorted(fmt for subj, fmt in RENDERERS if subj == subject)


def get_renderer(subject: str, fmt: str, **kw: Any) -> Renderer:
    try:
        return RENDERERS[(subject, fmt)](**kw)
    except KeyError:
        from ..errors import UsageError

        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(formats(subject))}",
                         hint="see --help") from None
