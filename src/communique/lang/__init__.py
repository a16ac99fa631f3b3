"""One package per language: the parts that read a language natively, behind one contract.

A language package supplies a *reader*: a function `(Document, Knowledge) -> Record` that fills
the record's extracted fields (sentences, mentions, actors, occupations, events, agreements,
commitments, topics, home country) from the text alone. The pipeline looks readers up here by
the document's ISO 639-1 code and adds the document's metadata and the stage versions itself, so
nothing above this package names a language.

Russian (`ru`, Natasha's taggers and parser with pymorphy3, read by `extract/` and `resolve/`
over the annotation), Kazakh (`kk`, a CRF tagger trained on KazNERD and a suffix stripper) and
English (`en`, spaCy with an entity ruler from the knowledge base) each have a package here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the knowledge base imports the Russian morphology, a package of this one
    from communique.document import Document
    from communique.knowledge.base import Knowledge
    from communique.record import Record

Reader = Callable[["Document", "Knowledge"], "Record"]
# Reads many documents at once, one record each in their order (a tagger's batches kept full).
BatchReader = Callable[[Sequence["Document"], "Knowledge"], list["Record"]]


@dataclass(frozen=True)
class LanguageReader:
    """Where a language's reader lives; imported only when a document in it is read, so a run
    over Russian text never loads spaCy or the Kazakh tagger."""

    code: str
    name: str
    module: str
    function: str
    batch_function: str | None = None  # where the language reads a batch faster than one by one

    def load(self) -> Reader:
        reader: Reader = getattr(import_module(self.module), self.function)
        return reader

    def load_many(self) -> BatchReader:
        """The language's batch reader, else its reader called once per document."""
        if self.batch_function is not None:
            many: BatchReader = getattr(import_module(self.module), self.batch_function)
            return many
        read = self.load()
        return lambda documents, knowledge: [read(d, knowledge) for d in documents]

    @property
    def version(self) -> str:
        """`name@version` of the reader, as its module declares it (`READER`)."""
        version: str = import_module(self.module).READER
        return version

    @property
    def stages(self) -> tuple[str, ...]:
        """`name@version` of each stage a record read in this language lists: the module's
        `STAGES` where its parts are versioned apart (Russian: tagger, extraction, resolution,
        events, so one bumps alone), else its reader's version."""
        module = import_module(self.module)
        return tuple(getattr(module, "STAGES", (module.READER,)))


READERS: dict[str, LanguageReader] = {
    reader.code: reader
    for reader in (
        LanguageReader("ru", "Russian", "communique.lang.ru.read", "read_russian", "read_many"),
        LanguageReader("kk", "Kazakh", "communique.lang.kk.read", "read_kazakh"),
        LanguageReader("en", "English", "communique.lang.en.read", "read_english"),
    )
}

DEFAULT_LANGUAGE = "ru"
"""The language a text of no clear language is read in: the pipeline's first language."""
