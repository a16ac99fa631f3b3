"""Turning sources into Documents: files, directories, stdin and bytes; text, HTML and JSON Lines.

Every input yields a Document or a ReadFailure (never an exception for bad input), so one bad
file or record does not stop a walk.
"""

from communique.ingest.language import detect_language
from communique.ingest.reader import DEFAULT_MAX_BYTES, FORMATS, read_bytes, read_path
from communique.ingest.results import ReadFailure, ReadResult, split_results

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ReadFailure",
    "ReadResult",
    "detect_language",
    "read_bytes",
    "read_path",
    "split_results",
]
