"""Drift detectors: one module per detector, all registered in :data:`DETECTORS`."""

from __future__ import annotations

import importlib
import pkgutil

from .base import DETECTORS, Detector, register

_loaded = False


def load_detectors() -> dict[str, type[Detector]]:
    """Import every module of this package (once) and return the registry."""
    global _loaded
    if not _loaded:
        for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
            if mod != "base" and not mod.startswith("_"):
                importlib.import_module(f"{__name__}.{mod}")
        _loaded = True
    return DETECTORS


__all__ = ["DETECTORS", "Detector", "load_detectors", "register"]
