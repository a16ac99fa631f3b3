"""What the CLI writes: records as JSON or JSON Lines, the record's schema, and safe file writes."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from communique.record import Record


def records_json(records: Sequence[Record]) -> str:
    """One record as a JSON object, several as an array: `extract file.txt` reads as one record."""
    payload = [record.model_dump(mode="json") for record in records]
    value = payload[0] if len(payload) == 1 else payload
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def records_jsonl(records: Sequence[Record]) -> str:
    """One record a line, whatever their number: the shape for feeds and appending."""
    return "".join(record.model_dump_json() + "\n" for record in records)


def schema_json() -> str:
    """The JSON Schema of Record, as `communique schema` prints it and docs/ keeps it."""
    return json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` so that it is never seen half-written.

    The text goes to a temporary file in the same folder (a rename is atomic only within one file
    system), which then replaces `path`; on any failure the temporary file is removed and `path`
    is left as it was.
    """
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        # mkstemp creates the file readable by its owner only; give it the permissions an
        # ordinary `open(path, "w")` would have.
        temporary.chmod(0o666 & ~_umask())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    # The only way to read the umask is to set it; it is put back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
