"""The public API: spans that slice the texts, order, determinism, edge cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from transcheck.drift import detect_drift
from transcheck.drift.vectors import CachingEncoder
from transcheck.types import DriftSpan

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "fixtures" / "drift" / "cases.jsonl"
SEEDS = ROOT / "seeds"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


ALL_CASES = read_jsonl(CASES)
ORDER = ("low", "medium", "high")


def check_spans(a: str, b: str, spans: list[DriftSpan]) -> None:
    for s in spans:
        assert 0 <= s.a_start <= s.a_end <= len(a)
        assert 0 <= s.b_start <= s.b_end <= len(b)
        assert a[s.a_start:s.a_end] == s.a_text
        assert b[s.b_start:s.b_end] == s.b_text
        assert s.a_text or s.b_text
        assert s.severity in ORDER
        assert s.note.startswith(s.type) or s.note.split(":")[0] in (
            "date", "entity", "modality", "addition", "omission")
    keys = [(s.a_start, s.b_start, s.type) for s in spans]
    assert keys == sorted(keys)


def test_spans_slice_the_texts_in_every_case(encoder) -> None:
    for c in ALL_CASES:
        spans = detect_drift(c["a"], c["b"], lang_a=c["lang_a"], lang_b=c["lang_b"],
                             encoder=encoder)
        check_spans(c["a"], c["b"], spans)


def test_omissions_are_empty_in_b_and_additions_empty_in_a(encoder) -> None:
    for c in ALL_CASES:
        for s in detect_drift(c["a"], c["b"], lang_a=c["lang_a"], lang_b=c["lang_b"],
                              encoder=encoder):
            if s.type == "omission":
                assert s.a_text and not s.b_text or s.note.startswith("entity")
            if s.type == "addition":
                assert s.b_text and not s.a_text or s.note.startswith(("entity", "addition"))


def test_deterministic(encoder) -> None:
    fresh = CachingEncoder(encoder.inner)  # same model, empty caches
    for c in ALL_CASES[::7]:
        args = dict(lang_a=c["lang_a"], lang_b=c["lang_b"])
        first = detect_drift(c["a"], c["b"], encoder=encoder, **args)
        assert detect_drift(c["a"], c["b"], encoder=encoder, **args) == first
        assert detect_drift(c["a"], c["b"], encoder=fresh, **args) == first
        assert detect_drift(c["a"], c["b"], encoder=encoder.inner, **args) == first


@pytest.mark.parametrize(("lang_a", "lang_b"), [("en", "en"), ("en", "ru"), ("fa", "fa")])
def test_identical_and_empty_inputs(lang_a: str, lang_b: str, encoder) -> None:
    text = {"en": "NATO will not expand further.", "ru": "НАТО не будет расширяться.",
            "fa": "ناتو گسترش نمی\u200cیابد."}[lang_a]
    if lang_a == lang_b:
        assert detect_drift(text, text, lang_a=lang_a, lang_b=lang_b, encoder=encoder) == []
        assert detect_drift(text, text + "  ", lang_a=lang_a, lang_b=lang_b,
                            encoder=encoder) == []
    assert detect_drift("", "", lang_a=lang_a, lang_b=lang_b, encoder=encoder) == []
    assert detect_drift("  ", "...", lang_a=lang_a, lang_b=lang_b, encoder=encoder) == []
    gone = detect_drift(text, "", lang_a=lang_a, lang_b=lang_b, encoder=encoder)
    check_spans(text, "", gone)
    assert gone and {s.type for s in gone} <= {"omission", "negation"}
    new = detect_drift("", text, lang_a=lang_a, lang_b=lang_b, encoder=encoder)
    check_spans("", text, new)
    assert new and {s.type for s in new} <= {"addition", "negation"}


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        detect_drift(None, "x", lang_a="en", lang_b="en")  # type: ignore[arg-type]
    # an unsupported language still gets the language-independent checks
    spans = detect_drift("Die Gespräche beginnen am 10. mit 8 Delegationen.",
                         "Die Gespräche beginnen am 10. mit 6 Delegationen.",
                         lang_a="de", lang_b="de")
    assert [s.type for s in spans] == ["number"]


def _long_text(n: int) -> list[str]:
    places = ["Geneva", "Vienna", "Brussels", "Moscow", "Washington"]
    return [f"In round {k + 1} the delegation will meet its partners in {places[k % 5]} and "
            f"discuss {k + 3} proposals on security guarantees." for k in range(n)]


def test_very_long_inputs(encoder) -> None:
    """4000 words: far past the encoder's 512-token window, the diff still finds the edits."""
    sents = _long_text(250)
    a = " ".join(sents)
    sents[150] = sents[150].replace("will meet", "will not meet")
    sents[200] = sents[200].replace("203 proposals", "230 proposals")
    b = " ".join(sents)
    assert len(a.split()) > 4000
    flipped = a.index("In round 151")
    for spans in (detect_drift(a, b, lang_a="en", lang_b="en", encoder=encoder),
                  detect_drift(a, b, lang_a="en", lang_b="en")):
        check_spans(a, b, spans)
        high = [s for s in spans if s.severity == "high"]
        assert [s.type for s in high] == ["negation", "number"]
        assert flipped < high[0].a_start < flipped + 100
        assert (high[1].a_text, high[1].b_text) == ("203", "230")
    # across languages past the window only numbers and names align; spans stay well-formed
    ru = "Мы не согласны с этим. " * 400 + "Переговоры пройдут 10 января в Женеве."
    en = "We do not agree with this. " * 400 + "The talks will take place in Vienna."
    spans = detect_drift(en, ru, lang_a="en", lang_b="ru", encoder=encoder)
    check_spans(en, ru, spans)
    assert any(s.a_text == "Vienna" and s.note.startswith("entity") for s in spans)


def test_real_seed_quotes_do_not_crash(encoder) -> None:
    """Every pair of paragraphs from two seed articles: spans stay well-formed."""
    paras = []
    for name in ("000_3af203870205abd9.txt", "003_37e31a36b826f676.txt"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        paras += [p for p in text.split("\n") if len(p.split()) > 8][:4]
    for x in paras:
        for y in paras:
            check_spans(x, y, detect_drift(x, y, lang_a="en", lang_b="en", encoder=encoder))
