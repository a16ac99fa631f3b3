"""docs/ follows the code: the schema file is the models' schema, the example in record.md is a
valid record of the sample, and record.md documents every field. `make docs` fixes the first
two; the third needs a sentence in record.md."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import BaseModel

from communique.record import SCHEMA_VERSION, Record

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "record.schema.json"
RECORD_DOC = ROOT / "docs" / "record.md"
RERUN = "out of date with communique.record: run `make docs`"


def _build_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts" / "build_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """`model` and every model its fields hold, by name."""
    found = {model.__name__: model}
    for field in model.model_fields.values():
        for inner in _types_in(field.annotation):
            if inner.__name__ not in found:
                found |= _models(inner)
    return found


def _types_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [t for arg in getattr(annotation, "__args__", ()) for t in _types_in(arg)]


def _example() -> dict:
    markdown = RECORD_DOC.read_text(encoding="utf-8")
    match = re.search(
        r"<!-- example:start -->\n```json\n(.*?)```\n<!-- example:end -->", markdown, re.S
    )
    assert match, "docs/record.md has no example between its markers: run `make docs`"
    return json.loads(match.group(1))


def test_schema_file_matches_the_models() -> None:
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == Record.model_json_schema(), (
        f"docs/record.schema.json is {RERUN}"
    )


def test_example_is_a_current_record_of_the_sample() -> None:
    example = _example()
    record = Record.model_validate(example)
    assert record.schema_version == SCHEMA_VERSION, f"the example in docs/record.md is {RERUN}"
    assert set(example) == set(Record.model_fields), f"the example in docs/record.md is {RERUN}"
    sample = ROOT / "samples" / "senate-kz-mongolia.ru.txt"
    assert record.text == sample.read_text(encoding="utf-8")
    assert all(record.text[m.start : m.end] == m.text for m in record.mentions)


@pytest.mark.parametrize("name", sorted(_models(Record)))
def test_every_field_is_documented(name: str) -> None:
    markdown = RECORD_DOC.read_text(encoding="utf-8")
    missing = [f for f in _models(Record)[name].model_fields if f"`{f}`" not in markdown]
    assert not missing, f"docs/record.md does not document {name}: {', '.join(missing)}"


def test_example_goes_between_the_markers() -> None:
    build_docs = _build_docs()
    markdown = "intro\n<!-- example:start -->\nold\n<!-- example:end -->\noutro\n"
    once = build_docs.with_example(markdown, '{"id": "x"}\n')
    assert once == (
        'intro\n<!-- example:start -->\n```json\n{"id": "x"}\n```\n<!-- example:end -->\noutro\n'
    )
    assert build_docs.with_example(once, '{"id": "x"}\n') == once
    with pytest.raises(SystemExit):
        build_docs.with_example("no markers", "{}")


def test_the_documented_example_is_what_the_pipeline_gives(pipeline) -> None:
    """docs/record.md shows the founding release's record as `communique extract` prints it
    today: any change to what is extracted from it must come with `make docs`."""
    from communique.cli.output import records_json
    from communique.ingest import read_path

    (document,) = read_path(_build_docs().EXAMPLE)
    current = json.loads(records_json([pipeline.process(document)]))
    current = current[0] if isinstance(current, list) else current
    documented = _example()
    differing = sorted(
        k for k in set(current) | set(documented) if current.get(k) != documented.get(k)
    )
    assert not differing, f"docs/record.md's example differs in {differing}: {RERUN}"
