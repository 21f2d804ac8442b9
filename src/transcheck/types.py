"""Frozen dataclasses shared by every stage of the pipeline.

Data moves one way: ``Article`` (ingest) -> ``Quote`` (extract) -> later stages.
Nothing here knows about the terminal, files or exit codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "partial", "block"]
Severity = Literal["error", "warning", "info"]

UNKNOWN_SPEAKER = "unknown"


@dataclass(frozen=True, slots=True)
class Article:
    """One decoded article. ``text`` is kept exactly as decoded: every offset refers to it."""

    id: str
    path: str
    text: str
    outlet: str
    lang: str
    published: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    #: Character spans of ``text`` that are page furniture or verbatim repeats, never prose.
    skipped: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation found in an article. ``text == article.text[start:end]``, without marks."""

    id: str
    doc: str
    outlet: str
    lang: str
    speaker: str
    speaker_surface: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    line: int = 1
    col: int = 1
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input: reported, and the run goes on."""

    source: str
    code: str
    message: str
    severity: Severity = "error"

    def render(self) -> str:
        return f"{self.source}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class Extraction:
    """Result of ``extract``: the documents read, their quotes, and what went wrong."""

    documents: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)


DriftType = Literal["wording", "intensity", "concept", "omission", "addition", "reorder",
                    "negation", "number", "date", "entity", "modality"]
DriftSeverity = Literal["low", "medium", "high"]


@dataclass(frozen=True, slots=True)
class DriftSpan:
    """One difference between two renderings: what changed, where, and how much it matters.

    Spans are character offsets into the two texts as given (``a`` is the reference);
    an omission has an empty span in ``b``, an addition an empty span in ``a``.
    """

    type: DriftType
    severity: DriftSeverity
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    note: str = ""


@dataclass(frozen=True)
class PairScore:
    """How far two renderings diverge. Lexical scores are ``None`` across languages."""

    id: str
    a: str
    b: str
    lang_a: str
    lang_b: str
    cosine: float
    semantic_similarity: float
    divergence: float
    bleu: float | None
    chrf: float | None
    ter: float | None
    lexical_note: str | None = None
    #: Input line of the pair (batch runs), so errors and scores keep the input order.
    line: int = 0
    #: What the embedding cannot see: word-level drift, and how likely it changes meaning.
    meaning_risk: float = 0.0
    drift: tuple[DriftSpan, ...] = ()


@dataclass(frozen=True)
class PairError:
    """A pair that could not be scored (a bad input row): reported, not fatal."""

    id: str
    line: int
    message: str


@dataclass(frozen=True)
class Comparison:
    scores: tuple[PairScore, ...]
    signature: dict[str, object]
    errors: tuple[PairError, ...] = ()


@dataclass(frozen=True)
class Rendering:
    """A quote's place in a cluster: which part of the utterance it renders."""

    quote: str  # quote id
    doc: str
    outlet: str
    lang: str


@dataclass(frozen=True, slots=True)
class PairResult:
    """Two renderings of one utterance from different documents, scored.

    When one is a fragment of the other, ``window_*`` is the part of the longer one it
    aligns to (offsets into that quote's text) and every score is computed on it.
    """

    a: str  # quote id (the reference side)
    b: str
    window_a: tuple[int, int] | None
    window_b: tuple[int, int] | None
    cosine: float
    semantic_similarity: float
    divergence: float
    bleu: float | None
    chrf: float | None
    ter: float | None
    lexical_note: str | None
    drift: tuple[DriftSpan, ...] = ()
    meaning_risk: float = 0.0


@dataclass(frozen=True, slots=True)
class Cluster:
    """One utterance of one speaker and every rendering of it across outlets."""

    id: str
    speaker: str
    quotes: tuple[str, ...]
    reference: str
    reference_reason: str
    outlier: str | None
    pairs: tuple[PairResult, ...]


@dataclass(frozen=True)
class Report:
    """Everything ``transcheck report`` found: the input of every renderer and rule."""

    documents: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    #: In order; ``build_report`` gives a ``spill.ClusterFile``, read from disk when iterated.
    clusters: Sequence[Cluster]
    problems: tuple[Problem, ...]
    signature: dict[str, object]


FindingLevel = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one pair (or one quote), located in its article."""

    code: str
    rule: str
    level: FindingLevel
    message: str
    cluster: str
    a: str | None  # quote id of the reference side (None for single-quote rules)
    b: str  # quote id of the rendering that is flagged
    path: str
    line: int
    col: int
    fingerprint: str
