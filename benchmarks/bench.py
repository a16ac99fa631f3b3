"""Throughput and memory of the whole pipeline, next to Natasha's NER alone, in one process.

    python benchmarks/bench.py ../shared/datasets/factrueval-2016/devset [--output out/bench.json]

Natasha runs first (segmentation + NER, the anchor's setting), then the full pipeline over the
same documents. Peak memory is the process's peak resident size (ru_maxrss) after each phase, so
the pipeline's figure includes everything loaded before it.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import time
from pathlib import Path


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read(directory: Path, limit: int | None) -> list[tuple[str, str]]:
    paths = sorted(directory.glob("*.txt"))[:limit]
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def bench_natasha(texts: list[str]) -> dict[str, float]:
    import natasha

    started = time.perf_counter()
    segmenter = natasha.Segmenter()
    ner = natasha.NewsNERTagger(natasha.NewsEmbedding())
    loaded = time.perf_counter()
    for text in texts:
        doc = natasha.Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
    done = time.perf_counter()
    return _figures(texts, loaded - started, done - loaded)


def bench_pipeline(documents: list[tuple[str, str]]) -> dict[str, float]:
    from communique.document import Document
    from communique.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline()
    pipeline.process(Document(id="warm-up", text="Министр встретился с послом."))
    loaded = time.perf_counter()
    mentions = 0
    inputs = [Document(id=doc_id, text=text, language="ru") for doc_id, text in documents]
    for record in pipeline.process_many(inputs):
        mentions += len(record.mentions)
    done = time.perf_counter()
    figures = _figures([t for _, t in documents], loaded - started, done - loaded)
    figures["mentions"] = mentions
    return figures


def _figures(texts: list[str], load_s: float, run_s: float) -> dict[str, float]:
    return {
        "documents": len(texts),
        "characters": sum(map(len, texts)),
        "load_s": round(load_s, 3),
        "run_s": round(run_s, 3),
        "docs_per_s": round(len(texts) / run_s, 2),
        "chars_per_s": round(sum(map(len, texts)) / run_s),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()

    documents = _read(args.directory, args.limit)
    natasha_figures = bench_natasha([t for _, t in documents])
    pipeline_figures = bench_pipeline(documents)
    report = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "natasha_ner": natasha_figures,
        "communique_pipeline": pipeline_figures,
        "throughput_ratio": round(
            pipeline_figures["docs_per_s"] / natasha_figures["docs_per_s"], 3
        ),
    }
    width = max(map(len, natasha_figures))
    print(f"{'':<{width}}  {'natasha NER':>14}  {'communique':>14}")
    for key in natasha_figures:
        print(f"{key:<{width}}  {natasha_figures[key]:>14}  {pipeline_figures[key]:>14}")
    print(f"pipeline / NER throughput: {report['throughput_ratio']} (target >= 0.25)")
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
