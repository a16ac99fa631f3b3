"""Reading what `communique extract` wrote."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from typer.testing import Result

Invoke = Callable[..., Result]


def records_of(text: str) -> list[dict[str, Any]]:
    """Records from `--format json` output, whether one object or an array."""
    value = json.loads(text)
    return value if isinstance(value, list) else [value]


def jsonl_records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]
