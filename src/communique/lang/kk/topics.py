"""Kazakh words of the shared cooperation areas (`data/topics.json`), matched as the shared
vocabulary's patterns are (`extract.topics`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from razdel import tokenize

from communique.extract.topics import TopicEntry, TopicHit, topic_entries, topics_in_tokens
from communique.knowledge.files import read_data

TOPICS_FILE = Path(__file__).parent / "data" / "topics.json"


@cache
def kazakh_topic_entries(path: Path = TOPICS_FILE) -> tuple[TopicEntry, ...]:
    """The shared topics with their Kazakh patterns; an id not in the vocabulary is an error."""
    patterns: dict[str, list[str]] = read_data(path)["topics"]
    shared = {entry.id: entry for entry in topic_entries()}
    unknown = sorted(set(patterns) - set(shared))
    if unknown:
        raise ValueError(f"{path.name}: topics not in the vocabulary: {unknown}")
    return tuple(
        TopicEntry(
            id=topic,
            en=shared[topic].en,
            ru=shared[topic].ru,
            kk=shared[topic].kk,
            patterns=tuple(tuple(p.split()) for p in stems),
        )
        for topic, stems in patterns.items()
    )


def find_kazakh_topics(text: str) -> list[TopicHit]:
    return topics_in_tokens(((t.text, t.start) for t in tokenize(text)), kazakh_topic_entries())
