"""Cost per character of reading each language of the releases corpus: the Russian pipeline, the
Kazakh reader (lang/kk) and the English reader (lang/en), each in a fresh process.

    python benchmarks/lang_bench.py ../shared/datasets/releases-dev [--output out/lang-bench.json]

The three sides of the corpus are translations of one another, so their texts say the same things.
Each language runs in its own process (the `--language` option below) so that its peak resident
size (ru_maxrss) counts its own models only; the time counts reading the texts, not loading.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

LANGUAGES = ("ru", "kk", "en")


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(corpus: Path, language: str) -> dict[str, float]:
    """Read every text of one language; time and memory of this process."""
    from communique.document import Document

    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / language).glob("*.txt"))]
    documents = [Document(id=str(n), text=text) for n, text in enumerate(texts)]
    started = time.perf_counter()
    if language == "ru":
        from communique.pipeline import Pipeline

        pipeline = Pipeline()
        loaded = time.perf_counter()
        for document in documents:
            pipeline.process(document)
    elif language == "kk":
        from communique.lang.kk.read import read_kazakh

        read_kazakh(Document(id="warm-up", text="Сенат."))
        loaded = time.perf_counter()
        for document in documents:
            read_kazakh(document)
    else:
        from communique.lang.en.read import read_english

        read_english(Document(id="warm-up", text="The Senate."))
        loaded = time.perf_counter()
        for document in documents:
            read_english(document)
    done = time.perf_counter()
    characters = sum(len(text) for text in texts)
    return {
        "documents": len(texts),
        "characters": characters,
        "load_s": round(loaded - started, 2),
        "read_s": round(done - loaded, 2),
        "characters_per_s": round(characters / (done - loaded)),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="releases corpus with ru/, kk/, en/")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--language", choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.language:
        print(json.dumps(run_one(args.corpus, args.language)))
        return 0
    results = {}
    for language in LANGUAGES:
        command = [sys.executable, __file__, str(args.corpus), "--language", language]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        results[language] = json.loads(output.strip().splitlines()[-1])
        row = results[language]
        print(
            f"{language}: {row['documents']} texts, {row['characters']} chars, "
            f"{row['characters_per_s']} chars/s, peak {row['peak_rss_mib']} MiB"
        )
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
