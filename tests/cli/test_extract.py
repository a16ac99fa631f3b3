"""`communique extract` on good input: formats, --output, folders, stdin, offsets; and `schema`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from communique.record import Record

from .helpers import Invoke, jsonl_records, records_of

ROOT = Path(__file__).resolve().parents[2]
SENATE = ROOT / "samples" / "senate-kz-mongolia.ru.txt"
RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров провёл в Москве переговоры с министром "
    "иностранных дел Казахстана. Стороны обсудили вопросы двустороннего сотрудничества."
)


@pytest.fixture(scope="module")
def senate_json(cli: Invoke) -> dict[str, Any]:
    result = cli("extract", str(SENATE))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _assert_offsets_index_text(record: dict[str, Any]) -> None:
    text = record["text"]
    for mention in record["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"], mention
    for sentence in record["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(text)
    for occupation in record["occupations"]:
        title, evidence = occupation["title"], occupation["evidence"]
        assert 0 <= evidence["start"] <= title["start"] < title["end"] <= evidence["end"]
        assert evidence["end"] <= len(text)


def test_json_is_one_record_with_offsets_into_its_text(senate_json: dict[str, Any]) -> None:
    record = Record.model_validate(senate_json)
    assert record.id == "senate-kz-mongolia.ru"
    assert record.text == SENATE.read_text(encoding="utf-8")
    _assert_offsets_index_text(senate_json)
    names = {a.name for a in record.actors if a.kind.value == "person"}
    assert "Маулен Ашимбаев" in names


def test_cli_gives_the_pipeline_record(senate_json: dict[str, Any], senate_release: Record) -> None:
    """The CLI adds file details (id, path, encoding) and nothing else."""
    record = Record.model_validate(senate_json)
    for field in ("mentions", "actors", "occupations", "sentences", "pipeline", "home_country"):
        assert getattr(record, field) == getattr(senate_release, field), field


def test_jsonl_is_one_record_a_line(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RUSSIAN, encoding="utf-8")
    result = cli("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl_records(result.stdout)] == ["a", "b"]


def test_json_of_several_documents_is_an_array(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RUSSIAN, encoding="utf-8")
    result = cli("extract", str(tmp_path / "a.txt"), str(SENATE))
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)
    assert [r["id"] for r in records_of(result.stdout)] == ["a", "senate-kz-mongolia.ru"]


@pytest.mark.parametrize("output_format", ["json", "jsonl", "table"])
def test_output_file_holds_what_stdout_would(
    cli: Invoke, tmp_path: Path, output_format: str
) -> None:
    output = tmp_path / f"out.{output_format}"
    result = cli("extract", str(SENATE), "-f", output_format, "-o", str(output))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = output.read_text(encoding="utf-8")
    if output_format == "table":
        assert "senate-kz-mongolia.ru" in written and "Маулен Ашимбаев" in written
    else:
        assert written == cli("extract", str(SENATE), "-f", output_format).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [output.name]  # no temporary file left


def test_folder_is_walked_in_sorted_order(cli: Invoke, tmp_path: Path) -> None:
    shutil.copy(SENATE, tmp_path / "b.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(RUSSIAN, encoding="utf-8")
    result = cli("extract", str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = jsonl_records(result.stdout)
    assert [r["id"] for r in records] == ["b", "a"]
    assert records[1]["path"] == str(tmp_path / "sub" / "a.txt")


def test_stdin(cli: Invoke) -> None:
    result = cli("extract", "-", input=RUSSIAN.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record["id"] == "stdin" and record["text"] == RUSSIAN
    _assert_offsets_index_text(record)
    persons = [m for m in record["mentions"] if m["type"] == "PERSON"]
    assert [m["normal"] for m in persons] == ["Сергей Лавров"]


def test_schema_is_the_record_json_schema(cli: Invoke, tmp_path: Path) -> None:
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Record" and schema["type"] == "object"
    assert set(schema["properties"]) == set(Record.model_fields)
    assert {"Mention", "Actor", "Occupation", "Span", "Stage"} <= set(schema["$defs"])
    assert set(schema["required"]) >= {"id", "text"}
    output = tmp_path / "schema.json"
    assert cli("schema", "-o", str(output)).exit_code == 0
    assert output.read_text(encoding="utf-8") == result.stdout
