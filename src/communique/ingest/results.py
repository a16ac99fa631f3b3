"""What reading yields: a Document, or a ReadFailure saying where and why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeAlias

from communique.document import Document
from communique.errors import CommuniqueError


@dataclass(frozen=True)
class ReadFailure:
    """An input (or one JSON Lines record) that could not be read; the rest of a walk goes on."""

    source: str
    line: int | None
    error: CommuniqueError

    def describe(self) -> str:
        """One line for the user: source, line if any, and what is wrong."""
        return str(self.error)


ReadResult: TypeAlias = Document | ReadFailure


def failure(error: CommuniqueError, *, source: str, line: int | None = None) -> ReadFailure:
    """Locate an error raised without a source: same class (so same exit code), fuller message."""
    message = f"line {line}: {error}" if line is not None else str(error)
    return ReadFailure(source=source, line=line, error=type(error)(message, source=source))


def split_results(results: Iterable[ReadResult]) -> tuple[list[Document], list[ReadFailure]]:
    """The documents read and the failures met, each in input order."""
    documents: list[Document] = []
    failures: list[ReadFailure] = []
    for item in results:
        if isinstance(item, ReadFailure):
            failures.append(item)
        else:
            documents.append(item)
    return documents, failures
