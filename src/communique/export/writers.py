"""One writer per export format; each writes a whole file or nothing."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from communique.export.cells import csv_cell
from communique.export.gdelt import STATUSES as GDELT_STATUSES
from communique.export.gdelt import event_code, gdelt_row
from communique.export.plover import plover_event
from communique.store.queries import Table

# What an export keeps unless asked for every status: events that took place, were reported,
# or are planned (written as the formats code future acts). Negated ones did not happen.
DEFAULT_STATUSES = ("happened", "reported", "planned")
_PARQUET_BATCH = 500

# One Parquet type per column name, so every export of a kind has the same schema whatever
# its rows hold (an empty or filtered export included); any other column is VARCHAR.
PARQUET_TYPES = {
    **dict.fromkeys(
        ("source", "target", "source_countries", "target_countries", "parties", "countries",
         "who", "to", "names", "names_latin", "positions"),
        "VARCHAR[]",
    ),
    **dict.fromkeys(("joint", "unnamed"), "BOOLEAN"),
    "goldstein": "DOUBLE",
    **dict.fromkeys(
        ("span_start", "span_end", "what_start", "what_end", "sources", "documents", "stories"),
        "BIGINT",
    ),
}  # fmt: skip


@dataclass
class ExportOptions:
    statuses: tuple[str, ...] = DEFAULT_STATUSES  # events kept, by status
    bom: bool = True  # CSV: UTF-8 with a byte-order mark, which spreadsheets need
    # per (document_id, event_id): queries.event_details, for PLOVER and GDELT
    details: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)


@dataclass
class ExportSummary:
    written: int = 0
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> events

    def leave_out(self, reason: str) -> None:
        self.left_out[reason] = self.left_out.get(reason, 0) + 1


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed onto it if the block succeeds, else removed."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _plain(value: Any) -> Any:
    return bytes(value).hex() if isinstance(value, bytes | bytearray | memoryview) else value


def _jsonl(table: Table, path: Path, options: ExportOptions) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in table.dicts():
            handle.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
            handle.write("\n")


def _csv(table: Table, path: Path, options: ExportOptions) -> None:
    """Lists as JSON in their cell (unambiguous, read back by any CSV reader plus a JSON parser);
    UTF-8 with a byte-order mark unless asked not to, so a spreadsheet reads Cyrillic as UTF-8."""
    with path.open("w", encoding="utf-8-sig" if options.bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow(csv_cell(v) for v in row)


def _parquet(table: Table, path: Path, options: ExportOptions) -> None:
    """Through an in-memory DuckDB, which writes Parquet itself: no pyarrow (~40 MB) needed."""
    import duckdb

    types = [PARQUET_TYPES.get(c, "VARCHAR") for c in table.columns]
    rows = [
        [str(v) if t == "VARCHAR" and v is not None else v for v, t in zip(row, types, strict=True)]
        for row in table.rows
    ]
    connection = duckdb.connect(":memory:")
    try:
        names = [f'"{c}"' for c in table.columns]  # our own column names, quoted: "to", "by"
        definitions = ", ".join(f"{n} {t}" for n, t in zip(names, types, strict=True))
        connection.execute(f"CREATE TABLE export ({definitions})")
        marks = "(" + ", ".join("?" * len(names)) + ")"
        for start in range(0, len(rows), _PARQUET_BATCH):
            chunk = rows[start : start + _PARQUET_BATCH]
            connection.execute(
                f"INSERT INTO export VALUES {', '.join([marks] * len(chunk))}",
                [v for row in chunk for v in row],
            )
        # The path is a parameter-free literal: DuckDB's COPY takes no parameters, so quotes in
        # it are doubled.
        target = str(path).replace("'", "''")
        connection.execute(f"COPY export TO '{target}' (FORMAT PARQUET)")
    finally:
        connection.close()


def _plover(table: Table, path: Path, options: ExportOptions) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in table.dicts():
            record = plover_event(row, options.details[(row["document_id"], row["event_id"])])
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _gdelt(table: Table, path: Path, options: ExportOptions) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for row in table.dicts():
            fields = gdelt_row(row, options.details[(row["document_id"], row["event_id"])])
            if fields is not None:
                handle.write("\t".join(fields) + "\n")


@dataclass(frozen=True)
class ExportFormat:
    """A file format `communique export` writes: its writer and what it can hold."""

    name: str
    write: Callable[[Table, Path, ExportOptions], None]
    events_only: bool = False  # an event data format (PLOVER, GDELT): no actors or agreements
    # per event, the details of queries.event_details (its actors, its evidence) as well
    needs_details: bool = False
    whole_records: bool = False  # also writes whole records and documents (--what records)
    # the only event statuses the format can mark (None: any); others are left out
    statuses: tuple[str, ...] | None = None
    # why the format cannot write an event of a status it marks (None: it can), for the summary
    refuses: Callable[[dict[str, Any]], str | None] | None = None


# Every export format, in the order `--format` lists them: the command, its help and
# `write_export` all read this registry.
FORMATS: dict[str, ExportFormat] = {}


def register(export_format: ExportFormat) -> ExportFormat:
    if export_format.name in FORMATS:
        raise ValueError(f"export format {export_format.name!r} is registered twice")
    FORMATS[export_format.name] = export_format
    return export_format


register(ExportFormat("jsonl", _jsonl, whole_records=True))
register(ExportFormat("csv", _csv))
register(ExportFormat("parquet", _parquet))
register(ExportFormat("plover", _plover, events_only=True, needs_details=True))


def _gdelt_refuses(event: dict[str, Any]) -> str | None:
    return "planned, with no CAMEO intent code" if event_code(event) is None else None


register(
    ExportFormat(
        "gdelt",
        _gdelt,
        events_only=True,
        needs_details=True,
        statuses=GDELT_STATUSES,
        refuses=_gdelt_refuses,
    )
)
EVENT_ONLY_FORMATS = tuple(name for name, f in FORMATS.items() if f.events_only)


def kept(table: Table, kind: str, fmt: str, options: ExportOptions) -> tuple[Table, ExportSummary]:
    """The rows an export writes: events of the statuses it keeps (GDELT, which cannot mark a
    status, never a negated one, nor a planned one CAMEO has no intent code for)."""
    summary = ExportSummary()
    marked, refuses = FORMATS[fmt].statuses, FORMATS[fmt].refuses
    if kind != "events":
        summary.written = len(table.rows)
        return table, summary
    status = table.columns.index("status")
    rows = []
    for row in table.rows:
        if row[status] not in options.statuses:
            summary.leave_out(f"status {row[status]}")
        elif marked is not None and row[status] not in marked:
            summary.leave_out(f"status {row[status]} ({fmt.upper()} cannot mark it)")
        elif refuses and (reason := refuses(dict(zip(table.columns, row, strict=True)))):
            summary.leave_out(reason)
        else:
            rows.append(row)
    summary.written = len(rows)
    return Table(table.columns, rows), summary


def write_export(
    table: Table, kind: str, fmt: str, path: Path, options: ExportOptions | None = None
) -> ExportSummary:
    options = options or ExportOptions()
    export_format = FORMATS[fmt]
    if export_format.events_only and kind != "events":
        raise ValueError(f"--format {fmt} writes events only")
    table, summary = kept(table, kind, fmt, options)
    with _atomic(path) as temporary:
        export_format.write(table, temporary, options)
    return summary


def write_models(models: Iterable[BaseModel], path: Path) -> int:
    """Whole records (or documents) as JSON Lines, one at a time: the shape `communique
    extract --format jsonl` writes and `communique ingest` reads back."""
    count = 0
    with _atomic(path) as temporary, temporary.open("w", encoding="utf-8") as handle:
        for model in models:
            handle.write(model.model_dump_json() + "\n")
            count += 1
    return count
