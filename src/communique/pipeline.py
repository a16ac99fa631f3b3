"""The pipeline: Document -> annotate -> extract -> resolve -> Record. One way, no reaching back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from communique.document import Document
from communique.errors import PipelineMismatchError
from communique.extract import EXTRACTOR, extract_mentions, find_roles, lexicons
from communique.extract.stage import EVENTS, find_events
from communique.nlp import Annotation, annotate_many
from communique.nlp.models import NATASHA_VERSION
from communique.record import Record, RecordStatus, Span, Stage
from communique.resolve import RESOLVER, resolve
from communique.resolve.publisher import for_parsing, publisher_country

SUPPORTED_LANGUAGES = {"ru"}


class Pipeline:
    """Loads models and knowledge once; `process` is then cheap to call per document."""

    def __init__(self) -> None:
        self.lexicons = lexicons()
        self.stages = [
            Stage(name="nlp.natasha", version=NATASHA_VERSION),
            Stage(name=EXTRACTOR.split("@")[0], version=EXTRACTOR.split("@")[1]),
            Stage(name=RESOLVER.split("@")[0], version=RESOLVER.split("@")[1]),
            Stage(name=EVENTS.split("@")[0], version=EVENTS.split("@")[1]),
            Stage(name="knowledge", version=self.lexicons.version),
        ]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """A Pipeline travels to another process (a worker) as its stages, a few strings: the
        models and knowledge load there, once per process (they are cached), and the stages
        check that the worker runs the very versions this process runs."""
        return (_restored, (type(self), self.stages))

    def process(self, document: Document) -> Record:
        return next(self.process_many([document]))

    def process_many(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Record]:
        """Records in input order. Texts are annotated `batch_size` at a time so the taggers'
        batches are full; the result is the same as one `process` call per document."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) == batch_size:
                yield from self._process_batch(batch)
                batch = []
        yield from self._process_batch(batch)

    def _process_batch(self, documents: list[Document]) -> Iterator[Record]:
        supported = [d for d in documents if self._supported(d)]
        annotations = dict(
            zip(
                (id(d) for d in supported),
                annotate_many([for_parsing(d.text) for d in supported]),
                strict=True,
            )
        )
        for document in documents:
            annotation = annotations.get(id(document))
            if annotation is None:
                yield self._unsupported(document)
            else:
                yield self._extract(document, annotation)

    def _extract(self, document: Document, annotation: Annotation) -> Record:
        record = self._empty_record(document)
        mentions = extract_mentions(annotation, self.lexicons)
        roles = find_roles(annotation, mentions)
        source_country = publisher_country(document, self.lexicons.knowledge)
        resolution = resolve(annotation, mentions, roles, self.lexicons, source_country)
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

    @staticmethod
    def _supported(document: Document) -> bool:
        return document.language is None or document.language in SUPPORTED_LANGUAGES

    def _unsupported(self, document: Document) -> Record:
        record = self._empty_record(document)
        record.status = RecordStatus.UNSUPPORTED_LANGUAGE
        record.message = (
            f"language '{document.language}' is detected; only Russian is extracted for now"
        )
        return record

    def _empty_record(self, document: Document) -> Record:
        return Record(
            id=document.id,
            language=document.language,
            language_confidence=document.language_confidence,
            title=document.title,
            url=document.url,
            published=document.published,
            source=document.source,
            path=document.path,
            encoding=document.encoding,
            text=document.text,
            pipeline=list(self.stages),
        )


def _restored(cls: type[Pipeline], stages: list[Stage]) -> Pipeline:
    pipeline = cls()
    if pipeline.stages != stages:
        ours = ", ".join(f"{s.name}@{s.version}" for s in pipeline.stages)
        theirs = ", ".join(f"{s.name}@{s.version}" for s in stages)
        raise PipelineMismatchError(f"this process runs {ours}; the sender runs {theirs}")
    return pipeline
