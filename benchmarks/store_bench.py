"""Store throughput and query latency on N documents made from a gold set's texts.

    python benchmarks/store_bench.py ../shared/datasets/factrueval-2016/devset \
        [--documents 10000] [--db PATH_OR_URL] [--output out/store-bench.json]

Three figures, measured apart because they have different owners:
1. extraction: the pipeline over the gold set's unique texts (documents/s), as `ingest` runs it;
2. storing: N records written one transaction each through Store.add (documents/s). The records
   are the extracted ones replicated with distinct ids, each text given a distinct last line so
   that no two are exact duplicates; every copy is then a near-duplicate of its original, so the
   MinHash/LSH lookup is exercised on every write;
3. queries: median and worst latency of typical `communique query` calls over the N documents.
`communique ingest` of N new documents takes about N / (1) + N / (2) seconds.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path

from communique.document import Document
from communique.pipeline import Pipeline
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


def extract(directory: Path, limit: int | None) -> tuple[list[Record], float]:
    paths = sorted(directory.glob("*.txt"))[:limit]
    documents = [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]
    pipeline = Pipeline()
    start = time.perf_counter()
    records = list(pipeline.process_many(documents))
    return records, len(records) / (time.perf_counter() - start)


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


def bench(db: str, records: list[Record], repeats: int) -> dict[str, object]:
    with open_store(db) as store:
        start = time.perf_counter()
        for record in records:
            store.add(record)
        seconds = time.perf_counter() - start
        latencies: dict[str, dict[str, float]] = {}
        for name, (kind, filters) in QUERIES.items():
            times = []
            for _ in range(repeats):
                begin = time.perf_counter()
                run(store, kind, make_filters(**filters), limit=50, text="переговоры")
                times.append((time.perf_counter() - begin) * 1000)
            latencies[name] = {"median_ms": statistics.median(times), "max_ms": max(times)}
        counts = store.counts()
    return {
        "backend": store.target.kind,
        "documents": len(records),
        "store_seconds": round(seconds, 2),
        "store_documents_per_s": round(len(records) / seconds, 1),
        "rows": counts,
        "query_latency": latencies,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="folder of .txt files (FactRuEval devset)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=None, help="use only this many gold texts")
    parser.add_argument("--db", default=None, help="default: a new DuckDB file in a temp folder")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()

    records, extraction_rate = extract(args.gold, args.texts)
    copies = replicate(records, args.documents)
    with tempfile.TemporaryDirectory() as folder:
        result = bench(args.db or str(Path(folder) / "bench.duckdb"), copies, args.repeats)
    result.update(
        machine=f"{platform.machine()}, {platform.processor() or 'cpu'}",
        gold_texts=len(records),
        extraction_documents_per_s=round(extraction_rate, 1),
    )
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
