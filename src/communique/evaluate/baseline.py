"""The reference point: plain Natasha 1.6 NER (slovnet), nothing of ours on top."""

from __future__ import annotations

from functools import cache

from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

from communique.document import Document
from communique.record import Mention, MentionType, Record, Stage

NATASHA_VERSION = "1.6.0"
NATASHA_EXTRACTOR = f"natasha-ner@{NATASHA_VERSION}"

_TYPES = {
    "PER": MentionType.PERSON,
    "ORG": MentionType.ORGANIZATION,
    "LOC": MentionType.LOCATION,
}


@cache
def _models() -> tuple[Segmenter, NewsNERTagger]:
    """Loaded once per process (~1 s)."""
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_baseline(documents: list[Document]) -> list[Record]:
    """Records with Natasha's PER/ORG/LOC spans as PERSON/ORGANIZATION/LOCATION mentions."""
    return [natasha_record(document) for document in documents]


def natasha_record(document: Document) -> Record:
    segmenter, tagger = _models()
    doc = Doc(document.text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    mentions = [
        Mention(
            id=f"m{index}",
            type=_TYPES[span.type],
            start=span.start,
            end=span.stop,
            text=document.text[span.start : span.stop],
            normal=document.text[span.start : span.stop],
            extractor=NATASHA_EXTRACTOR,
        )
        for index, span in enumerate(doc.spans, start=1)
    ]
    return Record(
        id=document.id,
        text=document.text,
        path=document.path,
        mentions=mentions,
        pipeline=[Stage(name="natasha-ner", version=NATASHA_VERSION)],
    )
