"""Store throughput, memory and query latency on N documents made from a gold set's texts.

    python benchmarks/store_bench.py ../shared/datasets/factrueval-2016/devset \
        [--documents 10000] [--db duckdb] [--db "$COMMUNIQUE_TEST_PG"] [--batch-size 16 256] \
        [--records records.jsonl] [--output out/store-bench.json]

Figures measured apart because they have different owners:
1. extraction: the pipeline over the gold set's unique texts (documents/s), as `ingest` runs it
   (skipped when `--records` gives records already extracted by `communique extract`);
2. storing: N records written into a new database, for each `--db` (`duckdb`: a new DuckDB file
   in a temporary folder; a PostgreSQL URL: a new database created on that server and dropped
   after), two ways:
   - `per_document`: one transaction per document (Store.add), as every ingest stored before
     batched writes, and as `communique load` still does;
   - `batched`: Store.add_many over `--batch-size` documents at a time (one run per size), as
     `communique ingest` stores each extraction batch (its `--batch-size`, 16 by default).
   The records are the extracted ones replicated with distinct ids, each text given a distinct
   last line so that no two are exact duplicates; every copy is then a near-duplicate of its
   original, so the MinHash/LSH lookup is exercised on every write. Each run is a fresh process:
   its peak RSS is that of the records and the store, not of the pipeline's models;
3. queries: median and worst latency of typical `communique query` calls over the N documents
   (after the batched run).
`communique ingest` of N new documents takes about N / (1) + N / (2, batched) seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from communique.document import Document
from communique.record import Record
from communique.store import open_store
from communique.store.filters import make_filters
from communique.store.queries import run

QUERIES = {
    "events, newest 50": ("events", {}),
    "events KZ-RU pair": ("events", {"countries": ["KZ", "RU"]}),
    "events CONSULT in 2016": ("events", {"event_type": "CONSULT", "since": "2016"}),
    "events by actor 'путин'": ("events", {"actor": "путин"}),
    "actors, top 50": ("actors", {}),
    "agreements signed": ("agreements", {"status": "signed"}),
    "search 'переговоры'": ("search", {}),
}
MODES = ("per_document", "batched")


def extract(directory: Path, limit: int | None, out: Path) -> float:
    """Extract the gold texts into `out` (JSON Lines of records); documents/s."""
    from communique.pipeline import Pipeline

    paths = sorted(directory.glob("*.txt"))[:limit]
    documents = [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]
    pipeline = Pipeline()
    start = time.perf_counter()
    records = list(pipeline.process_many(documents))
    rate = len(records) / (time.perf_counter() - start)
    out.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return rate


def replicate(records: list[Record], count: int) -> list[Record]:
    # Appending keeps every offset valid: the facts stay the same, the text (and hash) differs.
    return [
        records[i % len(records)].model_copy(
            update={
                "id": f"{records[i % len(records)].id}-copy{i}",
                "text": records[i % len(records)].text + f"\n\nКопия {i}.",
            }
        )
        for i in range(count)
    ]


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def store_run(
    db: str, records_path: str, count: int, mode: str, batch_size: int, repeats: int
) -> dict[str, object]:
    """In a fresh process: store `count` copies into `db` one way, then (batched) time queries."""
    lines = Path(records_path).read_text(encoding="utf-8").splitlines()
    copies = replicate([Record.model_validate_json(line) for line in lines], count)
    before = peak_rss_mb()
    with open_store(db) as store:
        start, cpu = time.perf_counter(), time.process_time()
        if mode == "per_document":
            for record in copies:
                store.add(record)
        else:
            for at in range(0, len(copies), batch_size):
                store.add_many(copies[at : at + batch_size])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = peak_rss_mb()
        latencies: dict[str, dict[str, float]] = {}
        for name, (kind, filters) in QUERIES.items() if mode == "batched" else ():
            times = []
            for _ in range(repeats):
                begin = time.perf_counter()
                run(store, kind, make_filters(**filters), limit=50, text="переговоры")
                times.append((time.perf_counter() - begin) * 1000)
            latencies[name] = {
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
            }
        counts = store.counts()
    result: dict[str, object] = {
        "mode": mode,
        "store_seconds": round(seconds, 2),
        "store_documents_per_s": round(len(copies) / seconds, 1),
        # This process's CPU time (DuckDB's threads included, PostgreSQL's server not): on a
        # machine shared with other work, wall time is CPU time plus the wait for a core.
        "store_cpu_seconds": round(cpu, 2),
        "store_documents_per_cpu_s": round(len(copies) / cpu, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "rss_mb_before_storing": before,  # the process, the records and their copies
        "peak_rss_mb": peak,
        "rows": counts,
    }
    if mode == "batched":
        result.update(batch_size=batch_size, query_latency=latencies)
    return result


def database_for(db: str, folder: Path, label: str) -> tuple[str, str | None]:
    """A new database for one run: (its target, the PostgreSQL database to drop after)."""
    if db == "duckdb":
        return str(folder / f"{label}.duckdb"), None
    import psycopg

    name = f"store_bench_{label}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(db, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    return urlunsplit(urlsplit(db)._replace(path=f"/{name}")), name


def drop(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name}")  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="folder of .txt files (FactRuEval devset)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=None, help="use only this many gold texts")
    parser.add_argument(
        "--records", type=Path, default=None, help="records (JSON Lines) instead of extracting"
    )
    parser.add_argument(
        "--db",
        action="append",
        default=None,
        help="`duckdb` (a new file, the default) or a PostgreSQL URL; may be repeated",
    )
    parser.add_argument(
        "--batch-size", type=int, nargs="+", default=[16, 256], help="documents per add_many"
    )
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()

    result: dict[str, object] = {
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
        "documents": args.documents,
    }
    spawn = get_context("spawn")  # each run starts clean: nothing inherited, its own peak RSS
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        records_path = args.records
        if records_path is None:
            records_path = folder / "records.jsonl"
            with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                rate = pool.submit(extract, args.gold, args.texts, records_path).result()
            result["extraction_documents_per_s"] = round(rate, 1)
        result["gold_texts"] = sum(1 for _ in records_path.open(encoding="utf-8"))
        runs: list[dict[str, object]] = []
        plan = [(m, n) for m in args.modes for n in (args.batch_size if m == "batched" else [1])]
        for db in args.db or ["duckdb"]:
            for mode, size in plan:
                target, created = database_for(db, folder, f"{mode}{size}")
                try:
                    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                        done = pool.submit(
                            store_run, target, str(records_path), args.documents, mode,
                            size, args.repeats,
                        ).result()  # fmt: skip
                finally:
                    if created:
                        drop(db, created)
                runs.append({"backend": "duckdb" if db == "duckdb" else "postgresql", **done})
        result["runs"] = runs
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
