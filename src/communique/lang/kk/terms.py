"""Kazakh search terms (lang/terms.py): a word's stem without its case ending, by the suffix
stripper's rules (`suffixes.py`), so «Моңғолиямен» meets «Моңғолия»."""

from __future__ import annotations

from functools import lru_cache

from communique.lang.kk.suffixes import strip_case, strip_possessive


@lru_cache(maxsize=100_000)
def search_forms(word: str) -> frozenset[str]:
    """A lower-case word's stems: without its case ending, and that stem without a possessive.
    A bare stem that merely ends like a case ending (`қазақстан`, read as `қазақс` + -тан) is
    indexed under its own spelling too (lang/terms.forms), so it still meets `қазақстанның`."""
    stem = strip_case(word)
    return frozenset({stem, strip_possessive(stem)}) - {""}
