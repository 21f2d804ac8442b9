"""Any other transformers encoder: a local folder, or a model already in the HF cache.

Runs are offline by default: a model name is resolved strictly from the local
Hugging Face cache (``local_files_only``); the network is used only when the
caller passes ``allow_download=True``.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from .base import register
from .convert import file_sha256
from .errors import E_MODEL_MISSING, ModelError
from .torchenc import TransformerEncoder, configure_threads

logger = logging.getLogger(__name__)

_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

# (substring of the lower-cased name, pooling, prefix); first match wins.
FAMILIES: tuple[tuple[str, str, str], ...] = (
    ("labse", "pooler", ""),
    ("e5", "mean", "query: "),
    ("paraphrase-multilingual", "mean", ""),
    ("sentence-transformers/", "mean", ""),
)


def family_defaults(name: str) -> tuple[str, str] | None:
    """(pooling, prefix) the model family was trained with, if we know the family."""
    low = name.lower().replace("\\", "/")
    for key, pooling, prefix in FAMILIES:
        if key == "e5":
            if re.search(r"(^|[/_-])e5([/_-]|$)", low):
                return pooling, prefix
        elif key in low:
            return pooling, prefix
    return None


def _sentence_transformers_pooling(folder: Path) -> str | None:
    """Pooling declared by a sentence-transformers export (``1_Pooling/config.json``)."""
    cfg = folder / "1_Pooling" / "config.json"
    try:
        data = json.loads(cfg.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("pooling_mode_cls_token"):
        return "cls"
    if data.get("pooling_mode_mean_tokens"):
        return "mean"
    return None


def _missing(name: str, why: str) -> ModelError:
    return ModelError(
        f"model {name!r} is not available offline ({why})",
        code=E_MODEL_MISSING,
        hint=(
            f"download it once on a connected machine with `huggingface-cli download {name}` "
            "and copy the Hugging Face cache here, or pass the path of a local model folder"
        ),
    )


def resolve_model(
    name_or_path: str,
    *,
    revision: str | None = None,
    allow_download: bool = False,
    hf_cache_dir: str | os.PathLike[str] | None = None,
) -> tuple[Path, str | None]:
    """(local folder, commit hash or None) for a folder path or a hub model name."""
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path, None
    # A hub id is "name" or "org/name"; anything else meant a folder.
    looks_like_path = (
        path.exists()
        or name_or_path.startswith((".", "/", "~"))
        or name_or_path.count("/") > 1
        or "\\" in name_or_path
    )
    if looks_like_path:
        raise _missing(name_or_path, "no such folder")
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError

    try:
        folder = snapshot_download(
            repo_id=name_or_path,
            revision=revision,
            cache_dir=os.fspath(hf_cache_dir) if hf_cache_dir is not None else None,
            local_files_only=not allow_download,
        )
    except (LocalEntryNotFoundError, FileNotFoundError, HFValidationError) as exc:
        raise _missing(name_or_path, "not in the local Hugging Face cache") from exc
    except OSError as exc:  # network errors when downloading is allowed
        raise _missing(name_or_path, f"download failed: {exc}") from exc
    folder_path = Path(folder)
    commit = folder_path.name if folder_path.parent.name == "snapshots" else None
    return folder_path, commit


def weights_sha256(folder: Path) -> tuple[str, str] | None:
    """(file name, sha256) of the weights; free for HF cache symlinks to blobs/<sha256>."""
    for name in _WEIGHT_FILES:
        p = folder / name
        if not p.exists():
            continue
        target = p.resolve()
        if p.is_symlink() and _SHA256_RE.match(target.name):
            return name, target.name
        return name, file_sha256(target)
    return None


@register("hf", fallback=True)
class HFEncoder(TransformerEncoder):
    """A transformers encoder from a local folder or the local Hugging Face cache."""

    name = "hf"

    def __init__(
        self,
        name_or_path: str | os.PathLike[str],
        *,
        pooling: str | None = None,
        prefix: str | None = None,
        revision: str | None = None,
        allow_download: bool = False,
        hf_cache_dir: str | os.PathLike[str] | None = None,
        max_length: int | None = None,
        batch_size: int = 32,
        num_threads: int | None = None,
    ) -> None:
        from transformers import AutoModel, AutoTokenizer

        configure_threads(num_threads)
        self.model_name = os.fspath(name_or_path)
        folder, commit = resolve_model(
            self.model_name,
            revision=revision,
            allow_download=allow_download,
            hf_cache_dir=hf_cache_dir,
        )
        family = family_defaults(self.model_name)
        if pooling is None:
            pooling = family[0] if family else (_sentence_transformers_pooling(folder) or "mean")
        if prefix is None:
            prefix = family[1] if family else ""
        try:
            model = AutoModel.from_pretrained(folder, local_files_only=True)
            tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True, use_fast=True)
        except OSError as exc:
            raise _missing(self.model_name, f"cannot load from {folder.name}: {exc}") from exc
        if not getattr(tokenizer, "is_fast", False):
            raise ModelError(
                f"model {self.model_name!r} has no fast tokenizer; offsets need one",
                code=E_MODEL_MISSING,
            )
        model.eval()
        limit = getattr(model.config, "max_position_embeddings", 512) or 512
        if "roberta" in model.config.model_type or model.config.model_type == "camembert":
            limit -= 2  # RoBERTa positions start after padding_idx (514 -> 512 usable)
        tok_limit = getattr(tokenizer, "model_max_length", limit) or limit
        if max_length is None:
            max_length = min(limit, tok_limit)
        super().__init__(
            model,
            tokenizer,
            pooling=pooling,
            prefix=prefix,
            max_length=max_length,
            batch_size=batch_size,
        )
        self.commit = commit
        self.weights = weights_sha256(folder)

    def signature(self) -> dict[str, Any]:
        sig = self._base_signature()
        # A folder path is machine-specific: keep only its last component.
        path = Path(self.model_name)
        sig["model_id"] = path.name if path.is_dir() else self.model_name
        sig["revision"] = self.commit
        sig["weights_file"], sig["weights_sha256"] = self.weights or (None, None)
        return sig
