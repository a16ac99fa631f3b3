"""Records already extracted: the JSON Lines `communique extract --format jsonl` writes.

Extraction can then run anywhere (a laptop, a cluster) and the storing centrally: `communique
ingest records.jsonl` stores them without running the pipeline again. A file is a records file
when its first non-blank line is a JSON object carrying `schema_version`, a field every record
has and no document has; every later line must then be a record too, and one that is not is a
ReadFailure for that line alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from communique.errors import CommuniqueError, MalformedInputError
from communique.ingest.jsonl import _bounded_lines, _parse_object
from communique.ingest.results import ReadFailure, failure
from communique.record import SCHEMA_VERSION, Record

# The field that tells a record from a document: Record has it, a document line never does.
RECORD_MARK = "schema_version"
# A record is its text plus every fact found in it, with offsets and names: a line may be this
# many times the limit on a document's size.
RECORD_SIZE_FACTOR = 20
# How far into a file the first line is looked for when telling records from documents.
_SNIFF_BYTES = 1 << 20


def is_records_file(path: Path) -> bool:
    """Whether `path` is a regular file whose first non-blank line is a JSON object with
    `schema_version` (what `communique extract` writes); anything unreadable is not."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            for line in _bounded_lines(handle, _SNIFF_BYTES):
                if line is None:
                    return False
                if line.strip():
                    return _first_line_is_record(line)
    except OSError:
        return False
    return False


def _first_line_is_record(line: bytes) -> bool:
    try:
        value = json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(value, dict) and RECORD_MARK in value


def read_records(path: Path, *, max_bytes: int) -> Iterator[Record | ReadFailure]:
    """Each record of a records file in order; a line that is no valid record is a ReadFailure
    naming the file and line, and the lines after it are read all the same. `max_bytes` is the
    limit on a document: a line may hold RECORD_SIZE_FACTOR times that."""
    source = str(path)
    max_bytes *= RECORD_SIZE_FACTOR
    first_line_of: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, line in enumerate(_bounded_lines(handle, max_bytes), start=1):
            if line is not None and not line.strip():
                continue
            try:
                record = _record(line, number, max_bytes)
                if record.id in first_line_of:
                    first = first_line_of[record.id]
                    raise MalformedInputError(f"duplicate id {record.id!r} (first on line {first})")
            except CommuniqueError as error:
                yield failure(error, source=source, line=number)
                continue
            first_line_of[record.id] = number
            yield record


def _record(line: bytes | None, number: int, max_bytes: int) -> Record:
    if line is None:
        raise MalformedInputError(f"record longer than the limit of {max_bytes:,} bytes")
    value = _parse_object(line, number)
    version = value.get(RECORD_MARK)
    if version is None:
        raise MalformedInputError(
            f"not a record: no {RECORD_MARK!r}, a document among records (a records file holds "
            "only what `communique extract` writes)"
        )
    if not isinstance(version, str) or version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise MalformedInputError(
            f"not a record of this Communique: schema {version!r}, this one reads schema "
            f"{SCHEMA_VERSION} (ingest its documents instead)"
        )
    try:
        return Record.model_validate(value)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "record"
        raise MalformedInputError(
            f"not a record: {where}: {first['msg']} ({error.error_count()} error(s))"
        ) from None
