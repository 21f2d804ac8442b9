"""Deterministic JSON: sorted keys where order carries no meaning, no NaN, fixed floats."""

from __future__ import annotations

import json
from typing import Any


def dumps(data: Any, *, indent: int | None = 2) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False,
                      separators=(",", ": ") if indent else (",", ":")) + "\n"
