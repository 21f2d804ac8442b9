"""The detector interface and registry.

A detector looks at an :class:`~transcheck.drift.align.Alignment` and returns
:class:`~transcheck.types.DriftSpan` objects of its type. Detectors are registered with
:func:`register`; every module in this package is imported when the registry is first
used, so a new detector is one new file with a registered class.

``rank`` orders the detectors: when spans overlap, the lower rank explains the tokens, and
the spans of *residual* detectors (wording, concept, omission, addition), as well as every
omission or addition span, are dropped where they overlap a span already kept. So "not"
dropped is a negation, not also an omission; "eight -> six" a number, not also a wording
change; a dropped date one date omission. ``needs_alignment`` detectors are skipped for
cross-language pairs compared without an encoder.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, TypeVar

from ...types import DriftSeverity, DriftSpan, DriftType
from ..align import Alignment

D = TypeVar("D", bound=type["Detector"])

DETECTORS: dict[str, type[Detector]] = {}


class Detector(ABC):
    """Finds one kind of drift. Subclasses set ``type``, ``rank`` and ``residual``."""

    #: The drift type this detector reports (the date, entity and modality detectors also
    #: report a date, name or modal verb with no counterpart as an omission or addition).
    type: ClassVar[DriftType]
    #: Registry key; defaults to ``type``.
    name: ClassVar[str] = ""
    rank: ClassVar[int] = 100
    residual: ClassVar[bool] = False
    #: Needs a word alignment to say anything. Across languages without an encoder there is
    #: none, and only detectors that compare normalised values (numbers, dates, names) run.
    needs_alignment: ClassVar[bool] = True

    @abstractmethod
    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        """All spans of this detector's kind, in any order."""


def register(cls: D) -> D:
    key = cls.name or cls.type
    if key in DETECTORS and DETECTORS[key] is not cls:
        raise ValueError(f"detector {key!r} is already registered")
    DETECTORS[key] = cls
    return cls


def span(al: Alignment, type_: DriftType, severity: DriftSeverity, a_range: tuple[int, int],
         b_range: tuple[int, int], note: str) -> DriftSpan:
    """A span with its texts sliced from the two renderings."""
    (a0, a1), (b0, b1) = a_range, b_range
    return DriftSpan(type_, severity, a0, a1, b0, b1, al.a.text[a0:a1], al.b.text[b0:b1], note)


def token_range(al: Alignment, which: str, first: int, last: int) -> tuple[int, int]:
    side = al.side(which)
    return side.tokens[first].start, side.tokens[last].end


def oriented(al: Alignment, which: str, own: tuple[int, int], other: tuple[int, int]
             ) -> tuple[tuple[int, int], tuple[int, int]]:
    """(a_range, b_range) from a range on side ``which`` and one on the other side."""
    return (own, other) if which == "a" else (other, own)
