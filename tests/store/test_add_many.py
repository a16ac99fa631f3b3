"""Store.add_many: a batch in one transaction, the same outcome as adding its records one by one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from communique.record import Record
from communique.store import Store, Target, open_store
from communique.store import store as store_module
from communique.store.rows import FACT_TABLES


def _appended(record: Record, line: str, record_id: str) -> Record:
    """The same release with a line added at the end: a near-duplicate with the same facts."""
    return record.model_copy(update={"id": record_id, "text": f"{record.text}\n\n{line}"})


def _mixed_input(records: list[Record]) -> list[Record]:
    """Every case add decides between, inside one batch: new texts, a text given twice, a
    different text under an id already used, and near-duplicates of records before them."""
    first, second = records[0], records[1]
    return [
        *records,
        first,  # the same text again: a duplicate of the first
        first.model_copy(update={"text": first.text + " "}),  # its id, another text
        _appended(second, "Перепечатано агентством.", "agency-copy"),  # joins second's story
        _appended(second, "Перепечатано газетой.", "paper-copy"),  # the same story again
    ]


def _database(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row but the timestamps, sorted: equal for equal contents."""
    stamps = {"stored_at", "processed_at", "created_at"}
    dump = {}
    for table in ("documents", "stories", "signatures", *FACT_TABLES):
        columns, rows = store.backend.fetch(f"SELECT * FROM {table}")
        kept = [i for i, column in enumerate(columns) if column not in stamps]
        dump[table] = sorted((tuple(row[i] for i in kept) for row in rows), key=repr)
    return dump


def _count_commits(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """After each transaction of `store` that commits, how many documents are stored."""
    transaction = store.backend.transaction
    committed: list[int] = []

    @contextmanager
    def counted() -> Iterator[None]:
        with transaction():
            yield
        committed.append(store.counts()["documents"])

    monkeypatch.setattr(store.backend, "transaction", counted)
    return committed


def test_a_batch_stores_what_adding_one_by_one_stores(
    db: Target, tmp_path: Path, sample_records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    records = _mixed_input(sample_records)
    with open_store(Target("duckdb", str(tmp_path / "one-by-one.duckdb"))) as reference:
        expected = [reference.add(record) for record in records]
        expected_rows = _database(reference)
    with open_store(db) as store:
        committed = _count_commits(store, monkeypatch)
        results = store.add_many(records)
        assert committed == [len(records) - 1]  # one transaction, not one per document
        assert results == expected
        assert _database(store) == expected_rows
        assert [r.status for r in results[-4:]] == ["duplicate", "stored", "stored", "stored"]
        assert results[-4].document_id == records[0].id
        assert results[-3].document_id.startswith(f"{records[0].id}#")
        assert results[-2].story_id == results[-1].story_id == results[1].story_id
        assert results[-1].near_duplicate_of == results[1].document_id
        for result in results:
            if result.status == "stored":
                assert store.load(result.document_id).text


def test_a_batch_after_stored_documents_finds_their_texts_ids_and_stories(
    store: Store, sample_records: list[Record]
) -> None:
    stored = [store.add(record) for record in sample_records[:2]]
    again = store.add_many(
        [
            sample_records[0],
            _appended(sample_records[1], "Перепечатано агентством.", "agency-copy"),
            sample_records[2],
        ]
    )
    assert again[0].status == "duplicate"
    assert again[0].document_id == stored[0].document_id
    assert again[1].story_id == stored[1].story_id
    assert again[1].near_duplicate_of == stored[1].document_id
    assert again[2].status == "stored"
    assert store.counts()["documents"] == 4


def test_a_failing_document_keeps_those_before_it_and_is_named(
    store: Store, sample_records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad, after = sample_records[0], sample_records[1], sample_records[2]
    insert = store.backend.insert

    def refuse_bad(table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        if table == "documents" and any(row[0] == bad.id for row in rows):
            raise RuntimeError("value out of range")
        insert(table, columns, rows)

    monkeypatch.setattr(store.backend, "insert", refuse_bad)
    with pytest.raises(RuntimeError, match="value out of range") as raised:
        store.add_many([good, bad, after])
    assert f"while storing document {bad.id!r}" in (raised.value.__notes__ or [])
    assert [row[0] for row in store.backend.rows("SELECT id FROM documents")] == [good.id]
    assert store.counts()["signatures"] == 1

    # The rolled-back documents left no trace in the near-duplicate index either: a copy of
    # the refused one begins its own story instead of joining one that was never stored.
    monkeypatch.setattr(store.backend, "insert", insert)
    copy = store.add(_appended(bad, "Перепечатано агентством.", "agency-copy"))
    assert copy.status == "stored"
    assert copy.near_duplicate_of is None
    assert copy.story_id == copy.document_id


def test_batches_are_capped_one_transaction_each(
    store: Store, sample_records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BATCH_DOCUMENTS", 2)
    committed = _count_commits(store, monkeypatch)
    records = sample_records[:5]
    assert [r.status for r in store.add_many(records)] == ["stored"] * 5
    assert committed == [2, 4, 5]


def test_formats_must_match_the_records(store: Store, sample_records: list[Record]) -> None:
    with pytest.raises(ValueError, match="2 records but 1 formats"):
        store.add_many(sample_records[:2], formats=["html"])
    stored = store.add_many(sample_records[:2], formats=["html", None])
    formats = dict(store.backend.rows("SELECT id, format FROM documents"))
    assert formats == {stored[0].document_id: "html", stored[1].document_id: None}
