"""Russian search terms (lang/terms.py): every dictionary form pymorphy3 reads a word as."""

from __future__ import annotations

from functools import lru_cache

from communique.nlp.morph import analyzer


@lru_cache(maxsize=200_000)
def search_forms(word: str) -> frozenset[str]:
    """The lemmas of one lower-case word: of all its parses, not the first only, so «стали» is
    found by «сталь» and by «стать» (ё as е, as knowledge keys write them)."""
    if not any(ch.isalpha() for ch in word):
        return frozenset()
    return frozenset(p.normal_form.replace("ё", "е") for p in analyzer().parse(word))
