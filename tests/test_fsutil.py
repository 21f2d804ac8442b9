"""Outputs appear whole or not at all, even when they are written in pieces."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.fsutil import atomic_write, atomic_write_text


def test_pieces_replace_the_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "r.json"
    atomic_write_text(out, "old\n")
    atomic_write(out, lambda write: [write(s) for s in ("a", "ბ", "\n")])
    assert out.read_text("utf-8") == "aბ\n"
    assert [p.name for p in out.parent.iterdir()] == ["r.json"]


def test_a_failure_in_the_middle_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    atomic_write_text(out, "previous\n")

    def fill(write) -> None:
        write("half of a new rep")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(out, fill)
    assert out.read_text("utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
