"""JSON layout for the hand-edited data files: one field a line, lists kept on one line.

    python -m communique.knowledge.build.jsonfmt src/communique/knowledge/data/positions.json

re-lays a file out after a hand edit (the content is unchanged).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _record(record: dict[str, Any], indent: str) -> str:
    fields = [f"{indent}  {_value(k)}: {_value(v)}" for k, v in record.items()]
    return f"{indent}{{\n" + ",\n".join(fields) + f"\n{indent}}}"


def dumps_records(data: dict[str, Any], items: str) -> str:
    """`data` as JSON, with `data[items]` (a list of flat records) one field a line."""
    head = [f"  {_value(k)}: {_value(v)}" for k, v in data.items() if k != items]
    records = ",\n".join(_record(record, "    ") for record in data[items])
    body = f"  {_value(items)}: [\n{records}\n  ]"
    return "{\n" + ",\n".join([*head, body]) + "\n}\n"


def compact(record: dict[str, Any]) -> dict[str, Any]:
    """The record without empty optional fields (None, empty lists)."""
    return {k: v for k, v in record.items() if v is not None and v != [] and v != ()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    for path in parser.parse_args().files:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = next(k for k, v in data.items() if isinstance(v, list))
        path.write_text(dumps_records(data, items), encoding="utf-8")


if __name__ == "__main__":
    main()
