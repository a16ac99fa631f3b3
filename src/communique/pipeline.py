"""The pipeline: Document -> annotate -> extract -> resolve -> Record. One way, no reaching back.

Each language reads through its package in `communique.lang` (`READERS`); the pipeline dates the
document, sends each to its language's reader a batch at a time, and adds the document's metadata
and the stage versions. Nothing here names a language.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from communique.document import Document
from communique.errors import PipelineMismatchError
from communique.extract.dateline import DATELINE, release_date
from communique.knowledge.base import Knowledge
from communique.knowledge.files import knowledge_version
from communique.lang import DEFAULT_LANGUAGE, READERS, BatchReader
from communique.record import PublishedBasis, Record, RecordStatus, Stage

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
        self.knowledge = Knowledge.load()
        self._readers: dict[str, BatchReader] = {}
        default = [Stage(name=n, version=v) for n, v in _split(READERS[DEFAULT_LANGUAGE].stages)]
        # The default language's stages, then the knowledge and the dating of the release, which
        # are every language's; they also mark a record of an unsupported language.
        self.stages = [
            *default,
            Stage(name="knowledge", version=knowledge_version()),
            Stage(name=DATELINE.split("@")[0], version=DATELINE.split("@")[1]),
        ]

    def stages_for(self, language: str | None) -> list[Stage]:
        """The stages that read a document in `language`: its lang/ reader's and the shared
        ones; the default language's (`stages`) for text of no clear language or of a language
        without a reader."""
        language = language or DEFAULT_LANGUAGE
        if language not in READERS or language == DEFAULT_LANGUAGE:
            return list(self.stages)
        own = [Stage(name=n, version=v) for n, v in _split(READERS[language].stages)]
        shared = [s for s in self.stages if s.name in ("knowledge", DATELINE.split("@")[0])]
        return [*own, *shared]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """A Pipeline travels to another process (a worker) as its stages, a few strings: the
        models and knowledge load there, once per process (they are cached), and the versions
        check that the worker runs the very stages this process runs, in every language."""
        return (_restored, (type(self), self.versions()))

    def versions(self) -> dict[str, list[str]]:
        """Every stage's `name@version`, for each language read."""
        return {
            language: [f"{stage.name}@{stage.version}" for stage in self.stages_for(language)]
            for language in sorted(READERS)
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
        by_language: dict[str, list[Document]] = {}
        for document in documents:
            language = document.language or DEFAULT_LANGUAGE
            if language in READERS:
                by_language.setdefault(language, []).append(document)
        read: dict[int, Record] = {}
        for language, batch in by_language.items():
            records = self._batch_reader(language)(batch, self.knowledge)
            for document, record in zip(batch, records, strict=True):
                read[id(document)] = self._filled(document, language, record)
        for document in documents:
            found = read.get(id(document))
            yield found if found is not None else self._unsupported(document)

    def _batch_reader(self, language: str) -> BatchReader:
        if language not in self._readers:
            self._readers[language] = READERS[language].load_many()
        return self._readers[language]

    def _filled(self, document: Document, language: str, read: Record) -> Record:
        """The record of `document`: its metadata, the stages that read it in `language` and
        the fields its reader extracted."""
        record = self._empty_record(document)
        record.pipeline = self.stages_for(language)
        for field in EXTRACTED_FIELDS:
            setattr(record, field, getattr(read, field))
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

    def _unsupported(self, document: Document) -> Record:
        record = self._empty_record(document)
        record.status = RecordStatus.UNSUPPORTED_LANGUAGE
        record.message = (
            f"language '{document.language}' is detected; only "
            + ", ".join(reader.name for reader in READERS.values())
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


def _split(stages: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(name, version) of each `name@version`."""
    for stage in stages:
        name, version = stage.split("@")
        yield name, version
