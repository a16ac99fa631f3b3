"""JSON Lines: one record per line, each a Document or a ReadFailure naming its line."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from communique.document import Document
from communique.errors import (
    CommuniqueError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
)
from communique.ingest.documents import check_id, html_document, with_language
from communique.ingest.results import ReadResult, failure

_OPTIONAL_FIELDS = ("url", "title", "published", "source")
# Skipping the rest of an over-long line is done in pieces of this size, never all at once.
_SKIP_CHUNK = 1 << 20


def read_jsonl(
    stream: BinaryIO, *, source: str, id_prefix: str, path: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    """Documents from the records of `stream`; bad lines become ReadFailures, blank lines none.

    Record ids come from the `id` field, else `<id_prefix>:<line>`. `max_bytes` limits each line.
    """
    first_line_of: dict[str, int] = {}
    for number, line in enumerate(_bounded_lines(stream, max_bytes), start=1):
        if line is not None and not line.strip():
            continue
        try:
            document = _document(line, number, id_prefix=id_prefix, path=path, max_bytes=max_bytes)
            if document.id in first_line_of:
                first = first_line_of[document.id]
                raise MalformedInputError(f"duplicate id {document.id!r} (first on line {first})")
        except CommuniqueError as error:
            yield failure(error, source=source, line=number)
            continue
        first_line_of[document.id] = number
        yield document


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of `stream`, or None for a line over `limit` bytes (skipped, never held whole)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _document(
    line: bytes | None, number: int, *, id_prefix: str, path: str | None, max_bytes: int
) -> Document:
    if line is None:
        raise InputTooLargeError(f"record longer than the limit of {max_bytes:,} bytes")
    record = _parse_object(line, number)
    doc_id = _record_id(record) or f"{id_prefix}:{number}"
    fields = {name: _optional_string(record, name) for name in _OPTIONAL_FIELDS}
    text = _optional_string(record, "text")
    html = _optional_string(record, "html")
    if text is not None:
        if not text.strip():
            raise EmptyInputError("'text' is empty or only whitespace")
        return with_language(
            Document(id=doc_id, text=text, path=path, format="jsonl", encoding="utf-8", **fields)
        )
    if html is not None:
        return html_document(html, doc_id=doc_id, path=path, encoding="utf-8", **fields)
    raise MalformedInputError("record has neither 'text' nor 'html'")


def _parse_object(line: bytes, number: int) -> dict[str, object]:
    if number == 1 and line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingError(f"not valid UTF-8 (byte 0x{line[error.start]:02x})") from None
    try:
        value = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise MalformedInputError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(value, dict):
        raise MalformedInputError(f"expected a JSON object, got {_json_type(value)}")
    for name, field in value.items():
        _check_characters(name, name)
        if isinstance(field, str):
            _check_characters(field, name)
    return value


def _check_characters(text: str, name: str) -> None:
    """JSON may escape a lone UTF-16 surrogate ("\\ud800"): no character, and no text that
    can be stored or written as UTF-8. The record is refused, not the run."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = f"\\u{ord(text[error.start]):04x}"
        raise MalformedInputError(
            f"{name!r} holds the lone surrogate {code}, which is no character"
        ) from None


def _record_id(record: dict[str, object]) -> str | None:
    value = record.get("id")
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return check_id(value)
    # bool is an int subclass, but `true` is no id.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise MalformedInputError(f"'id' must be a non-empty string or an integer, got {value!r}")


def _optional_string(record: dict[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise MalformedInputError(f"{name!r} must be a string, got {_json_type(value)}")


def _json_type(value: object) -> str:
    match value:
        case bool():
            return "a boolean"
        case int() | float():
            return "a number"
        case str():
            return "a string"
        case list():
            return "an array"
        case dict():
            return "an object"
        case _:
            return "null"
