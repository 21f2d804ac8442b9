"""Renderers for ``transcheck report``: json (the contract), a terminal table, markdown."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ..types import Cluster, DriftSpan, PairResult, Quote, Report
from .base import Renderer, register
from .extraction import SCHEMA_VERSION, document_dict, problem_dict, quote_dict
from .jsonout import Items, dumps, materialize, write_object

_SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}


def drift_dict(s: DriftSpan) -> dict[str, Any]:
    return {"type": s.type, "severity": s.severity, "a_start": s.a_start, "a_end": s.a_end,
            "b_start": s.b_start, "b_end": s.b_end, "a_text": s.a_text, "b_text": s.b_text,
            "note": s.note}


def pair_dict(p: PairResult) -> dict[str, Any]:
    return {"a": p.a, "b": p.b, "window_a": list(p.window_a) if p.window_a else None,
            "window_b": list(p.window_b) if p.window_b else None, "cosine": p.cosine,
            "semantic_similarity": p.semantic_similarity, "divergence": p.divergence,
            "bleu": p.bleu, "chrf": p.chrf, "ter": p.ter, "lexical_note": p.lexical_note,
            "meaning_risk": p.meaning_risk, "drift": [drift_dict(s) for s in p.drift]}


def worst(cluster: Cluster) -> dict[str, Any]:
    """The cluster's worst pair and worst drift span: what an editor should look at first."""
    spans = [s for p in cluster.pairs for s in p.drift]
    top = max(spans, key=lambda s: (_SEVERITY_RANK[s.severity], s.type), default=None)
    return {
        "divergence": max((p.divergence for p in cluster.pairs), default=0.0),
        "meaning_risk": max((p.meaning_risk for p in cluster.pairs), default=0.0),
        "drift_type": top.type if top else None,
        "severity": top.severity if top else None,
    }


def cluster_dict(c: Cluster, quotes: dict[str, Quote]) -> dict[str, Any]:
    return {"id": c.id, "speaker": c.speaker, "quote_ids": list(c.quotes),
            "outlets": sorted({quotes[q].outlet for q in c.quotes}),
            "langs": sorted({quotes[q].lang for q in c.quotes}),
            "reference": c.reference, "reference_reason": c.reference_reason,
            "outlier": c.outlier, "worst": worst(c), "pairs": [pair_dict(p) for p in c.pairs]}


def report_fields(r: Report) -> list[tuple[str, Any]]:
    """The JSON report's fields in order, its arrays made one element at a time."""
    quotes = {q.id: q for q in r.quotes}
    return [("schema_version", SCHEMA_VERSION), ("signature", r.signature),
            ("documents", Items(document_dict(d) for d in r.documents)),
            ("quotes", Items(quote_dict(q) for q in r.quotes)),
            ("clusters", Items(cluster_dict(c, quotes) for c in r.clusters)),
            ("problems", Items(problem_dict(p) for p in r.problems))]


def report_dict(r: Report) -> dict[str, Any]:
    return materialize(report_fields(r))


def ranked(r: Report) -> list[Cluster]:
    """Clusters with several renderings, the worst meaning drift first."""
    multi = [c for c in r.clusters if len(c.quotes) > 1]
    return sorted(multi, key=lambda c: (-max(worst(c)["meaning_risk"], worst(c)["divergence"]),
                                        c.id))


def _vs_reference(c: Cluster, qid: str) -> PairResult | None:
    return next((p for p in c.pairs if qid in (p.a, p.b) and c.reference in (p.a, p.b)),
                next((p for p in c.pairs if qid in (p.a, p.b)), None))


_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
LEGEND = ("legend: [-removed-] words of the reference missing here, {+added+} words not in "
          "the reference, «changed» words; severity high=H medium=M low=L; divergence 0 = "
          "same meaning, 1 = unrelated; risk = chance the drift changes the meaning")


def inline_markup(text: str, pair: PairResult | None, side: str) -> Any:
    """The rendering with its drift marked in place: what changed, and how much it matters."""
    from rich.text import Text

    out = Text()
    if pair is None:
        out.append(text)
        return out
    marks: list[tuple[int, int, str, str]] = []  # (pos, end, kind, payload)
    for s in pair.drift:
        start, end = (s.b_start, s.b_end) if side == "b" else (s.a_start, s.a_end)
        sev = s.severity[0].upper()
        if end > start:
            marks.append((start, end, "span", f"{s.type}:{sev}:{s.severity}"))
        elif s.a_text and side == "b":
            marks.append((start, start, "removed", f"{s.a_text}|{s.type}:{sev}:{s.severity}"))
    pos = 0
    for start, end, kind, payload in sorted(marks):
        if start < pos:
            continue
        out.append(text[pos:start])
        if kind == "removed":
            words, tag = payload.split("|", 1)
            dtype, sev, severity = tag.split(":")
            out.append(f"[-{words}-]", style=f"strike {_STYLE[severity]}")
            out.append(f"{sev}", style="dim")
        else:
            dtype, sev, severity = payload.split(":")
            opener, closer = ("{+", "+}") if dtype == "addition" else ("«", "»")
            out.append(f"{opener}{text[start:end]}{closer}", style=_STYLE[severity])
            out.append(f"{sev}", style="dim")
        pos = max(pos, end)
    out.append(text[pos:])
    return out


def _drift_words(p: PairResult | None) -> str:
    if p is None or not p.drift:
        return ""
    return "; ".join(f"{s.type}({s.severity[0]}): {s.a_text or '∅'} → {s.b_text or '∅'}"
                     for s in p.drift)


@register
class ReportJson(Renderer):
    subject, format = "report", "json"

    def render(self, result: Report) -> str:
        return dumps(report_dict(result))

    def write(self, result: Report, write: Callable[[str], object]) -> None:
        write_object(write, report_fields(result))


@register
class ReportTable(Renderer):
    subject, format = "report", "table"

    def render(self, result: Report) -> str:
        from rich.console import Console
        from rich.table import Table

        quotes = {q.id: q for q in result.quotes}
        buf = io.StringIO()
        console = Console(file=buf, width=self.width, force_terminal=self.color,
                          color_system="auto" if self.color else None)
        clusters = ranked(result)
        console.print(f"{len(result.documents)} documents, {len(result.quotes)} quotes, "
                      f"{len(clusters)} utterances rendered by more than one outlet")
        for c in clusters:
            w = worst(c)
            title = (f"{c.speaker}: {len(c.quotes)} renderings, "
                     f"{len({quotes[q].outlet for q in c.quotes})} outlets, worst drift "
                     f"{w['drift_type'] or 'none'}"
                     + (f" ({w['severity']})" if w["severity"] else "")
                     + (f", outlier {quotes[c.outlier].outlet}" if c.outlier else ""))
            table = Table(title=title, expand=True, show_lines=True)
            table.add_column("outlet", max_width=18)
            table.add_column("lang")
            table.add_column("rendering", ratio=3)
            table.add_column("diverg.", justify="right")
            table.add_column("risk", justify="right")
            table.add_column("drift vs reference", ratio=1)
            for qid in sorted(c.quotes, key=lambda q: (q != c.reference, q)):
                q = quotes[qid]
                pair = None if qid == c.reference else _vs_reference(c, qid)
                mark = " (reference)" if qid == c.reference else ""
                side = "a" if pair is not None and pair.a == qid else "b"
                types = sorted({s.type for s in pair.drift}) if pair else []
                table.add_row(q.outlet + mark, q.lang, inline_markup(q.text, pair, side),
                              f"{pair.divergence:.2f}" if pair else "",
                              f"{pair.meaning_risk:.2f}" if pair else "", ", ".join(types))
            console.print(table)
        console.print(LEGEND, style="dim")
        return buf.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@register
class ReportMarkdown(Renderer):
    subject, format = "report", "markdown"

    def render(self, result: Report) -> str:
        quotes = {q.id: q for q in result.quotes}
        out = ["# transcheck report", "",
               f"{len(result.documents)} documents, {len(result.quotes)} quotes, "
               f"{len(ranked(result))} utterances rendered by more than one outlet.", ""]
        for c in ranked(result):
            w = worst(c)
            out += [f"## {c.speaker} — {len(c.quotes)} renderings", "",
                    f"Worst drift: **{w['drift_type'] or 'none'}**"
                    + (f" ({w['severity']})" if w["severity"] else "")
                    + f"; reference: {quotes[c.reference].outlet} ({c.reference_reason})"
                    + (f"; outlier: {quotes[c.outlier].outlet}" if c.outlier else "") + ".", "",
                    "| outlet | lang | rendering | divergence | meaning risk | drift |",
                    "| --- | --- | --- | ---: | ---: | --- |"]
            for qid in sorted(c.quotes, key=lambda q: (q != c.reference, q)):
                q = quotes[qid]
                pair = None if qid == c.reference else _vs_reference(c, qid)
                out.append(f"| {_md(q.outlet)}{' (reference)' if qid == c.reference else ''} "
                           f"| {q.lang} | {_md(q.text)} | "
                           f"{f'{pair.divergence:.2f}' if pair else ''} | "
                           f"{f'{pair.meaning_risk:.2f}' if pair else ''} | "
                           f"{_md(_drift_words(pair))} |")
            out.append("")
        enc = result.signature.get("encoder", {})
        if isinstance(enc, dict):
            out.append(f"Model {enc.get('model_id', enc.get('encoder'))}, weights "
                       f"{str(enc.get('weights_sha256', ''))[:12]}; "
                       f"{result.signature.get('calibration')}.")
        return "\n".join(out) + "\n"
