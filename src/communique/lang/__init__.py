"""One package per language: the parts that read a language natively, behind one contract.

A language package supplies a *reader*: a function `(Document, Knowledge) -> Record` that fills
the record's extracted fields (sentences, mentions, actors, occupations, events, agreements,
commitments, topics, home country) from the text alone. The pipeline looks readers up here by
the document's ISO 639-1 code and adds the document's metadata and the stage versions itself, so
nothing above this package names a language.

Russian still reads through `extract/` and `resolve/` (the seam is not moved for it yet, issue
11); Kazakh (`kk`, a CRF tagger trained on KazNERD and a suffix stripper) and English (`en`,
spaCy with an entity ruler from the knowledge base) read through their own packages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from communique.document import Document
from communique.knowledge.base import Knowledge
from communique.record import Record

Reader = Callable[[Document, Knowledge], Record]


@dataclass(frozen=True)
class LanguageReader:
    """Where a language's reader lives; imported only when a document in it is read, so a run
    over Russian text never loads spaCy or the Kazakh tagger."""

    code: str
    name: str
    module: str
    function: str

    def load(self) -> Reader:
        reader: Reader = getattr(import_module(self.module), self.function)
        return reader

    @property
    def version(self) -> str:
        """`name@version` of the reader, as its module declares it (`READER`)."""
        version: str = import_module(self.module).READER
        return version


READERS: dict[str, LanguageReader] = {
    reader.code: reader
    for reader in (
        LanguageReader("kk", "Kazakh", "communique.lang.kk.read", "read_kazakh"),
        LanguageReader("en", "English", "communique.lang.en.read", "read_english"),
    )
}
