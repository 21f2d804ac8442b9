"""Where the work runs: in this process (the default, no Dask import), or on a Dask
cluster with the same code. The pipeline hands an executor independent tasks (articles to
extract, batches of texts to encode, batches of pairs to score) and gets results back in
order; each Dask worker loads the model once and keeps it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(ABC):
    name: str
    #: Whether tasks run in other processes (they cannot share this process's store).
    remote: bool = False

    @abstractmethod
    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """``[fn(x) for x in items]``, possibly in parallel, in input order."""

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


def get_executor(name: str = "local", scheduler: str | None = None) -> Executor:
    if name == "local":
        return InProcess()
    if name == "dask":
        return DaskExecutor(scheduler)
    from .errors import UsageError

    raise UsageError(f"unknown executor {name!r}; choose local or dask")
