"""Streamed JSON: the same bytes as the whole-object dump, made one element at a time."""

from __future__ import annotations

import io
import json

import pytest

from transcheck.report.jsonout import Items, dumps, materialize, write_object


def _streamed(fields: list[tuple[str, object]]) -> str:
    buf = io.StringIO()
    write_object(buf.write, fields)
    return buf.getvalue()


def test_small_object_is_written_as_written_by_hand() -> None:
    text = _streamed([("n", 1), ("xs", Items(iter([{"k": "ა"}, []]))), ("e", Items([]))])
    assert text == ('{\n  "n": 1,\n  "xs": [\n    {\n      "k": "ა"\n    },\n    []\n  ],'
                    '\n  "e": []\n}\n')


@pytest.mark.parametrize("data", [
    {},
    {"a": []},
    {"a": [], "b": {}, "c": None},
    {"s": 1.5, "x": [{"k": [1, 2, {"z": "line\nbreak \"q\""}], "e": []}, {}],
     "y": {"n": None, "l": [], "d": {"deep": [[1], [[2]]]}}, "z": ["ü", "ა", "\u200c"]},
])
def test_streamed_equals_dumps(data: dict[str, object]) -> None:
    fields = [(k, Items(iter(v)) if isinstance(v, list) else v) for k, v in data.items()]
    text = _streamed(fields)
    assert text == dumps(data)
    assert json.loads(text) == data


def test_elements_are_made_as_they_are_written() -> None:
    made: list[int] = []
    chunks: list[tuple[str, int]] = []

    def elements():
        for k in range(3):
            made.append(k)
            yield {"k": k}

    write_object(lambda s: chunks.append((s, len(made))), [("xs", Items(elements()))])
    # when the element k is written, elements after it have not been made yet
    for k in range(3):
        chunk, count = next(c for c in chunks if f'"k": {k}' in c[0])
        assert count == k + 1


def test_materialize_gives_the_whole_object() -> None:
    assert materialize([("a", Items(x for x in (1, 2))), ("b", "c")]) == {"a": [1, 2], "b": "c"}
