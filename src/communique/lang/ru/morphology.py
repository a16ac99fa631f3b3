"""Russian lemmas and inflection with pymorphy3, shared by extraction and the knowledge base: the
one module that loads pymorphy3 (the stages above `lang/` reach it through `communique.nlp`).

Knowledge keys and text keys must be built by the same function, or an inflected mention
would never meet its dictionary entry; `lemma_key` is that function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import pymorphy3

_WORD_RE = re.compile(r"[\w]+(?:[-‐–][\w]+)*|[^\w\s]", re.UNICODE)


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Dictionary form of one word, lower case, ё as е; hyphenated parts lemmatised apart."""
    word = word.lower().replace("ё", "е")
    if "-" in word and not word.startswith("-"):
        return "-".join(_lemma_part(part) for part in word.split("-"))
    return _lemma_part(word)


def _lemma_part(word: str) -> str:
    if not word or not any(ch.isalpha() for ch in word):
        return word
    return analyzer().parse(word)[0].normal_form.replace("ё", "е")


def lemma_key(text_or_words: str | Iterable[str]) -> str:
    words = _WORD_RE.findall(text_or_words) if isinstance(text_or_words, str) else text_or_words
    return " ".join(lemma(w) for w in words if w.strip())
