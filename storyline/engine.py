"""Where the heavy stages run: in this process (the default) or on a Dask cluster.

Annotation (the spaCy parse, and the sentence encoder when the ``embeddings`` extra is in use)
is independent per report and analysis is independent per story, so both scale out; grouping
is one online pass in publication order and stays on the driver (it is cheap: hundreds of
reports a second). The engine is picked by
configuration and the pipeline calls it the same way, as datasketch picks its storage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from tqdm import tqdm

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")


class Engine(Protocol):
    name: str

    def map_chunks(self, fn: Callable[[list[T]], list[R]], items: Sequence[T], *,
                   chunk: int, desc: str, quiet: bool, unit: str = "report") -> list[R]:
        """``fn`` over consecutive chunks of ``items``; results flattened, in input order."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    """Everything in this process: no setup, no copies of the data."""

    name = "local"

    def map_chunks(self, fn: Callable[[list[T]], list[R]], items: Sequence[T], *,
                   chunk: int, desc: str, quiet: bool, unit: str = "report") -> list[R]:
        out: list[R] = []
        with _bar(desc, len(items), quiet, unit) as bar:
            for part in chunks(items, chunk):
                out.extend(fn(part))
                bar.update(len(part))
        return out

    def close(self) -> None:
        pass


class DaskEngine:
    """Chunks go to Dask workers: a cluster at ``address``, else a local one of ``workers``.

    Each worker process loads spaCy (and the sentence encoder) once and keeps it, so chunks should be large enough
    (tens of reports) to amortize shipping the documents.
    """

    name = "dask"

    def __init__(self, address: str | None = None, workers: int | None = None,
                 processes: bool = True) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # an optional backend, as an extra
            raise ValueError("the dask engine needs Dask: pip install 'storyline[dask]'") from exc
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        if address:
            try:
                self.client = Client(address, timeout="10s")
            except OSError as exc:
                raise ValueError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
            self._cluster = None
        else:
            self._cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                         processes=processes, dashboard_address=None)
            self.client = Client(self._cluster)

    def map_chunks(self, fn: Callable[[list[T]], list[R]], items: Sequence[T], *,
                   chunk: int, desc: str, quiet: bool, unit: str = "report") -> list[R]:
        from distributed import as_completed

        parts = list(chunks(items, chunk))
        futures = self.client.map(fn, parts, pure=False)
        position = {f.key: i for i, f in enumerate(futures)}
        results: list[list[R] | None] = [None] * len(parts)
        with _bar(desc, len(items), quiet, unit) as bar:
            for future in as_completed(futures):
                i = position[future.key]
                results[i] = future.result()
                bar.update(len(parts[i]))
        return [r for part in results for r in part or []]

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str = "local", *, address: str | None = None,
                workers: int | None = None) -> Engine:
    """The engine a run asked for; a scheduler address, or a number of workers, implies Dask."""
    if (address or workers is not None) and name == "local":
        name = "dask"
    if name == "local":
        return LocalEngine()
    if name == "dask":
        return DaskEngine(address, workers)
    raise ValueError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    if size < 1:
        raise ValueError(f"chunk size must be 1 or more, not {size}")
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _bar(desc: str, total: int, quiet: bool, unit: str = "report") -> Any:
    return tqdm(desc=desc, total=total, disable=True if quiet else None, file=sys.stderr,
                leave=False, unit=unit)
