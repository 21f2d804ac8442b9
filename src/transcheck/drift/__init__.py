"""Meaning drift between two renderings of one quotation.

``detect_drift(a, b, lang_a=..., lang_b=..., encoder=...)`` lists what changed from the
reference rendering ``a`` to ``b``: a flipped negation, a changed number, date, name or
modal verb (high severity), an intensifier or a different concept (medium), a synonym or a
moved phrase (low), and words left out or added. ``drift_summary`` condenses the spans.

The stages are one module each: :mod:`.tokens` (tokenisation with offsets),
:mod:`.align` (word alignment: diff + embeddings within a language, SimAlign across
languages), and the detectors in :mod:`.detectors` (one file each, registered in
:data:`DETECTORS`).
"""

from __future__ import annotations

from .align import AlignedPair, Alignment, align
from .core import RISK_WEIGHTS, detect_drift, drift_summary, run_detectors
from .detectors import DETECTORS, Detector, load_detectors, register
from .tokens import Token, tokenize
from .vectors import CachingEncoder

__all__ = [
    "DETECTORS",
    "RISK_WEIGHTS",
    "AlignedPair",
    "Alignment",
    "CachingEncoder",
    "Detector",
    "Token",
    "align",
    "detect_drift",
    "drift_summary",
    "load_detectors",
    "register",
    "run_detectors",
    "tokenize",
]
