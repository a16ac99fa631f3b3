"""Dashboard and API latency on a store of N documents made from a gold set's texts.

    python benchmarks/web_bench.py ../shared/datasets/factrueval-2016/devset \
        [--documents 10000] [--db out/web-bench.duckdb] [--requests 20] [--browser] \
        [--output out/web-bench.json]

The store is built as benchmarks/store_bench.py builds its own (the gold set's texts extracted
once, replicated with distinct ids and last lines, stored one transaction each), with that
script's functions. With --db naming a store that already holds documents, it is reused as is
(building 10,000 documents on DuckDB takes ~4 minutes; the latencies take one).

Each URL is fetched through the real ASGI app (`create_app(db)`, Starlette's TestClient, no
network): first on a fresh app, so the "cold" figure includes opening the store and compiling
templates, then `--requests` times more for median, p95 and worst. With --browser, Debian's
Chromium (Playwright) also loads the pages from uvicorn on 127.0.0.1: navigation start to the
load event, from the browser's Navigation Timing, which includes the page's CSS/JS/SVG.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

# benchmarks/ is on sys.path when this file runs as a script: store_bench is its neighbour.
from store_bench import extract, store_run

from communique.store import open_store
from communique.web.chromium import CHROMIUM, CHROMIUM_ARGS

# The pair the issue names; the busiest pair of the store is measured beside it.
NAMED_PAIR = ("KZ", "RU")


def stored_documents(db: str) -> int:
    try:
        with open_store(db) as store:
            return store.counts()["documents"]
    except Exception:  # no such file yet, or not a store: build one there
        return 0


def build(db: str, gold: Path, documents: int, texts: int | None) -> dict[str, Any]:
    """store_bench's store: extracted gold texts, replicated to `documents` records."""
    with tempfile.TemporaryDirectory() as folder:
        records = Path(folder) / "records.jsonl"
        extraction_rate = extract(gold, texts, records)
        # store_bench's batched run also times its queries (repeats=1: a few seconds); its
        # figures are kept.
        figures = store_run(db, str(records), documents, "batched", 256, repeats=1)
    figures["extraction_documents_per_s"] = round(extraction_rate, 1)
    return figures


def busiest_pair(db: str) -> tuple[str, str]:
    """The pair at the top of /api/pairs: the app's own count (events involving both countries,
    once per story), asked of an app that is then thrown away."""
    from fastapi.testclient import TestClient

    from communique.web.app import create_app

    with TestClient(create_app(db)) as client:
        pairs = client.get("/api/pairs", params={"limit": 1}).json()
    return (pairs[0]["a"], pairs[0]["b"]) if pairs else NAMED_PAIR


def some_document(db: str) -> str:
    with open_store(db) as store:
        rows = store.backend.rows(
            "SELECT d.id FROM documents d JOIN events e ON e.document_id = d.id "
            "GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1"
        )
    return str(rows[0][0])


def urls(db: str) -> dict[str, str]:
    """What is measured: name -> path (+ query)."""
    a, b = busiest_pair(db)
    named = "-".join(NAMED_PAIR)
    document = quote(some_document(db), safe="")
    return {
        "page /": "/",
        f"page /pairs/{named}": f"/pairs/{named}",
        f"page /pairs/{a}-{b} (busiest)": f"/pairs/{a}-{b}",
        "page /documents/{id} (most events)": f"/documents/{document}",
        "page /agreements": "/agreements",
        "page /search?q=переговоры": "/search?q=" + quote("переговоры"),
        "page /network": "/network",
        "api /api/events?country=KZ-RU": "/api/events?country=KZ-RU&limit=50",
        "api /api/events (newest 50)": "/api/events?limit=50",
        f"api /api/pairs/{named}": f"/api/pairs/{named}",
        f"api /api/pairs/{a}-{b} (busiest)": f"/api/pairs/{a}-{b}",
        "api /api/agreements": "/api/agreements?limit=50",
        "api /api/statistics": "/api/statistics",
        "api /api/documents/{id}": f"/api/documents/{document}",
        "api /api/search?q=переговоры": "/api/search?q=" + quote("переговоры"),
    }


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: with 20 samples, p95 is the 19th smallest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summary(cold: float, warm: list[float], status: int, size: int) -> dict[str, Any]:
    return {
        "status": status,
        "bytes": size,
        "cold_ms": round(cold, 1),
        "median_ms": round(statistics.median(warm), 1),
        "p95_ms": round(percentile(warm, 0.95), 1),
        "max_ms": round(max(warm), 1),
        "requests": len(warm),
    }


def measure_asgi(db: str, targets: dict[str, str], requests: int) -> dict[str, dict[str, Any]]:
    from fastapi.testclient import TestClient

    from communique.web.app import create_app

    results: dict[str, dict[str, Any]] = {}
    for name, path in targets.items():
        # A fresh app per URL, so each cold figure pays what a first visitor would.
        with TestClient(create_app(db)) as client:
            begin = time.perf_counter()
            response = client.get(path)
            cold = (time.perf_counter() - begin) * 1000
            warm = []
            for _ in range(requests):
                begin = time.perf_counter()
                response = client.get(path)
                warm.append((time.perf_counter() - begin) * 1000)
        results[name] = summary(cold, warm, response.status_code, len(response.content))
        print(f"  {name}: {results[name]}", flush=True)
    return results


@contextmanager
def serving(db: str) -> Iterator[str]:
    """uvicorn with the app in a thread on a free port of 127.0.0.1; yields the base URL."""
    import socket

    import httpx2
    import uvicorn

    from communique.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx2.get(url + "/openapi.json", timeout=5)
            break
        except httpx2.TransportError:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start") from None
            time.sleep(0.05)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def measure_browser(db: str, targets: dict[str, str], loads: int) -> dict[str, dict[str, Any]]:
    """Navigation start to load event end, per page (the API's JSON is left to measure_asgi)."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Any]] = {}
    pages = {name: path for name, path in targets.items() if name.startswith("page ")}
    with serving(db) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for name, path in pages.items():
                # A fresh context per page: the first load has an empty cache, as a new visitor's.
                context = browser.new_context()
                page = context.new_page()
                times = []
                status = 0
                for _ in range(loads + 1):
                    response = page.goto(url + path, wait_until="load", timeout=120_000)
                    status = response.status if response else 0
                    times.append(
                        float(
                            page.evaluate(
                                "performance.getEntriesByType('navigation')[0].loadEventEnd"
                            )
                        )
                    )
                size = len(page.content().encode("utf-8"))
                context.close()
                results[name] = summary(times[0], times[1:], status, size)
                print(f"  browser {name}: {results[name]}", flush=True)
        finally:
            browser.close()
    return results


def table(title: str, results: dict[str, dict[str, Any]]) -> str:
    lines = [
        title,
        f"{'':44} {'status':>6} {'KiB':>7} {'cold':>8} {'median':>8} {'p95':>8} {'worst':>8}",
    ]
    for name, row in results.items():
        lines.append(
            f"{name:44} {row['status']:>6} {row['bytes'] / 1024:>7.1f} {row['cold_ms']:>6.1f}ms "
            f"{row['median_ms']:>6.1f}ms {row['p95_ms']:>6.1f}ms {row['max_ms']:>6.1f}ms"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="folder of .txt files (FactRuEval devset)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=None, help="use only this many gold texts")
    parser.add_argument(
        "--db", default=None, help="store to use or build (default: a new DuckDB file, deleted)"
    )
    parser.add_argument("--requests", type=int, default=20, help="warm requests per URL")
    parser.add_argument("--browser", action="store_true", help="also time Chromium page loads")
    parser.add_argument("--loads", type=int, default=10, help="warm browser loads per page")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "web-bench.duckdb")
        result: dict[str, Any] = {
            "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
        }
        existing = stored_documents(db)
        if existing:
            print(f"reusing {db}: {existing} documents", flush=True)
            result["store"] = {"reused": db, "documents": existing}
        else:
            print(f"building {db}: {args.documents} documents", flush=True)
            result["store"] = build(db, args.gold, args.documents, args.texts)
        with open_store(db) as store:
            result["rows"] = store.counts()
        targets = urls(db)
        result["urls"] = targets
        print("ASGI (TestClient):", flush=True)
        result["asgi"] = measure_asgi(db, targets, args.requests)
        if args.browser:
            print("browser (Chromium):", flush=True)
            result["browser"] = measure_browser(db, targets, args.loads)

    documents = result["rows"]["documents"]
    print()
    print(table(f"ASGI app, {documents} documents, {args.requests} warm requests", result["asgi"]))
    if "browser" in result:
        print()
        title = f"Chromium, navigation to load event, {args.loads} warm loads"
        print(table(title, result["browser"]))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(
            json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
