"""The HTML report renderer, without a browser: structure, escaping, self-containment."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import types
from collections import Counter

import lxml.html
import pytest
from markupsafe import Markup

from transcheck.report.corpus import ranked
from transcheck.report.html import (
    BIDI_CONTROLS,
    Mark,
    ReportHtml,
    embed_json,
    segments,
    visible,
    visible_plain,
)
from transcheck.types import Report

JSON_BLOCK = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


@pytest.fixture(scope="module")
def sample_html(sample_report: Report, render) -> str:
    return render(sample_report)


@pytest.fixture(scope="module")
def hostile_html(hostile_report: Report, render) -> str:
    return render(hostile_report)


def dom(html: str):
    return lxml.html.document_fromstring(html)


def by_token(root, attr: str, token: str) -> list:
    return [e for e in root.iter() if token in (e.get(attr) or "").split()]


# --------------------------------------------------------------------------- registry / CLI


def test_registered_as_report_html() -> None:
    from transcheck.cli import ReportFormat
    from transcheck.report import formats, get_renderer

    assert "html" in formats("report")
    assert isinstance(get_renderer("report", "html"), ReportHtml)
    assert ReportFormat("html").value == "html"


def test_cli_writes_one_html_file(monkeypatch, tmp_path, sample_report: Report) -> None:
    """`transcheck report ... --format html --out F` (the pipeline stubbed with the fixture)."""
    from typer.testing import CliRunner

    from transcheck.cli import app

    fake = types.ModuleType("transcheck.pipeline")
    fake.build_report = lambda paths, **kw: sample_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "transcheck.pipeline", fake)
    out = tmp_path / "report.html"
    res = CliRunner().invoke(app, ["report", "corpus/", "--format", "html", "--out", str(out),
                                   "--no-progress"])
    assert res.exit_code == 0, res.output
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert html == ReportHtml().render(sample_report)


# --------------------------------------------------------------------------- self-containment


def test_self_contained_no_network_references(sample_html: str) -> None:
    root = dom(sample_html)
    for el in root.iter():
        for attr in ("src", "srcset", "action", "formaction", "poster", "background", "data",
                     "manifest", "ping", "xlink:href"):
            assert el.get(attr) is None, (el.tag, attr)
        href = el.get("href")
        if href is not None:
            assert href.startswith("#"), href
            assert root.get_element_by_id(href[1:]) is not None, f"dangling link {href}"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", sample_html, re.I)
    for tag in ("link", "img", "iframe", "object", "embed", "base", "form", "video", "audio"):
        assert not root.findall(f".//{tag}"), tag
    assert "@import" not in sample_html and "url(" not in sample_html
    scripts = root.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert all(s.get("src") is None for s in scripts)


def test_csp_forbids_network_and_pins_the_script(sample_html: str) -> None:
    root = dom(sample_html)
    metas = [m for m in root.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    policy = {d.split()[0]: d.split()[1:] for d in metas[0].get("content").split("; ")}
    assert policy["default-src"] == ["'none'"]
    assert policy["style-src"] == ["'unsafe-inline'"]
    assert policy["img-src"] == ["data:"]
    assert sample_html.index("Content-Security-Policy") < sample_html.index("<style>")
    (script,) = INLINE_SCRIPT.findall(sample_html)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert policy["script-src"] == [f"'sha256-{digest}'"]


def test_json_block_parses_to_the_json_report(sample_report: Report, sample_html: str) -> None:
    from transcheck.report import get_renderer

    (block,) = JSON_BLOCK.findall(sample_html)
    assert json.loads(block) == json.loads(get_renderer("report", "json").render(sample_report))


def test_deterministic(sample_html: str, render, load) -> None:
    assert render(load("sample.json")) == sample_html
    assert render(load("sample.json")) == render(load("sample.json"))


def test_empty_report_renders() -> None:
    html = ReportHtml().render(Report((), (), (), (), {}))
    assert "No utterance was rendered by more than one outlet." in html
    assert json.loads(JSON_BLOCK.findall(html)[0])["clusters"] == []


# --------------------------------------------------------------------------- content


def test_overview_ranks_by_worst_meaning_drift(sample_report: Report, sample_html: str) -> None:
    root = dom(sample_html)
    rows = root.find_class("overview")[0].findall(".//tbody/tr")
    order = [c.id for c in ranked(sample_report)]
    assert [r.get("data-cluster-id") for r in rows] == order
    sections = [s.get("data-cluster-id") for s in root.find_class("cluster")]
    assert sections == order
    first = rows[0].text_content()
    assert "[HIGH]" in first and "negation" in first and "The Daily Courier (en)" in first
    assert len(rows) == 5  # the single-rendering utterance is not listed


def test_every_drift_span_is_marked_on_both_sides(sample_report: Report,
                                                  sample_html: str) -> None:
    """The marked text of each span is exactly its a_text / b_text (∅ when empty)."""
    root = dom(sample_html)
    checked = 0
    for n, c in enumerate(ranked(sample_report), 1):
        for i, p in enumerate(c.pairs):
            for k, s in enumerate(p.drift):
                key = f"c{n}p{i}s{k}"
                sides: dict[str, str] = {}
                for el in by_token(root, "data-pair", key):
                    if el.tag != "mark":
                        continue
                    holder = next(a for a in el.iterancestors() if a.get("data-quote-id"))
                    sides.setdefault(holder.get("data-quote-id"), "")
                    sides[holder.get("data-quote-id")] += el.text_content()
                assert sides == {p.a: s.a_text or "∅", p.b: s.b_text or "∅"}, key
                item = [e for e in by_token(root, "data-pair", key) if e.tag == "li"]
                assert len(item) == 1 and f"[{s.severity.upper()}]" in item[0].text_content()
                checked += 1
    assert checked == sum(len(p.drift) for c in ranked(sample_report) for p in c.pairs) > 10


def test_spans_are_focusable_and_labelled_without_colour(sample_html: str) -> None:
    root = dom(sample_html)
    marks = [m for m in root.iter("mark") if "d" in (m.get("class") or "").split()
             and "sample" not in m.get("class").split()]  # not the legend samples
    assert marks and all(m.get("tabindex") == "0" and m.get("data-pair") for m in marks)
    sevs = {m.get("data-sev").split()[0] for m in marks}
    assert sevs == {"low", "medium", "high"}
    tags = [t.text_content() for t in root.find_class("tag")]
    for label in ("[HIGH] negation", "[MEDIUM] omission", "[LOW] wording", "[HIGH] date",
                  "[MEDIUM] modality", "[MEDIUM] entity", "[HIGH] concept"):
        assert label in tags


def test_renderings_reference_first_with_dir_and_lang(sample_report: Report,
                                                      sample_html: str) -> None:
    root = dom(sample_html)
    quotes = {q.id: q for q in sample_report.quotes}
    for c, section in zip(ranked(sample_report), root.find_class("cluster"), strict=True):
        arts = [a for a in section.iter("article") if a.get("data-quote-id")]
        assert arts[0].get("data-quote-id") == c.reference
        assert "[REFERENCE]" in arts[0].text_content()
        assert sorted(a.get("data-quote-id") for a in arts) == sorted(c.quotes)
        for a in arts:
            q = quotes[a.get("data-quote-id")]
            (bq,) = a.iter("blockquote")
            assert bq.get("dir") == "auto" and bq.get("lang") == q.lang
            assert "ut" in bq.get("class").split()
            (ctx,) = a.find_class("ctx")
            target = root.get_element_by_id(ctx.get("href")[1:])
            assert target.tag == "mark" and "qctx" in target.get("class").split()
    langs = {bq.get("lang") for bq in root.iter("blockquote")}
    assert {"fa", "ka", "ru", "en"} <= langs


def test_quotes_marked_in_their_articles(sample_report: Report, sample_html: str) -> None:
    root = dom(sample_html)
    for a in root.iter("article"):
        qid = a.get("data-quote-id")
        if not qid:
            continue
        target = root.get_element_by_id(a.find_class("ctx")[0].get("href")[1:])
        key = target.get("data-q")
        text = "".join(m.text_content() for m in by_token(root, "data-q", key))
        quote = next(q for q in sample_report.quotes if q.id == qid)
        assert text == quote.text
        holder = next(x for x in target.iterancestors() if x.tag == "details")
        body = holder.find_class("article-text")[0]
        assert body.get("dir") == "auto"
        doc = next(d for d in sample_report.documents if d.id == quote.doc)
        assert body.text_content() == doc.text


def test_matrix_marks_unlinked_pairs_and_shows_numbers(sample_report: Report,
                                                       sample_html: str) -> None:
    root = dom(sample_html)
    for c, section in zip(ranked(sample_report), root.find_class("cluster"), strict=True):
        table = section.find_class("heat")[0]
        cells = [td.text_content() for td in table.iter("td") if td.get("class")]
        k = len(c.quotes)
        assert len(cells) == k * k
        linked = len({frozenset((p.a, p.b)) for p in c.pairs})
        assert cells.count("—") == 2 * (k * (k - 1) // 2 - linked)
        for p in c.pairs:
            assert any(cell.startswith(f"{p.divergence:.2f}") for cell in cells)
    assert "—" in "".join(t.text_content() for t in root.find_class("heat"))


def test_scores_show_lexical_metrics_or_na_with_reason(sample_html: str) -> None:
    root = dom(sample_html)
    text = root.text_content()
    assert "41.2" in text and "66.8" in text and "22.2" in text  # TASS vs Courier, same language
    assert "n/a" in text
    assert "BLEU, chrF++ and TER n/a: cross-language pair (ru→en)" in text
    for cell in root.find_class("na"):
        assert cell.get("title", "").startswith("cross-language pair")
    sig = root.find_class("sig")
    assert any("4f6a1c0e9b2d" in s.text_content() and "intfloat/multilingual-e5-small"
               in s.text_content() and "calib:logistic|k:26.76" in s.text_content()
               for s in sig)
    assert "4f6a1c0e9b2d7" not in "".join(s.text_content() for s in sig)  # a prefix only


def test_window_of_a_fragment_is_shown(sample_html: str) -> None:
    root = dom(sample_html)
    wins = root.find_class("win")
    assert any("Североатлантического договора" in w.text_content() for w in wins)
    assert "scored on Interfax (ru): “было ключевым положением" in root.text_content()


def test_outlet_summary_counts(sample_report: Report, sample_html: str) -> None:
    root = dom(sample_html)
    table = root.find_class("outlets")[0]
    head = [th.text_content() for th in table.find(".//thead").iter("th")]
    rows = {tr.get("data-outlet"): [td.text_content() for td in tr.iter("td")]
            for tr in table.iter("tr") if tr.get("data-outlet")}
    quotes = {q.id: q for q in sample_report.quotes}
    pairs = [p for c in ranked(sample_report) for p in c.pairs
             if "The Daily Courier" in {quotes[p.a].outlet, quotes[p.b].outlet}]
    row = dict(zip(head[1:], rows["The Daily Courier"], strict=True))
    assert int(row["Pairs"]) == len(pairs) == 7
    assert float(row["Mean divergence"]) == pytest.approx(
        sum(p.divergence for p in pairs) / len(pairs), abs=5e-4)
    types = Counter(s.type for p in pairs for s in p.drift)
    assert int(row["negation"]) == types["negation"] == 4
    assert int(row["As outlier"]) == 4
    assert list(rows)[0] == "The Daily Courier"  # most divergent first


def test_filters_offer_the_facets(sample_html: str) -> None:
    root = dom(sample_html)

    def options(id_: str) -> list[str]:
        return [o.get("value") for o in root.get_element_by_id(id_).iter("option")]

    assert options("f-speaker") == ["", "antony-blinken", "sergei-ryabkov"]
    assert options("f-lang") == ["", "en", "fa", "ka", "ru"]
    assert "YJC" in options("f-outlet") and "Civil.ge" in options("f-outlet")
    assert options("f-severity") == ["", "low", "medium", "high"]
    assert {"negation", "date", "omission", "entity"} <= set(options("f-type"))
    assert root.get_element_by_id("f-q").get("type") == "search"


def test_font_stack_covers_georgian_and_persian(sample_html: str) -> None:
    css = re.search(r"<style>(.*?)</style>", sample_html, re.S).group(1)
    stack = re.search(r"--font:([^;]*);", css).group(1)
    for font in ("Noto Sans Georgian", "Sylfaen", "DejaVu Sans", "Vazirmatn", "Tahoma"):
        assert font in stack
    assert "@font-face" not in css


# --------------------------------------------------------------------------- untrusted text


HOSTILE = ["<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=2">',
           '<a href="javascript:window.__pwned=3">x</a>',
           "</script><script>window.__pwned=4</script>"]


def test_hostile_text_is_escaped(hostile_html: str) -> None:
    assert len(re.findall(r"<script", hostile_html, re.I)) == 2
    assert len(re.findall(r"</script", hostile_html, re.I)) == 2
    assert "<img" not in hostile_html and "<a href=\"javascript" not in hostile_html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in hostile_html
    root = dom(hostile_html)
    for el in root.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name in ("href", "src"):
                assert value.startswith("#"), value
    assert not root.findall(".//img") and not root.findall(".//b")
    text = root.text_content()
    for h in HOSTILE:
        assert h in text


def test_hostile_json_block_cannot_break_out(hostile_report: Report, hostile_html: str) -> None:
    (block,) = JSON_BLOCK.findall(hostile_html)
    assert not set(block) & set("<>&\u2028\u2029")
    assert not BIDI_CONTROLS.search(block)
    data = json.loads(block)
    assert data["quotes"][0]["text"] == hostile_report.quotes[0].text
    assert "</script><script>window.__pwned=4</script>" in data["quotes"][0]["text"]


def test_bidi_controls_are_shown_not_obeyed(hostile_html: str) -> None:
    assert not BIDI_CONTROLS.search(hostile_html)
    root = dom(hostile_html)
    for el in root.iter():
        if el.tag != "script":
            assert not BIDI_CONTROLS.search(el.text or ""), el.text
        assert not BIDI_CONTROLS.search(el.tail or ""), el.tail
        for name in ("title", "aria-label"):
            assert not BIDI_CONTROLS.search(el.get(name) or ""), name
    # a filter value keeps the exact outlet name (as a character reference in the source)
    outlets = [o.get("value") for o in root.get_element_by_id("f-outlet").iter("option")]
    assert "Злые \u202eвести" in outlets and "Злые &#x202E;вести" in hostile_html
    ctl = [e.text_content() for e in root.find_class("ctl")]
    assert "⟨U+202E⟩" in ctl and "⟨U+2067⟩" in ctl and "⟨U+2069⟩" in ctl
    quote = root.find(".//article[@data-quote-id]//blockquote").text_content()
    assert "⟨U+202E⟩gnp.exe⟨U+202C⟩" in quote
    assert "\u2028" in quote  # line separator kept as text; only the JSON escapes it


def test_visible_and_embed_helpers() -> None:
    assert visible("a\u202eb<i>") == Markup(
        'a<span class="ctl" title="bidirectional control character">⟨U+202E⟩</span>b&lt;i&gt;')
    assert visible_plain("x\u2066y\u200fz") == "x⟨U+2066⟩y\u200fz"  # RLM is left alone
    data = {"t": "</script><!-- & \u2028\u2029 \u202e", "n": [1, 2.5, None]}
    out = embed_json(data)
    assert isinstance(out, Markup) and json.loads(out) == data
    assert not set(out) & set("<>&\u2028\u2029\u202e")


# --------------------------------------------------------------------------- segments


def _plain(pieces: list[dict]) -> str:
    return "".join(p["text"] for p in pieces
                   if not {"tag", "gap"} & set(p["attrs"].get("class", "").split()))


def test_segments_overlap_gap_and_labels() -> None:
    text = "We will not expand eastward"
    marks = [Mark(3, 11, "drift", "k1", "negation", "high", "neg"),
             Mark(8, 18, "drift", "k2", "wording", "low", "wrd"),
             Mark(0, 0, "drift", "k3", "omission", "medium", "om"),
             Mark(19, 27, "window", title="win"),
             Mark(5, 99, "drift", "bad", "number", "high")]  # out of range: ignored
    pieces = segments(text, marks)
    assert _plain(pieces) == text
    assert pieces[0]["text"] == "∅" and pieces[0]["attrs"]["data-pair"] == "k3"
    assert pieces[1]["text"] == "[MEDIUM] omission"
    over = next(p for p in pieces if p["text"] == "not")
    assert over["attrs"]["data-pair"] == "k1 k2"
    assert over["attrs"]["class"] == "d sev-high t-negation multi"
    assert over["attrs"]["tabindex"] == "0"
    labels = [p["text"] for p in pieces if "tag" in p["attrs"].get("class", "")]
    assert labels == ["[MEDIUM] omission", "[HIGH] negation", "[LOW] wording"]
    assert [p["text"] for p in pieces][-1] == "eastward"
    assert pieces[-1]["attrs"]["class"] == "win"
    assert all("bad" not in p["attrs"].get("data-pair", "") for p in pieces)


def test_segments_first_piece_of_a_quote_carries_the_anchor() -> None:
    pieces = segments("ab cd ef", [Mark(0, 5, "quote", "q1", ident="ctx-q1"),
                                   Mark(3, 8, "skip")])
    ids = [p["attrs"].get("id") for p in pieces]
    assert ids == ["ctx-q1", None, None]
    assert [p["attrs"].get("data-q") for p in pieces] == ["q1", "q1", None]
    assert pieces[1]["attrs"]["class"] == "qctx skip"
