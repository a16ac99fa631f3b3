"""Russian annotation: sentences, tokens, lemmas, morphology, dependency syntax and NER spans."""

from communique.nlp.annotate import Annotation, NerSpan, Sentence, Token, annotate
from communique.nlp.morph import inflect_phrase, lemma, lemma_key

__all__ = [
    "Annotation",
    "NerSpan",
    "Sentence",
    "Token",
    "annotate",
    "inflect_phrase",
    "lemma",
    "lemma_key",
]
