"""Clusters kept on disk: the same clusters back, in order, for a few bytes each in memory."""

import pickle
import tracemalloc

import pytest

from transcheck import spill
from transcheck.spill import ClusterFile, cluster_from_plain, cluster_to_plain
from transcheck.types import Cluster, DriftSpan, PairResult


def make_cluster(k: int, text: str = "text") -> Cluster:
    span = DriftSpan("number", "high", 3, 5, 4, 7, f"{text} «a»", "b\nc\u2028", "note")
    pairs = (
        PairResult(f"q{k}a", f"q{k}b", (0, 12), None, 0.9123, 0.8765, 0.1235, 40.1, 55.5,
                   33.33, None, (span,), 0.75),
        PairResult(f"q{k}a", f"q{k}c", None, None, -0.5, 0.0, 1.0, None, None, None,
                   "different languages", (), 0.0),
    )
    return Cluster(f"c{k}", "sergei-ryabkov", (f"q{k}a", f"q{k}b", f"q{k}c"), f"q{k}a",
                   "original language (ru)", None if k % 2 else f"q{k}c", pairs)


CLUSTERS = [make_cluster(k, text) for k, text in
            enumerate(["ascii", "ყველაფრის განადგურება", "ликвидация всего", "همه چیز",
                       'quote "inside" \\ backslash', ""])]


def test_clusters_come_back_equal_and_in_order() -> None:
    f = ClusterFile(CLUSTERS)
    assert len(f) == len(CLUSTERS)
    assert list(f) == CLUSTERS
    assert f[0] == CLUSTERS[0] and f[-1] == CLUSTERS[-1] and f[3] == CLUSTERS[3]
    assert f[1:4] == CLUSTERS[1:4]
    got = f[2]
    # windows are tuples again and drift spans whole, not lists
    assert got.pairs[0].window_a == (0, 12) and got.pairs[0].drift[0].b_text == \
        "b\nc\u2028"
    with pytest.raises(IndexError):
        f[len(CLUSTERS)]


def test_an_empty_file_is_an_empty_sequence() -> None:
    f = ClusterFile()
    assert len(f) == 0 and list(f) == [] and f == () and not list(f.records())


def test_records_split_across_reads(monkeypatch) -> None:
    """A record longer than a read, and records that straddle reads, come back whole."""
    monkeypatch.setattr(spill, "_BLOCK", 7)
    f = ClusterFile(CLUSTERS)
    assert list(f) == CLUSTERS


def test_iterations_may_overlap_and_appends_follow_reads() -> None:
    f = ClusterFile(CLUSTERS[:3])
    assert [(a.id, b.id) for a, b in zip(f, reversed(list(f)), strict=True)] == [
        ("c0", "c2"), ("c1", "c1"), ("c2", "c0")]
    it = iter(f)
    first = next(it)
    f[2]  # a read elsewhere moves the file position
    assert first.id == "c0" and [c.id for c in it] == ["c1", "c2"]
    f.append(CLUSTERS[3])  # appended after reads: at the end, not where the last read was
    assert [c.id for c in f] == ["c0", "c1", "c2", "c3"]


def test_equality_is_element_by_element() -> None:
    f = ClusterFile(CLUSTERS)
    assert f == tuple(CLUSTERS) and f == ClusterFile(CLUSTERS)
    assert f != tuple(CLUSTERS[:-1])
    assert f != tuple(CLUSTERS[:-1]) + (make_cluster(99),)
    assert f != "not clusters"


def test_records_are_what_the_store_keeps() -> None:
    """A warm rerun copies the store's records in without decoding them."""
    f = ClusterFile()
    for c in CLUSTERS:
        f.append_json(spill.encode_cluster(c))
    assert list(f) == CLUSTERS
    assert [cluster_from_plain(cluster_to_plain(c)) for c in CLUSTERS] == CLUSTERS
    assert list(ClusterFile(f).records()) == list(f.records())


def test_another_process_gets_the_clusters_themselves() -> None:
    assert pickle.loads(pickle.dumps(ClusterFile(CLUSTERS))) == tuple(CLUSTERS)


def test_memory_does_not_grow_with_the_clusters() -> None:
    """2,000 clusters held as objects take megabytes; on disk, a few bytes each."""
    many = [make_cluster(k) for k in range(2000)]
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        f = ClusterFile(many)
        on_disk = tracemalloc.get_traced_memory()[0] - base
        decoded = list(f)
        in_memory = tracemalloc.get_traced_memory()[0] - base - on_disk
    finally:
        tracemalloc.stop()
    assert decoded == many
    assert on_disk < 40 * len(many)  # the offsets array, and the write buffer
    assert in_memory > 50 * on_disk


class FillsUp:
    """A file that takes ``room`` bytes and then fails as a full disk does."""

    def __init__(self, inner, room: int):
        self.inner, self.room = inner, room

    def write(self, data) -> int:
        if self.room <= 0:
            raise OSError(28, "No space left on device")
        n = min(len(data), self.room)  # a partial write first, as the system may do
        self.room -= n
        return self.inner.write(bytes(data[:n]))

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_a_full_disk_keeps_every_cluster() -> None:
    """The file takes some clusters, part of the next, then nothing: all of them come
    back, the ones written before and after, in order."""
    f = ClusterFile()
    f._file = FillsUp(f._file, room=len(spill.encode_cluster(CLUSTERS[0])) + 30)
    for c in CLUSTERS:
        f.append(c)
    assert len(f) == len(CLUSTERS) and list(f) == CLUSTERS and f[-1] == CLUSTERS[-1]
    assert list(f.records()) == [spill.encode_cluster(c) for c in CLUSTERS]


def test_a_file_size_limit_keeps_every_cluster(tmp_path) -> None:
    """The same with the system's own limit on file size (what a full disk looks like to
    a process), in a process of its own."""
    import subprocess
    import sys

    script = (
        "import pickle, resource, signal, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from test_spill import CLUSTERS\n"
        "from transcheck.spill import ClusterFile\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1500, 1500))\n"
        f"f = ClusterFile(folder={str(tmp_path)!r})\n"
        "for c in CLUSTERS * 3:\n"
        "    f.append(c)\n"
        "assert f._held is not None, 'the limit was never reached'\n"
        "print(list(f) == CLUSTERS * 3, len(f))\n")
    from pathlib import Path

    run = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", str(3 * len(CLUSTERS))]
