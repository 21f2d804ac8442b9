"""The regenerated normaliser against the original tokenizer.json's precompiled charsmap."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from tokenizers import normalizers

from transcheck.encoders.charsmap import (
    MAX_KEY_BYTES,
    build_charsmap_entries,
    compile_charsmap,
    decompile_charsmap,
)
from transcheck.encoders.q4format import read_e5s1


@pytest.fixture(scope="module")
def norm_map(weights_path: Path) -> dict[int, str]:
    return read_e5s1(weights_path).tokenizer.norm_map


@pytest.fixture(scope="module")
def reference_blob(reference_tokenizer) -> bytes:
    spec = json.loads(reference_tokenizer.to_str())["normalizer"]
    pre = [n for n in spec["normalizers"] if n["type"] == "Precompiled"]
    assert len(pre) == 1
    return base64.b64decode(pre[0]["precompiled_charsmap"])


@pytest.fixture(scope="module")
def ours(norm_map: dict[int, str]) -> dict[str, str]:
    return build_charsmap_entries(norm_map)


def test_file_map_is_the_reference_single_codepoint_rules(norm_map, reference_blob) -> None:
    ref = decompile_charsmap(reference_blob)
    singles = {ord(k): v for k, v in ref.items() if len(k) == 1}
    assert singles == norm_map


def test_regenerated_rules_equal_every_reachable_reference_rule(ours, reference_blob) -> None:
    ref = decompile_charsmap(reference_blob)
    reachable = {k: v for k, v in ref.items() if len(k.encode()) <= MAX_KEY_BYTES}
    assert ours == reachable
    assert len(ours) == 7563
    # The rest of the original trie (keys of 6+ bytes) can never match in HF's
    # grapheme-wise lookup; it exists, we just do not need it.
    assert len(ref) > len(reachable)


def test_compile_roundtrip(ours) -> None:
    assert decompile_charsmap(compile_charsmap(ours)) == ours


def test_normaliser_behaves_like_reference_everywhere(ours, reference_blob) -> None:
    mine = normalizers.Precompiled(compile_charsmap(ours))
    ref = normalizers.Precompiled(reference_blob)
    every_char = "".join(chr(c) for c in range(1, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert mine.normalize_str(every_char) == ref.normalize_str(every_char)
    # Every original rule key, in several contexts (grapheme boundaries change).
    keys = list(decompile_charsmap(reference_blob))
    for sep in ("", " ", "\n", "a", "\u0301"):
        text = sep.join(keys)
        assert mine.normalize_str(text) == ref.normalize_str(text), repr(sep)
