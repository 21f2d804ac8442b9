"""build_report's treatment of the process it runs in."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from transcheck.pipeline import GC_ALLOCATIONS, build_report

GOOD = str(Path(__file__).resolve().parents[1] / "fixtures" / "nasty" / "good.txt")


@pytest.mark.parametrize("threshold", [(700, 10, 10), (0, 10, 10), (500_000, 5, 5)])
def test_the_collector_threshold_is_raised_for_the_run_and_restored(
        e5, threshold: tuple[int, int, int]) -> None:
    seen: list[tuple[int, int, int]] = []
    old = gc.get_threshold()
    gc.set_threshold(*threshold)
    try:
        report = build_report([GOOD], encoder=e5,
                              progress=lambda *_: seen.append(gc.get_threshold()))
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*old)
    assert report.documents and seen
    # raised while the report is built, never lowered, and a disabled collector stays off
    want = threshold if threshold[0] in (0, 500_000) else (GC_ALLOCATIONS, 10, 10)
    assert set(seen) == {want}
    assert after == threshold


def test_the_threshold_is_restored_when_the_run_fails(e5) -> None:
    old = gc.get_threshold()

    def fail(*_: object) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        build_report([GOOD], encoder=e5, progress=fail)
    assert gc.get_threshold() == old
