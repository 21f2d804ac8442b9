"""Fixtures shared by the whole suite. The model loads once per session, offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Never reach for a model hub from the tests, whatever the caller's environment.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def e5_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("transcheck-cache")


@pytest.fixture(scope="session")
def e5(e5_cache_dir: Path):
    """The default encoder, converted once into a session-private cache."""
    from transcheck.encoders.e5 import E5Small

    encoder = E5Small(cache_dir=e5_cache_dir)
    assert encoder.model is not None  # loaded now, once: tests compare other loads to it
    return encoder


@pytest.fixture(scope="session", autouse=True)
def _private_model_cache(e5_cache_dir: Path):
    """Commands run in tests find the session's converted model, not the user's cache."""
    old = os.environ.get("TRANSCHECK_CACHE_DIR")
    os.environ["TRANSCHECK_CACHE_DIR"] = str(e5_cache_dir)
    yield
    if old is None:
        os.environ.pop("TRANSCHECK_CACHE_DIR", None)
    else:
        os.environ["TRANSCHECK_CACHE_DIR"] = old
