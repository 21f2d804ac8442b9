"""``detect_drift`` and ``drift_summary``."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from ..encoders.base import Encoder
from ..types import DriftSeverity, DriftSpan
from .align import Alignment, align
from .detectors import load_detectors
from .vectors import ensure_cached

SEVERITY_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2}

#: Weight of one span of each severity in ``meaning_risk``: the probability that a span of
#: that severity changes what the speaker said. A high span is a coin toss on its own (a
#: detector can misfire, and a flipped negation in a subordinate clause may not change the
#: main claim); two highs make a change likely (0.75). Mediums and lows only add up.
RISK_WEIGHTS: dict[str, float] = {"high": 0.5, "medium": 0.25, "low": 0.05}


def detect_drift(a: str, b: str, *, lang_a: str, lang_b: str,
                 encoder: Encoder | None = None) -> list[DriftSpan]:
    """Differences between a reference rendering ``a`` and a rendering ``b`` of one quote.

    ``lang_a``/``lang_b`` are ISO 639-1 codes (en, ru, ka, fa; others work with the
    language-independent parts only). With ``encoder`` (see
    :func:`transcheck.encoders.get_encoder`) words are aligned with contextual vectors (one
    forward pass per text; pass a :class:`~transcheck.drift.CachingEncoder` to keep them
    across calls); without it, same-language pairs are aligned by their word diff (all
    detectors still run; synonyms cannot be told from other concepts) and cross-language
    pairs only get their numbers, dates and names compared.

    Deterministic; sorted by ``(a_start, b_start, type)``.
    """
    if not isinstance(a, str) or not isinstance(b, str):
        raise TypeError("detect_drift() compares two strings")
    if a == b and lang_a == lang_b:
        return []
    al = align(a, b, lang_a=lang_a, lang_b=lang_b, encoder=ensure_cached(encoder))
    return run_detectors(al)


def run_detectors(al: Alignment, names: Iterable[str] | None = None) -> list[DriftSpan]:
    """Run the registered detectors (or ``names`` of them) and resolve overlaps."""
    registry = load_detectors()
    chosen = sorted((registry[n] for n in (names or registry)), key=lambda c: (c.rank, c.type))
    if not al.same_language and al.method in ("none", "anchors"):
        chosen = [c for c in chosen if not c.needs_alignment]
    found: list[tuple[int, bool, DriftSpan]] = []
    for cls in chosen:
        for s in cls().detect(al):
            found.append((cls.rank, cls.residual, s))
    return resolve(found)


def _overlaps(x0: int, x1: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return x1 > x0 and any(x0 < r1 and r0 < x1 for r0, r1 in ranges)


def resolve(found: list[tuple[int, bool, DriftSpan]]) -> list[DriftSpan]:
    """Drop residual spans over text a lower-ranked span already explains; dedupe; sort.

    Residual are the spans of residual detectors and every omission or addition: a word
    that a negation, number, date, name or modal span explains is not also "missing".
    """
    claimed_a: list[tuple[int, int]] = []
    claimed_b: list[tuple[int, int]] = []
    out: list[DriftSpan] = []
    seen: set[tuple[object, ...]] = set()
    order = sorted(found, key=lambda f: (f[0], f[2].a_start, f[2].b_start, f[2].type,
                                         f[2].a_end, f[2].b_end, f[2].note))
    for _rank, residual, s in order:
        # a word left out or added is the weakest explanation, whichever detector saw it
        residual = residual or s.type in ("omission", "addition")
        if residual and (_overlaps(s.a_start, s.a_end, claimed_a)
                         or _overlaps(s.b_start, s.b_end, claimed_b)):
            continue
        key = (s.type, s.a_start, s.a_end, s.b_start, s.b_end)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
        if s.type != "reorder":
            if s.a_end > s.a_start:
                claimed_a.append((s.a_start, s.a_end))
            if s.b_end > s.b_start:
                claimed_b.append((s.b_start, s.b_end))
    out.sort(key=lambda s: (s.a_start, s.b_start, s.type, s.a_end, s.b_end, s.note))
    return out


def drift_summary(spans: Iterable[DriftSpan]) -> dict[str, object]:
    """Counts per type and severity, the worst severity and a ``meaning_risk`` in [0, 1].

    ``meaning_risk = 1 - prod(1 - w(severity))`` over all spans, with :data:`RISK_WEIGHTS`
    (high 0.5, medium 0.25, low 0.05): the chance that at least one span changes the
    meaning if each did so independently with probability ``w``. It is 0 with no spans,
    grows with every span and never reaches 1; one high span alone gives 0.5, and it
    takes about 14 low (wording) spans to match one high.
    """
    items = list(spans)
    by_type = Counter(s.type for s in items)
    by_sev = Counter(s.severity for s in items)
    worst: DriftSeverity | None = None
    for s in items:
        if worst is None or SEVERITY_ORDER[s.severity] > SEVERITY_ORDER[worst]:
            worst = s.severity
    risk = 1.0 - math.prod(1.0 - RISK_WEIGHTS[s.severity] for s in items)
    return {
        "spans": len(items),
        "by_type": dict(sorted(by_type.items())),
        "by_severity": {k: by_sev.get(k, 0) for k in ("high", "medium", "low")},
        "worst_severity": worst,
        "meaning_risk": round(risk, 4),
    }
