"""End to end: `transcheck report seeds/ --format html --out F` opened in the browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def test_seeds_report_in_the_browser(e5, e5_cache_dir, monkeypatch, tmp_path, browser_context):
    from transcheck.cli import app

    # the session's converted model (tests/conftest.py), never the user's cache
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(e5_cache_dir))
    out = tmp_path / "x.html"
    res = CliRunner().invoke(app, ["report", str(ROOT / "seeds"), "--format", "html",
                                   "--out", str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    html = out.read_text("utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)'
                                r"</script>", html, re.S).group(1))
    multi = [c for c in data["clusters"] if len(c.get("quote_ids") or c["quotes"]) > 1]
    assert multi, "the seeds render several utterances more than once"

    page = browser_context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(out.as_uri())
        page.wait_for_selector("html[data-ready='1']", state="attached")
        assert page.locator("section.cluster").count() == len(multi)
        assert page.locator("table.overview tbody tr").count() == len(multi)
        assert page.locator(".article-text").count() == len(data["documents"])
        spans = page.locator("section.cluster article mark.d")
        if spans.count():
            first = spans.first
            first.focus()
            key = first.get_attribute("data-pair").split()[0]
            assert page.locator(f"mark.d.peer[data-pair~='{key}']").count() >= 1
        page.fill("#f-q", "NATO")
        assert 0 < page.locator("section.cluster:not([hidden])").count() <= len(multi)
        page.click("#f-reset")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report-seeds.png"), full_page=True)
    finally:
        page.close()
    assert requests == [out.as_uri()]
    assert errors == []
