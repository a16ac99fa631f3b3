"""Russian annotation: sentences, tokens, lemmas, morphology, dependency syntax and NER spans."""

from communique.nlp.annotate import (
    Annotation,
    Morphology,
    NerSpan,
    Reading,
    Sentence,
    Token,
    annotate,
    annotate_many,
    default_morphology,
)
from communique.nlp.morph import lemma, lemma_key

__all__ = [
    "Annotation",
    "Morphology",
    "NerSpan",
    "Reading",
    "Sentence",
    "Token",
    "annotate",
    "annotate_many",
    "default_morphology",
    "lemma",
    "lemma_key",
]
