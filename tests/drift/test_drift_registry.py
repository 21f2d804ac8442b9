"""The detector registry: one class per file, ranks, and overlap resolution."""

from __future__ import annotations

from typing import ClassVar

from transcheck.drift import DETECTORS, Detector, detect_drift, load_detectors, register
from transcheck.drift.align import align
from transcheck.drift.core import run_detectors
from transcheck.drift.detectors.base import span
from transcheck.types import DriftSpan

TYPES = {"wording", "intensity", "concept", "omission", "addition", "reorder", "negation",
         "number", "date", "entity", "modality"}


def test_every_type_has_a_registered_detector() -> None:
    reg = load_detectors()
    assert {cls.type for cls in reg.values()} == TYPES
    assert set(reg) == TYPES | {"editorial"}
    for name, cls in reg.items():
        assert issubclass(cls, Detector) and (cls.name or cls.type) == name
    ranks = {cls.type: cls.rank for cls in reg.values() if cls.name != "editorial"}
    assert ranks["negation"] < ranks["number"] < ranks["modality"] < ranks["intensity"] \
        < ranks["concept"] < ranks["wording"] < ranks["omission"] < ranks["reorder"]


def test_a_new_detector_is_one_class() -> None:
    @register
    class ShoutDetector(Detector):
        type: ClassVar = "wording"  # type: ignore[misc]
        name: ClassVar[str] = "test-shout"
        rank: ClassVar[int] = 75

        def detect(self, alignment) -> list[DriftSpan]:
            out = []
            for p in alignment.pairs:
                ta, tb = alignment.a.tokens[p.i], alignment.b.tokens[p.j]
                if ta.text.islower() and tb.text.isupper() and ta.text == tb.text.lower():
                    out.append(span(alignment, "wording", "low", alignment.a.span(p.i),
                                    alignment.b.span(p.j), "wording: shouted"))
            return out

    try:
        al = align("we need guarantees", "we NEED guarantees", lang_a="en", lang_b="en")
        got = run_detectors(al, ["test-shout"])
        assert [(s.a_text, s.b_text, s.note) for s in got] == [("need", "NEED", "wording: shouted")]
        assert any(s.note == "wording: shouted" for s in run_detectors(al))
    finally:
        DETECTORS.pop("test-shout")
    assert "test-shout" not in load_detectors()


def test_residual_spans_give_way_to_specific_ones() -> None:
    # "not" dropped is a negation, not also an omission; "eight" -> "six" is a number,
    # not also a wording change; a dropped date is one date omission, not two spans
    spans = detect_drift("We will not sign all eight articles on 10 January.",
                         "We will sign all six articles.", lang_a="en", lang_b="en")
    kinds = [(s.type, s.a_text) for s in spans]
    assert ("negation", "not") in kinds
    assert ("number", "eight") in kinds
    assert ("omission", "10 January") in kinds
    assert not any(t in ("wording", "concept") for t, _ in kinds)
    assert sum(1 for t, a in kinds if "January" in a) == 1
