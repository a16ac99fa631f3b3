"""Cells of a CSV file meant to be opened in a spreadsheet: one place for every CSV writer (the
API's CSV answers, `query --format csv` and `export --format csv`)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

# OWASP "CSV Injection": a spreadsheet runs a cell starting with one of these as a formula
# (=HYPERLINK(...), +cmd|..., -2+3, @SUM(...)); tab and carriage return let a formula hide behind
# whitespace that some spreadsheets strip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """Text a spreadsheet shows as written: a leading apostrophe before a formula-like start
    (the apostrophe is the spreadsheet's own "this is text" mark, shown by none of them)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: Any, *, lists: str = "json") -> str:
    """A value as a spreadsheet-safe CSV cell: None empty, booleans true/false, numbers as
    numbers (a negative Goldstein weight stays a number), dates ISO, lists as JSON (or joined
    by ", " with lists="joined"), and any text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # repr's digits: the number read back is the number written
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, list):
        if lists == "joined":
            return neutralised(", ".join("" if v is None else str(v) for v in value))
        return neutralised(json.dumps(value, ensure_ascii=False))
    return neutralised(str(value))
