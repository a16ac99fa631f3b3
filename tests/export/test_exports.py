"""Each export against its specification, on a release whose facts are known in advance."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner, Result

from communique.cli.common import TableFormat, render
from communique.cli.main import app
from communique.document import Document
from communique.export.cells import csv_cell, neutralised
from communique.export.gdelt import COLUMNS, dated
from communique.export.plover import plover_schema
from communique.record import Record
from communique.store import Target, open_store
from communique.store.queries import Table, lead_end

from .conftest import HOSTILE_TITLE, LEAD, release

GDELT_COLUMNS = (
    Path(__file__).resolve().parents[2].parent
    / "shared/datasets/gdelt-cameo/GDELT_2.0_Events_columns.csv"
)
runner = CliRunner()


def export(target: Target, path: Path, *args: str) -> Result:
    result = runner.invoke(app, ["--db", target.location, "export", "-o", str(path), *args])
    assert result.exit_code == 0, result.output
    return result


def plover_lines(target: Target, tmp_path: Path, *args: str) -> list[dict]:
    out = tmp_path / "events.plover"
    export(target, out, "-f", "plover", *args)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


# --- PLOVER -------------------------------------------------------------------------------------


def test_every_plover_record_validates_against_the_manuals_schema(
    stored: Target, tmp_path: Path
) -> None:
    validator = jsonschema.Draft202012Validator(plover_schema())
    records = plover_lines(stored, tmp_path, "--all-statuses")
    assert len(records) == 4
    for record in records:
        validator.validate(record)


def test_the_schema_refuses_what_the_manual_does_not_define() -> None:
    validator = jsonschema.Draft202012Validator(plover_schema())
    good = {"id": "x", "date": "2025-03-12", "actor": [{"code": "KAZ"}], "event": ["CONSULT"]}
    assert validator.is_valid(good)
    assert not validator.is_valid(good | {"mode": ["host"]})  # not a PLOVER mode
    assert not validator.is_valid(good | {"event": ["CONSULT"], "mode": ["discontinue"]})
    assert not validator.is_valid(good | {"date": "2025-03"})  # YYYY-MM-DD only
    assert not validator.is_valid(good | {"context": ["economy"]})
    assert not validator.is_valid({k: v for k, v in good.items() if k != "actor"})
    assert validator.is_valid(good | {"event": ["SANCTION"], "mode": ["discontinue"]})


def test_plover_codes_hosting_as_the_visitors_visit(stored: Target, tmp_path: Path) -> None:
    hosted = next(r for r in plover_lines(stored, tmp_path) if r["id"].endswith("/e0"))
    assert hosted["event"] == ["CONSULT"] and hosted["mode"] == ["visit"]
    assert [a["entity_text"] for a in hosted["actor"]] == ["Ион Попеску"]
    assert hosted["actor"][0]["code"] == "ROU"  # PLOVER's codes are ISO's
    assert hosted["recipient"][0] | {} == {
        "code": "KAZ", "sector": "LEG", "entity_text": "Маулен Ашимбаев",
        "identifier_text": "Maulen Ashimbayev", "office": "Chairman of the Senate",
    }  # fmt: skip
    assert hosted["date"] == "2025-03-12"  # no date in the text: the release's
    assert hosted["communique"]["dated_by"] == "published"
    assert hosted["event_text"] == [LEAD]
    assert hosted["cite_info"]["url"] == "https://example.invalid/release"


def test_plover_codes_a_planned_meeting_as_agree_and_kosovo_as_kos(
    stored: Target, tmp_path: Path
) -> None:
    planned = next(r for r in plover_lines(stored, tmp_path) if r["id"].endswith("/e2"))
    assert planned["event"] == ["AGREE"] and planned["mode"] == []
    assert planned["date"] == "2025-05-20"
    assert planned["recipient"][0]["code"] == "KOS"
    assert planned["communique"]["status"] == "planned"


def test_a_month_only_date_says_how_the_record_is_dated(stored: Target, tmp_path: Path) -> None:
    month = next(r for r in plover_lines(stored, tmp_path) if r["id"].endswith("/e3"))
    assert month["date"] == "2025-03-12"
    assert month["communique"]["date_stated"] == "2025-03"
    assert month["communique"]["date_precision"] == "month"


def test_negated_events_are_left_out_unless_asked_and_then_marked(
    stored: Target, tmp_path: Path
) -> None:
    assert all(r["communique"]["status"] != "negated" for r in plover_lines(stored, tmp_path))
    everything = plover_lines(stored, tmp_path, "--all-statuses")
    negated = next(r for r in everything if r["communique"]["status"] == "negated")
    assert "negation" in negated["context"]
    # a joint act: both sides are the actor, no recipient
    assert {a["code"] for a in negated["actor"]} == {"KAZ", "ROU"} and negated["recipient"] == []


# --- GDELT --------------------------------------------------------------------------------------


def _gdelt(target: Target, tmp_path: Path, *args: str) -> list[dict]:
    """The export loaded with the 61-column schema of GDELT 2.0, types included."""
    out = tmp_path / "events.gdelt"
    export(target, out, "-f", "gdelt", *args)
    with GDELT_COLUMNS.open(encoding="utf-8") as handle:
        schema = [(r["tableId"], r["dataType"]) for r in csv.DictReader(handle)]
    assert [name for name, _ in schema] == list(COLUMNS)
    types = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
    columns = {name: types[kind] for name, kind in schema}
    connection = duckdb.connect()
    relation = connection.read_csv(
        str(out), delimiter="\t", header=False, columns=columns, quotechar="", auto_detect=False
    )
    names = relation.columns
    return [dict(zip(names, row, strict=True)) for row in relation.fetchall()]


@pytest.mark.skipif(not GDELT_COLUMNS.exists(), reason="shared GDELT column list not present")
def test_gdelt_rows_load_with_the_61_column_schema(stored: Target, tmp_path: Path) -> None:
    rows = {r["EventCode"] + "/" + str(r["IsRootEvent"]): r for r in _gdelt(stored, tmp_path)}
    assert len(rows) == 3  # the negated signing is not a row
    assert all(r["SQLDATE"] and r["FractionDate"] and r["MonthYear"] for r in rows.values())
    hosted = rows["042/1"]  # in the lead: the ambassador's visit to the Speaker
    assert (hosted["Actor1Code"], hosted["Actor1CountryCode"]) == ("ROMGOV", "ROM")
    assert (hosted["Actor2Code"], hosted["Actor2Name"]) == ("KAZLEG", "MAULEN ASHIMBAYEV")
    assert hosted["SQLDATE"] == 20250312 and hosted["GoldsteinScale"] == 1.9
    assert hosted["AvgTone"] == 0 and hosted["ActionGeo_Type"] == 0
    planned = rows["036/0"]  # a planned meeting: CAMEO's intent to meet
    assert planned["SQLDATE"] == 20250520 and planned["Year"] == 2025
    assert planned["FractionDate"] == pytest.approx(2025 + (4 * 30 + 20) / 365, abs=1e-4)
    assert planned["Actor2Code"] == "KSVGOV" and planned["Actor2Name"] == "LIRA KHOTI"
    assert planned["QuadClass"] == 1 and planned["EventRootCode"] == "03"
    assert rows["040/0"]["SQLDATE"] == 20250312  # a month in the text: the release's day


@pytest.mark.skipif(not GDELT_COLUMNS.exists(), reason="shared GDELT column list not present")
def test_gdelt_never_writes_a_negated_event(stored: Target, tmp_path: Path) -> None:
    rows = _gdelt(stored, tmp_path, "--all-statuses")
    assert "057" not in {r["EventCode"] for r in rows}
    refused = runner.invoke(
        app,
        ["--db", stored.location, "export", "-f", "gdelt", "-o", str(tmp_path / "n.gdelt"),
         "--status", "negated"],
    )  # fmt: skip
    assert refused.exit_code == 2 and "negated" in refused.output


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_opens_in_a_spreadsheet(stored: Target, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(stored, out, "-f", "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["title"] for r in rows} == {"'" + HOSTILE_TITLE}
    assert {r["joint"] for r in rows} == {"false"}
    assert {r["goldstein"] for r in rows} >= {"1.9", "1.0"}
    plain = tmp_path / "plain.csv"
    export(stored, plain, "-f", "csv", "--no-bom")
    assert plain.read_bytes().startswith(b"date,")


def test_one_neutralising_rule_for_every_csv_writer() -> None:
    for text in ("=1+1", "+7 701", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert neutralised(text).startswith("'")
    assert neutralised("Астана") == "Астана"
    assert csv_cell(-5.0) == "-5.0"  # a negative number stays a number
    assert csv_cell(["=cmd", "x"], lists="joined") == "'=cmd, x"
    table = Table(["title", "joint", "n"], [["=HYPERLINK(1)", True, -3]])
    assert render(table, TableFormat.CSV) == "title,joint,n\n'=HYPERLINK(1),true,-3\n"


# --- Parquet ------------------------------------------------------------------------------------


def _schema(path: Path) -> list[tuple[str, str]]:
    return (
        duckdb.connect().execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
    )


@pytest.mark.parametrize("kind", ["events", "actors", "agreements", "commitments"])
def test_parquet_has_one_schema_per_kind(stored: Target, tmp_path: Path, kind: str) -> None:
    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    export(stored, full, "-f", "parquet", "--what", kind)
    export(stored, empty, "-f", "parquet", "--what", kind, "--since", "2030")
    assert _schema(full) == _schema(empty)


# --- whole records and documents ----------------------------------------------------------------


def test_records_export_is_the_stored_record_whole(stored: Target, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    export(stored, out, "-f", "jsonl", "--what", "records")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = Record.model_validate_json(lines[0])
    with open_store(stored) as store:
        assert record == store.load("test-release")
    assert record.events == release().events and record.text == release().text


def test_documents_export_reads_back_as_documents(stored: Target, tmp_path: Path) -> None:
    out = tmp_path / "documents.jsonl"
    export(stored, out, "-f", "jsonl", "--what", "documents")
    document = Document.model_validate_json(out.read_text(encoding="utf-8").splitlines()[0])
    assert document.text == release().text and document.published == "2025-03-12"
    refused = runner.invoke(
        app,
        ["--db", stored.location, "export", "-f", "csv", "-o", str(tmp_path / "r.csv"),
         "--what", "records"],
    )  # fmt: skip
    assert refused.exit_code == 2
    filtered = runner.invoke(
        app,
        ["--db", stored.location, "export", "-f", "jsonl", "-o", str(tmp_path / "r.jsonl"),
         "--what", "records", "-c", "KZ"],
    )  # fmt: skip
    assert filtered.exit_code == 2 and "--country" in filtered.output


def test_the_lead_is_the_first_paragraph_that_ends_a_sentence() -> None:
    text = (
        "Фото: пресс-служба\n\nПрезидент встретился с послом. Стороны обсудили торговлю.\nДалее.\n"
    )
    assert text[: lead_end(text)].strip().endswith("обсудили торговлю.")
    assert lead_end("Одна строка без точки") == len("Одна строка без точки")


def test_an_export_date_is_never_blank_and_says_where_it_came_from() -> None:
    def details(value: str | None, precision: str | None, published: str | None) -> dict:
        return {"date_value": value, "date_precision": precision, "published_date": published}

    assert dated(details("2025-05-20", "day", "2025-03-12")) == (date(2025, 5, 20), "text")
    assert dated(details("2025-05", "month", "2025-03-12")) == (date(2025, 3, 12), "published")
    assert dated(details("2024-06", "month", None)) == (date(2024, 6, 1), "period")
    assert dated(details("2024", "year", None)) == (date(2024, 1, 1), "period")
    stored = "2026-01-02T10:00:00+00:00"
    assert dated(details(None, None, None), stored) == (date(2026, 1, 2), "stored")


def test_a_records_export_moves_a_database_losslessly(stored: Target, tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    export(stored, first, "-f", "jsonl", "--what", "records")
    moved = Target("duckdb", str(tmp_path / "moved.duckdb"))
    loaded = runner.invoke(app, ["--db", moved.location, "load", str(first)])
    assert loaded.exit_code == 0, loaded.output
    assert "1 stored" in loaded.output
    export(moved, second, "-f", "jsonl", "--what", "records")
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    again = runner.invoke(app, ["--db", moved.location, "load", str(first)])
    assert again.exit_code == 0 and "1 skipped as duplicates" in again.output


def test_load_reports_a_line_that_is_no_record(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(release().model_dump_json() + '\n{"id": "x"}\n', encoding="utf-8")
    target = tmp_path / "bad.duckdb"
    result = runner.invoke(app, ["--db", str(target), "load", str(bad)])
    assert result.exit_code == 6
    assert "line 2: not a record" in result.output and "1 stored" in result.output
