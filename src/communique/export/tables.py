"""A query's table as text, JSON or CSV: the formats `communique query --format` and the API's
answers and streamed exports share, registered once in TEXT_FORMATS so both give the same
cells."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
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


def _json_stream(batches: Iterable[Table]) -> Iterator[str]:
    """One JSON array of every batch's rows, a row per line, written as the batches come."""
    yield "["
    separator = "\n"
    for table in batches:
        for row in table.dicts():
            cells = {column: plain(value) for column, value in row.items()}
            yield separator + json.dumps(cells, ensure_ascii=False)
            separator = ",\n"
    yield "\n]\n"


def _csv_stream(batches: Iterable[Table]) -> Iterator[str]:
    """One CSV file of every batch's rows (the header once), UTF-8 with a byte order mark so a
    spreadsheet reads Cyrillic right."""
    yield "\ufeff"
    first = True
    for table in batches:
        text = table_csv(table)
        yield text if first else text.split("\n", 1)[1]
        first = False


@dataclass(frozen=True)
class TextFormat:
    """A text format of a query's table: all at once (`text`) or batch by batch (`stream`)."""

    name: str
    media_type: str
    text: Callable[[Table], str]
    stream: Callable[[Iterable[Table]], Iterator[str]]


TEXT_FORMATS: dict[str, TextFormat] = {
    "json": TextFormat("json", "application/json", table_json, _json_stream),
    "csv": TextFormat("csv", "text/csv; charset=utf-8", table_csv, _csv_stream),
}
