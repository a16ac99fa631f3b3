"""Ingesting: documents through the pipeline into the store, skipping what is already there.

Texts already stored are found by content hash before any extraction, so an interrupted ingest
run again only extracts what it had not committed. The records of each extraction batch are
committed together (Store.add_many, one transaction): an interruption loses at most the batch
being written, which the next run extracts again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from communique.document import Document
from communique.record import Record, RecordStatus
from communique.store.hashing import content_hash
from communique.store.store import AddResult, Store


class RecordMaker(Protocol):
    """What ingest needs of a Pipeline (tests pass a stand-in)."""

    def process(self, document: Document) -> Record: ...

    def process_many(
        self, documents: Iterable[Document], batch_size: int = 16
    ) -> Iterator[Record]: ...


@dataclass(frozen=True)
class ProcessFailure:
    """A document the pipeline could not extract (a bug to report, not bad input)."""

    source: str
    error: str

    def describe(self) -> str:
        return f"{self.source}: extraction failed: {self.error}"


@dataclass
class IngestSummary:
    read: int = 0  # documents read from the inputs
    stored: int = 0  # new documents written (linked ones included)
    linked: int = 0  # of which near-duplicates or language versions joined to a stored story
    duplicates: int = 0  # already stored (or twice in this input): not extracted again
    marked: list[str] = field(default_factory=list)  # stored as unsupported-language records
    failures: list[ProcessFailure] = field(default_factory=list)

    def add(self, other: IngestSummary) -> None:
        """Count in a part of the same run (ingest stores its input a part at a time). `read`
        is left to the caller: a part's documents are those left to extract, not all read."""
        self.stored += other.stored
        self.linked += other.linked
        self.duplicates += other.duplicates
        self.marked += other.marked
        self.failures += other.failures

    def count(self, result: AddResult, record: Record) -> None:
        if result.status == "duplicate":
            self.duplicates += 1
            return
        self.stored += 1
        if result.near_duplicate_of or result.version_of:
            self.linked += 1
        if record.status is not RecordStatus.OK:
            self.marked.append(f"{record.id}: {record.message or record.status.value}")


# A document to extract, or a record extracted elsewhere (`ingest records.jsonl`).
_Input = TypeVar("_Input", bound=Document | Record)


def new_documents(store: Store, documents: list[_Input]) -> tuple[list[_Input], int]:
    """The documents (or records) whose text is not stored yet (first of each text only), and
    how many were left out as duplicates."""
    hashes = [content_hash(d.text) for d in documents]
    seen = store.known_hashes(hashes)
    fresh: list[_Input] = []
    for document, digest in zip(documents, hashes, strict=True):
        if digest not in seen:
            seen.add(digest)
            fresh.append(document)
    return fresh, len(documents) - len(fresh)


def ingest(
    store: Store,
    pipeline: RecordMaker,
    documents: list[Document],
    *,
    batch_size: int = 16,
    advance: Callable[[], None] = lambda: None,
) -> IngestSummary:
    """Extract and store `documents` (already filtered by new_documents or not: a stored text
    is still recognised at write time). `advance` is called once per document handled."""
    summary = store_outcomes(
        store, extract(pipeline, documents, batch_size), advance=advance, batch_size=batch_size
    )
    summary.read = len(documents)
    return summary


class BatchWriter:
    """Stores records in the order given (the order makes ids and stories), `batch_size` in one
    transaction (Store.add_many): a record with the document it was extracted from (whose format
    is kept), or with itself when it was extracted elsewhere. `advance` is called once per
    outcome: a failure at once, a record once its batch is committed. A caller that reads its
    input in parts calls `flush` before reading the next, so each part is stored before it."""

    def __init__(
        self, store: Store, *, advance: Callable[[], None] = lambda: None, batch_size: int = 16
    ) -> None:
        self.store = store
        self.advance = advance
        self.batch_size = batch_size
        self.summary = IngestSummary()
        self._pending: list[tuple[Document | Record, Record]] = []

    def add(self, source: Document | Record, outcome: Record | ProcessFailure) -> None:
        if isinstance(outcome, ProcessFailure):
            self.summary.failures.append(outcome)
            self.advance()
            return
        self._pending.append((source, outcome))
        if len(self._pending) >= self.batch_size:
            self.flush()

    def store_all(
        self, outcomes: Iterable[tuple[Document | Record, Record | ProcessFailure]]
    ) -> IngestSummary:
        """Store every outcome, and what is pending at the end."""
        for source, outcome in outcomes:
            self.add(source, outcome)
        self.flush()
        return self.summary

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        records = [record for _, record in pending]
        formats = [s.format if isinstance(s, Document) else None for s, _ in pending]
        results = self.store.add_many(records, formats=formats) if records else []
        for result, record in zip(results, records, strict=True):
            self.summary.count(result, record)
            self.advance()


def store_outcomes(
    store: Store,
    outcomes: Iterable[tuple[Document | Record, Record | ProcessFailure]],
    *,
    advance: Callable[[], None] = lambda: None,
    batch_size: int = 16,
) -> IngestSummary:
    """Store every outcome, `batch_size` records a transaction (a BatchWriter)."""
    return BatchWriter(store, advance=advance, batch_size=batch_size).store_all(outcomes)


def extract(
    pipeline: RecordMaker, documents: list[Document], batch_size: int
) -> Iterator[tuple[Document, Record | ProcessFailure]]:
    """Records in input order, batched for speed. If a batch fails, its documents are run one by
    one, so one document that breaks the pipeline does not stop the ingest of the others."""
    for start in range(0, len(documents), batch_size):
        batch = documents[start : start + batch_size]
        try:
            records = list(pipeline.process_many(batch, batch_size=batch_size))
        except Exception:
            yield from ((d, _one(pipeline, d)) for d in batch)
            continue
        yield from zip(batch, records, strict=True)


def _one(pipeline: RecordMaker, document: Document) -> Record | ProcessFailure:
    try:
        return pipeline.process(document)
    except Exception as error:  # reported in the summary; the traceback would hide the others
        return ProcessFailure(document.path or document.id, f"{type(error).__name__}: {error}")
