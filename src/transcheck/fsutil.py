"""Writing outputs so that an interrupted run never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write(path, lambda write: write(text))


def atomic_write(path: str | os.PathLike[str],
                 fill: Callable[[Callable[[str], object]], None]) -> None:
    """``fill`` writes the text in pieces into a temporary file beside ``path``, which then
    replaces it: readers see the old file or the whole new one, never a part."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fill(fh.write)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
