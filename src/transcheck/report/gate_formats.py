"""Renderers for ``transcheck gate``: the formats CI systems read.

text (people), json (tools), github (workflow commands + job summary), sarif (code
scanning), junit (test dashboards). They render a ``GateResult``; the exit code is the
CLI's business.
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any
from xml.etree import ElementTree as ET

from ..rules import RULES
from ..types import Finding
from .base import Renderer, register
from .jsonout import dumps

_SARIF_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def finding_dict(f: Finding, suppressed: bool = False) -> dict[str, Any]:
    return {"code": f.code, "rule": f.rule, "level": f.level, "message": f.message,
            "cluster": f.cluster, "a": f.a, "b": f.b,
            "location": {"path": f.path, "line": f.line, "col": f.col},
            "fingerprint": f.fingerprint, "baseline": suppressed}


def _summary(result: Any) -> str:
    n_fail = len(result.failing)
    verdict = "FAIL" if n_fail else "PASS"
    return (f"{verdict}: {len(result.new)} new finding(s), {n_fail} at or above "
            f"'{result.fail_on}', {len(result.suppressed)} in the baseline; "
            f"{len(result.report.clusters)} clusters from {len(result.report.documents)} "
            "documents")


@register
class GateText(Renderer):
    subject, format = "gate", "text"

    def render(self, result: Any) -> str:
        lines = [f"{f.path}:{f.line}:{f.col}: {f.level} {f.code} [{f.rule}] {f.message}"
                 for f in result.new]
        return "\n".join([*lines, _summary(result)]) + "\n"


@register
class GateJson(Renderer):
    subject, format = "gate", "json"

    def render(self, result: Any) -> str:
        return dumps({
            "schema_version": 1, "signature": result.report.signature,
            "fail_on": result.fail_on, "exit_code": result.exit_code,
            "findings": [finding_dict(f) for f in result.new]
            + [finding_dict(f, True) for f in result.suppressed],
        })


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_summary(result: Any) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: every finding, grouped, since annotations are capped."""
    out = ["## transcheck gate", "", _summary(result), ""]
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in result.new:
        by_code[f.code].append(f)
    for code in sorted(by_code):
        out += [f"### {code} {RULES[code].name} ({len(by_code[code])})", "",
                "| location | level | message |", "| --- | --- | --- |"]
        out += [f"| `{f.path}:{f.line}:{f.col}` | {f.level} | "
                f"{f.message.replace('|', '/')} |" for f in by_code[code]]
        out.append("")
    return "\n".join(out) + "\n"


@register
class GateGithub(Renderer):
    """Workflow commands, the worst first (GitHub shows only the first annotations)."""

    subject, format = "gate", "github"

    def render(self, result: Any) -> str:
        rank = {"error": 0, "warning": 1, "note": 2}
        lines = [f"::notice title=transcheck::{_escape_data(_summary(result))}"]
        by_code: dict[str, list[Finding]] = defaultdict(list)
        for f in sorted(result.new, key=lambda f: (rank[f.level], f.code, f.path, f.line)):
            by_code[f.code].append(f)
        for code in sorted(by_code, key=lambda c: (rank[by_code[c][0].level], c)):
            lines.append(f"::group::{code} {RULES[code].name} ({len(by_code[code])})")
            for f in by_code[code]:
                cmd = {"error": "error", "warning": "warning", "note": "notice"}[f.level]
                lines.append(f"::{cmd} file={_escape_prop(f.path)},line={f.line},col={f.col},"
                             f"title={_escape_prop(f.code + ' ' + f.rule)}::"
                             f"{_escape_data(f.message)}")
            lines.append("::endgroup::")
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path:
            try:
                with open(summary_path, "a", encoding="utf-8") as fh:
                    fh.write(github_summary(result))
            except OSError as exc:
                from ..errors import OutputError

                raise OutputError(f"cannot append the job summary ({exc.strerror or exc})",
                                  source=summary_path,
                                  hint="check GITHUB_STEP_SUMMARY names a writable file"
                                  ) from exc
        return "\n".join(lines) + "\n"


@register
class GateSarif(Renderer):
    subject, format = "gate", "sarif"

    def render(self, result: Any) -> str:
        from .. import __version__

        rules = [{
            "id": code, "name": cls.name,
            "shortDescription": {"text": cls.name.replace("-", " ")},
            "fullDescription": {"text": cls.help}, "help": {"text": cls.help},
            "defaultConfiguration": {"level": _SARIF_LEVEL[cls.default_level]},
        } for code, cls in sorted(RULES.items())]
        index = {r["id"]: i for i, r in enumerate(rules)}

        def res(f: Finding, suppressed: bool) -> dict[str, Any]:
            item: dict[str, Any] = {
                "ruleId": f.code, "ruleIndex": index[f.code], "level": _SARIF_LEVEL[f.level],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path.replace(os.sep, "/")},
                    "region": {"startLine": f.line, "startColumn": f.col}}}],
                "partialFingerprints": {"transcheck/v1": f.fingerprint},
                "properties": {"cluster": f.cluster, "a": f.a, "b": f.b},
            }
            if suppressed:
                item["suppressions"] = [{"kind": "external", "justification": "baseline"}]
            return item

        sarif = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "transcheck", "version": __version__,
                                    "informationUri": "https://pypi.org/project/transcheck/",
                                    "rules": rules}},
                "results": [res(f, False) for f in result.new]
                + [res(f, True) for f in result.suppressed],
                "properties": {"signature": result.report.signature},
            }],
        }
        return dumps(sarif)


@register
class GateJunit(Renderer):
    """One test case per cluster; its new findings are the failures."""

    subject, format = "gate", "junit"

    def render(self, result: Any) -> str:
        quotes = {q.id: q for q in result.report.quotes}
        by_cluster: dict[str, list[Finding]] = defaultdict(list)
        for f in result.new:
            by_cluster[f.cluster].append(f)
        suite = ET.Element("testsuite", name="transcheck", tests=str(len(result.report.clusters)),
                           failures=str(sum(1 for c in result.report.clusters
                                            if by_cluster.get(c.id))), errors="0", skipped="0")
        for c in result.report.clusters:
            ref = quotes[c.reference]
            case = ET.SubElement(suite, "testcase", classname=f"transcheck.{c.speaker}",
                                 name=f"{c.id} {ref.text[:60]}", file=ref.doc)
            for f in by_cluster.get(c.id, []):
                fail = ET.SubElement(case, "failure", type=f.code,
                                     message=f"{f.level}: {f.message}")
                fail.text = f"{f.path}:{f.line}:{f.col} {f.code} [{f.rule}] {f.message}"
        suites = ET.Element("testsuites", name="transcheck")
        suites.append(suite)
        ET.indent(suites)
        return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
