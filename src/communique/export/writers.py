"""One writer per export format; each writes a whole file or nothing."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.export.cells import csv_cell
from communique.export.gdelt import gdelt_row
from communique.export.plover import plover_event
from communique.store.queries import Table

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
EVENT_ONLY_FORMATS = ("plover", "gdelt")
_PARQUET_BATCH = 500


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


def _jsonl(table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in table.dicts():
            handle.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
            handle.write("\n")


def _csv(table: Table, path: Path, *, bom: bool = True) -> None:
    """Lists as JSON in their cell (unambiguous, read back by any CSV reader plus a JSON parser);
    UTF-8 with a byte-order mark unless asked not to, so a spreadsheet reads Cyrillic as UTF-8."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow(csv_cell(v) for v in row)


def _sql_type(values: list[Any]) -> str:
    """The Parquet column type for a column's Python values (None ignored)."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "BOOLEAN"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "BIGINT"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "DOUBLE"
    if present and all(isinstance(v, list) for v in present):
        return "VARCHAR[]"
    return "VARCHAR"


def _parquet(table: Table, path: Path) -> None:
    """Through an in-memory DuckDB, which writes Parquet itself: no pyarrow (~40 MB) needed."""
    import duckdb

    columns = list(zip(*table.rows, strict=True)) if table.rows else [[] for _ in table.columns]
    types = [_sql_type(list(values)) for values in columns]
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


def _plover(table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in table.dicts():
            handle.write(json.dumps(plover_event(row), ensure_ascii=False) + "\n")


def _gdelt(table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for row in table.dicts():
            handle.write("\t".join(gdelt_row(row)) + "\n")


_WRITERS: dict[str, Callable[[Table, Path], None]] = {
    "jsonl": _jsonl,
    "csv": _csv,
    "parquet": _parquet,
    "plover": _plover,
    "gdelt": _gdelt,
}


def write_export(table: Table, kind: str, fmt: str, path: Path) -> None:
    if fmt in EVENT_ONLY_FORMATS and kind != "events":
        raise ValueError(f"--format {fmt} writes events only")
    with _atomic(path) as temporary:
        _WRITERS[fmt](table, temporary)
