"""Fixtures for the drift tests: the default encoder, loaded once per session.

The encoder is wrapped in :class:`~transcheck.drift.CachingEncoder`, so a text that several
tests compare (the anchors of the labelled pairs, the fixture cases) is encoded once.
"""

from __future__ import annotations

import pytest

from transcheck.drift import CachingEncoder


@pytest.fixture(scope="session")
def encoder() -> CachingEncoder:
    """The default encoder (``get_encoder()``), with its outputs memoised for the session."""
    from transcheck.encoders import get_encoder

    return CachingEncoder(get_encoder(), max_texts=100_000)
