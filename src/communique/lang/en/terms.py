"""English search terms (lang/terms.py): a word's Snowball stem, so "agreements" meets
"agreement" and "meetings" meets "meeting"; one stem for every form of a word, without the
parse spaCy needs for a lemma (a query has no sentence to parse)."""

from __future__ import annotations

from functools import cache, lru_cache

import snowballstemmer


@cache
def _stemmer() -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def search_forms(word: str) -> frozenset[str]:
    """The stem of one lower-case English word."""
    return frozenset({_stemmer().stemWord(word)})
