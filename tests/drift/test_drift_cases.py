"""Every hand-written case in fixtures/drift/cases.jsonl, with and without the encoder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from transcheck.drift import detect_drift
from transcheck.types import DriftSpan

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "fixtures" / "drift" / "cases.jsonl"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


ALL_CASES = read_jsonl(CASES)
SEVERITY = {"low": 0, "medium": 1, "high": 2}
HIGH_TYPES = {"negation", "number", "date", "entity", "modality"}


def _problems(case: dict[str, Any], spans: list[DriftSpan]) -> list[str]:
    types = {s.type for s in spans}
    out = [f"missing {t}" for t in case["expect"] if t not in types]
    out += [f"unexpected {t}" for t in case["forbid"] if t in types]
    cap = case.get("max_severity")
    if cap is not None:
        out += [f"{s.type} is {s.severity}" for s in spans
                if SEVERITY[s.severity] > SEVERITY[cap]]
    out += [f"no note with {n!r}" for n in case.get("notes", ())
            if not any(n in s.note for s in spans)]
    return out


def _show(spans: list[DriftSpan]) -> str:
    return "\n".join(f"  {s.type}/{s.severity} {s.a_text!r} -> {s.b_text!r}: {s.note}"
                     for s in spans)


def test_the_fixture_covers_every_type_and_language_pair() -> None:
    ids = {c["id"] for c in ALL_CASES}
    assert len(ids) == len(ALL_CASES), "case ids must be unique"
    for pair in ("en-en", "ru-ru", "ka-ka", "fa-fa"):
        expected = {t for c in ALL_CASES if c["id"].startswith(pair) for t in c["expect"]}
        assert expected >= {"negation", "number", "date", "entity", "modality", "intensity",
                            "concept", "wording", "omission", "addition", "reorder"}, pair
    for pair in ("en-ru", "en-ka", "en-fa"):
        expected = {t for c in ALL_CASES if c["id"].startswith(pair) for t in c["expect"]}
        assert expected >= {"negation", "number", "date", "entity", "modality", "intensity",
                            "concept", "omission", "addition"}, pair
        faithful = [c for c in ALL_CASES if c["id"].startswith(pair) and not c["expect"]]
        assert faithful and all(set(c["forbid"]) >= HIGH_TYPES for c in faithful)


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case_with_encoder(case: dict[str, Any], encoder) -> None:
    spans = detect_drift(case["a"], case["b"], lang_a=case["lang_a"], lang_b=case["lang_b"],
                         encoder=encoder)
    problems = _problems(case, spans)
    assert not problems, f"{problems}\n{_show(spans)}"


SAME_LANGUAGE = [c for c in ALL_CASES if c["lang_a"] == c["lang_b"]]


@pytest.mark.parametrize("case", SAME_LANGUAGE, ids=[c["id"] for c in SAME_LANGUAGE])
def test_same_language_case_without_encoder(case: dict[str, Any]) -> None:
    """The word diff alone finds every same-language drift (synonyms count as wording)."""
    spans = detect_drift(case["a"], case["b"], lang_a=case["lang_a"], lang_b=case["lang_b"])
    problems = _problems(case, spans)
    assert not problems, f"{problems}\n{_show(spans)}"


CROSS_VALUES = [c for c in ALL_CASES if c["lang_a"] != c["lang_b"]
                and set(c["expect"]) <= {"number", "date", "entity"}]


@pytest.mark.parametrize("case", CROSS_VALUES, ids=[c["id"] for c in CROSS_VALUES])
def test_cross_language_values_without_encoder(case: dict[str, Any]) -> None:
    """Without an encoder, numbers, dates and names are still compared across languages,
    and nothing that needs a word alignment is reported."""
    spans = detect_drift(case["a"], case["b"], lang_a=case["lang_a"], lang_b=case["lang_b"])
    problems = [p for p in _problems(case, spans) if not p.startswith("no note")]
    assert not problems, f"{problems}\n{_show(spans)}"
    assert {s.type for s in spans} <= {"number", "date", "entity", "omission", "addition"}


def test_seed_renderings_of_the_ryabkov_quote(encoder) -> None:
    case = next(c for c in ALL_CASES if c["id"] == "en-en-seed-republic-yjc")
    spans = detect_drift(case["a"], case["b"], lang_a="en", lang_b="en", encoder=encoder)
    by_type = {(s.type, s.a_text, s.b_text) for s in spans}
    assert ("intensity", "elimination", "destroying") in by_type
    assert ("wording", "alliance", "coalition") in by_type
    assert ("concept", "policy", "politics") in by_type
    assert any(t == "reorder" and "1997" in a for t, a, _ in by_type)
    assert not any(s.type == "negation" for s in spans)
