"""The dashboard under load: throughput and latency at 1, 2, 20 and 50 concurrent clients.

    python benchmarks/web_load.py ../shared/datasets/factrueval-2016/devset \
        [--db out/web-bench.duckdb] [--documents 10000] [--clients 1 2 20 50] [--seconds 20] \
        [--output out/web-load.json]

The store is web_bench.py's (the gold set's texts extracted once and replicated to 10,000
documents; an existing --db is reused). `communique serve` runs it in a process of its own, as a
user starts it; the clients run in this process (asyncio, one connection each), each going round
web_bench's mix of pages and API calls, starting at a different place, for --seconds per level.
Every answer must be a 200: the table counts anything else, and any transport error, as an error.
Latency is from sending the request to the last byte of the answer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2

# benchmarks/ is on sys.path when this file runs as a script: web_bench is its neighbour.
from web_bench import build, percentile, stored_documents, urls

# Each client sends at most this many requests per level, besides the time limit.
MAX_REQUESTS_PER_CLIENT = 100_000


@contextmanager
def served(db: str) -> Iterator[str]:
    """`communique serve` on a free loopback port, in a process of its own."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "communique.cli.main", "--db", db, "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            try:
                httpx2.get(url + "/api/statistics", timeout=10)
                break
            except httpx2.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    error = process.stderr.read().decode() if process.stderr else ""
                    raise RuntimeError(f"communique serve did not start: {error}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


async def level(url: str, paths: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """`clients` clients at once for `seconds`: requests/s, latency percentiles, errors."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    deadline = time.monotonic() + seconds

    async def client(offset: int) -> None:
        limits = httpx2.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx2.AsyncClient(base_url=url, timeout=60.0, limits=limits) as session:
            for turn in range(MAX_REQUESTS_PER_CLIENT):
                if time.monotonic() >= deadline:
                    return
                path = paths[(offset + turn) % len(paths)]
                begin = time.perf_counter()
                try:
                    answer = await session.get(path)
                    await answer.aread()
                except httpx2.TransportError as error:
                    key = type(error).__name__
                    errors[key] = errors.get(key, 0) + 1
                    continue
                latencies.append((time.perf_counter() - begin) * 1000)
                if answer.status_code != 200:
                    key = f"HTTP {answer.status_code}"
                    errors[key] = errors.get(key, 0) + 1

    begin = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.perf_counter() - begin
    return {
        "clients": clients,
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95), 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99), 1) if latencies else None,
        "errors": errors,
    }


def table(documents: int, rows: list[dict[str, Any]]) -> str:
    lines = [
        f"| clients ({documents} documents) | requests | requests/s | p50 ms | p95 ms | p99 ms "
        "| errors |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        errors = ", ".join(f"{k}: {v}" for k, v in row["errors"].items()) or "none"
        lines.append(
            f"| {row['clients']} | {row['requests']} | {row['requests_per_s']} | {row['p50_ms']} "
            f"| {row['p95_ms']} | {row['p99_ms']} | {errors} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="folder of .txt files (FactRuEval devset)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--db", default=None, help="store to use or build (default: temporary)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 2, 20, 50])
    parser.add_argument("--seconds", type=float, default=20.0, help="per level")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "web-load.duckdb")
        documents = stored_documents(db)
        if not documents:
            print(f"building {db}: {args.documents} documents", flush=True)
            build(db, args.gold, args.documents, None)
            documents = stored_documents(db)
        paths = list(urls(db).values())
        result: dict[str, Any] = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "documents": documents,
            "paths": paths,
            "seconds_per_level": args.seconds,
            "levels": [],
        }
        with served(db) as url:
            for clients in args.clients:
                row = asyncio.run(level(url, paths, clients, args.seconds))
                print(row, flush=True)
                result["levels"].append(row)

    print()
    print(table(documents, result["levels"]))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
