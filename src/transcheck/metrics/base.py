"""Metrics: small classes with ``sentence_score`` / ``corpus_score`` and a signature.

Every score carries the signature of what produced it, so a number in a report can be
reproduced (or told apart from one made with other settings).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class MetricResult:
    name: str
    #: ``None`` when the metric does not apply to this pair; ``reason`` says why.
    value: float | None
    signature: str
    reason: str | None = None


class Metric(ABC):
    name: ClassVar[str]
    #: Whether higher values mean more divergence (TER) rather than more agreement.
    higher_is_worse: ClassVar[bool] = False

    @abstractmethod
    def signature(self) -> str: ...

    @abstractmethod
    def sentence_score(self, reference: str, hypothesis: str, *, lang_ref: str,
                       lang_hyp: str) -> MetricResult: ...

    @abstractmethod
    def corpus_score(self, references: Sequence[str], hypotheses: Sequence[str], *,
                     lang: str) -> MetricResult: ...


METRICS: dict[str, type[Metric]] = {}


def register(cls: type[Metric]) -> type[Metric]:
    METRICS[cls.name] = cls
    return cls
