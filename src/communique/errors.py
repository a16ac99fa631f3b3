"""Errors a user can get from bad input, each with its own process exit code."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: a clear message for the user and a distinct exit code for scripts."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class EmptyInputError(CommuniqueError):
    exit_code = 3


class BinaryInputError(CommuniqueError):
    exit_code = 4


class EncodingError(CommuniqueError):
    exit_code = 5


class MalformedInputError(CommuniqueError):
    """Malformed JSON Lines or HTML with no extractable text."""

    exit_code = 6


class InputTooLargeError(CommuniqueError):
    exit_code = 7


class UnreadableInputError(CommuniqueError):
    """A path that does not exist or cannot be opened (permissions, broken link...)."""

    exit_code = 9


class NoSpaceError(CommuniqueError):
    """The disk is full (or the user's quota is): what was being written is not kept half
    written, and what was stored before stays."""

    exit_code = 11


class WorkerError(CommuniqueError):
    """Extraction elsewhere failed for good: a local worker process died, or a Dask cluster
    cannot be reached or gave up on a batch. What was stored before stays stored."""

    exit_code = 12


class PipelineMismatchError(CommuniqueError):
    """A worker process whose Communique (code or knowledge data) differs from the one that sent
    it work: its records would not be those the sender makes."""

    exit_code = 12


# Not raised: the exit code the CLI uses when some documents came back as unsupported-language
# records (kept, marked, not processed).
UNSUPPORTED_LANGUAGE_EXIT_CODE = 8
