"""Where extraction runs: this process, local worker processes, or (cluster.py) a Dask cluster.

Each extractor takes a batch of documents and promises its outcomes (a Record, or a
ProcessFailure for a document the pipeline broke on), in the batch's order. `ordered_outcomes`
keeps at most `in_flight` batches out at once and hands back outcomes in input order.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from types import TracebackType
from typing import Protocol, Self, TypeAlias

from threadpoolctl import threadpool_limits

from communique.document import Document
from communique.errors import WorkerError
from communique.record import Record
from communique.store.ingest import ProcessFailure, RecordMaker, extract

Outcome: TypeAlias = Record | ProcessFailure
# What ingest stores, in input order: a document to extract, or a record extracted elsewhere.
Item: TypeAlias = Document | Record


class Promise(Protocol):
    """A batch's outcomes to come: concurrent.futures and Dask futures both are one."""

    def result(self) -> list[Outcome]: ...


class Extractor(Protocol):
    """Extraction somewhere; `close` stops its workers (work not collected is dropped)."""

    @property
    def in_flight(self) -> int:
        """How many batches may be out at once: enough to keep every worker busy."""
        ...

    def submit(self, documents: list[Document]) -> Promise: ...

    def close(self) -> None: ...


class _Deferred:
    """Outcomes computed when they are asked for, in this process."""

    def __init__(self, compute: Callable[[], list[Outcome]]) -> None:
        self._compute = compute

    def result(self) -> list[Outcome]:
        return self._compute()


class InProcessExtractor:
    """Extraction in this process, one batch at a time: nothing is out, a batch is extracted
    when it is sent and stored before the next is read (as one-process ingest always did)."""

    def __init__(self, pipeline: RecordMaker, batch_size: int) -> None:
        self.pipeline = pipeline
        self.batch_size = batch_size

    @property
    def in_flight(self) -> int:
        return 0  # a batch sent is collected (extracted, then stored) at once

    def submit(self, documents: list[Document]) -> Promise:
        return _Deferred(lambda: extract_batch(self.pipeline, documents, self.batch_size))

    def close(self) -> None:
        pass


def extract_batch(
    pipeline: RecordMaker, documents: list[Document], batch_size: int
) -> list[Outcome]:
    """The outcomes of one batch, wherever it runs: a document that breaks the pipeline is a
    ProcessFailure of its own, the others of its batch are extracted all the same."""
    return [outcome for _, outcome in extract(pipeline, documents, batch_size)]


# The pipeline of a worker process, set once by its initializer: models and knowledge load once
# per process, not per batch.
_worker_pipeline: RecordMaker | None = None
_worker_batch_size = 16


def _start_worker(pipeline: RecordMaker, batch_size: int) -> None:
    global _worker_pipeline, _worker_batch_size
    # Ctrl-C reaches the whole process group; the parent alone decides what stops, and how.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # OpenBLAS (under slovnet's numpy) starts a thread per core in every process: N workers
    # would run N x cores threads on N cores. One each, as Dask's nanny sets for its workers.
    threadpool_limits(limits=1)
    _worker_pipeline, _worker_batch_size = pipeline, batch_size


def _extract_in_worker(documents: list[Document]) -> list[Outcome]:
    if _worker_pipeline is None:
        raise RuntimeError("a worker process ran a batch before its initializer")
    return extract_batch(_worker_pipeline, documents, _worker_batch_size)


class ProcessPoolExtractor:
    """Extraction in `workers` local processes. The pipeline reaches each process once, when
    it starts, as its small pickled form (see Pipeline.__reduce__), and loads its models there.
    Processes are spawned, not forked: the parent's threads (the database's) and open files
    never leak into them."""

    def __init__(self, pipeline: RecordMaker, workers: int, batch_size: int) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(pipeline, batch_size),
        )

    @property
    def in_flight(self) -> int:
        # Two batches a worker: one running, one waiting, so no worker idles while the parent
        # stores.
        return 2 * self.workers

    def submit(self, documents: list[Document]) -> Promise:
        return _LocalResult(self._pool.submit(_extract_in_worker, documents))

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class _LocalResult:
    """A batch's outcomes from a worker process, with a clear error when a worker died."""

    def __init__(self, future: Future[list[Outcome]]) -> None:
        self._future = future

    def result(self) -> list[Outcome]:
        try:
            return self._future.result()
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process died (killed, or out of memory); the documents stored so far "
                "are kept: run the same ingest again to resume"
            ) from None


class LazyExtractor:
    """An extractor made when the first batch is submitted: an ingest that finds every
    document stored already, or only records, never loads models nor starts workers. Also a
    context manager that closes what it made."""

    def __init__(self, make: Callable[[], Extractor]) -> None:
        self._make = make
        self._made: Extractor | None = None

    @property
    def extractor(self) -> Extractor:
        if self._made is None:
            self._made = self._make()
        return self._made

    @property
    def in_flight(self) -> int:
        return self.extractor.in_flight

    def submit(self, documents: list[Document]) -> Promise:
        return self.extractor.submit(documents)

    def close(self) -> None:
        if self._made is not None:
            self._made.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def ordered_outcomes(
    parts: Iterable[Sequence[Item]], extractor: Extractor, batch_size: int
) -> Iterator[tuple[Item, Outcome]]:
    """Each item with its outcome, in input order: the documents of each part are sent to
    `extractor` in batches of `batch_size` (a part's last batch may be smaller: a part is never
    held back waiting for the next to be read), records (extracted elsewhere) are their own
    outcome. At most `extractor.in_flight` batches are out at once, and `parts` is read only as
    far as that needs, so memory stays bounded whatever the input's size."""
    pending: deque[tuple[list[Item], Promise | None]] = deque()
    batch: list[Document] = []

    def send() -> None:
        nonlocal batch
        if batch:
            pending.append((list(batch), extractor.submit(batch)))
            batch = []

    for part in parts:
        for item in part:
            if isinstance(item, Record):
                send()  # the documents before it go first: the order is the input's
                pending.append(([item], None))
            else:
                batch.append(item)
                if len(batch) == batch_size:
                    send()
            while pending and (pending[0][1] is None or _sent(pending) > extractor.in_flight):
                yield from _collect(*pending.popleft())
        send()
        while pending and (pending[0][1] is None or _sent(pending) > extractor.in_flight):
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _sent(pending: deque[tuple[list[Item], Promise | None]]) -> int:
    return sum(1 for _, promise in pending if promise is not None)


def _collect(items: list[Item], promise: Promise | None) -> Iterator[tuple[Item, Outcome]]:
    if promise is None:
        yield from ((item, item) for item in items if isinstance(item, Record))
        return
    outcomes = promise.result()
    if len(outcomes) != len(items):
        raise RuntimeError(f"a batch of {len(items)} documents came back with {len(outcomes)}")
    yield from zip(items, outcomes, strict=True)
