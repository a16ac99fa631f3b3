"""Ingesting the FactRuEval devset plus the NEREL dev folder twice leaves the same counts.

The second run finds every text stored: before extraction (by content hash, as `communique ingest`
does) and, handed the documents anyway, at write time. Both backends; the pipeline runs once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from communique.document import Document
from communique.ingest import read_path
from communique.pipeline import Pipeline
from communique.record import Record
from communique.store import Store
from communique.store.hashing import content_hash
from communique.store.ingest import ingest, new_documents

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FACTRUEVAL_DEV = SHARED / "datasets" / "factrueval-2016" / "devset"
NEREL_DEV = SHARED / "datasets" / "nerel-1.1" / "dev"


def _texts(folder: Path) -> list[Path]:
    # Only the texts: the FactRuEval folder also holds .tokens, .spans, .objects... and NEREL .ann.
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    factrueval, nerel = _texts(FACTRUEVAL_DEV), _texts(NEREL_DEV)
    if not factrueval or not nerel:
        pytest.skip(f"FactRuEval devset or NEREL dev texts not found under {SHARED}")
    documents = [d for f in [*factrueval, *nerel] for d in read_path(f)]
    assert all(isinstance(d, Document) for d in documents), documents
    return documents  # type: ignore[return-value]


class Remembering:
    """The session's pipeline, each document extracted once however many stores it goes to."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.records: dict[tuple[str, str], Record] = {}

    def _key(self, document: Document) -> tuple[str, str]:
        return document.id, content_hash(document.text)

    def process(self, document: Document) -> Record:
        return next(self.process_many([document]))

    def process_many(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Record]:
        documents = list(documents)
        missing = [d for d in documents if self._key(d) not in self.records]
        for document, record in zip(
            missing, self.pipeline.process_many(missing, batch_size), strict=True
        ):
            self.records[self._key(document)] = record
        return iter([self.records[self._key(d)] for d in documents])


@pytest.fixture(scope="module")
def remembering(pipeline: Pipeline) -> Remembering:
    return Remembering(pipeline)


def _all_counts(store: Store) -> dict[str, int]:
    """Rows in every table of the store's schema (schema_version included), not only the ones
    Store.counts lists."""
    tables = [
        row[0]
        for row in store.backend.rows(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name"
        )
    ]
    assert {"documents", "stories", "signatures", "schema_version"} <= set(tables)
    return {t: int(store.backend.rows(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}


def _run(store: Store, maker: Remembering, documents: list[Document]) -> tuple[int, int, int]:
    """As `communique ingest`: skip stored texts, extract and store the rest. Returns (stored,
    duplicates, failed)."""
    fresh, duplicates = new_documents(store, documents)
    summary = ingest(store, maker, fresh)
    return summary.stored, summary.duplicates + duplicates, len(summary.failures)


def test_ingesting_factrueval_and_nerel_dev_twice_leaves_the_same_counts(
    store: Store, corpus: list[Document], remembering: Remembering
) -> None:
    stored, duplicates, failed = _run(store, remembering, corpus)
    assert (stored, duplicates, failed) == (len(corpus), 0, 0)
    first = _all_counts(store)
    assert first["documents"] == len(corpus)
    assert first["signatures"] == len(corpus)
    assert first["mentions"] > 0 and first["events"] > 0

    # The same run again: every text is recognised before extraction, nothing is written.
    assert _run(store, remembering, corpus) == (0, len(corpus), 0)
    assert _all_counts(store) == first

    # Handed the documents anyway (skipping the check before extraction), the store itself
    # recognises each text at write time.
    summary = ingest(store, remembering, corpus)
    assert (summary.stored, summary.duplicates, summary.failures) == (0, len(corpus), [])
    assert _all_counts(store) == first
