"""A run's clusters kept on disk, not in memory: what a report holds grows with the corpus
only by a few bytes per cluster.

Clusters are the largest part of a report (their scored pairs and drift spans, about 60%
of it), and every consumer reads them in order: the JSON report, the rules of the gate,
the terminal table. So a run writes each cluster, as it is finished, to an anonymous
temporary file (removed by the system when closed, even after a crash) and the report
decodes them one at a time whenever it is iterated. The file holds the same JSON records
the store keeps for a run, so a warm rerun copies them from the store without decoding.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from .types import Cluster, DriftSpan, PairResult

#: Bytes read from the file at a time while iterating.
_BLOCK = 1 << 20


def cluster_to_plain(c: Cluster) -> list[Any]:
    """The JSON-ready form of a cluster (also what the store keeps for a run)."""
    return [c.id, c.speaker, list(c.quotes), c.reference, c.reference_reason, c.outlier,
            [[p.a, p.b, p.window_a, p.window_b, p.cosine, p.semantic_similarity, p.divergence,
              p.bleu, p.chrf, p.ter, p.lexical_note,
              [[d.type, d.severity, d.a_start, d.a_end, d.b_start, d.b_end, d.a_text,
                d.b_text, d.note] for d in p.drift], p.meaning_risk] for p in c.pairs]]


def cluster_from_plain(c: list[Any]) -> Cluster:
    # quote ids and labels recur in every pair and cluster: one shared copy of each (a
    # decoded record would otherwise hold its own)
    intern = sys.intern

    def window(w: list[int] | None) -> tuple[int, int] | None:
        return (w[0], w[1]) if w is not None else None

    pairs = tuple(PairResult(intern(p[0]), intern(p[1]), window(p[2]), window(p[3]), *p[4:11],
                             tuple(DriftSpan(intern(d[0]), intern(d[1]), *d[2:]) for d in p[11]),
                             p[12]) for p in c[6])
    return Cluster(c[0], intern(c[1]), tuple(intern(q) for q in c[2]), intern(c[3]), c[4],
                   intern(c[5]) if c[5] is not None else None, pairs)


def encode_cluster(c: Cluster) -> str:
    return json.dumps(cluster_to_plain(c), ensure_ascii=False)


class ClusterFile(Sequence[Cluster]):
    """An append-only sequence of clusters in a temporary file, one JSON line each.

    Iterations may overlap (each read seeks first, under a lock); equality is element by
    element with any sequence, so a report compares equal to one holding a tuple."""

    def __init__(self, clusters: Iterable[Cluster] = (), *, folder: str | None = None):
        """``folder``: where the file goes (the system's temporary folder by default)."""
        # lives as long as the report; closed (and gone) when it is collected
        # unbuffered: a write that fails (a full disk) leaves nothing pending to flush
        self._file = tempfile.TemporaryFile(prefix="transcheck-clusters-",  # noqa: SIM115
                                            dir=folder, buffering=0)
        self._lock = threading.Lock()
        self._ends = array("q")  # where each record ends; the first starts at 0
        #: the records themselves, once the file could take no more (a full disk)
        self._held: list[str] | None = None
        for c in clusters:
            self.append(c)

    def append(self, cluster: Cluster) -> None:
        self.append_json(encode_cluster(cluster))

    def append_json(self, record: str) -> None:
        """A record as ``encode_cluster`` writes it (one JSON text without raw newlines,
        which JSON strings cannot hold)."""
        data = record.encode("utf-8", "surrogatepass") + b"\n"
        with self._lock:
            if self._held is None:
                end = self._ends[-1] if self._ends else 0
                try:
                    self._file.seek(end)
                    view = memoryview(data)
                    while view:
                        view = view[self._file.write(view):]
                    self._ends.append(end + len(data))
                    return
                except OSError:  # a full disk must not cost the report: hold them instead
                    self._hold()
            assert self._held is not None
            self._held.append(record)

    def _hold(self) -> None:
        """Moves the records written so far into memory (reading needs no space) and
        gives the file up."""
        data = self._read_unlocked(0, self._ends[-1] if self._ends else 0)
        self._held = [line.decode("utf-8", "surrogatepass") for line in data.split(b"\n")[:-1]]
        self._ends = array("q")
        self._file.close()

    def _read(self, start: int, end: int) -> bytes:
        with self._lock:
            return self._read_unlocked(start, end)

    def _read_unlocked(self, start: int, end: int) -> bytes:
        self._file.seek(start)
        parts = []
        while start < end:
            part = self._file.read(end - start)
            if not part:
                raise OSError(f"the clusters' file ended at {start} of {end} bytes")
            parts.append(part)
            start += len(part)
        return b"".join(parts)

    def records(self) -> Iterator[str]:
        """The JSON records in order, read a block at a time."""
        if self._held is not None:
            yield from list(self._held)
            return
        total = self._ends[-1] if self._ends else 0
        pos = 0
        rest = b""
        while pos < total:
            block = rest + self._read(pos, min(total, pos + _BLOCK))
            pos = min(total, pos + _BLOCK)
            *lines, rest = block.split(b"\n")
            for line in lines:
                yield line.decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[Cluster]:
        for record in self.records():
            yield cluster_from_plain(json.loads(record))

    def __len__(self) -> int:
        return len(self._held) if self._held is not None else len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Cluster: ...

    @overload
    def __getitem__(self, index: slice) -> list[Cluster]: ...

    def __getitem__(self, index: int | slice) -> Cluster | list[Cluster]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("cluster index out of range")
        if self._held is not None:
            return cluster_from_plain(json.loads(self._held[index]))
        start = self._ends[index - 1] if index else 0
        record = self._read(start, self._ends[index] - 1)
        return cluster_from_plain(json.loads(record.decode("utf-8", "surrogatepass")))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable while a run appends to it

    def __repr__(self) -> str:
        return f"ClusterFile({len(self)} clusters)"

    def __reduce__(self) -> tuple[Any, ...]:
        # another process cannot read this file: it gets the clusters themselves
        return (tuple, (tuple(self),))

    def close(self) -> None:
        self._file.close()
