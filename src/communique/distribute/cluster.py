"""Extraction on a Dask distributed cluster (`communique ingest --scheduler ADDRESS`).

Each batch of documents is one Dask task. The scheduler keeps every task until its result is
collected: when a worker dies (killed, out of memory, its machine gone) the tasks it held are
run again on another worker, so no document is lost; a batch that kills worker after worker
(Dask's `distributed.scheduler.allowed-failures`, 3 by default) stops the run with an error
naming it, and what was stored before stays stored. The workers need this Communique installed,
the same version: a worker whose pipeline differs refuses the work (PipelineMismatchError).
"""

from __future__ import annotations

from typing import Any

from communique.distribute.extractors import Outcome, extract_batch
from communique.document import Document
from communique.errors import WorkerError
from communique.store.ingest import RecordMaker

# How long a client waits for the scheduler to answer, and for a first worker to join.
CONNECT_TIMEOUT_S = 30
WORKER_TIMEOUT_S = 120


class ClusterError(WorkerError):
    """The Dask cluster cannot be reached, has no worker, or lost a batch for good."""


class _ClusterResult:
    """A batch's outcomes from the cluster, with a clear error when the cluster gave up on it."""

    def __init__(self, future: Any, documents: list[Document]) -> None:
        self._future = future
        self._first = documents[0].path or documents[0].id
        self._size = len(documents)

    def result(self) -> list[Outcome]:
        from distributed.scheduler import KilledWorker

        try:
            outcomes: list[Outcome] = self._future.result()
        except KilledWorker as error:
            raise ClusterError(
                f"the batch of {self._size} documents from {self._first} killed every worker "
                f"it was given to ({error}); the documents stored so far are kept"
            ) from None
        finally:
            self._future.release()
        return outcomes


class DaskExtractor:
    """Extraction on the Dask cluster whose scheduler listens at `address`
    ("tcp://host:8786"). The pipeline travels with each task as its small pickled form (see
    Pipeline.__reduce__); each worker process loads its models once."""

    def __init__(
        self, address: str, pipeline: RecordMaker, batch_size: int, *, client: Any = None
    ) -> None:
        from distributed import Client

        self.pipeline = pipeline
        self.batch_size = batch_size
        try:
            self._client = client or Client(address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        self._owns_client = client is None
        self._threads = 1
        try:
            self._client.wait_for_workers(1, timeout=WORKER_TIMEOUT_S)
        except TimeoutError:
            self.close()
            raise ClusterError(
                f"the Dask scheduler at {address} has no worker after {WORKER_TIMEOUT_S} s"
            ) from None

    @property
    def in_flight(self) -> int:
        # Two batches a worker thread, counted at each batch sent: workers that join later get
        # work as soon as the next batches are sent.
        return 2 * self._threads

    def submit(self, documents: list[Document]) -> _ClusterResult:
        self._threads = max(sum(self._client.nthreads().values()), 1)
        future = self._client.submit(
            extract_batch, self.pipeline, documents, self.batch_size, pure=False
        )
        return _ClusterResult(future, documents)

    def close(self) -> None:
        if self._owns_client:
            self._client.close()
