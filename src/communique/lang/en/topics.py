"""Cooperation areas stated in English text: the project's topic vocabulary
(`knowledge/data/topics.json`, ids and labels) with English patterns (`data/topics_en.json`),
matched as the Russian ones are (`extract/topics.py`)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from communique.extract.topics import TopicEntry, TopicHit, topic_entries, topics_in_tokens

TOPICS_EN_FILE = Path(__file__).parent / "data" / "topics_en.json"


@cache
def english_topic_entries() -> tuple[TopicEntry, ...]:
    """The vocabulary's topics with their English patterns; a topic without any is left out."""
    patterns = json.loads(TOPICS_EN_FILE.read_text(encoding="utf-8"))["topics"]
    entries = {entry.id: entry for entry in topic_entries()}
    unknown = sorted(set(patterns) - set(entries))
    if unknown:
        raise ValueError(f"{TOPICS_EN_FILE.name}: topics not in the vocabulary: {unknown}")
    return tuple(
        TopicEntry(
            id=entry.id,
            en=entry.en,
            ru=entry.ru,
            kk=entry.kk,
            patterns=tuple(tuple(p.split()) for p in patterns[entry.id]),
        )
        for entry in entries.values()
        if entry.id in patterns
    )


def english_topics(doc: Doc) -> list[TopicHit]:
    """Every stated topic with the span of the words that state it, in text order."""
    return topics_in_tokens(((token.text, token.idx) for token in doc), english_topic_entries())
