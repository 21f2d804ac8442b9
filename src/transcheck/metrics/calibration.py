"""Map a model's bunched raw cosine onto a semantic similarity in [0, 1].

Raw cosines of e5-style models crowd into a narrow band (unrelated sentences near 0.75,
translations 0.9-0.97), so a raw value means little to a reader. A logistic curve
``1 / (1 + exp(-k (cos - c)))`` fitted per model on a hand-labelled pair set
(fixtures/pairs/) spreads that band over [0, 1]. Constants live in
``transcheck/data/calibration.json``; ``transcheck calibrate`` fits them for a new model.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Calibration:
    model_id: str
    k: float
    c: float
    #: How the constants were obtained: pair-set id, size, fit error, rank correlation.
    fit: dict[str, Any]

    def _logistic(self, cosine: float) -> float:
        z = -self.k * (cosine - self.c)
        return 1.0 / (1.0 + math.exp(min(60.0, max(-60.0, z))))

    def similarity(self, cosine: float) -> float:
        # scaled so that identical texts (cosine 1) have similarity 1 and divergence 0
        return min(1.0, self._logistic(cosine) / self._logistic(1.0))

    def signature(self) -> str:
        return f"calib:logistic|k:{self.k:.4g}|c:{self.c:.4g}|fit:{self.fit.get('pairs', '?')}"


#: For a model nobody calibrated: a gentle curve centred where unrelated pairs usually sit;
#: reports say that the model is uncalibrated.
def uncalibrated(model_id: str) -> Calibration:
    return Calibration(model_id, 12.0, 0.5, {"pairs": "none", "note": "uncalibrated default"})


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    path = resources.files("transcheck.data").joinpath("calibration.json")
    table = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    return {k: v for k, v in table.items() if not k.startswith("_")}


def calibration_for(model_id: str) -> Calibration:
    entry = _table().get(model_id)
    if entry is None:
        return uncalibrated(model_id)
    return Calibration(model_id, float(entry["k"]), float(entry["c"]), dict(entry["fit"]))


def _spearman(x: Sequence[float], y: Sequence[float]) -> float:
    def ranks(v: Sequence[float]) -> list[float]:
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for t in range(i, j + 1):
                r[order[t]] = (i + j) / 2
            i = j + 1
        return r

    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    vy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (vx * vy) if vx and vy else 0.0


def fit(model_id: str, cosines: Sequence[float], targets: Sequence[float], *,
        pairs_id: str) -> Calibration:
    """Least-squares logistic fit by a coarse-to-fine grid: deterministic, no optimiser."""
    if len(cosines) != len(targets) or len(cosines) < 4:
        raise ValueError("need at least four labelled pairs to fit a calibration")

    def loss(k: float, c: float) -> float:
        cal = Calibration(model_id, k, c, {})  # fitted through the same scaled curve
        return sum((cal.similarity(x) - t) ** 2 for x, t in zip(cosines, targets, strict=True))

    best = (float("inf"), 10.0, 0.8)
    k_grid = [2.0 * 1.15**i for i in range(40)]
    c_grid = [0.5 + 0.005 * i for i in range(101)]
    for k in k_grid:
        for c in c_grid:
            v = loss(k, c)
            if v < best[0]:
                best = (v, k, c)
    _, k0, c0 = best
    for k in [k0 * (0.9 + 0.01 * i) for i in range(21)]:
        for c in [c0 - 0.005 + 0.0005 * i for i in range(21)]:
            v = loss(k, c)
            if v < best[0]:
                best = (v, k, c)
    err, k, c = best
    cal = Calibration(model_id, round(k, 4), round(c, 5), {})
    predicted = [cal.similarity(x) for x in cosines]
    return Calibration(model_id, cal.k, cal.c, {
        "pairs": pairs_id, "n": len(cosines), "rmse": round(math.sqrt(err / len(cosines)), 4),
        "spearman": round(_spearman(predicted, targets), 4),
    })


def to_json(cal: Calibration) -> dict[str, Any]:
    d = asdict(cal)
    d.pop("model_id")
    return d


#: Labels whose meaning shift an encoder cannot see (a flipped negation scores like a
#: paraphrase); they are left out of the fit, and the drift detectors carry them instead.
EXCLUDED_LABELS = ("meaning_change",)


def fit_labelled(records: Sequence[dict[str, Any]], cosines: Sequence[float], *, model_id: str,
                 pairs_id: str) -> Calibration:
    """Fit on labelled records ({label, target}) and their raw cosines."""
    use = [i for i, r in enumerate(records) if r.get("label") not in EXCLUDED_LABELS]
    cal = fit(model_id, [cosines[i] for i in use], [float(records[i]["target"]) for i in use],
              pairs_id=pairs_id)
    cal.fit["excluded_labels"] = list(EXCLUDED_LABELS)
    return cal
