"""Natasha's models, loaded once per process (they take about a second and 100+ MB)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import natasha


@dataclass(frozen=True)
class NatashaModels:
    segmenter: natasha.Segmenter
    morph_vocab: natasha.MorphVocab
    morph_tagger: natasha.NewsMorphTagger
    syntax_parser: natasha.NewsSyntaxParser
    ner_tagger: natasha.NewsNERTagger


@cache
def natasha_models() -> NatashaModels:
    embedding = natasha.NewsEmbedding()
    return NatashaModels(
        segmenter=natasha.Segmenter(),
        morph_vocab=natasha.MorphVocab(),
        morph_tagger=natasha.NewsMorphTagger(embedding),
        syntax_parser=natasha.NewsSyntaxParser(embedding),
        ner_tagger=natasha.NewsNERTagger(embedding),
    )


NATASHA_VERSION = "1.6.0"
