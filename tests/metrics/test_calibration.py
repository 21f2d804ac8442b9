"""Calibration of raw cosine into semantic similarity."""

import json
from pathlib import Path

from transcheck.metrics.calibration import Calibration, calibration_for, fit, uncalibrated

ROOT = Path(__file__).resolve().parents[2]


def test_identical_texts_have_similarity_one_and_curve_is_monotonic() -> None:
    cal = calibration_for("intfloat/multilingual-e5-small")
    assert cal.similarity(1.0) == 1.0
    values = [cal.similarity(c / 100) for c in range(60, 101)]
    assert values == sorted(values)
    assert cal.similarity(0.75) < 0.1  # where unrelated pairs sit for this model


def test_unknown_model_is_marked_uncalibrated() -> None:
    cal = calibration_for("some/unknown-model")
    assert cal == uncalibrated("some/unknown-model")
    assert "none" in cal.signature()


def test_fit_recovers_a_known_curve() -> None:
    truth = Calibration("m", 20.0, 0.8, {})
    xs = [0.6 + 0.01 * i for i in range(41)]
    got = fit("m", xs, [truth.similarity(x) for x in xs], pairs_id="synthetic")
    assert abs(got.k - 20.0) < 1.0 and abs(got.c - 0.8) < 0.01
    assert got.fit["rmse"] < 0.01 and got.fit["spearman"] > 0.99


def test_stored_constants_reproduce_from_the_labelled_pairs(e5) -> None:
    from transcheck.compare import calibrate

    path = ROOT / "fixtures/pairs/labelled.jsonl"
    got = calibrate("fixtures/pairs/labelled.jsonl", path.read_bytes(), encoder=e5)
    stored = json.loads((ROOT / "src/transcheck/data/calibration.json").read_text("utf-8"))
    entry = stored["intfloat/multilingual-e5-small"]
    assert abs(got.k - entry["k"]) < 0.5 and abs(got.c - entry["c"]) < 0.002
    assert got.fit["spearman"] >= 0.75
