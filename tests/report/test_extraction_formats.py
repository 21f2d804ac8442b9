"""The extraction's json and jsonl are streamed with the same bytes as rendered whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.extract import extract
from transcheck.report import get_renderer

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_streamed_extraction_equals_rendered(fmt: str) -> None:
    x = extract([str(ROOT / "seeds")])
    assert x.quotes
    renderer = get_renderer("extraction", fmt)
    pieces: list[str] = []
    renderer.write(x, pieces.append)
    assert "".join(pieces) == renderer.render(x)
    assert len(pieces) >= len(x.quotes)
