"""Extraction throughput by number of worker processes, peak memory per worker, and where one
process spends its time.

    python benchmarks/worker_bench.py ../shared/datasets/factrueval-2016/devset \
        --workers 1 2 [--dask] [--repeat 2] [--output out/workers.json]

For each worker count the documents go through `ProcessPoolExtractor` and `ordered_outcomes`,
the path `communique ingest --workers N` takes (storing left out: benchmarks/store_bench.py
measures it). Workers are started and their models loaded before the clock starts, by a first
round of one-document batches; documents/s is then the steady rate a long ingest sees. Peak RSS
per worker is the largest peak resident size of a finished worker (RUSAGE_CHILDREN). `--dask`
adds a run on a local Dask cluster of two worker processes, as `--scheduler` uses one. The
profile splits one process's time between Natasha's annotation (segmentation, morphology,
syntax, NER: the slovnet models) and the rest of the pipeline. The load average is printed:
figures taken on a busy machine understate the scaling.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

from communique.distribute import ProcessPoolExtractor, ordered_outcomes
from communique.distribute.extractors import Extractor
from communique.document import Document


def _documents(directory: Path, repeat: int) -> list[Document]:
    paths = sorted(directory.glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    return [
        Document(id=f"{stem}-{n}", text=text, language="ru")
        for n in range(repeat)
        for stem, text in texts
    ]


def _warm(extractor: Extractor, documents: list[Document], workers: int) -> None:
    """One single-document batch per worker, twice over: every worker has loaded its models."""
    promises = [extractor.submit(documents[i : i + 1]) for i in range(2 * workers)]
    for promise in promises:
        promise.result()


def _cpu_s() -> float:
    """CPU seconds of this process and every process under it (the workers), so far."""
    import psutil  # comes with distributed

    me = psutil.Process()
    processes = [me, *me.children(recursive=True)]
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _run(extractor: Extractor, documents: list[Document], batch_size: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all processes) to extract `documents`."""
    cpu = _cpu_s()
    started = time.perf_counter()
    count = sum(1 for _ in ordered_outcomes([documents], extractor, batch_size))
    assert count == len(documents)
    return time.perf_counter() - started, _cpu_s() - cpu


def bench_workers(documents: list[Document], workers: int, batch_size: int) -> dict[str, float]:
    from communique.pipeline import Pipeline

    extractor = ProcessPoolExtractor(Pipeline(), workers, batch_size)
    try:
        started = time.perf_counter()
        _warm(extractor, documents, workers)
        start_s = time.perf_counter() - started
        run_s, cpu_s = _run(extractor, documents, batch_size)
    finally:
        extractor.close()
    rate = len(documents) / run_s
    return {
        "workers": workers,
        "documents": len(documents),
        "start_s": round(start_s, 2),
        "run_s": round(run_s, 2),
        "docs_per_s": round(rate, 2),
        "docs_per_s_per_worker": round(rate / workers, 2),
        # Load-independent: CPU seconds all processes spent per document (the parent's
        # pickling and ordering included). Equal for 1 and N workers means N times the rate on
        # N free cores.
        "cpu_ms_per_doc": round(1000 * cpu_s / len(documents), 1),
        # The largest peak of any worker finished so far: every run's workers do the same work.
        "peak_rss_mib_per_worker": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def bench_dask(documents: list[Document], batch_size: int) -> dict[str, float]:
    from distributed import Client, LocalCluster

    from communique.distribute.cluster import DaskExtractor
    from communique.pipeline import Pipeline

    started = time.perf_counter()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster.scheduler_address) as client,
    ):
        extractor = DaskExtractor(cluster.scheduler_address, Pipeline(), batch_size, client=client)
        _warm(extractor, documents, 2)
        start_s = time.perf_counter() - started
        run_s, cpu_s = _run(extractor, documents, batch_size)
    return {
        "workers": 2,
        "documents": len(documents),
        "start_s": round(start_s, 2),
        "run_s": round(run_s, 2),
        "docs_per_s": round(len(documents) / run_s, 2),
        "cpu_ms_per_doc": round(1000 * cpu_s / len(documents), 1),
    }


def profile_one_process(documents: list[Document], batch_size: int) -> dict[str, float]:
    """One process's CPU seconds (other processes on the machine do not count) for the same
    texts: Natasha's segmentation + NER alone (the anchor of bench.py), Natasha's whole
    annotation (segmentation, morphology, syntax, NER), and the whole pipeline."""
    import natasha

    from communique.nlp import annotate_many
    from communique.nlp.models import natasha_models
    from communique.pipeline import Pipeline
    from communique.resolve.publisher import for_parsing

    pipeline = Pipeline()
    pipeline.process(Document(id="warm-up", text="Министр встретился с послом."))
    models = natasha_models()
    started = time.process_time()
    for document in documents:
        doc = natasha.Doc(document.text)
        doc.segment(models.segmenter)
        doc.tag_ner(models.ner_tagger)
    ner_s = time.process_time() - started
    started = time.process_time()
    for start in range(0, len(documents), batch_size):
        batch = documents[start : start + batch_size]
        annotate_many([for_parsing(d.text) for d in batch])
    annotate_s = time.process_time() - started
    started = time.process_time()
    for _ in pipeline.process_many(documents, batch_size):
        pass
    pipeline_s = time.process_time() - started
    return {
        "ner_alone_cpu_s": round(ner_s, 2),
        "annotate_cpu_s": round(annotate_s, 2),
        "pipeline_cpu_s": round(pipeline_s, 2),
        "annotation_share": round(annotate_s / pipeline_s, 3),
        "pipeline_rate_over_ner_alone": round(ner_s / pipeline_s, 3),
        "docs_per_cpu_s": round(len(documents) / pipeline_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2, help="times the texts are gone through")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--dask", action="store_true", help="also a local Dask cluster's rate")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    documents = _documents(args.directory, args.repeat)
    report: dict[str, object] = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "load_average_before": os.getloadavg(),
        "workers": [bench_workers(documents, n, args.batch_size) for n in args.workers],
    }
    rates = {run["workers"]: run["docs_per_s"] for run in report["workers"]}  # type: ignore[attr-defined]
    if 1 in rates:
        report["speedup"] = {n: round(rate / rates[1], 2) for n, rate in rates.items()}
    if args.dask:
        report["dask"] = bench_dask(documents, args.batch_size)
    if not args.no_profile:
        report["one_process"] = profile_one_process(documents, args.batch_size)
    report["load_average_after"] = os.getloadavg()
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
