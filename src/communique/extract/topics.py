"""Cooperation areas (`knowledge/data/topics.json`): word-start stems matched over the words of
a text, each part of a hyphenated word counted as a word ("торгово-экономического")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.knowledge.files import data_path, read_data
from communique.lang.ru.words import fold_spelling
from communique.nlp import Annotation

TOPICS_PATH = data_path("topics.json")


@dataclass(frozen=True)
class TopicEntry:
    id: str
    en: str
    ru: str
    kk: str
    patterns: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class TopicHit:
    topic: str
    start: int
    end: int


@dataclass(frozen=True)
class _Word:
    text: str  # lower case, ё as е
    start: int
    end: int


@cache
def topic_entries(path: Path = TOPICS_PATH) -> tuple[TopicEntry, ...]:
    data = read_data(path)
    return tuple(
        TopicEntry(
            id=t["id"],
            en=t["en"],
            ru=t["ru"],
            kk=t["kk"],
            patterns=tuple(tuple(p.split()) for p in t["patterns"]),
        )
        for t in data["topics"]
    )


def find_topics(annotation: Annotation) -> list[TopicHit]:
    """Every stated topic with the character span of the words that state it, in text order."""
    return topics_in_tokens(((t.text, t.start) for t in annotation.tokens), topic_entries())


def topics_in_tokens(
    tokens: Iterable[tuple[str, int]], entries: tuple[TopicEntry, ...]
) -> list[TopicHit]:
    """The topics of `entries` stated by tokens given as (text, start offset), in text order:
    any language's tokens, with that language's patterns."""
    words = _words(tokens)
    index = _first_stem_index(entries)
    lengths = sorted({len(stem) for stem in index})
    hits = set()
    for position, word in enumerate(words):
        for length in lengths:
            if length > len(word.text):
                break
            for topic, pattern in index.get(word.text[:length], ()):
                hit = _match_at(topic, pattern, words, position)
                if hit is not None:
                    hits.add(hit)
    return sorted(hits, key=lambda h: (h.start, h.topic))


@cache
def _first_stem_index(
    entries: tuple[TopicEntry, ...],
) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Patterns by their first stem: a word is looked up by its prefixes, not tried on all."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for entry in entries:
        for pattern in entry.patterns:
            index.setdefault(pattern[0], []).append((entry.id, pattern))
    return {stem: tuple(patterns) for stem, patterns in index.items()}


def _words(tokens: Iterable[tuple[str, int]]) -> list[_Word]:
    words = []
    for text, start in tokens:
        if not text[:1].isalpha():
            continue
        offset = start
        for part in text.split("-"):
            if part:
                words.append(_Word(fold_spelling(part.lower()), offset, offset + len(part)))
            offset += len(part) + 1
    return words


def _match_at(
    topic: str, pattern: tuple[str, ...], words: list[_Word], position: int
) -> TopicHit | None:
    last = position + len(pattern) - 1
    if last >= len(words):
        return None
    rest = zip(pattern[1:], words[position + 1 : last + 1], strict=True)
    if all(word.text.startswith(stem) for stem, word in rest):
        return TopicHit(topic, words[position].start, words[last].end)
    return None
