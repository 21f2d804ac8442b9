"""Rules turn a report into findings: stable codes, severities, messages, fingerprints.

A rule is a small class in the registry; a new check is one class. Fingerprints are made
of the speaker, the normalised texts and the rule code, never of paths, ids or order, so
a baseline survives renames, unrelated edits and reordered inputs, and a finding comes
back when the wording of the quote changes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from .config import Config
from .drift import drift_summary
from .types import UNKNOWN_SPEAKER, Cluster, Finding, FindingLevel, PairResult, Quote, Report

LEVEL_RANK = {"note": 0, "warning": 1, "error": 2}
_HIGH_RISK_TYPES = frozenset({"negation", "number", "date", "entity", "modality"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def fingerprint(code: str, speaker: str, *texts: str) -> str:
    data = "\x1f".join([code, speaker, *(normalise(t) for t in texts)])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Context:
    report: Report
    config: Config
    quotes: dict[str, Quote]

    def text(self, qid: str, window: tuple[int, int] | None) -> str:
        t = self.quotes[qid].text
        return t[window[0]:window[1]] if window else t

    @cached_property
    def _paths(self) -> dict[str, str]:
        return {d.id: d.path for d in self.report.documents}

    def path(self, doc: str) -> str:
        """The file a document came from (one lookup, however large the corpus)."""
        return self._paths.get(doc, doc)

    @cached_property
    def outlets_by_speaker(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for q in self.report.quotes:
            out.setdefault(q.speaker, set()).add(q.outlet)
        return out


class Rule(ABC):
    code: ClassVar[str]
    name: ClassVar[str]
    default_level: ClassVar[FindingLevel]
    help: ClassVar[str]

    @abstractmethod
    def check_cluster(self, ctx: Context, c: Cluster) -> Iterator[Finding]:
        """The findings on one cluster. Rules see the clusters one at a time, so that the
        gate reads a report's clusters once for all rules (they are read from disk)."""

    def check(self, ctx: Context) -> Iterator[Finding]:
        for c in ctx.report.clusters:
            yield from self.check_cluster(ctx, c)

    def _pair_finding(self, ctx: Context, cluster: Cluster, pair: PairResult, level: str,
                      message: str, checked: str) -> Finding:
        b = ctx.quotes[checked]
        path = ctx.path(b.doc)
        other = pair.a if checked == pair.b else pair.b
        return Finding(self.code, self.name, level, message, cluster.id, other, checked, path,  # type: ignore[arg-type]
                       b.line, b.col, fingerprint(self.code, cluster.speaker,
                                                  ctx.text(pair.a, pair.window_a),
                                                  ctx.text(pair.b, pair.window_b)))


RULES: dict[str, type[Rule]] = {}


def checked_pairs(cluster: Cluster) -> list[tuple[PairResult, str]]:
    """For each rendering but the reference, the one pair it is judged on: against the
    reference when they are linked, else against its closest linked rendering. Judging
    every pair would flag a faithful rendering for differing from a faulty one."""
    out = []
    for qid in cluster.quotes:
        if qid == cluster.reference:
            continue
        mine = [p for p in cluster.pairs if qid in (p.a, p.b)]
        if not mine:
            continue
        ref = [p for p in mine if cluster.reference in (p.a, p.b)]
        pick = ref[0] if ref else max(mine, key=lambda p: (p.semantic_similarity, p.a, p.b))
        out.append((pick, qid))
    return out


def register(cls: type[Rule]) -> type[Rule]:
    RULES[cls.code] = cls
    return cls


def _outlet(ctx: Context, qid: str) -> str:
    return ctx.quotes[qid].outlet


@register
class SemanticDivergence(Rule):
    code, name, default_level = "TC101", "semantic-divergence", "error"
    help = ("The meaning of a rendering diverges from the reference more than the threshold "
            "(calibrated semantic divergence, 0 = same meaning, 1 = unrelated).")

    def check_cluster(self, ctx: Context, c: Cluster) -> Iterator[Finding]:
        for p, qid in checked_pairs(c):
            qa, qb = ctx.quotes[p.a], ctx.quotes[p.b]
            limit = ctx.config.thresholds_for(qa.lang, qb.lang, c.speaker).divergence
            if p.divergence > limit:
                yield self._pair_finding(
                    ctx, c, p, self.default_level,
                    f"{qb.outlet} diverges from {qa.outlet} in meaning: divergence "
                    f"{p.divergence:.2f} > {limit:.2f} ({qa.lang}→{qb.lang})", qid)


@register
class LexicalDivergence(Rule):
    code, name, default_level = "TC102", "lexical-divergence", "warning"
    help = "Same-language renderings whose wording differs more than the chrF++ threshold."

    def check_cluster(self, ctx: Context, c: Cluster) -> Iterator[Finding]:
        for p, qid in checked_pairs(c):
            if p.chrf is None:
                continue
            qa, qb = ctx.quotes[p.a], ctx.quotes[p.b]
            limit = ctx.config.thresholds_for(qa.lang, qb.lang, c.speaker).chrf
            if p.chrf < limit:
                yield self._pair_finding(
                    ctx, c, p, self.default_level,
                    f"{qb.outlet} words the quote differently from {qa.outlet}: chrF++ "
                    f"{p.chrf:.1f} < {limit:.1f}", qid)


class _DriftRule(Rule):
    types: ClassVar[tuple[str, ...]]
    what: ClassVar[str]

    def check_cluster(self, ctx: Context, c: Cluster) -> Iterator[Finding]:
        for p, qid in checked_pairs(c):
            spans = [s for s in p.drift if s.type in self.types]
            if spans:
                changes = "; ".join(f"{s.a_text or '∅'!r} → {s.b_text or '∅'!r}"
                                    for s in spans[:3])
                yield self._pair_finding(
                    ctx, c, p, self.default_level,
                    f"{self.what} between {_outlet(ctx, p.a)} and {_outlet(ctx, p.b)}: "
                    f"{changes}", qid)


@register
class NegationFlipped(_DriftRule):
    code, name, default_level = "TC201", "negation-flipped", "error"
    types, what = ("negation",), "negation flipped"
    help = "A negation present in one rendering is missing in the other (will not → will)."


@register
class NumberOrDateChanged(_DriftRule):
    code, name, default_level = "TC202", "number-or-date-changed", "error"
    types, what = ("number", "date"), "number or date changed"
    help = "A number or date differs between renderings (eight hours → eighteen hours)."


@register
class EntityChanged(_DriftRule):
    code, name, default_level = "TC203", "entity-changed", "error"
    types, what = ("entity",), "name changed"
    help = "A person, place or organisation differs or is corrupted (Geneva → Sudis)."


@register
class ModalityChanged(_DriftRule):
    code, name, default_level = "TC204", "modality-changed", "error"
    types, what = ("modality",), "modality changed"
    help = "A modal verb or hedge changes class (should → has to; may → must)."


@register
class MeaningRisk(Rule):
    code, name, default_level = "TC205", "meaning-risk", "warning"
    help = ("The softer drift spans of a pair together (intensity, concept, omissions, "
            "editorial insertions) exceed the meaning-risk threshold; the high-risk types "
            "have rules of their own.")

    def check_cluster(self, ctx: Context, c: Cluster) -> Iterator[Finding]:
        for p, qid in checked_pairs(c):
            qa, qb = ctx.quotes[p.a], ctx.quotes[p.b]
            limit = ctx.config.thresholds_for(qa.lang, qb.lang, c.speaker).meaning_risk
            rest = [s for s in p.drift if s.type not in _HIGH_RISK_TYPES]
            risk = float(drift_summary(rest)["meaning_risk"]) if rest else 0.0
            if risk > limit:
                kinds = ", ".join(sorted({s.type for s in rest}))
                yield self._pair_finding(
                    ctx, c, p, self.default_level,
                    f"{qb.outlet} drifts from {qa.outlet}: meaning risk of its "
                    f"{kinds} changes {risk:.2f} > {limit:.2f}", qid)


@register
class SingleOutlet(Rule):
    code, name, default_level = "TC301", "single-outlet", "note"
    help = ("A quote found in only one outlet while several outlets quote the same speaker: "
            "nothing to check it against.")

    def check_cluster(self, ctx: Context, c: Cluster) -> Iterator[Finding]:
        outlets_by_speaker = ctx.outlets_by_speaker
        if c.speaker == UNKNOWN_SPEAKER or len(outlets_by_speaker.get(c.speaker, ())) < 2:
            return
        if len({ctx.quotes[q].outlet for q in c.quotes}) > 1:
            return
        for qid in c.quotes:
            q = ctx.quotes[qid]
            path = ctx.path(q.doc)
            yield Finding(self.code, self.name, self.default_level,
                          f"only {q.outlet} has this quote of {c.speaker}; "
                          f"{len(outlets_by_speaker[c.speaker]) - 1} other outlet(s) quote "
                          "the speaker", c.id, None, qid, path, q.line, q.col,
                          fingerprint(self.code, c.speaker, q.text))


def findings(report: Report, config: Config) -> list[Finding]:
    """Every enabled rule's findings at its configured level, in a stable order."""
    ctx = Context(report, config, {q.id: q for q in report.quotes})
    rules = [RULES[code]() for code in sorted(RULES) if code not in config.disabled]
    found: list[list[Finding]] = [[] for _ in rules]
    for c in report.clusters:  # once for all rules: each pass would read them from disk
        for rule, mine in zip(rules, found, strict=True):
            mine.extend(rule.check_cluster(ctx, c))
    out = []
    for rule, mine in zip(rules, found, strict=True):
        level = config.severity.get(rule.code, rule.default_level)
        out += [Finding(f.code, f.rule, level, f.message, f.cluster, f.a, f.b,  # type: ignore[arg-type]
                        f.path, f.line, f.col, f.fingerprint) for f in mine]
    return sorted(out, key=lambda f: (f.path, f.line, f.col, f.code, f.fingerprint))
