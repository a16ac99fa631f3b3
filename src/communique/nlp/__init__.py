"""Russian annotation: sentences, tokens, lemmas, morphology, dependency syntax and NER spans."""

from communique.nlp.annotate import Annotation, NerSpan, Sentence, Token, annotate, annotate_many
from communique.nlp.morph import inflect_phrase, lemma, lemma_key

__all__ = [
    "Annotation",
    "NerSpan",
    "Sentence",
    "Token",
    "annotate",
    "annotate_many",
    "inflect_phrase",
    "lemma",
    "lemma_key",
]
