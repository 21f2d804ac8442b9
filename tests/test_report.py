"""The corpus report on the seeds and on a Russian original with faulty renderings."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.pipeline import build_report
from transcheck.report import get_renderer
from transcheck.report.corpus import report_dict

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds(e5):
    return build_report([str(ROOT / "seeds")], encoder=e5)


@pytest.fixture(scope="module")
def russian(e5):
    return build_report([str(ROOT / "fixtures" / "corpus_ru")], encoder=e5)


def _find(report, doc_prefix: str, start: str):
    hits = [q for q in report.quotes if q.doc.startswith(doc_prefix) and q.text.startswith(start)]
    assert len(hits) == 1, (doc_prefix, start)
    return hits[0]


def _pair(report, qa, qb):
    for c in report.clusters:
        for p in c.pairs:
            if {p.a, p.b} == {qa.id, qb.id}:
                return p
    return None


def test_cross_document_pairs_match_gold(seeds) -> None:
    gold = json.loads((ROOT / "fixtures/gold/seed_clusters.json").read_text("utf-8"))["pairs"]
    expected = {frozenset((_find(seeds, a[0], a[1]).id, _find(seeds, b[0], b[1]).id))
                for a, b in gold}
    got = {frozenset((p.a, p.b)) for c in seeds.clusters for p in c.pairs}
    true = expected & got
    precision, recall = len(true) / len(got), len(true) / len(expected)
    assert (precision, recall) == (1.0, 1.0), (got - expected, expected - got)


def test_legal_guarantees_renderings_drift_as_expected(seeds) -> None:
    republic = _find(seeds, "000", "And we need legal guarantees")
    yjc = _find(seeds, "003", "In short, they (these signals)")
    pair = _pair(seeds, republic, yjc)
    types = {s.type for s in pair.drift}
    assert {"intensity", "wording"} <= types  # elimination -> destroying; alliance -> coalition
    assert "negation" not in types and "number" not in types
    policy = [s for s in pair.drift if {s.a_text, s.b_text} >= {"policy", "politics"}]
    assert policy and policy[0].type == "concept"


def test_should_versus_has_to_is_a_modality_change(seeds) -> None:
    civil = _find(seeds, "002", "Russia should do this")
    yjc = _find(seeds, "003", "Unfortunately, we hear")
    pair = _pair(seeds, civil, yjc)
    assert "modality" in {s.type for s in pair.drift}
    assert pair.window_b is not None or pair.window_a is not None  # scored on the window


def test_near_identical_renderings_score_near_zero(seeds) -> None:
    a = _find(seeds, "000", "The conversation was difficult")
    b = _find(seeds, "001", "The conversation was difficult")
    pair = _pair(seeds, a, b)
    assert pair.divergence < 0.02
    assert not [s for s in pair.drift if s.severity != "low"]


def test_spans_slice_the_quote_texts(seeds, russian) -> None:
    for report in (seeds, russian):
        quotes = {q.id: q for q in report.quotes}
        for c in report.clusters:
            for p in c.pairs:
                for s in p.drift:
                    assert quotes[p.a].text[s.a_start:s.a_end] == s.a_text
                    assert quotes[p.b].text[s.b_start:s.b_end] == s.b_text


def test_russian_original_is_the_reference_and_faults_are_typed(russian) -> None:
    (cluster,) = [c for c in russian.clusters if len(c.quotes) > 1]
    assert len(cluster.quotes) == 5
    assert cluster.reference.startswith("ria_original")
    assert cluster.reference_reason == "original language (ru)"
    kinds = {}
    for p in cluster.pairs:
        if p.a == cluster.reference:
            kinds[p.b.split(":")[0]] = {s.type for s in p.drift if s.severity == "high"}
    assert "negation" in kinds["daily_negation"]
    assert "number" in kinds["portal_number"]
    assert "entity" in kinds["blog_place"]
    assert not kinds["wire_faithful"]
    assert cluster.outlier is not None and not cluster.outlier.startswith("wire_faithful")


def test_json_contract(seeds) -> None:
    data = report_dict(seeds)
    assert data["schema_version"] == 1
    c = next(c for c in data["clusters"] if c["pairs"])
    assert {"id", "speaker", "quote_ids", "reference", "outlier", "pairs"} <= set(c)
    assert {"a", "b", "semantic_similarity", "divergence", "bleu", "chrf", "ter", "drift",
            "window_a", "window_b"} <= set(c["pairs"][0])
    assert data["signature"]["encoder"]["weights_sha256"].startswith("1571fc98")


def test_json_is_deterministic(e5, seeds) -> None:
    again = build_report([str(ROOT / "seeds")], encoder=e5)
    render = get_renderer("report", "json").render
    assert render(seeds) == render(again)


def test_table_and_markdown_show_the_worst_drift_first(russian) -> None:
    table = get_renderer("report", "table", width=160).render(russian)
    assert "legend:" in table and "Sudis" in table
    md = get_renderer("report", "markdown").render(russian)
    assert md.startswith("# transcheck report")
    assert "| outlet | lang | rendering |" in md and "(reference)" in md


def test_cli_report_writes_json(e5, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["report", str(ROOT / "fixtures" / "corpus_ru"),
                                      "--format", "json", "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8"))["clusters"]


def test_json_is_streamed_byte_for_byte(seeds) -> None:
    renderer = get_renderer("report", "json")
    pieces: list[str] = []
    renderer.write(seeds, pieces.append)
    assert "".join(pieces) == renderer.render(seeds)
    assert len(pieces) > len(seeds.quotes)  # one piece per element at least, not one string
