"""compare: scores for one pair, batch files, and a sensible ordering of labelled pairs."""

import json
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.compare import Pair, compare_pairs, read_pairs

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "fixtures" / "pairs" / "labelled.jsonl"
HIGH = {"negation", "number", "date", "entity", "modality"}


def meaning_score(score) -> float:
    """What an editor cares about: meaning lost (divergence) or a high-risk change."""
    high = any(s.severity == "high" for s in score.drift)
    return max(score.divergence, 0.5 if high else 0.0)


@pytest.fixture(scope="module")
def labelled(e5):
    records = [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines()]
    pairs = [Pair(r["id"], r["a"], r["b"], n, r["lang_a"], r["lang_b"])
             for n, r in enumerate(records, 1)]
    return records, compare_pairs(pairs, encoder=e5)


def test_ordering_faithful_then_meaning_shift_then_unrelated(labelled) -> None:
    records, result = labelled
    groups: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r, s in zip(records, result.scores, strict=True):
        label = "faithful" if r["label"] in ("translation", "paraphrase") else r["label"]
        groups[f"{r['lang_a']}-{r['lang_b']}"][label].append(meaning_score(s))
    assert len(groups) == 9
    for pair, g in groups.items():
        mean = {k: sum(v) / len(v) for k, v in g.items()}
        assert mean["faithful"] < mean["meaning_change"] < mean["unrelated"], (pair, mean)


def test_translations_are_close_and_unrelated_far(labelled) -> None:
    records, result = labelled
    for r, s in zip(records, result.scores, strict=True):
        if r["label"] == "translation":
            assert s.divergence < 0.6 and not [d for d in s.drift if d.severity == "high"], r["id"]
        if r["label"] == "unrelated":
            assert s.divergence > 0.5, r["id"]


def test_negation_flip_is_carried_by_drift_not_by_the_embedding(e5) -> None:
    (score,) = compare_pairs([Pair("n", "NATO will not expand further",
                                   "NATO will expand further")], encoder=e5).scores
    assert score.divergence < 0.2  # the embedding barely sees it
    assert [d.type for d in score.drift] == ["negation"]
    assert score.meaning_risk >= 0.5


def test_lexical_scores_only_within_one_language(e5) -> None:
    same, cross = compare_pairs([
        Pair("s", "The conversation was difficult, but businesslike.",
             "The conversation was hard, but businesslike."),
        Pair("c", "The conversation was difficult, but businesslike.",
             "Разговор был трудным, но деловым."),
    ], encoder=e5).scores
    assert same.bleu is not None and same.chrf is not None and same.ter is not None
    assert (cross.bleu, cross.chrf, cross.ter) == (None, None, None)
    assert "cross-language" in cross.lexical_note
    assert same.lang_a == "en" and cross.lang_b == "ru"


def test_pairs_file_tsv_and_jsonl_with_bad_rows(tmp_path: Path) -> None:
    tsv = "id\ta\tb\none\tWe are ready.\tWe are prepared.\ntwo\t\tempty\n"
    got = list(read_pairs("p.tsv", tsv.encode()))
    assert [type(x).__name__ for x in got] == ["Pair", "PairError"]
    assert got[1].line == 3 and "p.tsv:3" in got[1].message
    jsonl = '{"id": "a", "a": "x y", "b": "x z"}\nnot json\n{"id": "c", "a": "q"}\n'
    got = list(read_pairs("p.jsonl", jsonl.encode()))
    assert [type(x).__name__ for x in got] == ["Pair", "PairError", "PairError"]


def test_cli_pairs_output_keeps_input_order_with_a_signature_header(e5, tmp_path: Path) -> None:
    src = tmp_path / "pairs.jsonl"
    src.write_text('{"id": "p1", "a": "NATO will not expand", "b": "NATO will expand"}\n'
                   "{broken\n"
                   '{"id": "p3", "a": "We need guarantees", "b": "Нам нужны гарантии"}\n',
                   "utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["compare", "--pairs", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert "signature" in lines[0]
    assert lines[0]["signature"]["encoder"]["weights_sha256"].startswith("1571fc98")
    assert [x.get("id") for x in lines[1:]] == ["p1", "line-2", "p3"]
    assert "error" in lines[2]
    assert {"id", "lang_a", "lang_b", "semantic_similarity", "divergence", "bleu", "chrf",
            "ter"} <= set(lines[1])


def test_cli_two_texts_and_usage_errors(e5, tmp_path: Path) -> None:
    quote = tmp_path / "q.txt"
    quote.write_text("Мы не пойдём ни на какие уступки.", "utf-8")
    ok = CliRunner().invoke(app, ["compare", "We will not make any concessions.", str(quote),
                                  "--format", "json"])
    assert ok.exit_code == 0
    data = json.loads(ok.stdout)
    assert data["pairs"][0]["lang_b"] == "ru"
    usage = CliRunner().invoke(app, ["compare", "only one"])
    assert usage.exit_code == 2 and "Traceback" not in usage.output


def test_cli_pairs_file_with_no_usable_row_exits_2_without_an_internal_error(
        e5, tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"a": 1}\nnot json\n', "utf-8")
    result = CliRunner().invoke(app, ["compare", "--pairs", str(src)])
    assert result.exit_code == 2
    warnings = [line for line in result.stderr.splitlines() if line]
    assert len(warnings) == 2 and all(w.endswith("row skipped [E116]") for w in warnings)
    assert "internal error" not in result.stderr
