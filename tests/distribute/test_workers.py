"""`ingest --workers N`: the same rows, ids and stories as one process, whatever order batches
finish in, with a bounded number of batches out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli.main import app
from communique.distribute import (
    Extractor,
    InProcessExtractor,
    Outcome,
    ProcessPoolExtractor,
    ordered_outcomes,
)
from communique.document import Document
from communique.errors import WorkerError
from communique.record import Record
from communique.store import Target, open_store

from .helpers import Echo, documents, dump, write_corpus

runner = CliRunner()


class _Held:
    """A batch's outcomes, finished only by its extractor (see LastFirst)."""

    def __init__(self, extractor: LastFirst, documents: list[Document]) -> None:
        self.extractor = extractor
        self.documents = documents
        self.outcomes: list[Outcome] | None = None

    def result(self) -> list[Outcome]:
        if self.outcomes is None:  # waiting on it lets every batch out finish
            self.extractor.finish_all()
        assert self.outcomes is not None
        return self.outcomes


class LastFirst:
    """Batches held back and finished in reverse order of sending, as when the first worker is
    the slowest; counts how many are out at once."""

    def __init__(self, in_flight: int) -> None:
        self._in_flight = in_flight
        self.out: list[_Held] = []
        self.most_out = 0

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def submit(self, documents: list[Document]) -> _Held:
        held = _Held(self, documents)
        self.out.append(held)
        self.most_out = max(self.most_out, len(self.out))
        if len(self.out) == self._in_flight:
            self.finish_all()
        return held

    def finish_all(self) -> None:
        for held in reversed(self.out):  # the last sent first
            held.outcomes = list(Echo().process_many(held.documents))
        self.out = []

    def close(self) -> None:
        self.out = []


def test_outcomes_come_back_in_input_order_whatever_order_batches_finish() -> None:
    extractor = LastFirst(in_flight=3)
    items = documents() * 3
    seen: list[str] = []

    def read() -> Iterator[list[Document]]:  # parts of two documents, read as asked for
        for start in range(0, len(items), 2):
            part = items[start : start + 2]
            seen.extend(item.id for item in part)
            yield part

    pairs = []
    for item, outcome in ordered_outcomes(read(), extractor, batch_size=2):
        # Reading stays within the batches allowed out, plus the one being filled.
        assert len(seen) - len(pairs) <= (extractor.in_flight + 1) * 2
        pairs.append((item, outcome))
    assert [item.id for item, _ in pairs] == [d.id for d in items]
    assert all(isinstance(o, Record) and o.text == i.text for i, o in pairs)
    assert extractor.most_out == 3


def test_records_keep_their_place_among_documents() -> None:
    first, second, third = documents()[:3]
    stored_elsewhere = Record(id="elsewhere", text="Текст, извлечённый на другой машине.")
    items: list[Document | Record] = [first, stored_elsewhere, second, third]
    extractor: Extractor = InProcessExtractor(Echo(), batch_size=2)
    pairs = list(ordered_outcomes([items], extractor, batch_size=2))
    assert [item.id for item, _ in pairs] == ["doc-00", "elsewhere", "doc-01", "doc-02"]
    assert pairs[1][1] is stored_elsewhere


def _ingest(folder: Path, database: Path, *options: str) -> dict[str, list[tuple[object, ...]]]:
    result = runner.invoke(
        app, ["ingest", str(folder), "--db", str(database), "--batch-size", "2", *options]
    )
    assert result.exit_code == 0, result.output
    assert "9 read, 8 stored (1 joined an existing story), 1 skipped" in result.output
    with open_store(Target("duckdb", str(database))) as store:
        return dump(store)


def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    one = _ingest(folder, tmp_path / "one.duckdb")
    two = _ingest(folder, tmp_path / "two.duckdb", "--workers", "2")
    assert two == one
    assert len(one["documents"]) == 8 and one["actors"] and one["events"]
    assert len(one["stories"]) == 7  # the re-published release joined its story


def test_workers_and_a_scheduler_exclude_each_other(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--workers", "2",
         "--scheduler", "tcp://127.0.0.1:1"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "exclude each other" in result.output


def test_a_local_worker_that_dies_is_a_clear_error(tmp_path: Path) -> None:
    dying = Echo(die_on="Узбекистана", marker=tmp_path / "died")
    extractor = ProcessPoolExtractor(dying, workers=2, batch_size=2)
    try:
        with pytest.raises(WorkerError, match="a worker process died"):
            list(ordered_outcomes([documents()], extractor, batch_size=2))
    finally:
        extractor.close()
