"""Ingest: an interrupted run resumes without extracting twice; one failing document is reported."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.record import Record
from communique.store import Store
from communique.store.ingest import ingest, new_documents


class Interrupted(Pipeline):
    """The real pipeline, stopped (as by Ctrl-C) after `after` records."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after
        self.seen: list[str] = []

    def process_many(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Record]:
        for record in super().process_many(documents, batch_size):
            if len(self.seen) == self.after:
                raise KeyboardInterrupt
            self.seen.append(record.id)
            yield record


class Breaking(Pipeline):
    """The real pipeline, except that it raises on one document."""

    def _filled(self, document, language, read):  # type: ignore[no-untyped-def]
        if document.id == "broken":
            raise ValueError("a bug")
        return super()._filled(document, language, read)


def _documents(records: list[Record]) -> list[Document]:
    return [Document(id=r.id, text=r.text, language=r.language) for r in records]


def test_an_interrupted_ingest_resumes(store: Store, sample_records: list[Record]) -> None:
    documents = _documents(sample_records)
    first = Interrupted(after=3)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, first, documents, batch_size=2)
    assert store.counts()["documents"] == 2  # the batch being extracted is lost, nothing else
    fresh, duplicates = new_documents(store, documents)
    assert duplicates == 2
    second = Interrupted(after=100)
    summary = ingest(store, second, fresh, batch_size=2)
    assert summary.stored == len(documents) - 2
    assert set(second.seen).isdisjoint(first.seen[:2])  # stored documents were not re-extracted
    assert store.counts()["documents"] == len(documents)


def test_the_same_text_twice_in_one_input_is_stored_once(store: Store) -> None:
    text = "Министр иностранных дел России Сергей Лавров провёл переговоры с Ван И."
    documents = [Document(id="a", text=text), Document(id="b", text=text)]
    fresh, duplicates = new_documents(store, documents)
    assert [d.id for d in fresh] == ["a"] and duplicates == 1


def test_a_document_that_breaks_the_pipeline_is_reported_not_fatal(store: Store) -> None:
    text = "Министр иностранных дел России Сергей Лавров провёл переговоры с Ван И в Москве."
    documents = [
        Document(id="good", text=text),
        Document(id="broken", text=text + " Иначе."),
        Document(id="fine", text="Президент Казахстана принял посла Японии."),
    ]
    summary = ingest(store, Breaking(), documents, batch_size=16)
    assert summary.stored == 2
    assert [f.source for f in summary.failures] == ["broken"]
    assert "ValueError: a bug" in summary.failures[0].describe()
