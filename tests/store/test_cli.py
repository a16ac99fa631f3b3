"""The store's commands end to end: ingest, query, sql, export, reprocess, on both backends."""

from __future__ import annotations

import csv
import json
from io import StringIO
from pathlib import Path

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner, Result

from communique.cli.main import app
from communique.export.gdelt import COLUMNS
from communique.export.plover import plover_schema
from communique.store import Target, open_store

from .conftest import SAMPLE_FILES, SAMPLES

runner = CliRunner()


def cli(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, env=env)


@pytest.fixture
def ingested(db: Target) -> Target:
    result = cli("--db", db.location, "ingest", *map(str, SAMPLE_FILES))
    assert result.exit_code == 0, result.output
    return db


def test_ingest_summarises_and_a_second_run_skips_everything(ingested: Target) -> None:
    again = cli("--db", ingested.location, "ingest", *map(str, SAMPLE_FILES))
    assert again.exit_code == 0, again.output
    assert "7 read, 0 stored" in again.stdout
    assert "7 skipped as duplicates, 0 failed" in again.stdout
    with open_store(ingested) as store:
        assert store.counts()["documents"] == 7


def test_ingest_reports_failures_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "Стороны обсудили."}\nnot json\n')
    db = str(tmp_path / "s.duckdb")
    result = cli("--db", db, "ingest", str(tmp_path))
    assert result.exit_code == 6, result.output  # the first failure in input order: bad.jsonl
    assert "1 read, 1 stored" in result.stdout and "2 failed" in result.stdout
    assert "invalid JSON" in result.stdout
    assert "empty" in result.stdout


def test_ingest_reads_stdin_and_the_db_from_the_environment(tmp_path: Path) -> None:
    db = str(tmp_path / "env.duckdb")
    line = json.dumps({"id": "a", "text": "Сергей Лавров провёл переговоры с Ван И в Москве."})
    result = cli("ingest", "-", input=line + "\n", env={"COMMUNIQUE_DB": db})
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.stdout
    assert Path(db).exists()


def test_query_outputs(ingested: Target) -> None:
    db = ingested.location
    table = cli("--db", db, "query", "events", "--country", "KZ-MN", "--limit", "3")
    assert table.exit_code == 0, table.output
    assert "CONSULT" in table.stdout or "SUPPORT" in table.stdout
    as_json = json.loads(cli("--db", db, "query", "events", "-c", "KZ", "-f", "json").stdout)
    assert as_json and all("KZ" in r["source_countries"] + r["target_countries"] for r in as_json)
    rows = list(csv.DictReader(StringIO(cli("--db", db, "query", "actors", "-f", "csv").stdout)))
    assert rows[0]["name"] == "Казахстан"
    found = cli("--db", db, "query", "search", "Монголи", "-f", "json")
    assert [r["document_id"] for r in json.loads(found.stdout)] == ["senate-kz-mongolia.ru"]


def test_query_refuses_bad_filters_with_a_usage_error(ingested: Target) -> None:
    db = ingested.location
    for args in (
        ["events", "--country", "KZ' OR 1=1 --"],
        ["events", "--since", "2024-02-30"],
        ["actors", "--cameo", "04"],
        ["events", "--status", "'; DROP TABLE events; --"],
    ):
        result = cli("--db", db, "query", *args)
        assert result.exit_code == 2, (args, result.output)
    hostile = cli(
        "--db", db, "query", "events", "--actor", "'; DROP TABLE events; --", "-f", "json"
    )
    assert hostile.exit_code == 0 and json.loads(hostile.stdout) == []
    with open_store(ingested) as store:
        assert store.counts()["events"] > 0


def test_sql_reads_and_refuses_writes(ingested: Target) -> None:
    db = ingested.location
    result = cli("--db", db, "sql", "SELECT count(*) AS n FROM documents", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 7}]
    refused = cli("--db", db, "sql", "SELECT 1; DROP TABLE documents")
    assert refused.exit_code == 2
    as_csv = cli("--db", db, "sql", "SELECT count(*) AS n FROM documents", "-f", "csv")
    assert as_csv.stdout == "n\n7\n"


def test_export_formats(ingested: Target, tmp_path: Path) -> None:
    db = ingested.location
    counts: dict[str, int] = {}
    for fmt in ("jsonl", "csv", "parquet", "plover", "gdelt"):
        out = tmp_path / f"events.{fmt}"
        result = cli("--db", db, "export", "--format", fmt, "--output", str(out), "-c", "KZ")
        assert result.exit_code == 0, result.output
        counts[fmt] = out.stat().st_size
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert events and all("KZ" in e["source_countries"] + e["target_countries"] for e in events)
    assert all(e["status"] != "negated" for e in events)  # kept unless --all-statuses
    with (tmp_path / "events.csv").open(encoding="utf-8-sig") as handle:
        assert len(list(csv.DictReader(handle))) == len(events)
    parquet = duckdb.connect().execute(
        "SELECT count(*), min(len(source_countries)) FROM read_parquet(?)",
        [str(tmp_path / "events.parquet")],
    )
    assert parquet.fetchone()[0] == len(events)  # type: ignore[index]
    plover = [json.loads(line) for line in (tmp_path / "events.plover").read_text().splitlines()]
    validator = jsonschema.Draft202012Validator(plover_schema())
    assert len(plover) == len(events)
    for record in plover:
        validator.validate(record)
    assert {e for p in plover for e in p["event"]} <= {
        "CONSULT",
        "SUPPORT",
        "AGREE",
        "COOPERATE",
        "AID",
    }
    assert all(p["event_text"] and p["id"].count("/") == 1 for p in plover)
    parties = [a["code"] for p in plover for a in p["actor"] + p.get("recipient", [])]
    assert "KAZ" in parties
    lines = (tmp_path / "events.gdelt").read_text().splitlines()
    assert 0 < len(lines) <= len(events)  # planned events CAMEO has no intent code for are left out
    assert {len(line.split("\t")) for line in lines} == {len(COLUMNS)}


def test_export_refuses_events_only_formats_for_other_kinds(
    ingested: Target, tmp_path: Path
) -> None:
    out = tmp_path / "x.gdelt"
    result = cli(
        "--db", ingested.location, "export", "-f", "gdelt", "-o", str(out), "--what", "actors"
    )
    assert result.exit_code == 2
    assert not out.exists()
    ok = cli(
        "--db", ingested.location, "export", "-f", "csv", "-o", str(out), "--what", "agreements"
    )
    assert ok.exit_code == 0, ok.output


def test_reprocess_re_extracts_outdated_documents(ingested: Target) -> None:
    with open_store(ingested) as store:
        store.backend.execute(
            "UPDATE documents SET pipeline_version = ? WHERE id = ?",
            ["old", "senate-kz-mongolia.ru"],
        )
        before = store.load("senate-kz-mongolia.ru")
    result = cli("--db", ingested.location, "reprocess")
    assert result.exit_code == 0, result.output
    assert "1 outdated, 1 re-extracted, 0 failed" in result.stdout
    with open_store(ingested) as store:
        assert store.load("senate-kz-mongolia.ru") == before
        assert store.outdated("old") != []
    assert "0 outdated" in cli("--db", ingested.location, "reprocess").stdout


def test_a_bad_database_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir.duckdb"
    result = cli("--db", str(missing), "query", "events")
    assert result.exit_code == 10
    assert "not a folder" in result.stderr
    unreachable = cli("--db", "postgresql://nobody@127.0.0.1:1/none", "query", "events")
    assert unreachable.exit_code == 10


def test_samples_folder_with_a_feed(tmp_path: Path) -> None:
    """RSS entries are documents with their link, title, date and the feed's title as source."""
    feed = tmp_path / "news.rss"
    feed.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>МИД Казахстана</title>
<item><title>Консультации</title><link>https://example.org/a</link>
<guid>a-1</guid><pubDate>Wed, 02 Apr 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;В Астане состоялись политические консультации между министерствами
иностранных дел Казахстана и Азербайджана. Стороны обсудили торгово-экономическое
сотрудничество.&lt;/p&gt;</description></item>
<item><title>Пусто</title><link>https://example.org/b</link><description></description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    (tmp_path / "release.txt").write_text(
        (SAMPLES / "senate-kz-mongolia.ru.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    db = str(tmp_path / "feed.duckdb")
    result = cli("--db", db, "ingest", str(tmp_path))
    assert "2 stored" in result.stdout, result.output
    assert "entry 2" in result.stdout  # the empty item fails, with its place
    with open_store(Target("duckdb", db)) as store:
        document = store.document("a-1")
        assert document.url == "https://example.org/a"
        assert document.published == "2025-04-02T10:00:00Z"
        assert document.source == "МИД Казахстана"
        assert "консультации" in document.text


def test_a_feed_entry_with_a_javascript_link_is_stored_without_it(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Пресс-служба</title>
<item><title>Визит</title><link>javascript:fetch('/logout',{method:'POST'})</link>
<guid>visit-1</guid><description>Министр иностранных дел Казахстана провёл переговоры
с послом Монголии в Астане. Стороны обсудили визит делегации.</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    db = str(tmp_path / "feed.duckdb")
    result = cli("--db", db, "ingest", str(feed))
    assert "1 stored" in result.stdout, result.output
    with open_store(Target("duckdb", db)) as store:
        assert store.document("visit-1").url is None
        assert store.backend.rows("SELECT count(*) FROM documents WHERE url IS NOT NULL") == [(0,)]
