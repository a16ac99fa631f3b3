"""Russian lemmas and inflection, for the modules that import them from here: they live in the
Russian package (`communique.lang.ru.morphology`), the one place that loads pymorphy3."""

from communique.lang.ru.morphology import analyzer, lemma, lemma_key

__all__ = ["analyzer", "lemma", "lemma_key"]
