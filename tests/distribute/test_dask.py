"""`ingest --scheduler`: extraction on a real local Dask cluster (a scheduler and two worker
processes started here), storing what one process stores; a worker that dies loses no document;
an interrupted run resumes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from communique.cli.main import app
from communique.distribute import InProcessExtractor, ordered_outcomes
from communique.distribute.cluster import ClusterError, DaskExtractor
from communique.store import Target, open_store
from communique.store.ingest import new_documents, store_outcomes

from .helpers import Echo, documents, dump, write_corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def test_a_cluster_stores_what_one_process_stores(cluster: LocalCluster, tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    runs = {}
    for name, options in (("one", []), ("cluster", ["--scheduler", cluster.scheduler_address])):
        database = tmp_path / f"{name}.duckdb"
        result = runner.invoke(
            app, ["ingest", str(folder), "--db", str(database), "--batch-size", "2", *options]
        )
        assert result.exit_code == 0, result.output
        with open_store(Target("duckdb", str(database))) as store:
            runs[name] = dump(store)
    assert runs["cluster"] == runs["one"]
    assert runs["one"]["events"] and runs["one"]["actors"]


def test_a_worker_that_dies_loses_no_document(cluster: LocalCluster, tmp_path: Path) -> None:
    marker = tmp_path / "died"
    dying = Echo(die_on="Узбекистана", marker=marker)
    with (
        Client(cluster.scheduler_address) as client,
        open_store(Target("duckdb", str(tmp_path / "store.duckdb"))) as store,
    ):
        extractor = DaskExtractor(cluster.scheduler_address, dying, 2, client=client)
        summary = store_outcomes(store, ordered_outcomes([documents()], extractor, 2))
        assert marker.exists()  # a worker did die on its batch
        assert summary.stored == 8 and summary.duplicates == 1 and not summary.failures
        stored = {row[0] for row in store.backend.rows("SELECT id FROM documents")}
        assert stored == {d.id for d in documents()} - {"doc-06"}  # doc-06 repeats doc-00
        client.wait_for_workers(2, timeout=60)  # the nanny started a new worker


def test_an_interrupted_cluster_ingest_resumes(cluster: LocalCluster, tmp_path: Path) -> None:
    with open_store(Target("duckdb", str(tmp_path / "whole.duckdb"))) as store:
        store_outcomes(store, ordered_outcomes([documents()], InProcessExtractor(Echo(), 2), 2))
        whole = dump(store)

    class Stop(Exception):
        pass

    def stop_after(count: int):  # type: ignore[no-untyped-def]
        handled: list[None] = []

        def advance() -> None:
            handled.append(None)
            if len(handled) == count:
                raise Stop

        return advance

    with (
        Client(cluster.scheduler_address) as client,
        open_store(Target("duckdb", str(tmp_path / "store.duckdb"))) as store,
    ):
        extractor = DaskExtractor(cluster.scheduler_address, Echo(), 2, client=client)
        with pytest.raises(Stop):
            store_outcomes(  # a record committed at a time: stopped after the third
                store,
                ordered_outcomes([documents()], extractor, 2),
                advance=stop_after(3),
                batch_size=1,
            )
        assert store.counts()["documents"] == 3
        fresh, duplicates = new_documents(store, documents())
        assert duplicates == 4  # the three stored, and doc-06 repeating doc-00
        assert [d.id for d in fresh] == ["doc-03", "doc-04", "doc-05", "doc-07", "doc-08"]
        store_outcomes(store, ordered_outcomes([fresh], extractor, 2))
        assert dump(store) == whole


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("communique.distribute.cluster.CONNECT_TIMEOUT_S", 1)
    with pytest.raises(
        ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        DaskExtractor("tcp://127.0.0.1:9", Echo(), 2)
