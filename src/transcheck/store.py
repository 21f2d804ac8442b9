"""A SQLite store (WAL mode): embeddings, per-document extractions and scored pairs.

Keys are content hashes, never paths: an unchanged corpus re-encodes and re-scores
nothing, a changed article is processed again with the clusters it touches, and a run
that was interrupted resumes from what it had committed. SQLite transactions keep the
file consistent whatever happens to the process. A store that can take no more (a full
disk, an I/O error) stops taking writes with one warning, and the run goes on: a cache
never costs a report.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from platformdirs import user_cache_dir

from . import __version__
from .errors import W_CACHE_STOPPED, TranscheckError
from .types import Problem

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
STORE_NAME = "store.sqlite3"


class StoreError(TranscheckError):
    code = "E130"


def default_cache_dir() -> Path:
    return Path(os.environ.get("TRANSCHECK_CACHE_DIR") or user_cache_dir("transcheck"))


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@cache
def code_version(*packages: str) -> str:
    """Hash of the sources and data of the given subpackages: results computed by other
    code are never reused, even between releases during development."""
    h = hashlib.sha256(__version__.encode())
    root = resources.files("transcheck")
    for name in packages:
        node = root.joinpath(name)
        files = [node] if node.is_file() else sorted(
            (f for f in _walk(node) if f.name.endswith((".py", ".json"))), key=lambda f: str(f))
        for f in files:
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _walk(node: Any) -> Iterable[Any]:
    for child in node.iterdir():
        if child.is_dir():
            yield from _walk(child)
        else:
            yield child


class Store:
    def __init__(self, folder: str | os.PathLike[str] | None = None):
        self.folder = Path(folder) if folder else default_cache_dir()
        self.path = self.folder / STORE_NAME
        self._lock = threading.Lock()
        #: W205 once writes failed: later results of the run are computed, not stored
        self.problems: list[Problem] = []
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                self._open()
            except sqlite3.OperationalError:
                raise  # full disk, I/O error, lock: the file may be sound, leave it be
            except sqlite3.DatabaseError as exc:
                # a cache is only a cache: set the damaged file aside and start afresh
                aside = self.path.with_name(STORE_NAME + ".corrupt")
                log.warning("the cache %s is damaged (%s); it was moved to %s and rebuilt",
                            self.path, exc, aside.name)
                for suffix in ("", "-wal", "-shm"):
                    part = Path(str(self.path) + suffix)
                    if part.exists():
                        os.replace(part, Path(str(aside) + suffix))
                self._open()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the cache cannot be opened ({exc})", source=str(self.folder),
                             hint="free disk space, or pass another --cache-dir or --no-cache"
                             ) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the cache cannot be opened ({exc})", source=str(self.folder),
                             hint="run `transcheck cache clear` or pass another --cache-dir"
                             ) from exc
        except OSError as exc:
            raise StoreError(f"the cache folder cannot be used ({exc.strerror})",
                             source=str(self.folder), hint="pass a writable --cache-dir") from exc

    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._create()
        self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()

    def _create(self) -> None:
        self._db.executescript("""
            BEGIN;  -- one transaction: each page is written once
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS vectors (
                model TEXT NOT NULL, text_sha TEXT NOT NULL, dim INTEGER NOT NULL,
                vector BLOB NOT NULL, PRIMARY KEY (model, text_sha)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS documents (
                version TEXT NOT NULL, content_sha TEXT NOT NULL, result TEXT NOT NULL,
                PRIMARY KEY (version, content_sha)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS pairs (
                key TEXT PRIMARY KEY, result TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS run_index (
                key TEXT PRIMARY KEY, stamp INTEGER NOT NULL, clusters INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS run_clusters (
                key TEXT NOT NULL, ord INTEGER NOT NULL, result TEXT NOT NULL,
                PRIMARY KEY (key, ord)) WITHOUT ROWID;
            -- whole runs as one record, before they were kept cluster by cluster
            DROP TABLE IF EXISTS runs;
            COMMIT;
        """)
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self._db.close()

    # -- vectors ---------------------------------------------------------------------
    def get_vectors(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        by_sha = {sha(t): t for t in texts}
        keys = list(by_sha)
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows = self._db.execute(
                f"SELECT text_sha, dim, vector FROM vectors WHERE model = ? AND text_sha IN "
                f"({','.join('?' * len(chunk))})", (model, *chunk)).fetchall()
            for text_sha, dim, blob in rows:
                vec = np.frombuffer(blob, dtype=np.float32)
                if vec.shape == (dim,):
                    out[by_sha[text_sha]] = vec
        return out

    def put_vectors(self, model: str, items: dict[str, np.ndarray]) -> None:
        rows = [(model, sha(t), int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                for t, v in items.items()]
        self._write(lambda db: db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows))

    def _write(self, statements: Callable[[sqlite3.Connection], object]) -> None:
        """One transaction. When SQLite cannot write (full disk, I/O error, read-only
        file, a lock held too long) the transaction is rolled back, what was committed
        stays, and the store takes no more writes this run: one W205 warning, no error."""
        if self.problems:
            return
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                statements(self._db)
                self._db.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back
                    self._db.execute("ROLLBACK")
                if not isinstance(exc, sqlite3.Error):
                    raise  # Ctrl-C, or a record that cannot be written: nothing half-stored
                self.problems.append(Problem(
                    str(self.path), W_CACHE_STOPPED,
                    f"the cache stopped taking new results ({exc}); the run went on without "
                    "storing them: free disk space or pass another --cache-dir",
                    severity="warning"))
                log.debug("cache write failed", exc_info=True)

    # -- per-document extraction ledger -----------------------------------------------
    def get_document(self, version: str, content_sha: str) -> Any | None:
        row = self._db.execute("SELECT result FROM documents WHERE version = ? AND "
                               "content_sha = ?", (version, content_sha)).fetchone()
        return json.loads(row[0]) if row else None

    def put_document(self, version: str, content_sha: str, result: Any) -> None:
        row = (version, content_sha, json.dumps(result, ensure_ascii=False))
        self._write(lambda db: db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?)",
                                          row))

    # -- scored pairs -------------------------------------------------------------------
    def get_pair(self, key: str) -> Any | None:
        row = self._db.execute("SELECT result FROM pairs WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    # -- whole runs ------------------------------------------------------------------
    def get_run(self, key: str) -> Iterator[Any] | None:
        """The run's clusters, decoded one at a time as they are read, or None."""
        records = self.get_run_json(key)
        return None if records is None else (json.loads(r) for r in records)

    def get_run_json(self, key: str) -> Iterator[str] | None:
        """The run's cluster records as stored (JSON texts), one at a time, or None."""
        if self._db.execute("SELECT 1 FROM run_index WHERE key = ?", (key,)).fetchone() is None:
            return None
        rows = self._db.execute("SELECT result FROM run_clusters WHERE key = ? ORDER BY ord",
                                (key,))
        return (r[0] for r in rows)

    def put_run(self, key: str, clusters: Iterable[Any], keep: int = 3) -> None:
        """Written cluster by cluster in one transaction: a run is there whole or not at
        all, and never one string. Only the last ``keep`` runs are kept (runs are the
        largest records)."""
        self.put_run_json(key, (json.dumps(c, ensure_ascii=False) for c in clusters), keep)

    def put_run_json(self, key: str, records: Iterable[str], keep: int = 3) -> None:
        """``put_run`` with each cluster already a JSON text."""
        def put(db: sqlite3.Connection) -> None:
            stamp = db.execute("SELECT COALESCE(MAX(stamp), 0) + 1 FROM run_index").fetchone()[0]
            db.execute("DELETE FROM run_clusters WHERE key = ?", (key,))
            count = 0

            def rows() -> Iterator[tuple[str, int, str]]:
                nonlocal count
                for count, record in enumerate(records, 1):
                    yield key, count, record

            db.executemany("INSERT INTO run_clusters VALUES (?, ?, ?)", rows())
            db.execute("INSERT OR REPLACE INTO run_index VALUES (?, ?, ?)", (key, stamp, count))
            old = [r[0] for r in db.execute("SELECT key FROM run_index WHERE stamp <= ?",
                                            (stamp - keep,))]
            for k in old:
                db.execute("DELETE FROM run_clusters WHERE key = ?", (k,))
                db.execute("DELETE FROM run_index WHERE key = ?", (k,))

        self._write(put)

    def has_pair(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM pairs WHERE key = ?", (key,)).fetchone() is not None

    def put_pair(self, key: str, result: Any) -> None:
        row = (key, json.dumps(result, ensure_ascii=False))
        self._write(lambda db: db.execute("INSERT OR REPLACE INTO pairs VALUES (?, ?)", row))

    # -- maintenance ---------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        count = {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("vectors", "documents", "pairs")}
        count["runs"] = self._db.execute("SELECT COUNT(*) FROM run_index").fetchone()[0]
        size = sum(p.stat().st_size for p in self.folder.glob(STORE_NAME + "*") if p.is_file())
        return {"path": str(self.path), "bytes": size, **count}

    def clear(self) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            for t in ("vectors", "documents", "pairs", "run_index", "run_clusters"):
                self._db.execute(f"DELETE FROM {t}")
            self._db.execute("COMMIT")
            self._db.execute("VACUUM")


def model_key(signature: dict[str, Any]) -> str:
    return sha(json.dumps(signature, sort_keys=True, ensure_ascii=False))[:32]
