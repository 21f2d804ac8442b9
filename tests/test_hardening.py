"""Hostile input never raises, reports do not depend on input order, nothing goes online."""

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.extract import extract_article
from transcheck.ingest import RawDoc, to_article
from transcheck.pipeline import build_report
from transcheck.report import get_renderer

ROOT = Path(__file__).resolve().parents[1]
MARKS = "“”‘’«»„‚‹›「」『』\"'"
nasty = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list(MARKS) + ["\u200d", "\u200c", "\u202e", "\u0301", "\n", ":"]),
        st.sampled_from(["Ryabkov said", " he said, ", "Рябков заявил: ", "He added:\n",
                         "the diplomat", "Sergei Ryabkov", "ریابکوف گفت: "]),
    ),
    max_size=200,
).map("".join)


@settings(max_examples=int(os.environ.get("TRANSCHECK_HYPOTHESIS_EXAMPLES", "300")),
          deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nasty)
def test_extraction_never_raises_and_offsets_slice(text: str) -> None:
    article = to_article(RawDoc(id="x", path="x.txt", text=text), "x")
    quotes, _ = extract_article(article)
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "partial", "block")


def test_thousands_of_quote_marks() -> None:
    text = ("“" * 3000) + " he said " + ("”" * 3000) + "\n" + "«" * 5000
    article = to_article(RawDoc(id="x", path="x.txt", text=text), "x")
    quotes, _ = extract_article(article)
    assert all(text[q.start:q.end] == q.text for q in quotes)


def test_report_does_not_depend_on_input_order(e5) -> None:
    a, b = str(ROOT / "seeds"), str(ROOT / "fixtures" / "corpus_ru")
    render = get_renderer("report", "json").render
    assert render(build_report([a, b], encoder=e5)) == render(build_report([b, a], encoder=e5))


def test_report_runs_with_the_network_made_to_fail(tmp_path: Path, e5_cache_dir: Path) -> None:
    """Every socket connection raises: the report must still complete (nothing goes online)."""
    guard = tmp_path / "sitecustomize.py"
    guard.write_text(
        "import socket\n"
        "def _refuse(*a, **k):\n    raise OSError('network disabled by the test')\n"
        "socket.socket.connect = _refuse\nsocket.socket.connect_ex = _refuse\n"
        "socket.create_connection = _refuse\nsocket.getaddrinfo = _refuse\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env.update(PYTHONPATH=str(tmp_path), TRANSCHECK_CACHE_DIR=str(e5_cache_dir))
    out = subprocess.run([sys.executable, "-m", "transcheck", "report", str(ROOT / "seeds"),
                          "--format", "json", "--no-cache"], env=env, capture_output=True,
                         text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout)["clusters"]
