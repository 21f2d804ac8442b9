"""Surface metrics through sacrebleu: sentence BLEU (effective order), chrF++ and TER.

They compare word forms, so they mean something only when both renderings are in the
same language; across languages they return ``None`` with the reason, never a number.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from sacrebleu.metrics import BLEU, CHRF, TER

from .base import Metric, MetricResult, register

#: sacrebleu tokenizers for languages without spaces between words.
_TOKENIZE = {"zh": "zh", "ja": "char", "ko": "char", "th": "char"}


def not_comparable(lang_ref: str, lang_hyp: str) -> str | None:
    if lang_ref != lang_hyp:
        return (f"cross-language pair ({lang_ref}→{lang_hyp}): surface metrics are not "
                "comparable across languages")
    if lang_ref in ("", "und"):
        return "language undetermined: surface metrics need both texts in one known language"
    return None


class _Sacre(Metric):
    _cache: ClassVar[dict[tuple[str, str], Any]] = {}

    def _metric(self, lang: str) -> Any:
        key = (self.name, _TOKENIZE.get(lang, "13a"))
        if key not in self._cache:
            metric = self._make(key[1])
            metric.sentence_score("x", ["x"])  # sacrebleu signs only after one evaluation
            self._cache[key] = metric
        return self._cache[key]

    @abstractmethod
    def _make(self, tokenize: str) -> Any:
        """The configured sacrebleu metric for this tokenizer."""

    _signatures: ClassVar[dict[tuple[str, str], str]] = {}

    def signature(self, lang: str = "en") -> str:
        # every score carries it: formatted once per metric and tokenizer, not per score
        key = (self.name, _TOKENIZE.get(lang, "13a"))
        if key not in self._signatures:
            self._signatures[key] = f"{self.name}|" + self._metric(lang).get_signature().format()
        return self._signatures[key]

    def sentence_score(self, reference: str, hypothesis: str, *, lang_ref: str,
                       lang_hyp: str) -> MetricResult:
        reason = not_comparable(lang_ref, lang_hyp)
        if reason:
            return MetricResult(self.name, None, self.signature(), reason)
        metric = self._metric(lang_ref)
        value = metric.sentence_score(hypothesis, [reference]).score
        return MetricResult(self.name, round(float(value), 4), self.signature(lang_ref))

    def corpus_score(self, references: Sequence[str], hypotheses: Sequence[str], *,
                     lang: str) -> MetricResult:
        metric = self._metric(lang)
        value = metric.corpus_score(list(hypotheses), [list(references)]).score
        return MetricResult(self.name, round(float(value), 4), self.signature(lang))


@register
class Bleu(_Sacre):
    name = "bleu"

    def _make(self, tokenize: str) -> BLEU:
        return BLEU(effective_order=True, tokenize=tokenize)


@register
class ChrF(_Sacre):
    """chrF++: character n-grams plus word bigrams, robust to inflection."""

    name = "chrf"

    def _make(self, tokenize: str) -> CHRF:
        return CHRF(word_order=2)


@register
class Ter(_Sacre):
    name = "ter"
    higher_is_worse = True

    def _make(self, tokenize: str) -> TER:
        return TER(asian_support=tokenize != "13a")
