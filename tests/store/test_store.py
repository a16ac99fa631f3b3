"""The store on both backends: records round-trip whole, writes are atomic and idempotent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from communique.record import Record
from communique.store import Store, Target, open_store
from communique.store.backends import StoreError
from communique.store.migrations import LATEST
from communique.store.rows import FACT_TABLES, pipeline_version


def test_every_sample_loads_back_equal(store: Store, sample_records: list[Record]) -> None:
    for record in sample_records:
        assert store.add(record).status == "stored"
    for record in sample_records:
        assert store.load(record.id) == record


def test_every_fact_row_names_its_document_span_and_pipeline(
    store: Store, sample_records: list[Record]
) -> None:
    for record in sample_records:
        store.add(record)
    versions = {record.id: pipeline_version(record.pipeline) for record in sample_records}
    assert {version.split("@")[0] for version in versions.values()} == {
        "nlp.natasha",
        "lang.kk.read",
        "lang.en.read",
    }
    for table in ("mentions", "occupations", "events", "agreements", "commitments"):
        rows = store.backend.rows(
            f"SELECT document_id, span_start, span_end, pipeline_version FROM {table}"
        )
        assert rows, table
        for document_id, start, end, version in rows:
            assert version == versions[document_id]  # the reader of the document's language
            assert 0 <= start < end


def test_the_same_input_twice_changes_nothing(store: Store, sample_records: list[Record]) -> None:
    for record in sample_records:
        store.add(record)
    before = store.counts()
    results = [store.add(record) for record in sample_records]
    assert {r.status for r in results} == {"duplicate"}
    assert store.counts() == before


def test_a_document_is_stored_whole_or_not_at_all(
    store: Store, sample_records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    record = next(r for r in sample_records if r.events)
    insert = store.backend.insert

    def failing_insert(table: str, columns, rows) -> None:  # type: ignore[no-untyped-def]
        if table == "events":
            raise RuntimeError("disk full")
        insert(table, columns, rows)

    monkeypatch.setattr(store.backend, "insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        store.add(record)
    assert all(count == 0 for count in store.counts().values())
    monkeypatch.setattr(store.backend, "insert", insert)
    assert store.add(record).status == "stored"
    assert store.load(record.id) == record


def test_a_different_text_under_a_taken_id_gets_its_own_id(
    store: Store, sample_records: list[Record]
) -> None:
    record = sample_records[0]
    first = store.add(record)
    changed = record.model_copy(update={"text": record.text + " "})
    second = store.add(changed)
    assert second.status == "stored"
    assert first.document_id == record.id != second.document_id
    assert second.document_id.startswith(f"{record.id}#")
    assert store.load(second.document_id).id == record.id  # the record keeps its own id


def test_replace_swaps_facts_and_keeps_the_text(store: Store, sample_records: list[Record]) -> None:
    record = next(r for r in sample_records if r.events)
    store.add(record)
    thinner = record.model_copy(update={"events": record.events[:1], "commitments": []})
    store.replace(record.id, thinner)
    assert store.load(record.id) == thinner
    with pytest.raises(StoreError, match="must not change the text"):
        store.replace(record.id, record.model_copy(update={"text": "другой текст"}))


def test_migrations_are_recorded_and_applied_once(db: Target) -> None:
    with open_store(db) as store:
        rows = store.backend.rows("SELECT version, description FROM schema_version ORDER BY 1")
        assert [version for version, _ in rows] == list(range(1, LATEST + 1))
        assert rows[0] == (1, "initial schema")
    with open_store(db) as store:  # reopening applies nothing again
        assert store.backend.rows("SELECT count(*) FROM schema_version")[0][0] == LATEST
        assert set(FACT_TABLES) <= set(store.counts())


def test_a_database_from_a_newer_communique_is_refused(db: Target) -> None:
    with open_store(db) as store:
        store.backend.execute(
            "INSERT INTO schema_version VALUES (?, ?, ?)", [LATEST + 1, "future", "2099-01-01"]
        )
    with pytest.raises(StoreError, match="newer than this Communique"):
        open_store(db)


def test_known_hashes_finds_stored_texts_only(store: Store, sample_records: list[Record]) -> None:
    from communique.store.hashing import content_hash

    store.add(sample_records[0])
    hashes = [content_hash(r.text) for r in sample_records]
    assert store.known_hashes(hashes) == {hashes[0]}


def test_a_duckdb_file_held_by_another_process_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    open_store(str(path)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(path)!r}); "
         "print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="stop `communique serve`"):
            open_store(str(path))
    finally:
        holder.communicate("", timeout=30)
