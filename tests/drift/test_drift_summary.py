"""drift_summary: counts, worst severity and meaning_risk."""

from __future__ import annotations

import math

import pytest

from transcheck.drift import RISK_WEIGHTS, detect_drift, drift_summary
from transcheck.types import DriftSpan


def span(type_: str, severity: str) -> DriftSpan:
    return DriftSpan(type_, severity, 0, 1, 0, 1, "a", "b")  # type: ignore[arg-type]


def test_empty() -> None:
    s = drift_summary([])
    assert s["spans"] == 0 and s["by_type"] == {} and s["worst_severity"] is None
    assert s["meaning_risk"] == 0.0
    assert s["by_severity"] == {"high": 0, "medium": 0, "low": 0}


def test_counts_worst_and_risk() -> None:
    spans = [span("wording", "low"), span("wording", "low"), span("concept", "medium"),
             span("negation", "high")]
    s = drift_summary(spans)
    assert s["spans"] == 4
    assert s["by_type"] == {"concept": 1, "negation": 1, "wording": 2}
    assert s["by_severity"] == {"high": 1, "medium": 1, "low": 2}
    assert s["worst_severity"] == "high"
    expected = 1 - (1 - 0.5) * (1 - 0.25) * (1 - 0.05) ** 2
    assert s["meaning_risk"] == pytest.approx(expected, abs=1e-4)
    assert drift_summary(spans[:2])["worst_severity"] == "low"


def test_risk_is_monotone_and_bounded() -> None:
    assert RISK_WEIGHTS == {"high": 0.5, "medium": 0.25, "low": 0.05}
    assert drift_summary([span("negation", "high")])["meaning_risk"] == 0.5
    risks = [drift_summary([span("wording", "low")] * n)["meaning_risk"] for n in range(30)]
    assert risks == sorted(risks) and all(0 <= r < 1 for r in risks)
    # about fourteen synonym swaps weigh as much as one flipped negation
    n = math.ceil(math.log(0.5) / math.log(0.95))
    assert risks[n] >= 0.5 > risks[n - 1]


def test_summary_of_a_real_comparison() -> None:
    spans = detect_drift("Washington should answer all eight articles.",
                         "Washington must answer all six articles.", lang_a="en", lang_b="en")
    s = drift_summary(spans)
    assert s["by_type"] == {"modality": 1, "number": 1}
    assert s["worst_severity"] == "high" and s["meaning_risk"] == 0.75
