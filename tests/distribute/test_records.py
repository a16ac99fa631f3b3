"""`ingest` of the JSON Lines `extract` writes: stored as they are, without extracting again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli.main import app
from communique.ingest.records import is_records_file
from communique.store import Target, open_store

from .helpers import dump, write_corpus

runner = CliRunner()


def _stored(database: Path) -> dict[str, list[tuple[object, ...]]]:
    with open_store(Target("duckdb", str(database))) as store:
        tables = dump(store)
        columns, _ = store.backend.fetch("SELECT * FROM documents LIMIT 0")
    # A record does not say whether its document was a text file or HTML.
    fmt = [name for name in columns if not name.endswith("_at")].index("format")
    tables["documents"] = [row[:fmt] + row[fmt + 1 :] for row in tables["documents"]]
    return tables


@pytest.fixture(scope="module")
def corpus_records(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = write_corpus(tmp_path_factory.mktemp("records") / "corpus")
    extracted = runner.invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert extracted.exit_code == 0, extracted.output
    records = folder.parent / "records.jsonl"
    records.write_text(extracted.stdout, encoding="utf-8")
    return folder, records


def test_records_are_stored_as_their_documents_would_be(
    corpus_records: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, records = corpus_records
    direct = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "direct.duckdb")])
    assert direct.exit_code == 0, direct.output

    def no_models() -> None:
        raise AssertionError("records must be stored without running the pipeline")

    monkeypatch.setattr("communique.pipeline.Pipeline", no_models)
    stored = runner.invoke(app, ["ingest", str(records), "--db", str(tmp_path / "rec.duckdb")])
    assert stored.exit_code == 0, stored.output
    assert "9 read, 8 stored (1 joined an existing story), 1 skipped" in stored.output
    assert _stored(tmp_path / "rec.duckdb") == _stored(tmp_path / "direct.duckdb")


def test_a_bad_record_is_an_error_for_its_line_alone(
    corpus_records: tuple[Path, Path], tmp_path: Path
) -> None:
    _, records = corpus_records
    lines = records.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[1])
    broken["events"] = "not a list"
    document = {"id": "plain", "text": "Министры встретились в Астане."}
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        "\n".join([lines[0], json.dumps(broken), json.dumps(document), *lines[2:4], "{oops"])
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ingest", str(mixed), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 6, result.output  # 6: malformed input, as extract's
    assert f"{mixed}: line 2: not a record: events" in result.output
    document_line = f"{mixed}: line 3: not a record: no 'schema_version', a document among"
    assert document_line in result.output
    assert f"{mixed}: line 6: invalid JSON" in result.output
    assert "3 read, 3 stored" in result.output


def test_documents_in_json_lines_are_not_taken_for_records(tmp_path: Path) -> None:
    documents = tmp_path / "documents.jsonl"
    documents.write_text('{"id": "a", "text": "Министры встретились."}\n', encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text('\n{"schema_version": "1.1", "id": "a", "text": "x"}\n', encoding="utf-8")
    assert not is_records_file(documents)
    assert is_records_file(records)
    assert not is_records_file(tmp_path)  # a folder is walked for documents
    assert not is_records_file(tmp_path / "missing.jsonl")
