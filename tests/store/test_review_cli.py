"""`communique review`, `reviews` and `token` end to end on a DuckDB store of the Senate
release (the store functions themselves run on both backends in test_reviews.py)."""

from __future__ import annotations

import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from communique.cli.main import app
from communique.store import open_store
from communique.store.tokens import authenticate

from .conftest import SAMPLES

runner = CliRunner()
SENATE = "senate-kz-mongolia.ru"


def cli(db: str, *args: str) -> Result:
    return runner.invoke(app, ["--db", db, *args])


@pytest.fixture
def db(tmp_path: Path) -> str:
    location = str(tmp_path / "store.duckdb")
    result = cli(location, "ingest", str(SAMPLES / f"{SENATE}.txt"))
    assert result.exit_code == 0, result.output
    return location


def _events(db: str, *options: str) -> list[dict[str, str]]:
    result = cli(db, "query", "events", "-f", "csv", "-n", "100", *options)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(StringIO(result.stdout)))


def test_token_create_prints_only_the_token_and_it_authenticates(db: str) -> None:
    created = cli(db, "token", "create", "aigerim")
    assert created.exit_code == 0, created.output
    token = created.stdout.strip()
    assert len(token) >= 40 and "\n" not in token
    with open_store(db) as store:
        assert authenticate(store, token) == "aigerim"
    again = cli(db, "token", "create", "aigerim")
    assert again.exit_code == 2 and "already has a token" in again.output
    assert cli(db, "token", "revoke", "aigerim").exit_code == 0
    with open_store(db) as store:
        assert authenticate(store, token) is None
    assert cli(db, "token", "revoke", "aigerim").exit_code == 2


def test_a_correction_and_a_rejection_show_in_query_and_the_trail(db: str) -> None:
    first = _events(db)[0]
    corrected = cli(
        db, "review", SENATE, "--fact", "event", "--id", first["event_id"], "--action",
        "correct", "--set", "status=happened", "--author", "aigerim", "--reason", "it took place",
    )  # fmt: skip
    assert corrected.exit_code == 0, corrected.output
    second = _events(db)[1]["event_id"]
    rejected = cli(
        db, "review", SENATE, "--fact", "event", "--id", second, "--action", "reject",
        "--author", "aigerim",
    )  # fmt: skip
    assert rejected.exit_code == 0, rejected.output
    rows = {r["event_id"]: r for r in _events(db)}
    assert rows[first["event_id"]]["review"] == "corrected"
    assert rows[first["event_id"]]["status"] == "happened"
    assert second not in rows
    assert {r["event_id"]: r["review"] for r in _events(db, "--include-rejected")}[
        second
    ] == "rejected"
    trail = cli(db, "reviews", "-f", "json")
    assert trail.exit_code == 0, trail.output
    entries = json.loads(trail.stdout)
    assert [(e["action"], e["fact_id"]) for e in entries] == [
        ("reject", second),
        ("correct", first["event_id"]),
    ]
    assert json.loads(entries[1]["before"]) == {"status": first["status"]}
    assert entries[1]["reason"] == "it took place"


def test_a_malformed_review_is_refused_with_its_reason(db: str) -> None:
    bad_value = cli(
        db, "review", SENATE, "--fact", "event", "--id", "e0", "--action", "correct",
        "--set", "date=yesterday", "--author", "aigerim",
    )  # fmt: skip
    assert bad_value.exit_code == 2 and "YYYY" in bad_value.output
    no_equals = cli(
        db, "review", SENATE, "--fact", "event", "--id", "e0", "--action", "correct",
        "--set", "status", "--author", "aigerim",
    )  # fmt: skip
    assert no_equals.exit_code == 2 and "FIELD=VALUE" in no_equals.output
    unknown = cli(
        db, "review", "no-such-doc", "--fact", "event", "--id", "e0", "--action", "reject",
        "--author", "aigerim",
    )  # fmt: skip
    assert unknown.exit_code == 2 and "no document" in unknown.output
    assert json.loads(cli(db, "reviews", "-f", "json").stdout) == []


def test_actor_merge_and_split_from_the_command_line(db: str) -> None:
    with open_store(db) as store:
        persons = store.backend.rows(
            "SELECT actor_key, min(name) FROM actors WHERE kind = 'person' "
            "GROUP BY actor_key ORDER BY actor_key LIMIT 2"
        )
    (merged, _), (kept, kept_name) = persons
    refused = cli(db, "actor", "merge", kept, kept_name, "--author", "aigerim")
    assert refused.exit_code == 2 and "is this actor itself" in refused.output
    done = cli(db, "actor", "merge", merged, kept_name, "--author", "aigerim", "--reason", "same")
    assert done.exit_code == 0, done.output
    trail = cli(db, "reviews", "--fact", "identity", "-f", "csv")
    rows = list(csv.DictReader(StringIO(trail.stdout)))
    assert [(r["action"], r["fact_id"], r["attached_to"]) for r in rows] == [
        ("merge", merged, kept)
    ]
    # One document only: a split must leave the actor some.
    split = cli(db, "actor", "split", kept, SENATE, "--author", "aigerim")
    assert split.exit_code == 2 and "leaves some behind" in split.output
    bad_day = cli(db, "reviews", "--since", "2025-02-30")
    assert bad_day.exit_code == 2 and "no such day" in bad_day.output
