"""Semantic similarity and divergence from a sentence encoder, calibrated per model."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..encoders.base import Encoder
from .calibration import Calibration, calibration_for


def model_id_of(encoder: Encoder) -> str:
    sig = encoder.signature()
    return str(sig.get("model_id") or sig.get("model") or encoder.name)


class SemanticSimilarity:
    """Cosine of the encoder's vectors, mapped through the model's calibration."""

    name = "semantic"

    def __init__(self, encoder: Encoder, calibration: Calibration | None = None):
        self.encoder = encoder
        self.calibration = calibration or calibration_for(model_id_of(encoder))

    def cosines(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Row-wise cosine of a[i] and b[i]; each distinct text is encoded once."""
        unique = sorted(set(a) | set(b))
        vectors = self.encoder.encode(unique) if unique else np.zeros((0, 1), np.float32)
        index = {t: i for i, t in enumerate(unique)}
        va = vectors[[index[t] for t in a]]
        vb = vectors[[index[t] for t in b]]
        return np.clip(np.sum(va * vb, axis=1), -1.0, 1.0)

    def similarity(self, cosine: float) -> float:
        return self.calibration.similarity(cosine)
