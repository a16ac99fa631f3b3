"""The Russian reader: Natasha's annotation, then the extraction and resolution stages over it.

Texts are annotated a batch at a time (`read_many`) so the taggers' batches are full; the record
is the same as reading each document alone. Russian lists its stages apart (`STAGES`): the
tagger, the mentions, their resolution and the events each carry their own version, so a change
to one marks stored Russian documents for `reprocess` under that stage's name.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.document import Document
from communique.extract import EXTRACTOR, extract_mentions, find_roles, lexicons
from communique.extract.stage import EVENTS, find_events
from communique.knowledge.base import Knowledge
from communique.lang.ru.morphology import analyzer
from communique.nlp import Annotation, annotate_many
from communique.nlp.models import NATASHA_VERSION
from communique.record import Record, Span
from communique.resolve import RESOLVER, resolve
from communique.resolve.publisher import for_parsing, publisher_country

READER = "lang.ru.read@0.1.0"
STAGES = (f"nlp.natasha@{NATASHA_VERSION}", EXTRACTOR, RESOLVER, EVENTS)


def read_russian(document: Document, knowledge: Knowledge) -> Record:
    """One Russian document's extracted fields."""
    return read_many([document], knowledge)[0]


def read_many(documents: Sequence[Document], knowledge: Knowledge) -> list[Record]:
    """Each document's extracted fields, in their order; the texts are annotated together."""
    annotations = annotate_many([for_parsing(d.text) for d in documents])
    return [
        _read(document, annotation, knowledge)
        for document, annotation in zip(documents, annotations, strict=True)
    ]


def _read(document: Document, annotation: Annotation, knowledge: Knowledge) -> Record:
    words = lexicons(analyzer())  # built once per process, on the first Russian text
    # The events read the document's metadata (its publication date dates «вчера»).
    record = Record(
        id=document.id,
        language=document.language,
        title=document.title,
        url=document.url,
        published=document.published,
        published_basis=document.published_basis,
        source=document.source,
        text=document.text,
    )
    mentions = extract_mentions(annotation, words)
    roles = find_roles(annotation, mentions)
    source_country = publisher_country(document, knowledge)
    resolution = resolve(annotation, mentions, roles, words, source_country)
    record.sentences = [Span(start=s.start, end=s.end) for s in annotation.sentences]
    record.mentions = resolution.mentions
    record.actors = resolution.actors
    record.occupations = resolution.occupations
    record.home_country = resolution.home_country
    findings = find_events(annotation, record)
    record.events = findings.events
    record.agreements = findings.agreements
    record.commitments = findings.commitments
    record.topics = findings.topics
    return record
