"""``transcheck report --format html``: one self-contained page for editors, readable offline.

The page is a single file: CSS and JavaScript inline, the report data embedded as JSON
(the same dictionary as ``--format json``), no fonts, images or scripts from anywhere
else. Everything an editor checks is rendered here, in Python, by the Jinja2 template
``templates/report.html``: the renderings split into segments with their drift spans
(the offsets come from :class:`~transcheck.types.DriftSpan`, never re-derived in the
browser), the divergence matrix, the scores and each article with its quotes marked. The
script only filters, searches, keeps the filter state in the URL fragment and lights up
the counterpart of a hovered or focused span.

Untrusted text (quotes, article texts, outlet and speaker names, paths, notes) is handled
thus:

* Jinja2 autoescaping is on for every value; untrusted values never go into a URL
  attribute, a tag or attribute name, CSS or script. Document URLs are shown as text,
  never as links.
* The embedded JSON has ``<``, ``>``, ``&``, U+2028, U+2029 and the bidi controls written
  as ``\\uXXXX`` escapes, so no text can close the ``<script type="application/json">``
  element or change how the source reads.
* Bidi controls: every untrusted text sits in an element with ``unicode-bidi: isolate``
  (quote and article texts also carry ``dir="auto"``, so Persian reads right to left),
  and the explicit embedding, override and isolate characters U+202A-U+202E and
  U+2066-U+2069 are replaced by visible escapes such as ``⟨U+202E⟩``: they cannot reorder
  the page, and the editor sees that the source carried them. Offsets are applied to the
  original text first; the replacement is done per rendered segment. Attribute values
  that must keep the exact string (an outlet name as a filter value) carry them as
  character references, where they reorder nothing. The marks U+200E, U+200F and U+061C
  are left alone (Persian text uses them legitimately).
* A Content-Security-Policy forbids every network request (``default-src 'none'``) and
  allows only the page's own inline script, by its sha256 hash: even an injected event
  handler would not run.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, get_args

import jinja2
from markupsafe import Markup, escape

from ..extract.names import display_name
from ..types import Cluster, DriftType, PairResult, Quote, Report
from .base import Renderer, register
from .corpus import _vs_reference, ranked, report_dict, worst

DRIFT_TYPES: tuple[str, ...] = get_args(DriftType)
SEVERITIES = ("low", "medium", "high")
_SEV_RANK = {s: i + 1 for i, s in enumerate(SEVERITIES)}

#: Explicit bidi embeddings, overrides and isolates: shown, never obeyed.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Characters written as \\u escapes in the embedded JSON.
_JSON_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029\u202a\u202b\u202c\u202d"
                 "\u202e\u2066\u2067\u2068\u2069"}
_CLASS_SAFE = re.compile(r"[^a-z0-9_-]")
_LANG_SAFE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def visible_plain(text: object) -> str:
    """``text`` with its bidi controls replaced by visible escapes (for attributes)."""
    return BIDI_CONTROLS.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", str(text))


def visible(text: object) -> Markup:
    """Escaped ``text`` with its bidi controls shown as marked-up visible escapes."""
    return Markup(BIDI_CONTROLS.sub(
        lambda m: f'<span class="ctl" title="bidirectional control character">'
                  f"⟨U+{ord(m.group()):04X}⟩</span>", str(escape(str(text)))))


def embed_json(data: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">`` and parses unchanged."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Markup(text.translate(_JSON_ESCAPES))


def _cls(value: object) -> str:
    return _CLASS_SAFE.sub("", str(value).lower()) or "x"


def _lang(value: str) -> str | None:
    return value if _LANG_SAFE.match(value or "") and value != "und" else None


def _num(v: float | None, digits: int = 3) -> str:
    return "n/a" if v is None else f"{v:.{digits}f}"


# --------------------------------------------------------------------------- segments


@dataclass(frozen=True)
class Mark:
    """A region of one text to mark: a drift span, a scored window, a quote in its article."""

    start: int
    end: int
    kind: str  # "drift" | "window" | "quote" | "skip"
    key: str = ""  # drift: shared data-pair token; quote: data-q token
    type: str = ""
    severity: str = ""
    title: str = ""
    ident: str = ""  # DOM id of the first segment (quotes in their article)
    extra: str = ""  # extra CSS class


def _tag(m: Mark) -> dict[str, Any]:
    return {"tag": "span", "attrs": {"class": f"tag sev-{_cls(m.severity)}"},
            "text": f"[{m.severity.upper()}] {m.type}"}


def segments(text: str, marks: list[Mark]) -> list[dict[str, Any]]:
    """Split ``text`` at every mark boundary; each piece knows the marks that cover it.

    Returns pieces ``{"tag", "attrs", "text"}`` (``tag`` empty for plain text). A drift
    span ends with a text label of its severity and type; an empty drift span (an
    omission or an addition seen from the other side) is a focusable ``∅``.
    """
    n = len(text)
    ok = [m for m in marks if 0 <= m.start <= m.end <= n]
    spans = [m for m in ok if m.end > m.start]
    empty = [m for m in ok if m.end == m.start and m.kind == "drift"]
    points = sorted({0, n} | {m.start for m in ok} | {m.end for m in ok})
    pieces: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for i, pos in enumerate(points):
        for m in spans:
            if m.kind == "drift" and m.end == pos:
                pieces.append(_tag(m))
        for m in empty:
            if m.start == pos:
                pieces.append({"tag": "mark", "text": "∅", "attrs": {
                    "class": f"d gap sev-{_cls(m.severity)} t-{_cls(m.type)}",
                    "data-pair": m.key, "data-type": m.type, "data-sev": m.severity,
                    "tabindex": "0", "title": visible_plain(m.title)}})
                pieces.append(_tag(m))
        if i + 1 == len(points):
            break
        end = points[i + 1]
        if end <= pos:
            continue
        cover = [m for m in spans if m.start <= pos and m.end >= end]
        pieces.append(_piece(text[pos:end], cover, seen_ids))
    return pieces


def _piece(text: str, cover: list[Mark], seen_ids: set[str]) -> dict[str, Any]:
    if not cover:
        return {"tag": "", "attrs": {}, "text": text}
    drift = [m for m in cover if m.kind == "drift"]
    classes: list[str] = []
    attrs: dict[str, Any] = {}
    tag = "span"
    if drift:
        top = max(drift, key=lambda m: (_SEV_RANK.get(m.severity, 0),
                                        DRIFT_TYPES.index(m.type) if m.type in DRIFT_TYPES
                                        else -1))
        tag = "mark"
        classes += ["d", f"sev-{_cls(top.severity)}", f"t-{_cls(top.type)}"]
        if len(drift) > 1:
            classes.append("multi")
        attrs.update({"data-pair": " ".join(m.key for m in drift),
                      "data-type": " ".join(sorted({m.type for m in drift})),
                      "data-sev": " ".join(sorted({m.severity for m in drift})),
                      "tabindex": "0"})
    titles = [m.title for m in drift]
    for m in cover:
        if m.kind == "window":
            classes.append("win")
            titles.append(m.title)
        elif m.kind == "skip":
            classes.append("skip")
        elif m.kind == "quote":
            tag = "mark"
            classes.append("qctx")
            if m.extra:
                classes.append(m.extra)
            attrs["data-q"] = m.key
            titles.append(m.title)
            if m.ident and m.ident not in seen_ids:
                seen_ids.add(m.ident)
                attrs["id"] = m.ident
                attrs.setdefault("tabindex", "-1")
    attrs["class"] = " ".join(dict.fromkeys(classes))
    if titles:
        attrs["title"] = visible_plain("; ".join(t for t in titles if t))
    return {"tag": tag, "attrs": attrs, "text": text}


# --------------------------------------------------------------------------- view model


def _drift_title(s: Any) -> str:
    return (f"[{s.severity.upper()}] {s.type}: {s.a_text or '∅'} → {s.b_text or '∅'}"
            + (f" — {s.note}" if s.note else ""))


def _pair_marks(p: PairResult, key: str, quotes: dict[str, Quote],
                labels: dict[str, str]) -> dict[str, list[Mark]]:
    """The marks one pair puts on each of its two texts (windows and drift spans)."""
    out: dict[str, list[Mark]] = {p.a: [], p.b: []}
    for side, other, window in ((p.a, p.b, p.window_a), (p.b, p.a, p.window_b)):
        if window and window != (0, len(quotes[side].text)):
            out[side].append(Mark(window[0], window[1], "window",
                                  title=f"the part scored against {labels[other]}"))
    for k, s in enumerate(p.drift):
        title = _drift_title(s)
        out[p.a].append(Mark(s.a_start, s.a_end, "drift", f"{key}s{k}", s.type, s.severity,
                             title))
        out[p.b].append(Mark(s.b_start, s.b_end, "drift", f"{key}s{k}", s.type, s.severity,
                             title))
    return out


def _signature(sig: dict[str, object]) -> dict[str, Any]:
    enc = sig.get("encoder")
    enc = enc if isinstance(enc, dict) else {}
    weights = str(enc.get("weights_sha256") or enc.get("revision") or "")
    return {"model": str(enc.get("model_id") or enc.get("encoder") or "unknown model"),
            "weights": weights[:12] or "n/a",
            "calibration": str(sig.get("calibration") or "n/a"),
            "version": str(sig.get("transcheck") or ""),
            "full": json.dumps(sig, ensure_ascii=False, indent=2, sort_keys=True,
                               default=str)}


class _View:
    def __init__(self, r: Report):
        self.r = r
        self.quotes = {q.id: q for q in r.quotes}
        self.docs = {d.id: d for d in r.documents}
        self.qdom = {q.id: f"q{i}" for i, q in enumerate(r.quotes)}
        self.ddom = {d.id: f"doc{i}" for i, d in enumerate(r.documents)}
        self.clusters = ranked(r)
        self.in_cluster: dict[str, int] = {}
        for n, c in enumerate(self.clusters, 1):
            for q in c.quotes:
                self.in_cluster.setdefault(q, n)

    def label(self, qid: str) -> str:
        q = self.quotes[qid]
        return f"{q.outlet} ({q.lang})"

    def rendering(self, c: Cluster, qid: str, marks: list[Mark],
                  vs: PairResult | None) -> dict[str, Any]:
        q = self.quotes[qid]
        doc = self.docs.get(q.doc)
        return {"dom": f"r-{self.qdom[qid]}", "id": qid, "outlet": q.outlet, "lang": q.lang,
                "html_lang": _lang(q.lang), "kind": q.kind, "surface": q.speaker_surface,
                "is_ref": qid == c.reference, "is_outlier": qid == c.outlier,
                "vs": vs, "vs_label": (self.label(vs.a if vs.b == qid else vs.b) if vs else ""),
                "ctx": f"ctx-{self.qdom[qid]}" if doc else None,
                "doc_path": doc.path if doc else q.doc,
                "pieces": segments(q.text, marks)}

    def cluster(self, n: int, c: Cluster) -> dict[str, Any]:
        quotes = self.quotes
        order = [c.reference] + sorted((q for q in c.quotes if q != c.reference),
                                       key=lambda q: (quotes[q].outlet, quotes[q].lang, q))
        labels = {q: self.label(q) for q in [*order, *(x for p in c.pairs for x in (p.a, p.b))]}
        index = {id(p): i for i, p in enumerate(c.pairs)}
        shown: dict[int, PairResult] = {}  # pairs drawn on the renderings, vs the reference
        vs: dict[str, PairResult | None] = {c.reference: None}
        for q in order[1:]:
            p = _vs_reference(c, q)
            vs[q] = p
            if p is not None:
                shown[index[id(p)]] = p
        marks: dict[str, list[Mark]] = {q: [] for q in order}
        for i in sorted(shown):
            for qid, ms in _pair_marks(shown[i], f"c{n}p{i}", quotes, labels).items():
                marks.setdefault(qid, []).extend(ms)
        renderings = [self.rendering(c, q, marks[q], vs[q]) for q in order]

        def between(x: str, y: str) -> PairResult | None:
            return next((p for p in c.pairs if {p.a, p.b} == {x, y}), None)

        matrix = []
        for x in order:
            row = []
            for y in order:
                p = None if x == y else between(x, y)
                if x == y:
                    row.append({"cls": "diag", "text": "·", "risk": None,
                                "title": "same rendering"})
                elif p is None:
                    row.append({"cls": "none", "text": "—", "risk": None,
                                "title": "not linked: these renderings were not aligned"})
                else:
                    heat = min(9, max(0, int(max(p.divergence, p.meaning_risk) * 10)))
                    row.append({"cls": f"h{heat}", "text": f"{p.divergence:.2f}",
                                "risk": f"{p.meaning_risk:.2f}" if p.meaning_risk else None,
                                "title": f"{labels[x]} ↔ {labels[y]}: divergence "
                                         f"{p.divergence:.3f}, meaning risk "
                                         f"{p.meaning_risk:.3f}"})
            matrix.append({"label": labels[x], "is_ref": x == c.reference, "cells": row})

        pairs = []
        notes: list[str] = []  # why lexical scores are n/a, numbered once per cluster
        for i, p in enumerate(c.pairs):
            if p.lexical_note and p.lexical_note not in notes:
                notes.append(p.lexical_note)
            key = f"c{n}p{i}"
            panel = None
            if i not in shown and p.drift:  # between two non-reference renderings: own panel
                pm = _pair_marks(p, key, quotes, labels)
                panel = [{"id": q, "label": labels[q], "html_lang": _lang(quotes[q].lang),
                          "pieces": segments(quotes[q].text, pm[q])} for q in (p.a, p.b)]
            windows = []
            for side, w in ((p.a, p.window_a), (p.b, p.window_b)):
                if w:
                    windows.append(f"{labels[side]}: “{quotes[side].text[w[0]:w[1]]}”")
            pairs.append({
                "key": key, "a": labels[p.a], "b": labels[p.b],
                "a_dom": f"r-{self.qdom[p.a]}", "b_dom": f"r-{self.qdom[p.b]}",
                "sim": _num(p.semantic_similarity), "div": _num(p.divergence),
                "cos": _num(p.cosine, 4), "risk": _num(p.meaning_risk),
                "bleu": _num(p.bleu, 1), "chrf": _num(p.chrf, 1), "ter": _num(p.ter, 1),
                "note": notes.index(p.lexical_note) + 1 if p.lexical_note else 0,
                "windows": windows, "panel": panel,
                "drift": [{"key": f"{key}s{k}", "type": s.type, "severity": s.severity,
                           "a_text": s.a_text, "b_text": s.b_text, "note": s.note}
                          for k, s in enumerate(p.drift)]})

        w = worst(c)
        outlier = c.outlier if c.outlier in quotes else None
        return {
            "n": n, "dom": f"cl-{n}", "id": c.id, "speaker": c.speaker,
            "speaker_name": display_name(c.speaker),
            "surfaces": sorted({quotes[q].speaker_surface for q in c.quotes} - {""}),
            "outlets": sorted({quotes[q].outlet for q in c.quotes}),
            "langs": sorted({quotes[q].lang for q in c.quotes}),
            "worst": w, "score": max(w["divergence"], w["meaning_risk"]),
            "reference": labels[c.reference], "reference_dom": f"r-{self.qdom[c.reference]}",
            "reference_reason": c.reference_reason,
            "outlier": ({"label": labels[outlier], "dom": f"r-{self.qdom[outlier]}",
                         "text": quotes[outlier].text} if outlier else None),
            "renderings": renderings, "matrix": matrix, "pairs": pairs, "notes": notes,
            "types": [t for t in DRIFT_TYPES if any(s.type == t for p in c.pairs
                                                    for s in p.drift)],
        }

    def outlets(self) -> dict[str, Any]:
        rows: dict[str, dict[str, Any]] = {}

        def row(o: str) -> dict[str, Any]:
            return rows.setdefault(o, {"outlet": o, "renderings": 0, "reference": 0,
                                       "outlier": 0, "divs": [], "risk": 0.0, "high": 0,
                                       "types": Counter()})

        for c in self.clusters:
            for q in c.quotes:
                r = row(self.quotes[q].outlet)
                r["renderings"] += 1
                r["reference"] += q == c.reference
                r["outlier"] += q == c.outlier
            for p in c.pairs:
                for o in sorted({self.quotes[p.a].outlet, self.quotes[p.b].outlet}):
                    r = row(o)
                    r["divs"].append(p.divergence)
                    r["risk"] = max(r["risk"], p.meaning_risk)
                    r["types"].update(s.type for s in p.drift)
                    r["high"] += sum(s.severity == "high" for s in p.drift)
        types = [t for t in DRIFT_TYPES if any(r["types"][t] for r in rows.values())]
        out = []
        for r in rows.values():
            divs = r["divs"]
            mean = sum(divs) / len(divs) if divs else None
            out.append({**r, "pairs": len(divs), "mean": mean, "mean_text": _num(mean),
                        "risk_text": _num(r["risk"]) if divs else "n/a",
                        "counts": [r["types"][t] for t in types]})
        out.sort(key=lambda r: (-(r["mean"] or 0.0), r["outlet"]))
        return {"types": types, "rows": out}

    def articles(self) -> list[dict[str, Any]]:
        by_doc: dict[str, list[Quote]] = {}
        for q in self.r.quotes:
            by_doc.setdefault(q.doc, []).append(q)
        out = []
        for d in self.r.documents:
            marks = [Mark(a, b, "skip") for a, b in d.skipped]
            links = []
            for q in by_doc.get(d.id, []):
                n = self.in_cluster.get(q.id)
                marks.append(Mark(q.start, q.end, "quote", self.qdom[q.id],
                                  title=f"{display_name(q.speaker)} ({q.kind})"
                                        + (f", cluster {n}" if n else ""),
                                  ident=f"ctx-{self.qdom[q.id]}",
                                  extra="in-cluster" if n else ""))
                if n:
                    links.append({"dom": f"r-{self.qdom[q.id]}", "n": n,
                                  "speaker": display_name(q.speaker), "text": q.text})
            out.append({"dom": self.ddom[d.id], "id": d.id, "path": d.path, "outlet": d.outlet,
                        "lang": d.lang, "html_lang": _lang(d.lang), "published": d.published,
                        "url": d.url, "quotes": len(by_doc.get(d.id, [])), "links": links,
                        "pieces": segments(d.text, marks)})
        return out

    def filters(self) -> dict[str, Any]:
        cl = self.clusters
        speakers = sorted({c.speaker for c in cl})
        return {
            "speakers": [(s, display_name(s)) for s in speakers],
            "outlets": sorted({self.quotes[q].outlet for c in cl for q in c.quotes}),
            "langs": sorted({self.quotes[q].lang for c in cl for q in c.quotes}),
            "types": [t for t in DRIFT_TYPES
                      if any(s.type == t for c in cl for p in c.pairs for s in p.drift)],
            "severities": list(SEVERITIES),
        }

    def context(self) -> dict[str, Any]:
        clusters = [self.cluster(n, c) for n, c in enumerate(self.clusters, 1)]
        return {"clusters": clusters, "outlets": self.outlets(), "articles": self.articles(),
                "filters": self.filters(), "signature": _signature(self.r.signature),
                "n_documents": len(self.r.documents), "n_quotes": len(self.r.quotes),
                "n_single": sum(1 for c in self.r.clusters if len(c.quotes) <= 1),
                "problems": self.r.problems, "drift_types": DRIFT_TYPES,
                "severities": SEVERITIES}


# --------------------------------------------------------------------------- rendering


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("transcheck.report", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["vis"] = visible
    env.filters["visplain"] = visible_plain
    env.filters["nof"] = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"
    return env


def _asset(env: jinja2.Environment, name: str, closer: str) -> str:
    assert env.loader is not None
    text = env.loader.get_source(env, name)[0].replace("\r\n", "\n")
    if closer in text.lower():
        raise RuntimeError(f"template asset {name} must not contain {closer}")
    return text


def csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; script-src 'sha256-" + digest + "'; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


@register
class ReportHtml(Renderer):
    """The report as one self-contained HTML page (CSS, script and data inline)."""

    subject, format = "report", "html"

    def render(self, result: Report) -> str:
        env = environment()
        script = _asset(env, "report.js", "</script")
        css = _asset(env, "report.css", "</style")
        page = env.get_template("report.html").render(
            **_View(result).context(), css=Markup(css), script=Markup(script),
            csp=csp(script), data_json=embed_json(report_dict(result)))
        # Texts went through |vis already; what is left are attribute values (data-outlet,
        # option values) that must keep the exact string: write those as references.
        return BIDI_CONTROLS.sub(lambda m: f"&#x{ord(m.group()):X};", page)
