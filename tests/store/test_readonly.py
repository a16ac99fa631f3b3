"""`communique sql`: the user's SELECT runs; nothing else can change the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.record import Record
from communique.store import Target, open_store
from communique.store.readonly import QueryError, run_sql


@pytest.fixture
def filled(db: Target, sample_records: list[Record]) -> Target:
    """The store filled, then closed: DuckDB lets one process open a file one way at a time,
    and `communique sql` runs in its own process."""
    return _fill(db, sample_records)


def counts(db: Target) -> dict[str, int]:
    with open_store(db) as store:
        return store.counts()


def test_a_select_runs(filled: Target) -> None:
    table = run_sql(filled, "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")
    assert table.columns == ["type", "n"]
    assert sum(row[1] for row in table.rows) == counts(filled)["events"]
    literal = run_sql(filled, "SELECT '50% ?' AS x")
    assert literal.rows == [["50% ?"]]


HOSTILE_SQL = [
    "DROP TABLE documents",
    "DELETE FROM documents",
    "SELECT 1; DROP TABLE documents",
    "SELECT 1; DELETE FROM events",
    "WITH gone AS (DELETE FROM documents RETURNING id) SELECT * FROM gone",
    "SELECT * FROM documents; UPDATE documents SET text = ''",
    "-- comment\nINSERT INTO stories VALUES ('x', 'y', 'z')",
    "/* SELECT */ TRUNCATE events",
    "CREATE TABLE evil AS SELECT * FROM documents",
    "SELECT 1 FROM documents WHERE id = ''; DROP TABLE documents; --'",
]


@pytest.mark.parametrize("statement", HOSTILE_SQL)
def test_writes_are_refused(filled: Target, statement: str) -> None:
    before = counts(filled)
    with pytest.raises(QueryError):
        run_sql(filled, statement)
    assert counts(filled) == before


def _fill(db: Target, records: list[Record]) -> Target:
    with open_store(db) as store:
        for record in records:
            store.add(record)
    return db


def test_files_are_out_of_reach_of_duckdb(tmp_path: Path, sample_records: list[Record]) -> None:
    filled = _fill(Target("duckdb", str(tmp_path / "files.duckdb")), sample_records)
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    out = tmp_path / "out.csv"
    for statement in (
        f"SELECT * FROM read_csv('{secret}')",
        f"COPY (SELECT 1) TO '{out}'",
        "SELECT * FROM read_text('/etc/hostname')",
    ):
        with pytest.raises(QueryError):
            run_sql(filled, statement)
    assert not out.exists()


def test_postgres_refuses_a_read_write_switch(
    postgres_target: Target, sample_records: list[Record]
) -> None:
    filled = _fill(postgres_target, sample_records)
    before = counts(filled)
    with pytest.raises(QueryError):
        run_sql(filled, "SET TRANSACTION READ WRITE; DROP TABLE documents")
    with pytest.raises(QueryError):
        run_sql(filled, "SELECT set_config('default_transaction_read_only', 'off', false)"
                "; DELETE FROM events")  # fmt: skip
    assert counts(filled) == before


def test_empty_and_huge_sql_are_refused(db: Target) -> None:
    with pytest.raises(QueryError):
        run_sql(db, "   ")
    with pytest.raises(QueryError):
        run_sql(db, "SELECT 1" + " " * 100_000)
