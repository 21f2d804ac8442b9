"""The HTML report in a real browser (Debian's headless Chromium through Playwright).

Each test opens the generated file from tmp_path as a file:// URL and checks that the page
made no network request and printed no console error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from transcheck.report.corpus import ranked
from transcheck.types import Report

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"  # git-ignored


def _ids(report: Report, *keys: str) -> dict[str, str]:
    """Quote ids of the sample by the words they start with."""
    out = {}
    for key in keys:
        out[key] = next(q.id for q in report.quotes if q.text.startswith(key))
    return out


def visible_clusters(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "section.cluster", "els => els.filter(e => !e.hidden).map(e => e.dataset.clusterId)")


def visible_rows(page: Any) -> int:
    return page.eval_on_selector_all("table.overview tbody tr",
                                     "els => els.filter(e => !e.hidden).length")


def classes(page: Any, selector: str) -> list[list[str]]:
    return page.eval_on_selector_all(selector, "els => els.map(e => [...e.classList])")


def test_opens_offline_clean_and_screenshot(open_report, sample_report: Report) -> None:
    tab = open_report(sample_report)
    page = tab.page
    assert page.title() == "transcheck report: 5 utterances"
    assert page.locator("section.cluster").count() == 5
    assert page.locator("#status").inner_text() == "5 of 5 utterances shown."
    # highlights are rendered: every drift type of the sample has a visible mark
    types = set(page.eval_on_selector_all(
        "section.cluster mark.d", "els => els.flatMap(e => e.dataset.type.split(' '))"))
    assert {"negation", "omission", "intensity", "concept", "date", "entity", "modality",
            "addition", "wording"} <= types
    high = page.locator("section.cluster mark.d.sev-high").first
    style = high.evaluate("e => getComputedStyle(e).textDecorationStyle + ' ' + "
                          "getComputedStyle(e).textDecorationLine")
    assert style == "solid underline"
    low = page.locator("section.cluster mark.d.sev-low").first
    assert low.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    tab.assert_clean()
    assert tab.requests == [tab.url]


def test_filters_and_search(open_report, sample_report: Report) -> None:
    tab = open_report(sample_report)
    page = tab.page
    ranked_ids = [c.id for c in ranked(sample_report)]
    by_speaker = {c.id: c.speaker for c in ranked(sample_report)}

    page.select_option("#f-speaker", "antony-blinken")
    shown = visible_clusters(page)
    assert shown and all(by_speaker[c] == "antony-blinken" for c in shown) and len(shown) == 2
    assert visible_rows(page) == 2
    assert page.locator("#status").inner_text() == "2 of 5 utterances shown (filtered)."

    page.select_option("#f-speaker", "")
    page.select_option("#f-lang", "ka")
    assert len(visible_clusters(page)) == 2
    page.select_option("#f-type", "date")
    assert visible_clusters(page) == [] and visible_rows(page) == 0
    page.click("#f-reset")
    assert visible_clusters(page) == ranked_ids

    page.select_option("#f-type", "date")
    assert len(visible_clusters(page)) == 2
    # marks of other types are faded, date marks are not
    assert all("faded" in c for c in classes(page, "section.cluster:not([hidden]) mark.d"
                                                  ":not([data-type~='date'])"))
    assert not any("faded" in c for c in classes(page, "mark.d[data-type~='date']"))
    page.select_option("#f-type", "")
    page.select_option("#f-severity", "high")
    assert len(visible_clusters(page)) == 4  # the entity/wording utterance has no high span
    page.select_option("#f-severity", "")

    page.select_option("#f-outlet", "YJC")
    assert len(visible_clusters(page)) == 2
    dimmed = page.eval_on_selector_all(
        "section.cluster:not([hidden]) article.rendering",
        "els => els.map(e => [e.dataset.outlet, e.classList.contains('dimmed')])")
    assert all(dim == (outlet != "YJC") for outlet, dim in dimmed)
    page.click("#f-reset")

    for words, expect in (("tense", 1), ("BUSINESSLIKE", 1), ("دشوار", 1),
                          ("გარანტიები", 1), ("concessions 2023", 1), ("Рябков", 3),
                          ("nothing-like-this", 0)):
        page.fill("#f-q", words)
        assert len(visible_clusters(page)) == expect, words
    tab.assert_clean()


def test_fragment_keeps_and_restores_filter_state(open_report, sample_report: Report) -> None:
    tab = open_report(sample_report)
    page = tab.page
    page.select_option("#f-speaker", "sergei-ryabkov")
    page.select_option("#f-severity", "medium")
    page.fill("#f-q", "concessions 2023")
    assert page.evaluate("location.hash") == (
        "#speaker=sergei-ryabkov&severity=medium&q=concessions+2023")
    before = visible_clusters(page)
    assert len(before) == 1

    page.reload()
    page.wait_for_selector("html[data-ready='1']", state="attached")
    assert page.input_value("#f-speaker") == "sergei-ryabkov"
    assert page.input_value("#f-severity") == "medium"
    assert page.input_value("#f-q") == "concessions 2023"
    assert visible_clusters(page) == before

    # a fragment typed or pasted by hand is applied too (unknown values are ignored)
    page.evaluate("location.hash = 'lang=fa&outlet=No+such+outlet'")
    page.wait_for_function("document.getElementById('f-lang').value === 'fa'")
    assert page.input_value("#f-outlet") == ""
    assert len(visible_clusters(page)) == 2
    page.click("#f-reset")
    assert page.evaluate("location.hash") == ""
    tab.assert_clean()


def test_hover_highlights_the_counterpart(open_report, sample_report: Report) -> None:
    tab = open_report(sample_report)
    page = tab.page
    q = _ids(sample_report, "Нам нужны", "We need guarantees", "ما باید")
    src = page.locator(f"article[data-quote-id='{q['We need guarantees']}'] "
                       "mark.d[data-type~='negation']")
    key = src.get_attribute("data-pair")
    peer = page.locator(f"article[data-quote-id='{q['Нам нужны']}'] mark[data-pair~='{key}']")
    assert peer.inner_text() == "не будет расширяться"
    src.hover()
    assert "active" in src.get_attribute("class").split()
    assert "peer" in peer.get_attribute("class").split()
    # the drift list entry lights up too; an unrelated span does not
    assert "peer" in page.locator(f"li.ditem[data-pair='{key}']").get_attribute("class")
    other = page.locator(f"article[data-quote-id='{q['ما باید']}'] mark.d").first
    assert "peer" not in (other.get_attribute("class") or "")
    outline = peer.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"
    page.mouse.move(1, 1)
    page.wait_for_function("!document.querySelector('.peer, .active')")

    # hovering the list entry lights both spans
    page.locator(f"li.ditem[data-pair='{key}']").hover()
    assert "peer" in src.get_attribute("class").split()
    assert "peer" in peer.get_attribute("class").split()
    tab.assert_clean()


def test_keyboard_tab_to_a_span_highlights_its_counterpart(open_report,
                                                           sample_report: Report) -> None:
    tab = open_report(sample_report)
    page = tab.page
    q = _ids(sample_report, "Нам нужны", "We need guarantees")
    page.focus(f"article[data-quote-id='{q['We need guarantees']}'] a.ctx")
    page.keyboard.press("Tab")
    active = page.evaluate("""() => { const e = document.activeElement;
        return [e.tagName, e.dataset.pair, e.dataset.type, e.textContent,
                e.closest('article').dataset.quoteId]; }""")
    assert active[0] == "MARK" and active[4] == q["We need guarantees"]
    assert active[2] == "omission" and active[3] == "∅"
    peer = page.locator(f"article[data-quote-id='{q['Нам нужны']}'] "
                        f"mark[data-pair~='{active[1]}']")
    assert peer.inner_text() == "юридические"
    assert "peer" in peer.get_attribute("class").split()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.locator("div.renderings:has(:focus)").screenshot(
        path=str(_artifacts() / "report-focus.png"))

    page.keyboard.press("Tab")
    key = page.evaluate("document.activeElement.dataset.pair")
    assert page.evaluate("document.activeElement.textContent") == "will expand"
    assert "peer" not in (peer.get_attribute("class") or "").split()  # the first one is off
    assert page.locator(f"article[data-quote-id='{q['Нам нужны']}'] "
                        f"mark[data-pair~='{key}'].peer").count() == 1

    # the search box works from the keyboard too
    page.focus("#f-q")
    page.keyboard.type("tense")
    assert len(visible_clusters(page)) == 1
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "f-severity"
    tab.assert_clean()


def test_in_context_link_opens_the_article_and_keeps_filters(open_report,
                                                             sample_report: Report) -> None:
    tab = open_report(sample_report)
    page = tab.page
    q = _ids(sample_report, "ჩვენ გვჭირდება")
    quote = next(x for x in sample_report.quotes if x.id == q["ჩვენ გვჭირდება"])
    page.fill("#f-q", "გარანტიები")
    page.click(f"article[data-quote-id='{quote.id}'] a.ctx")
    target = page.locator(":focus")
    assert target.evaluate("e => e.closest('details').open") is True
    assert target.evaluate("e => e.classList.contains('qctx') && e.id.startsWith('ctx-')")
    data_q = target.get_attribute("data-q")
    marked = page.eval_on_selector_all(f"mark.qctx[data-q='{data_q}']",
                                       "els => els.map(e => e.textContent).join('')")
    assert marked == quote.text
    assert "flash" in target.get_attribute("class").split()
    assert target.is_visible()
    assert page.evaluate("location.hash") == "#q=%E1%83%92%E1%83%90%E1%83%A0%E1%83%90%E1%83%9C" \
        "%E1%83%A2%E1%83%98%E1%83%94%E1%83%91%E1%83%98"
    # and back from the article to the rendering
    back = target.evaluate("e => e.closest('details').querySelector('.backlinks a').hash")
    page.click(f"details[open] .backlinks a[href='{back}']")
    assert page.evaluate("document.activeElement.id") == back[1:]
    tab.assert_clean()


def test_rtl_and_georgian_text(open_report, sample_report: Report) -> None:
    tab = open_report(sample_report)
    page = tab.page
    q = _ids(sample_report, "ما باید", "ჩვენ გვჭირდება")

    def style(quote_id: str, prop: str) -> str:
        return page.eval_on_selector(f"article[data-quote-id='{quote_id}'] blockquote",
                                     f"e => getComputedStyle(e).{prop}")

    assert style(q["ما باید"], "direction") == "rtl"
    assert style(q["ჩვენ გვჭირდება"], "direction") == "ltr"
    assert style(q["ما باید"], "unicodeBidi") == "isolate"
    # Georgian and Persian glyphs come from a real font in the stack, not as missing-glyph
    # boxes (which all have one width, like the private-use characters measured here)
    widths = page.evaluate("""() => { const c = document.createElement('canvas').getContext('2d');
        c.font = '16px ' + getComputedStyle(document.body).fontFamily;
        return ['ქართული', 'ფარსი', 'فارسی', '\\u{E000}\\u{E001}\\u{E002}'].map(
            t => c.measureText(t).width / [...t].length); }""")
    tofu = widths[3]
    assert all(w > 0 and abs(w - tofu) > 0.01 for w in widths[:3]), widths
    tab.assert_clean()


def open_all(page: Any) -> None:
    """Open every closed <details> with a click on its summary, as an editor would."""
    closed = page.locator("details:not([open]) > summary")
    for _ in range(closed.count()):
        closed.first.click()
    assert page.locator("details:not([open])").count() == 0


HOSTILE_TEXTS = ["<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=2">',
                 '<a href="javascript:window.__pwned=3">x</a>',
                 "</script><script>window.__pwned=4</script>"]


def test_hostile_input_stays_inert_text(open_report, hostile_report: Report) -> None:
    tab = open_report(hostile_report)
    page = tab.page
    open_all(page)
    # hover every element that shows untrusted text (a tall viewport: no scrolling needed);
    # the script below also sends mouseover, focus and click to every other element
    page.set_viewport_size({"width": 1400, "height": 4000})
    points = page.eval_on_selector_all(
        "mark, a, bdi, q, blockquote, .article-text, li.ditem, .ctl",
        """els => els.map(e => e.getBoundingClientRect()).filter(r => r.width && r.left >= 0)
                    .map(r => [r.left + r.width / 2, r.top + r.height / 2])""")
    assert len(points) > 40
    for x, y in points:
        page.mouse.move(x, y)
    # focus and click everything (script-side, so it stays fast), then some real keys/clicks
    assert page.evaluate("""() => { const els = [...document.querySelectorAll(
            'a, mark, li, summary, [tabindex], bdi, q, option')];
        for (const e of els) { e.focus(); e.click(); e.dispatchEvent(
            new MouseEvent('mouseover', {bubbles: true})); }
        return els.length; }""") > 50
    open_all(page)
    for _ in range(25):
        page.keyboard.press("Tab")
    links = page.locator("a:not(.skiplink)")
    for i in range(min(links.count(), 8)):
        links.nth(i).click()
    page.set_viewport_size({"width": 1400, "height": 900})
    page.fill("#f-q", HOSTILE_TEXTS[3])
    page.select_option("#f-outlet", index=1)
    page.reload()
    page.wait_for_selector("html[data-ready='1']", state="attached")
    assert page.input_value("#f-q") == HOSTILE_TEXTS[3]
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img, iframe, object, embed, b").count() == 0
    assert page.locator("script").count() == 2
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(
        e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))""") == []

    page.click("#f-reset")
    open_all(page)
    rendering = page.locator("article[data-quote-id] blockquote").first.inner_text()
    article = page.locator(".article-text").first.inner_text()
    for text in HOSTILE_TEXTS:
        assert text in rendering
        assert page.get_by_text(text, exact=False).first.is_visible()
    assert "⟨U+202E⟩gnp.exe⟨U+202C⟩" in rendering
    assert HOSTILE_TEXTS[0] in article and HOSTILE_TEXTS[2] in article
    assert "Злые ⟨U+202E⟩вести" in page.locator("#f-outlet").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(_artifacts() / "report-hostile.png"))
    tab.assert_clean()


def _artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
