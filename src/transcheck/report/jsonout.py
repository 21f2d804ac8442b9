"""Deterministic JSON: sorted keys where order carries no meaning, no NaN, fixed floats."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any


def dumps(data: Any, *, indent: int | None = 2) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False,
                      separators=(",", ": ") if indent else (",", ":")) + "\n"


class Items:
    """A JSON array whose elements are made one at a time while it is written, so a report
    of a large corpus never holds all its element dicts, nor its whole text, at once."""

    def __init__(self, items: Iterable[Any]):
        self.items = items


def materialize(fields: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """The object :func:`write_object` streams, whole (for callers that need the data)."""
    return {k: list(v.items) if isinstance(v, Items) else v for k, v in fields}


def write_object(write: Callable[[str], object], fields: Iterable[tuple[str, Any]]) -> None:
    """Writes a JSON object byte for byte as ``dumps(dict(fields))`` would (indent 2), except
    that :class:`Items` values are streamed element by element."""
    write("{")
    first = True
    for key, value in fields:
        write(("\n" if first else ",\n") + "  " + json.dumps(key, ensure_ascii=False) + ": ")
        first = False
        if not isinstance(value, Items):
            write(_nested(value, "\n  "))
            continue
        empty = True
        for item in value.items:
            write(("[\n    " if empty else ",\n    ") + _nested(item, "\n    "))
            empty = False
        write("[]" if empty else "\n  ]")
    write("}\n" if first else "\n}\n")


#: One encoder for every element (``json.dumps`` with options builds one per call).
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False,
                             separators=(",", ": "))


def _nested(value: Any, newline: str) -> str:
    # json never puts a raw newline inside a string, so every "\n" is a line break to indent
    return _INDENTED.encode(value).replace("\n", newline)
