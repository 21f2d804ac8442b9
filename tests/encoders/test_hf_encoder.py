"""HFEncoder: local folders and the local Hugging Face cache, never the network."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from transcheck.encoders.errors import E_MODEL_MISSING, ModelError
from transcheck.encoders.hf import HFEncoder, family_defaults

COMMIT = "0123456789abcdef0123456789abcdef01234567"
WORDS = [
    "talks",
    "on",
    "security",
    "guarantees",
    "resumed",
    "in",
    "geneva",
    "the",
    "minister",
    "said",
]


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 2-layer BERT with a WordPiece tokenizer, saved like any hub model."""
    import torch
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + list(".,")
    vocab = {t: i for i, t in enumerate(specials + WORDS + letters + ["##" + c for c in letters])}
    tk = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True)
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.decoder = decoders.WordPiece()
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    tok = PreTrainedTokenizerFast(
        tokenizer_object=tk,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=64,
    )
    torch.manual_seed(0)
    cfg = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    folder = tmp_path_factory.mktemp("tiny") / "tiny-bert"
    BertModel(cfg).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def hub_cache(tiny_bert: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Hugging Face cache holding the tiny model as "acme/tiny-e5" (blobs + snapshot)."""
    root = tmp_path_factory.mktemp("hub")
    repo = root / "models--acme--tiny-e5"
    snap = repo / "snapshots" / COMMIT
    (repo / "blobs").mkdir(parents=True)
    snap.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(COMMIT)
    for f in tiny_bert.iterdir():
        digest = hashlib.sha256(f.read_bytes()).hexdigest()
        shutil.copy2(f, repo / "blobs" / digest)
        (snap / f.name).symlink_to(Path("..", "..", "blobs", digest))
    return root


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("intfloat/multilingual-e5-small", ("mean", "query: ")),
        ("intfloat/e5-base-v2", ("mean", "query: ")),
        ("sentence-transformers/LaBSE", ("pooler", "")),
        ("setu4993/LaBSE", ("pooler", "")),
        ("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2", ("mean", "")),
        ("sentence-transformers/all-MiniLM-L6-v2", ("mean", "")),
        ("bert-base-multilingual-cased", None),
        ("acme/some5thing", None),
    ],
)
def test_family_defaults(name: str, expected) -> None:
    assert family_defaults(name) == expected


def test_local_folder(tiny_bert: Path) -> None:
    enc = HFEncoder(tiny_bert)
    assert (enc.pooling, enc.prefix, enc.max_length) == ("mean", "", 64)
    v = enc.encode(["talks resumed in geneva", "the minister said", "talks resumed in geneva"])
    assert v.shape == (3, 32) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(v[0], v[2])
    sig = enc.signature()
    assert json.loads(json.dumps(sig)) == sig
    assert sig["model_id"] == "tiny-bert"  # no machine path in the signature
    want = hashlib.sha256((tiny_bert / "model.safetensors").read_bytes()).hexdigest()
    assert sig["weights_sha256"] == want and sig["revision"] is None


def test_token_embeddings_skip_specials(tiny_bert: Path) -> None:
    enc = HFEncoder(tiny_bert)
    text = "Security guarantees, Geneva."
    spans, vecs = enc.token_embeddings(text)
    assert [text[s:e].lower() for s, e in spans] == ["security", "guarantees", ",", "geneva", "."]
    assert vecs.shape == (5, 32)


def test_cls_and_pooler_pooling(tiny_bert: Path) -> None:
    texts = ["talks resumed", "the minister said"]
    cls = HFEncoder(tiny_bert, pooling="cls").encode(texts)
    pooler = HFEncoder(tiny_bert, pooling="pooler").encode(texts)
    mean = HFEncoder(tiny_bert).encode(texts)
    assert not np.allclose(cls, mean) and not np.allclose(pooler, cls)
    with pytest.raises(ModelError):
        HFEncoder(tiny_bert, pooling="max")


def test_resolved_from_local_hub_cache(hub_cache: Path) -> None:
    enc = HFEncoder("acme/tiny-e5", hf_cache_dir=hub_cache)
    assert (enc.pooling, enc.prefix) == ("mean", "query: ")  # e5 family
    sig = enc.signature()
    assert sig["model_id"] == "acme/tiny-e5" and sig["revision"] == COMMIT
    blob = hub_cache / "models--acme--tiny-e5" / "snapshots" / COMMIT / "model.safetensors"
    assert sig["weights_sha256"] == blob.resolve().name  # read from the blob name, not hashed
    assert enc.encode(["talks"]).shape == (1, 32)


def test_missing_model_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as err:
        HFEncoder("acme/absent", hf_cache_dir=tmp_path)
    assert err.value.code == E_MODEL_MISSING
    msg = str(err.value)
    assert "huggingface-cli download acme/absent" in msg and "folder" in msg
    with pytest.raises(ModelError) as err:
        HFEncoder(tmp_path / "no" / "such" / "folder")
    assert err.value.code == E_MODEL_MISSING


def test_converted_e5_folder_through_hfencoder_matches_e5small(e5, sentences) -> None:
    enc = HFEncoder(e5.folder, pooling="mean", prefix="query: ")
    texts = sentences["ka"][:3]
    a, b = enc.encode(texts), e5.encode(texts)
    assert (np.einsum("ij,ij->i", a, b) > 0.9999).all()
