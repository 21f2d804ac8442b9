"""The CI gate: findings against thresholds, minus a reviewed baseline, to an exit code."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .config import Config
from .errors import ConfigError
from .executors import Executor
from .ingest import Limits
from .pipeline import Progress, build_report
from .rules import LEVEL_RANK, findings
from .store import Store
from .types import Finding, Report

BASELINE_VERSION = 1


@dataclass(frozen=True)
class GateResult:
    report: Report
    findings: tuple[Finding, ...]  # everything the rules found
    new: tuple[Finding, ...]  # not in the baseline
    suppressed: tuple[Finding, ...]  # in the baseline
    fail_on: str

    @property
    def failing(self) -> tuple[Finding, ...]:
        if self.fail_on == "never":
            return ()
        floor = LEVEL_RANK[self.fail_on]
        return tuple(f for f in self.new if LEVEL_RANK[f.level] >= floor)

    @property
    def exit_code(self) -> int:
        return 1 if self.failing else 0


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text("utf-8"))
        return {str(item["fingerprint"]) for item in data["findings"]}
    except OSError as exc:
        raise ConfigError(f"cannot read the baseline ({exc.strerror})", source=str(path),
                          hint="check the path, or create one with --write-baseline") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError("is not a transcheck baseline (expected {\"findings\": [{\"fingerprint\""
                          ": ...}]})", source=str(path),
                          hint="regenerate it with --write-baseline") from exc


def baseline_text(result: GateResult) -> str:
    """Sorted, one finding per entry: readable and diff-friendly in review."""
    quotes = {q.id: q for q in result.report.quotes}
    entries: dict[str, dict[str, Any]] = {}
    for f in result.findings:
        entries[f.fingerprint] = {"fingerprint": f.fingerprint, "code": f.code, "rule": f.rule,
                                  "quote": quotes[f.b].text if f.b in quotes else ""}
    data = {"version": BASELINE_VERSION, "tool": "transcheck",
            "findings": [entries[k] for k in sorted(entries)]}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def run_gate(paths: Iterable[str], config: Config, *, baseline: Path | None = None,
             stdin: BinaryIO | None = None, progress: Progress | None = None,
             store: Store | None = None, executor: Executor | None = None) -> GateResult:
    known = read_baseline(baseline) if baseline else set()
    report = build_report(paths, model=config.model, align_config=config.align,
                          limits=Limits(max_bytes=config.max_bytes,
                                        max_quote_chars=config.max_quote_chars), stdin=stdin,
                          progress=progress, store=store, executor=executor,
                          keep_text=False)
    found = tuple(findings(report, config))
    new = tuple(f for f in found if f.fingerprint not in known)
    old = tuple(f for f in found if f.fingerprint in known)
    return GateResult(report, found, new, old, config.fail_on)
