"""Natasha's models, loaded once per process (they take about a second and 100+ MB)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import natasha
from threadpoolctl import threadpool_limits


@dataclass(frozen=True)
class NatashaModels:
    segmenter: natasha.Segmenter
    morph_vocab: natasha.MorphVocab
    morph_tagger: natasha.NewsMorphTagger
    syntax_parser: natasha.NewsSyntaxParser
    ner_tagger: natasha.NewsNERTagger


@cache
def natasha_models() -> NatashaModels:
    # slovnet's matrices are small: OpenBLAS's extra threads (one per core) only spin, measured
    # here at 6x the CPU and 6x the time per document on a busy 2-core machine (30-35 ms of CPU
    # a document with one thread, 200-220 with two). One thread in a process that extracts; more
    # cores are used by more processes (`ingest --workers`, Dask workers).
    threadpool_limits(limits=1, user_api="blas")
    embedding = natasha.NewsEmbedding()
    return NatashaModels(
        segmenter=natasha.Segmenter(),
        morph_vocab=natasha.MorphVocab(),
        morph_tagger=natasha.NewsMorphTagger(embedding),
        syntax_parser=natasha.NewsSyntaxParser(embedding),
        ner_tagger=natasha.NewsNERTagger(embedding),
    )


NATASHA_VERSION = "1.6.0"
