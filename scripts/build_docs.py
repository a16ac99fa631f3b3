"""Regenerate the record's documentation from the code (`make docs`).

Writes docs/record.schema.json, the JSON Schema of Record, and puts the full record of the
founding example, samples/senate-kz-mongolia.ru.txt, as `communique extract` prints it, into
docs/record.md between the markers `<!-- example:start -->` and `<!-- example:end -->`.
Run it after any change to the record's models or to what the pipeline extracts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from communique.cli.output import records_json, schema_json, write_atomically
from communique.ingest import ReadFailure, read_path
from communique.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "docs" / "record.schema.json"
RECORD_DOC = ROOT / "docs" / "record.md"
# Relative on purpose: it becomes the record's `path`, the same on every machine.
EXAMPLE = "samples/senate-kz-mongolia.ru.txt"
START, END = "<!-- example:start -->", "<!-- example:end -->"


def example_json() -> str:
    """The example's record, read and extracted exactly as `communique extract` does it."""
    (document,) = read_path(EXAMPLE)
    if isinstance(document, ReadFailure):
        raise SystemExit(f"cannot read the example: {document.describe()}")
    return records_json([Pipeline().process(document)])


def with_example(markdown: str, example: str) -> str:
    """`markdown` with everything between the markers replaced by `example` in a JSON block."""
    start, end = markdown.find(START), markdown.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{RECORD_DOC}: needs {START} followed by {END}")
    block = f"{START}\n```json\n{example}```\n"
    return markdown[:start] + block + markdown[end:]


def main() -> int:
    os.chdir(ROOT)
    write_atomically(SCHEMA, schema_json())
    markdown = RECORD_DOC.read_text(encoding="utf-8")
    write_atomically(RECORD_DOC, with_example(markdown, example_json()))
    print(f"wrote {SCHEMA.relative_to(ROOT)} and the example in {RECORD_DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
