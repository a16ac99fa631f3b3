"""A query's table as JSON or CSV text: one writer for `communique query --format json|csv`
and the API's JSON and CSV answers, so both give the same cells."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from io import StringIO
from typing import Any

from communique.export.cells import csv_cell
from communique.store.queries import Table


def plain(value: Any) -> Any:
    """A cell as JSON has it: lists stay lists, dates become ISO text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def table_json(table: Table) -> str:
    """The rows as a JSON array of objects, one per row."""
    rows = [{c: plain(v) for c, v in row.items()} for row in table.dicts()]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def table_csv(table: Table) -> str:
    """The rows as CSV with a header line, lists joined by ", " and every cell spreadsheet-safe."""
    buffer = StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([csv_cell(v, lists="joined") for v in row] for row in table.rows)
    return buffer.getvalue()
