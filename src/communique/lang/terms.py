"""Search terms: the forms of a text's words that search matches on, chosen per language.

A word is indexed under its own lower-case spelling and its base forms in the document's
language: Russian lemmas (pymorphy3), a Kazakh stem without its case ending, an English Snowball
stem. A query is written in no declared language, so each of its words is normalised by every
language here, and a document matches a query word when one of the word's forms is among the
document's terms. Two inflected forms of one word then meet in their base form
(«Монголии» and «Монголия» in «монголия», «Моңғолиямен» and «Моңғолия» in «моңғолия»), and the
store holds only terms, never a word of any language.

A language's module supplies `search_forms(word: str) -> frozenset[str]` for one lower-case word
(ё already written е); it is imported only when a text in that language is indexed or a query
is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import import_module

WordForms = Callable[[str], frozenset[str]]

# Where each language's `search_forms` lives. A language not here (or a document whose language
# is unknown) is indexed by its words' lower-case spelling only.
FORMS: dict[str, str] = {
    "ru": "communique.lang.ru.terms",
    "kk": "communique.lang.kk.terms",
    "en": "communique.lang.en.terms",
}

# A word: letters and digits. A hyphen or an apostrophe splits a word in two, in texts and in
# queries alike, so «Коста-Рика» is found by «Рика».
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """How a document uses a term: how many of its words have it as a form, and where the text's
    first such word starts (None when only the title has it)."""

    hits: int
    first: int | None


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each word of `text`, in order."""
    for found in _WORD.finditer(text):
        yield found.start(), found.end(), found.group()


def spelling(word: str) -> str:
    """The spelling every language's forms start from: lower case, ё as е."""
    return word.lower().replace("ё", "е")


@cache
def _forms_of(language: str) -> WordForms | None:
    module = FORMS.get(language)
    if module is None:
        return None
    forms: WordForms = import_module(module).search_forms
    return forms


@lru_cache(maxsize=200_000)
def forms(word: str, language: str | None) -> frozenset[str]:
    """The word's forms in `language`: its spelling, and its base forms there."""
    written = spelling(word)
    found = _forms_of(language) if language else None
    return frozenset({written}) | (found(written) if found else frozenset())


def document_terms(text: str, title: str | None, language: str | None) -> dict[str, Term]:
    """Every term of a document's title and text, with its hits and first place in the text."""
    hits: dict[str, int] = {}
    first: dict[str, int] = {}
    for start, _, word in words(text):
        for term in forms(word, language):
            hits[term] = hits.get(term, 0) + 1
            first.setdefault(term, start)
    for _, _, word in words(title or ""):
        for term in forms(word, language):
            hits[term] = hits.get(term, 0) + 1
    return {term: Term(count, first.get(term)) for term, count in hits.items()}


def query_terms(query: str) -> list[frozenset[str]]:
    """Per word of the query (each once), its forms in every language: the terms a document
    must have one of for that word."""
    found: dict[str, frozenset[str]] = {}
    for _, _, word in words(query):
        written = spelling(word)
        if written not in found:
            found[written] = frozenset().union(*(forms(word, code) for code in (None, *FORMS)))
    return list(found.values())


def matches(
    text: str, query: str, language: str | None, *, within: tuple[int, int] | None = None
) -> list[tuple[int, int]]:
    """Spans of `text` (or of its part `within`) to mark for `query`: each word one of whose
    forms in the document's language is a form of a query word, and each place the query is
    written as it stands (in any case), merged where they overlap."""
    start, end = within or (0, len(text))
    part = text[start:end]
    wanted = frozenset().union(*query_terms(query))
    spans = [(start + a, start + b) for a, b, word in words(part) if forms(word, language) & wanted]
    spans += _written(part, query, start)
    return _merged(spans)


def _written(part: str, query: str, offset: int) -> list[tuple[int, int]]:
    needle = query.strip().lower()
    if not needle:
        return []
    lowered = part.lower()
    # Lower-casing keeps every length for Cyrillic and Latin text; where it does not (a rare
    # letter such as İ), its offsets would not be the text's, so nothing is marked from it.
    if len(lowered) != len(part):
        return []
    spans, at = [], lowered.find(needle)
    while at >= 0:
        spans.append((offset + at, offset + at + len(needle)))
        at = lowered.find(needle, at + len(needle))
    return spans


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
