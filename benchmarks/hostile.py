"""Worst-case inputs and the cost curve: time and peak memory, each case in a process of its own.

    python benchmarks/hostile.py ../shared/datasets/factrueval-2016/devset --output out/hostile.json
    python benchmarks/hostile.py DEVSET --only curve-10000 curve-50000    # some cases only

Worst cases: texts built to hit what grows fastest with length (a run of words with no sentence
end, one 500,000-character word, a list of thousands of names, titles heaped on titles, an HTML
page of one paragraph), each of about the default --max-bytes (1 MB), through the whole pipeline.
The curve: real news (FactRuEval texts, the same mix of sentences at every size) at 10k, 50k,
160k and 500k characters, to show that characters per second stay the same as a document
grows. And ingest: a JSON Lines file of --jsonl-mb megabytes read and stored by `communique
ingest` (every record the same text, so the cost is reading and storing, not extraction), whose
memory must not grow with the file.

Each case runs in a fresh interpreter, so its peak resident size (ru_maxrss of that process)
is its own, models included. Timings exclude loading the models (one warm-up document first):
wall-clock seconds and the process's CPU seconds. The numeric libraries get one thread each
(OPENBLAS/OMP/MKL_NUM_THREADS=1): on a machine shared with other jobs, BLAS threads fighting
for the cores made wall time many times the work and grow faster than the work.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAX_BYTES = 1_000_000  # `communique ingest` and `extract`'s default --max-bytes
CURVE = (10_000, 50_000, 160_000, 500_000)
TIMEOUT_S = 3600
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

# Russian words that are no names and end no sentence.
_WORDS = "делегация парламента обсудила вопросы торговли транзита грузов и сотрудничества"
_NAMES = ["Иван Петров", "Сергей Иванов", "Айгуль Нурланова", "Марат Беков", "Ольга Смирнова"]


def _to_bytes(unit: str, limit: int = MAX_BYTES) -> str:
    """`unit` repeated up to `limit` bytes of UTF-8."""
    size = len(unit.encode("utf-8"))
    return unit * (limit // size)


def worst_cases() -> dict[str, str]:
    names = ", ".join(_NAMES)
    return {
        "no-sentence-end": _to_bytes(_WORDS + " "),
        "one-word": _to_bytes("а"),
        "commas": _to_bytes("слово, "),
        "names-list": _to_bytes(names + ", "),
        "titles": _to_bytes("министр иностранных дел Казахстана Иван Петров, "),
        "html-one-paragraph": "html",  # built in the child: a page whose text is the first case
    }


def curve_text(directory: Path, size: int) -> str:
    """Real news of `size` characters with the same mix of sentences at every size, so that the
    curve shows the cost of length, not of which texts came first: the FactRuEval texts joined
    by blank lines, repeated to a larger size, or evenly spaced slices of 1,000 characters of
    them for a smaller one."""
    paths = sorted(directory.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files under {directory}")
    block = "\n\n".join(path.read_text(encoding="utf-8") for path in paths)
    if size >= len(block):
        return "\n\n".join([block] * (size // len(block) + 1))[:size]
    step = len(block) // (size // 1_000)
    return "\n\n".join(block[i : i + 1_000] for i in range(0, len(block), step))[:size]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(name: str, directory: Path) -> dict[str, object]:
    """In the child process: extract one document (or run one ingest) and measure it."""
    if name.startswith("ingest-jsonl-"):
        return _run_ingest(int(name.rsplit("-", 1)[1]))
    from communique.document import Document
    from communique.ingest import read_bytes
    from communique.pipeline import Pipeline

    if name.startswith("curve-"):
        text = curve_text(directory, int(name.split("-", 1)[1]))
    elif name == "html-one-paragraph":
        body = _to_bytes(_WORDS + " ", MAX_BYTES - 200)
        page = f"<html><head><title>t</title></head><body><p>{body}</p></body></html>"
        (document,) = read_bytes(page.encode("utf-8"), name="page.html", max_bytes=MAX_BYTES)
        text = document.text  # type: ignore[union-attr]
    else:
        text = worst_cases()[name]
    pipeline = Pipeline()
    pipeline.process(Document(id="warm-up", text="Министр встретился с послом.", language="ru"))
    started, cpu_started = time.perf_counter(), time.process_time()
    record = pipeline.process(Document(id=name, text=text, language="ru"))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    return {
        "case": name,
        "characters": len(text),
        "bytes": len(text.encode("utf-8")),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "chars_per_cpu_s": round(len(text) / max(cpu_seconds, 1e-9)),
        "mentions": len(record.mentions),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def _run_ingest(megabytes: int) -> dict[str, object]:
    """`communique ingest` of a JSON Lines file of `megabytes` MB, in this process."""
    from typer.testing import CliRunner

    from communique.cli.main import app

    text = _to_bytes(_WORDS + ". ", 2_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "big.jsonl")
        with path.open("w", encoding="utf-8") as out:
            line = 0
            while out.tell() < megabytes * 1_000_000:
                out.write(json.dumps({"id": f"r{line}", "text": text}, ensure_ascii=False) + "\n")
                line += 1
        started, cpu_started = time.perf_counter(), time.process_time()
        result = CliRunner().invoke(app, ["--db", f"{folder}/s.duckdb", "ingest", str(path)])
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        size = path.stat().st_size
    return {
        "case": f"ingest-jsonl-{megabytes}",
        "bytes": size,
        "records": line,
        "exit_code": result.exit_code,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def _child(name: str, directory: Path) -> dict[str, object]:
    command = [sys.executable, __file__, str(directory), "--child", name]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **_ONE_THREAD}
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False, env=env
        )
    except subprocess.TimeoutExpired:
        return {"case": name, "error": f"over {TIMEOUT_S} s"}
    if done.returncode != 0:
        return {"case": name, "error": f"exit {done.returncode}: {done.stderr.strip()[-300:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="FactRuEval devset (texts for the curve)")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--only", nargs="*", help="case names to run (default: all)")
    parser.add_argument("--jsonl-mb", type=int, default=270)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child, args.directory)))
        return
    cases = [
        *worst_cases(),
        *(f"curve-{size}" for size in CURVE),
        f"ingest-jsonl-{args.jsonl_mb}",
    ]
    results = []
    for name in args.only or cases:
        result = _child(name, args.directory)
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    report = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs", "cases": results}
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
