"""Reports built from the declarative specs in fixtures/report/, and one headless Chromium.

A spec names quotes by their text and drift spans by the words they cover; the builder
finds the offsets (quote in article, span in quote), so the fixtures stay readable and the
offsets are always consistent, as in a real ``build_report`` result.

The browser is Debian's Chromium (``/usr/bin/chromium``) driven by Playwright. It is never
downloaded (no ``playwright install``); when it is missing the browser tests fail.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from transcheck.align import cluster_id
from transcheck.metrics.lexical import not_comparable
from transcheck.types import Article, Cluster, DriftSpan, PairResult, Problem, Quote, Report

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "report"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


def _position(text: str, words: str, before: str | None, what: str) -> tuple[int, int]:
    if words:
        at = text.find(words)
        assert at >= 0, f"{what}: {words!r} not in {text!r}"
        return at, at + len(words)
    if before is None:
        return len(text), len(text)
    at = text.find(before)
    assert at >= 0, f"{what}: anchor {before!r} not in {text!r}"
    return at, at


def report_from_spec(spec: dict[str, Any]) -> Report:
    docs = tuple(Article(d["id"], d["path"], d["text"], d["outlet"], d["lang"], d.get("published"),
                         d.get("url")) for d in spec["documents"])
    by_doc = {d.id: d for d in docs}
    quotes: dict[str, Quote] = {}
    for q in spec["quotes"]:
        doc = by_doc[q["doc"]]
        start = doc.text.find(q["text"])
        assert start >= 0, f"quote {q['key']} not in {doc.id}"
        end = start + len(q["text"])
        line = doc.text.count("\n", 0, start) + 1
        col = start - (doc.text.rfind("\n", 0, start) + 1) + 1
        quotes[q["key"]] = Quote(f"{doc.id}:{start}-{end}", doc.id, doc.outlet, doc.lang,
                                 q["speaker"], q["speaker_surface"], q["text"], start, end,
                                 q["kind"], line, col)
    clusters = []
    for c in spec["clusters"]:
        pairs = []
        for p in c["pairs"]:
            qa, qb = quotes[p["a"]], quotes[p["b"]]
            spans = []
            for d in p["drift"]:
                a0, a1 = _position(qa.text, d["a"], d.get("a_before"), f"{p['a']} {d['type']}")
                b0, b1 = _position(qb.text, d["b"], d.get("b_before"), f"{p['b']} {d['type']}")
                spans.append(DriftSpan(d["type"], d["severity"], a0, a1, b0, b1, d["a"], d["b"],
                                       d.get("note", "")))
            windows = []
            for q, key in ((qa, "window_a"), (qb, "window_b")):
                w = p.get(key)
                windows.append(_position(q.text, w, None, key) if w else None)
            note = not_comparable(qa.lang, qb.lang)
            sim = p["semantic_similarity"]
            pairs.append(PairResult(
                qa.id, qb.id, windows[0], windows[1], p["cosine"], sim, round(1 - sim, 4),
                None if note else p.get("bleu"), None if note else p.get("chrf"),
                None if note else p.get("ter"), note, tuple(spans), p.get("meaning_risk", 0.0)))
        ids = tuple(quotes[k].id for k in c["quotes"])
        clusters.append(Cluster(cluster_id(c["speaker"], ids), c["speaker"], ids,
                                quotes[c["reference"]].id, c["reference_reason"],
                                quotes[c["outlier"]].id if c.get("outlier") else None,
                                tuple(pairs)))
    problems = tuple(Problem(p["source"], p["code"], p["message"], p["severity"])
                     for p in spec.get("problems", []))
    return Report(docs, tuple(quotes.values()), tuple(clusters), problems, spec["signature"])


def load_report(name: str) -> Report:
    return report_from_spec(json.loads((FIXTURES / name).read_text("utf-8")))


@pytest.fixture(scope="session")
def sample_report() -> Report:
    return load_report("sample.json")


@pytest.fixture(scope="session")
def hostile_report() -> Report:
    return load_report("hostile.json")


def render_html(report: Report) -> str:
    from transcheck.report import get_renderer

    return get_renderer("report", "html").render(report)


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session. Fails (never skips) when missing."""
    exe = shutil.which("chromium")
    if exe is None:
        pytest.fail("Chromium is not installed: the browser tests need Debian's `chromium` "
                    "package on PATH (apt-get install chromium); never `playwright install`",
                    pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need the `playwright` Python package "
                    "(pip install -e '.[test]')", pytrace=False)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Tab:
    """A page with everything it asked the network for and every error it printed."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, fragment: str = "") -> None:
        self.page.goto(self.url + fragment)
        self.page.wait_for_selector("html[data-ready='1']", state="attached")

    def assert_clean(self) -> None:
        base = self.url.split("#")[0]
        strays = [u for u in self.requests if u.split("#")[0] != base]
        assert not strays, f"the page made network requests: {strays}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """One context for the session: the page keeps its state in the URL, not in storage."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
    ctx.set_default_timeout(5000)
    yield ctx
    ctx.close()


@pytest.fixture
def open_report(browser_context: Any, tmp_path: Path) -> Iterator[Any]:
    """Write a report's HTML into tmp_path and open it: ``open_report(report) -> Tab``."""
    pages = []

    def _open(report: Report, fragment: str = "", name: str = "report.html") -> Tab:
        path = tmp_path / name
        path.write_text(render_html(report), encoding="utf-8")
        page = browser_context.new_page()
        pages.append(page)
        tab = Tab(page, path.as_uri())
        page.on("request", lambda r: tab.requests.append(r.url))
        page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: tab.errors.append(f"pageerror: {e}"))
        tab.open(fragment)
        return tab

    yield _open
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def render():
    """``render(report) -> str``: the report as HTML."""
    return render_html


@pytest.fixture(scope="session")
def load():
    """``load(name) -> Report``: a fresh Report from a spec in fixtures/report/."""
    return load_report
