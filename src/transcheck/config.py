"""Configuration: defaults < transcheck.toml or [tool.transcheck] < TRANSCHECK_* < CLI.

The file is found by walking up from the working folder (newsroom repositories are often
not Python projects, so a standalone ``transcheck.toml`` works as well as
``pyproject.toml``). Files are data only: parsed as TOML, validated against a JSON schema,
never evaluated. An unknown key, a wrong type or an impossible value is an error that
names the key and the file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jsonschema

from .align import AlignConfig
from .errors import ConfigError

RULE_CODES = ("TC101", "TC102", "TC201", "TC202", "TC203", "TC204", "TC205", "TC301")
LEVELS = ("error", "warning", "note")

_NUM01 = {"type": "number", "minimum": 0, "maximum": 1}
_THRESHOLDS = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "divergence": _NUM01,
        "chrf": {"type": "number", "minimum": 0, "maximum": 100},
        "meaning_risk": _NUM01,
    },
}
SCHEMA: dict[str, Any] = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "model": {"type": "string", "minLength": 1},
        "fail_on": {"enum": ["error", "warning", "never"]},
        "max_bytes": {"type": "integer", "minimum": 1},
        "max_quote_chars": {"type": "integer", "minimum": 1},
        "align": {
            "type": "object", "additionalProperties": False,
            "properties": {
                "link_similarity": _NUM01,
                "fragment_ratio": {"type": "number", "minimum": 1},
                "max_window_clauses": {"type": "integer", "minimum": 1, "maximum": 50},
                "min_semantic_words": {"type": "integer", "minimum": 1},
                "date_window_days": {"type": "integer", "minimum": 0},
                "include_unknown": {"type": "boolean"},
                "exhaustive_block": {"type": "integer", "minimum": 1},
                "neighbours": {"type": "integer", "minimum": 1},
                "candidate_floor": {"type": "number", "minimum": -1, "maximum": 1},
            },
        },
        "thresholds": {
            **_THRESHOLDS,
            "properties": {
                **_THRESHOLDS["properties"],
                "overrides": {
                    "type": "array",
                    "items": {
                        "type": "object", "additionalProperties": False,
                        "properties": {
                            **_THRESHOLDS["properties"],
                            "lang_pair": {"type": "string", "pattern": r"^[a-z]{2,3}-[a-z]{2,3}$"},
                            "speaker": {"type": "string", "minLength": 1},
                        },
                        "anyOf": [{"required": ["lang_pair"]}, {"required": ["speaker"]}],
                    },
                },
            },
        },
        "rules": {
            "type": "object", "additionalProperties": False,
            "properties": {
                "disable": {"type": "array", "items": {"enum": list(RULE_CODES)},
                            "uniqueItems": True},
                "severity": {"type": "object", "additionalProperties": False,
                             "properties": {c: {"enum": list(LEVELS)} for c in RULE_CODES}},
            },
        },
    },
}


@dataclass(frozen=True)
class Thresholds:
    divergence: float = 0.35
    chrf: float = 35.0
    meaning_risk: float = 0.4


@dataclass(frozen=True)
class Override:
    lang_pair: str | None
    speaker: str | None
    values: Mapping[str, float]


@dataclass(frozen=True)
class Config:
    model: str | None = None
    fail_on: str = "error"
    max_bytes: int = 10_000_000
    max_quote_chars: int = 5_000  # longer quotes are cut, flagged and reported (W204)
    align: AlignConfig = field(default_factory=AlignConfig)
    thresholds: Thresholds = field(default_factory=Thresholds)
    overrides: tuple[Override, ...] = ()
    disabled: frozenset[str] = frozenset()
    severity: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None  # the file the settings came from

    def thresholds_for(self, lang_a: str, lang_b: str, speaker: str) -> Thresholds:
        """Most specific wins: speaker + language pair, then speaker, then language pair."""
        t = self.thresholds
        ranked = sorted(self.overrides, key=lambda o: (o.speaker is not None,
                                                       o.lang_pair is not None))
        for o in ranked:
            if o.lang_pair not in (None, f"{lang_a}-{lang_b}"):
                continue
            if o.speaker is not None and o.speaker != speaker:
                continue
            t = replace(t, **dict(o.values))
        return t


def find_config(start: Path | None = None) -> Path | None:
    """transcheck.toml, or a pyproject.toml with [tool.transcheck], nearest first."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "transcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
            if "transcheck" in data.get("tool", {}):
                return pyproject
    return None


def _key_of(error: jsonschema.ValidationError, prefix: str) -> str:
    path = [str(p) for p in error.absolute_path]
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        path.append(extra[0] if extra else "?")
    return ".".join([prefix, *path]) if path else prefix


def validate(data: Any, *, source: str, prefix: str) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        e = errors[0]
        key = _key_of(e, prefix)
        if e.validator == "additionalProperties":
            msg = f"unknown key '{key}'"
        elif e.validator in ("type", "enum", "pattern", "uniqueItems"):
            msg = f"'{key}' has a wrong value ({e.message})"
        else:
            msg = f"'{key}' has an impossible value ({e.message})"
        raise ConfigError(msg, source=source, hint="see the Configuration section of the README")


def from_mapping(data: Mapping[str, Any], *, source: str, prefix: str) -> Config:
    validate(dict(data), source=source, prefix=prefix)
    thresholds = dict(data.get("thresholds", {}))
    overrides = tuple(
        Override(o.get("lang_pair"), o.get("speaker"),
                 {k: float(v) for k, v in o.items() if k not in ("lang_pair", "speaker")})
        for o in thresholds.pop("overrides", []))
    rules = data.get("rules", {})
    return Config(
        model=data.get("model"), fail_on=data.get("fail_on", "error"),
        max_bytes=int(data.get("max_bytes", 10_000_000)),
        max_quote_chars=int(data.get("max_quote_chars", 5_000)),
        align=replace(AlignConfig(), **data.get("align", {})),
        thresholds=replace(Thresholds(), **{k: float(v) for k, v in thresholds.items()}),
        overrides=overrides, disabled=frozenset(rules.get("disable", [])),
        severity=dict(rules.get("severity", {})), source=source)


def load_file(path: Path) -> Config:
    shown = path.name if path.parent == Path.cwd() else str(path)
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot be read ({exc.strerror})", source=shown,
                          hint="check the path given to --config") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"is not valid TOML ({exc})", source=shown,
                          hint="fix the syntax") from exc
    if path.name == "pyproject.toml":
        return from_mapping(raw.get("tool", {}).get("transcheck", {}), source=shown,
                            prefix="tool.transcheck")
    return from_mapping(raw, source=shown, prefix="transcheck")


#: Environment variables and the config keys they set (documented in the README).
ENVIRONMENT = {
    "TRANSCHECK_MODEL": ("model", str),
    "TRANSCHECK_FAIL_ON": ("fail_on", str),
    "TRANSCHECK_MAX_DIVERGENCE": ("thresholds.divergence", float),
    "TRANSCHECK_MIN_CHRF": ("thresholds.chrf", float),
    "TRANSCHECK_MAX_MEANING_RISK": ("thresholds.meaning_risk", float),
}


def _env_overrides(environ: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for var, (key, kind) in ENVIRONMENT.items():
        if var in environ:
            try:
                value = kind(environ[var])
            except ValueError as exc:
                raise ConfigError(f"{var}={environ[var]!r} is not a {kind.__name__}",
                                  source="environment", hint="fix or unset it") from exc
            out[key] = value
    return out


def load_config(*, path: Path | None = None, cwd: Path | None = None,
                environ: Mapping[str, str] | None = None,
                overrides: Mapping[str, Any] | None = None) -> Config:
    """The effective configuration; ``overrides`` are dotted keys from the command line."""
    found = path or find_config(cwd)
    base = load_file(found) if found else Config()
    layered: dict[str, Any] = {}
    layered.update(_env_overrides(os.environ if environ is None else environ))
    layered.update({k: v for k, v in (overrides or {}).items() if v is not None})
    if not layered:
        return base
    data: dict[str, Any] = {
        "model": base.model, "fail_on": base.fail_on, "max_bytes": base.max_bytes,
        "max_quote_chars": base.max_quote_chars,
        "thresholds": {"divergence": base.thresholds.divergence, "chrf": base.thresholds.chrf,
                       "meaning_risk": base.thresholds.meaning_risk},
    }
    for key, value in layered.items():
        target = data
        *parents, last = key.split(".")
        for p in parents:
            target = target.setdefault(p, {})
        target[last] = value
    if data["model"] is None:
        del data["model"]
    validate(data, source="command line or environment", prefix="option")
    return replace(base, model=data.get("model"), fail_on=data["fail_on"],
                   max_bytes=data["max_bytes"], max_quote_chars=data["max_quote_chars"],
                   thresholds=Thresholds(**{k: float(v) for k, v in data["thresholds"].items()}))
