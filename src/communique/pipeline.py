"""The pipeline: Document -> annotate -> extract -> resolve -> Record. One way, no reaching back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from communique.document import Document
from communique.errors import PipelineMismatchError
from communique.extract import EXTRACTOR, extract_mentions, find_roles, lexicons
from communique.extract.dateline import DATELINE, release_date
from communique.extract.stage import EVENTS, find_events
from communique.lang import READERS, Reader
from communique.nlp import Annotation, annotate_many
from communique.nlp.models import NATASHA_VERSION
from communique.record import PublishedBasis, Record, RecordStatus, Span, Stage
from communique.resolve import RESOLVER, resolve
from communique.resolve.publisher import for_parsing, publisher_country

# Russian reads through extract/ and resolve/; every other language through its lang/ reader.
RUSSIAN = "ru"
SUPPORTED_LANGUAGES = {RUSSIAN, *READERS}
# What a language reader fills in a record; the rest is the document's and the pipeline's.
EXTRACTED_FIELDS = (
    "home_country",
    "sentences",
    "mentions",
    "actors",
    "occupations",
    "events",
    "agreements",
    "commitments",
    "topics",
)


class Pipeline:
    """Loads models and knowledge once; `process` is then cheap to call per document."""

    def __init__(self) -> None:
        self.lexicons = lexicons()
        self._readers: dict[str, Reader] = {}
        self.stages = [
            Stage(name="nlp.natasha", version=NATASHA_VERSION),
            Stage(name=EXTRACTOR.split("@")[0], version=EXTRACTOR.split("@")[1]),
            Stage(name=RESOLVER.split("@")[0], version=RESOLVER.split("@")[1]),
            Stage(name=EVENTS.split("@")[0], version=EVENTS.split("@")[1]),
            Stage(name="knowledge", version=self.lexicons.version),
            Stage(name=DATELINE.split("@")[0], version=DATELINE.split("@")[1]),
        ]

    def stages_for(self, language: str | None) -> list[Stage]:
        """The stages that read a document in `language`: its lang/ reader and the knowledge for
        a language that has one, the Russian stages for any other (unsupported ones included)."""
        if language not in READERS:
            return list(self.stages)
        name, version = READERS[language].version.split("@")
        # The knowledge and the dating of the release are every language's.
        shared = [s for s in self.stages if s.name in ("knowledge", DATELINE.split("@")[0])]
        return [Stage(name=name, version=version), *shared]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """A Pipeline travels to another process (a worker) as its stages, a few strings: the
        models and knowledge load there, once per process (they are cached), and the versions
        check that the worker runs the very stages this process runs, in every language."""
        return (_restored, (type(self), self.versions()))

    def versions(self) -> dict[str, list[str]]:
        """Every stage's `name@version`, for each language read (Russian's for any other)."""
        return {
            language: [f"{stage.name}@{stage.version}" for stage in self.stages_for(language)]
            for language in (RUSSIAN, *sorted(READERS))
        }

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
        documents = [self._dated(document) for document in documents]
        supported = [d for d in documents if self._russian(d)]
        annotations = dict(
            zip(
                (id(d) for d in supported),
                annotate_many([for_parsing(d.text) for d in supported]),
                strict=True,
            )
        )
        for document in documents:
            annotation = annotations.get(id(document))
            if annotation is not None:
                yield self._extract(document, annotation)
            elif document.language in READERS:
                yield self._read(document, document.language)
            else:
                yield self._unsupported(document)

    def _read(self, document: Document, language: str) -> Record:
        """A document in a language with a reader of its own (lang/<code>/)."""
        if language not in self._readers:
            self._readers[language] = READERS[language].load()
        read = self._readers[language](document, self.lexicons.knowledge)
        record = self._empty_record(document)
        record.pipeline = self.stages_for(language)
        for field in EXTRACTED_FIELDS:
            setattr(record, field, getattr(read, field))
        return record

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
    def _dated(document: Document) -> Document:
        """`document` with its publication date and where it comes from: its metadata, else
        the dateline at the top of its text. Every later stage (relative dates, an event's
        date when the text states none) reads the date from here."""
        if document.published:
            basis = document.published_basis or PublishedBasis.METADATA
            return document.model_copy(update={"published_basis": basis})
        stated = release_date(document.text, document.language)
        if stated is None:
            return document
        return document.model_copy(
            update={"published": stated, "published_basis": PublishedBasis.TEXT}
        )

    @staticmethod
    def _russian(document: Document) -> bool:
        """Text of no clear language is read as Russian, the pipeline's first language."""
        return document.language is None or document.language == RUSSIAN

    def _unsupported(self, document: Document) -> Record:
        record = self._empty_record(document)
        record.status = RecordStatus.UNSUPPORTED_LANGUAGE
        record.message = (
            f"language '{document.language}' is detected; only "
            + ", ".join(["Russian", *(reader.name for reader in READERS.values())])
            + " are extracted"
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
            published_basis=document.published_basis,
            source=document.source,
            path=document.path,
            encoding=document.encoding,
            text=document.text,
            pipeline=list(self.stages),
        )


def _restored(cls: type[Pipeline], versions: dict[str, list[str]]) -> Pipeline:
    pipeline = cls()
    ours = pipeline.versions()
    for language in sorted(ours.keys() | versions.keys()):
        here, there = ours.get(language, []), versions.get(language, [])
        if here != there:
            raise PipelineMismatchError(
                f"for '{language}' this process runs {', '.join(here) or 'nothing'}; the "
                f"sender runs {', '.join(there) or 'nothing'}"
            )
    return pipeline
