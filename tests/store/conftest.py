"""Store fixtures: every test that takes `db` runs on DuckDB and on PostgreSQL.

PostgreSQL comes from $COMMUNIQUE_TEST_PG (set by `make test` and .ci/run through
scripts/postgres.sh); without it the fixture starts a server with that script itself. Only when
that fails too are the PostgreSQL cases skipped, with the reason, and never in CI (CI=true), where
a missing server is a failure.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from communique.document import Document
from communique.ingest import read_path
from communique.pipeline import Pipeline
from communique.record import Record
from communique.store import Store, Target, open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE_FILES = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.jsonl")])
PG_ENV = "COMMUNIQUE_TEST_PG"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    script = ROOT / "scripts" / "postgres.sh"
    started = subprocess.run(
        ["bash", str(script), "start"], capture_output=True, text=True, timeout=120, check=False
    )
    exports = dict(re.findall(r"export (\w+)='([^']*)'", started.stdout))
    if started.returncode != 0 or PG_ENV not in exports:
        reason = (
            f"PostgreSQL tests need ${PG_ENV}, and scripts/postgres.sh start failed: "
            f"{started.stderr.strip()[-500:]}"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        yield None
        return
    try:
        yield exports[PG_ENV]
    finally:
        subprocess.run(
            ["bash", str(script), "stop", exports["COMMUNIQUE_TEST_PG_DIR"]],
            capture_output=True,
            timeout=60,
            check=False,
        )


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_target(postgres_url: str | None) -> Iterator[Target]:
    """A fresh schema per test on the session's server: tests never see each other's rows."""
    if postgres_url is None:
        pytest.skip(f"PostgreSQL unavailable: ${PG_ENV} unset and no server could be started")
    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield Target("postgresql", _with_search_path(postgres_url, schema))
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["duckdb", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    """The `--db` of a test: a DuckDB file, or a PostgreSQL URL with its own schema."""
    if request.param == "duckdb":
        return Target("duckdb", str(tmp_path / "store.duckdb"))
    return request.getfixturevalue("postgres_target")


@pytest.fixture
def store(db: Target) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


@pytest.fixture(scope="session")
def sample_records(pipeline: Pipeline) -> list[Record]:
    """Records of every bundled sample, in Russian, Kazakh and English."""
    documents = [d for f in SAMPLE_FILES for d in read_path(f) if isinstance(d, Document)]
    return list(pipeline.process_many(documents))
