"""Renderers for ``transcheck compare``: a table for editors, JSON and JSON lines for tools."""

from __future__ import annotations

import io
from typing import Any

from ..types import Comparison, PairError, PairScore
from .base import Renderer, register
from .corpus import drift_dict
from .jsonout import dumps

PAIR_KEYS = ("id", "lang_a", "lang_b", "semantic_similarity", "divergence", "bleu", "chrf", "ter")


def pair_dict(s: PairScore) -> dict[str, Any]:
    d: dict[str, Any] = {k: getattr(s, k) for k in PAIR_KEYS}
    d["cosine"] = s.cosine
    if s.lexical_note:
        d["lexical_note"] = s.lexical_note
    d["meaning_risk"] = s.meaning_risk
    d["drift"] = [drift_dict(x) for x in s.drift]
    return d


def error_dict(e: PairError) -> dict[str, Any]:
    return {"id": e.id, "line": e.line, "error": e.message}


@register
class ComparisonJson(Renderer):
    subject, format = "comparison", "json"

    def render(self, result: Comparison) -> str:
        return dumps({"schema_version": 1, "signature": result.signature,
                      "pairs": [pair_dict(s) for s in result.scores],
                      "errors": [error_dict(e) for e in result.errors]})


@register
class ComparisonJsonl(Renderer):
    """A header record with the signature, then one record per input row, in input order."""

    subject, format = "comparison", "jsonl"

    def render(self, result: Comparison) -> str:
        head = dumps({"signature": result.signature}, indent=None)
        by_line: list[tuple[int, int, dict[str, Any]]] = []
        for i, s in enumerate(result.scores):
            by_line.append((s.line or i, 0, pair_dict(s)))
        for e in result.errors:
            by_line.append((e.line, 1, error_dict(e)))
        return head + "".join(dumps(d, indent=None) for *_, d in sorted(
            by_line, key=lambda t: (t[0], t[1])))


def _fmt(v: float | None, digits: int = 3) -> str:
    return "n/a" if v is None else f"{v:.{digits}f}"


@register
class ComparisonTable(Renderer):
    subject, format = "comparison", "table"

    def render(self, result: Comparison) -> str:
        from rich.console import Console
        from rich.table import Table

        buf = io.StringIO()
        console = Console(file=buf, width=self.width, force_terminal=self.color,
                          color_system="auto" if self.color else None)
        for s in result.scores:
            table = Table(title=f"{s.id}: {s.lang_a} → {s.lang_b}", show_header=True,
                          expand=False)
            table.add_column("measure")
            table.add_column("value", justify="right")
            table.add_column("reading")
            table.add_row("semantic similarity", _fmt(s.semantic_similarity),
                          "1 = same meaning, 0 = unrelated")
            table.add_row("divergence", _fmt(s.divergence), f"raw cosine {s.cosine:.4f}")
            note = s.lexical_note or ""
            table.add_row("BLEU", _fmt(s.bleu, 1), note)
            table.add_row("chrF++", _fmt(s.chrf, 1), "")
            table.add_row("TER", _fmt(s.ter, 1), "lower is closer" if s.ter is not None else "")
            table.add_row("meaning risk", _fmt(s.meaning_risk),
                          "what the embedding cannot see: negation, numbers, names, modality")
            for d in s.drift:
                table.add_row(f"  {d.type}", f"[{d.severity.upper()}]",
                              f"{d.a_text or '∅'} → {d.b_text or '∅'}")
            console.print(table)
        for e in result.errors:
            console.print(f"line {e.line}: {e.message}")
        enc = result.signature.get("encoder", {})
        if isinstance(enc, dict):
            console.print(f"model {enc.get('model_id', enc.get('encoder'))} "
                          f"weights {str(enc.get('weights_sha256', enc.get('revision', '')))[:12]} "
                          f"| {result.signature.get('calibration')}", soft_wrap=True)
        return buf.getvalue()
