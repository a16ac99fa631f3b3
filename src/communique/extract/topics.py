"""Cooperation areas (`knowledge/data/topics.json`): word-start stems matched over the words of
a text, each part of a hyphenated word counted as a word ("торгово-экономического")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.nlp import Annotation

TOPICS_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "topics.json"


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
    data = json.loads(path.read_text(encoding="utf-8"))
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
    words = _words(annotation)
    hits = []
    for entry in topic_entries():
        for pattern in entry.patterns:
            hits.extend(_matches(entry.id, pattern, words))
    return sorted(set(hits), key=lambda h: (h.start, h.topic))


def _words(annotation: Annotation) -> list[_Word]:
    words = []
    for token in annotation.tokens:
        if not token.text[:1].isalpha():
            continue
        offset = token.start
        for part in token.text.split("-"):
            if part:
                words.append(_Word(part.lower().replace("ё", "е"), offset, offset + len(part)))
            offset += len(part) + 1
    return words


def _matches(topic: str, pattern: tuple[str, ...], words: list[_Word]) -> list[TopicHit]:
    size = len(pattern)
    return [
        TopicHit(topic, words[i].start, words[i + size - 1].end)
        for i in range(len(words) - size + 1)
        if all(words[i + k].text.startswith(stem) for k, stem in enumerate(pattern))
    ]
