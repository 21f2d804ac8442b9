"""The registry: a new encoder is one decorated class."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from transcheck.encoders import base
from transcheck.encoders.base import Encoder, available_encoders, get_encoder, register
from transcheck.encoders.errors import E_MODEL_MISSING, ModelError


class _Constant(Encoder):
    name = "constant-test"

    def __init__(self, dim: int = 4) -> None:
        self._d = dim

    @property
    def dim(self) -> int:
        return self._d

    def signature(self) -> dict:
        return {"encoder": self.name, "dim": self._d}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        v = np.ones((len(texts), self._d), dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def token_embeddings(self, text: str):
        return [], np.zeros((0, self._d), dtype=np.float32)


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))
    return base._REGISTRY


def test_builtins_are_registered() -> None:
    assert {"e5-small", "hf"} <= set(available_encoders())
    assert base.DEFAULT_ENCODER == "e5-small"


def test_register_and_get(registry) -> None:
    register("constant-test")(_Constant)
    enc = get_encoder("constant-test", dim=8)
    assert isinstance(enc, _Constant) and enc.dim == 8
    assert enc.encode(["a", "b"]).shape == (2, 8)
    with pytest.raises(ValueError):
        register("constant-test")(type("Other", (_Constant,), {}))


def test_default_name_builds_e5(e5, e5_cache_dir, monkeypatch) -> None:
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(e5_cache_dir))
    enc = get_encoder()
    assert enc.name == "e5-small" and enc.model is e5.model


def test_unknown_names_go_to_the_hf_encoder(tmp_path) -> None:
    with pytest.raises(ModelError) as err:
        get_encoder("acme/not-a-cached-model", hf_cache_dir=tmp_path)
    assert err.value.code == E_MODEL_MISSING
    assert "huggingface-cli download acme/not-a-cached-model" in str(err.value)


def test_importing_the_package_does_not_import_torch() -> None:
    import transcheck

    src = str(Path(transcheck.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    code = "import sys, transcheck.encoders; print('torch' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
