"""Where the work runs: in this process (the default, no Dask import), in a pool of
local processes (all cores), or on a Dask cluster with the same code. The pipeline hands
an executor independent tasks (articles to extract, batches of pairs to score) and gets
results back in order; a worker that scores pairs loads the model once and keeps it.
"""

from __future__ import annotations

import os
import signal
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(ABC):
    name: str
    #: Whether tasks run in other processes (they cannot share this process's store).
    remote: bool = False
    #: Whether pair scoring goes to the executor too (each worker then loads the model),
    #: or stays in this process with the model it already has.
    scores_remotely: bool = False

    @abstractmethod
    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """``[fn(x) for x in items]``, possibly in parallel, in input order."""

    def map_lazy(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """The results of ``map`` as an iterator: where tasks run elsewhere they all start
        now, and this process goes on with other work until it reads them."""
        return iter(self.map(fn, items)) if self.remote else (fn(x) for x in items)

    def close(self) -> None:  # noqa: B027 (most executors hold nothing)
        """Release what the executor holds."""


class InProcess(Executor):
    name = "local"

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [fn(x) for x in items]


class DaskExecutor(Executor):
    """Runs tasks on a Dask distributed cluster (``scheduler`` address, or a ``client``)."""

    name = "dask"
    remote = True
    scores_remotely = True

    def __init__(self, scheduler: str | None = None, *, client: Any = None):
        from dask.distributed import Client  # only paid for when asked for

        self._own = client is None
        self.client = client if client is not None else Client(scheduler)

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if not items:
            return []
        futures = self.client.map(fn, list(items), pure=False)
        return list(self.client.gather(futures))

    def close(self) -> None:
        if self._own:
            self.client.close()


def _init_worker(threads: int) -> None:
    # Ctrl-C reaches the whole foreground process group; the command handles it and
    # shuts the pool down, and a worker's own KeyboardInterrupt would only print a
    # traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)


class ProcessExecutor(Executor):
    """Runs tasks in a pool of local processes, one per core by default.

    The pool extracts the articles (single-threaded Python, the largest part of a run
    that grows with the corpus). Pair scoring stays in this process by default: the
    model already runs here on every core, and workers scoring pairs would each load it
    and run again the forward passes alignment has just made (on 2 cores that made the
    pool slower than no pool). ``score_in_workers=True`` sends scoring to the pool too,
    for machines with more cores than one process's model work can use.

    Workers are spawned (not forked: a forked copy of a process that has started
    torch's thread pool can hang), and the cores are shared out so that workers that
    load the model do not oversubscribe them with its threads."""

    name = "processes"
    remote = True

    def __init__(self, jobs: int | None = None, *, score_in_workers: bool = False):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        cores = _cores()
        self.jobs = max(1, jobs or cores)
        self.scores_remotely = score_in_workers
        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(max(1, cores // self.jobs),))

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if not items:
            return []
        return list(self._pool.map(fn, items))

    def map_lazy(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        return self._pool.map(fn, items)  # every task is submitted now

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


EXECUTORS = ("local", "processes", "dask")


def get_executor(name: str = "local", scheduler: str | None = None,
                 jobs: int | None = None, *, score_in_workers: bool = False) -> Executor:
    if name == "local":
        return InProcess()
    if name == "processes":
        return ProcessExecutor(jobs, score_in_workers=score_in_workers)
    if name == "dask":
        return DaskExecutor(scheduler)
    from .errors import UsageError

    raise UsageError(f"unknown executor {name!r}; choose one of {', '.join(EXECUTORS)}")
