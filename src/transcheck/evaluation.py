"""Scoring extraction against gold annotations: precision, recall, F1, attribution accuracy.

A predicted quote matches a gold quote in the same document when their spans overlap by
at least half of the longer one (so a trailing comma does not turn a hit into a miss);
exact-span agreement is reported separately.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from .types import Quote


@dataclass(frozen=True)
class GoldQuote:
    doc: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str
    lang: str | None = None


def load_gold(path: str | Path) -> list[GoldQuote]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(GoldQuote(r["doc"], r["start"], r["end"], r["text"], r["kind"],
                                 r["speaker"], r.get("lang")))
    return out


@dataclass(frozen=True)
class Scores:
    gold: int
    predicted: int
    matched: int
    exact: int
    speaker_correct: int
    kind_correct: int
    lang_correct: int
    lang_total: int
    misses: tuple[GoldQuote, ...]
    spurious: tuple[Quote, ...]
    wrong_speaker: tuple[tuple[GoldQuote, Quote], ...]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.matched if self.matched else 0.0

    def summary(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "exact_span": self.exact,
                "speaker_accuracy": round(self.speaker_accuracy, 3),
                "kind_accuracy": round(self.kind_correct / self.matched, 3) if self.matched else 0,
                "lang_accuracy": round(self.lang_correct / self.lang_total, 3)
                if self.lang_total else None}


def _doc_key(doc: str) -> str:
    return PurePath(doc).stem


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(a[1] - a[0], b[1] - b[0], 1) if inter > 0 else 0.0


def score(predicted: Sequence[Quote], gold: Iterable[GoldQuote]) -> Scores:
    gold = list(gold)
    used: set[int] = set()
    pairs: list[tuple[GoldQuote, Quote]] = []
    misses: list[GoldQuote] = []
    for g in gold:
        best, best_ov = None, 0.5
        for i, q in enumerate(predicted):
            if i in used or _doc_key(q.doc) != _doc_key(g.doc):
                continue
            ov = _overlap((g.start, g.end), (q.start, q.end))
            if ov >= best_ov:
                best, best_ov = i, ov
        if best is None:
            misses.append(g)
        else:
            used.add(best)
            pairs.append((g, predicted[best]))
    spurious = tuple(q for i, q in enumerate(predicted) if i not in used)
    with_lang = [(g, q) for g, q in pairs if g.lang]
    return Scores(
        gold=len(gold), predicted=len(predicted), matched=len(pairs),
        exact=sum(g.start == q.start and g.end == q.end for g, q in pairs),
        speaker_correct=sum(g.speaker == q.speaker for g, q in pairs),
        kind_correct=sum(g.kind == q.kind for g, q in pairs),
        lang_correct=sum(g.lang == q.lang for g, q in with_lang), lang_total=len(with_lang),
        misses=tuple(misses), spurious=spurious,
        wrong_speaker=tuple((g, q) for g, q in pairs if g.speaker != q.speaker))
