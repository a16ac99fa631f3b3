"""Killing an ingest half-way and rerunning it gives the same database as one clean run.

`communique ingest` runs as a real process. Its progress bar (stderr on a pseudo-terminal, as a
user sees it) says how many documents are done; each is counted after its transaction commits.
Once a few are, the process gets SIGKILL: no handler runs, DuckDB's write-ahead log is left as it
was. The killed database must open, hold only whole documents, and the same command run again
must finish it into the database a clean run makes: the same documents and the same rows.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

pty = pytest.importorskip("pty")  # POSIX only

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FACTRUEVAL_DEV = SHARED / "datasets" / "factrueval-2016" / "devset"
FILES = 40
KILL_AFTER = 5  # documents committed before the kill
BATCH_SIZE = 4  # extraction and writes interleave, so the kill lands mid-run
TIMEOUT = 300  # seconds for any one run; a generous bound, never a timing assertion
# When a row was written: differs between any two runs.
TIMESTAMPS = {"stored_at", "processed_at", "created_at", "applied_at"}
DOCUMENT_TABLES = {"documents": "id", "stories": "document_id"}  # else document_id
UNRELATED_TABLES = {"schema_version", "api_tokens"}  # rows of no document


@pytest.fixture(scope="module")
def files() -> list[str]:
    texts = sorted(FACTRUEVAL_DEV.glob("*.txt"))[:FILES]
    if len(texts) < FILES:
        pytest.skip(f"FactRuEval devset texts not found under {FACTRUEVAL_DEV}")
    return [str(t) for t in texts]


def _command(db: Path, files: list[str]) -> list[str]:
    return [
        sys.executable, "-m", "communique.cli.main", "--db", str(db),
        "ingest", "--batch-size", str(BATCH_SIZE), "--store-batch", str(BATCH_SIZE), *files,
    ]  # fmt: skip


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMMUNIQUE_DB", "TTY_"))}
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    env.update(TERM="xterm", COLUMNS="100", LINES="40")
    return env


def _ingest(db: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        _command(db, files),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=_environment(),
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _kill_half_way(db: Path, files: list[str]) -> str:
    """Run the ingest with stderr on a pseudo-terminal; SIGKILL it once its progress bar shows
    KILL_AFTER documents done. Returns what it wrote to the terminal."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        _command(db, files),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=_environment(),
    )
    os.close(slave)
    seen = b""
    done = 0
    deadline = time.monotonic() + TIMEOUT
    try:
        while done < KILL_AFTER:
            assert time.monotonic() < deadline, f"no progress in {TIMEOUT} s:\n{seen[-2000:]!r}"
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the process closed the terminal (it exited)
                    chunk = b""
                seen += chunk
                counts = re.findall(rb"(\d+)/%d\b" % len(files), seen)
                done = max([int(c) for c in counts], default=0)
            assert process.poll() is None, (
                f"ingest exited ({process.returncode}) before being killed:\n{seen[-2000:]!r}"
            )
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=60)
        os.close(master)
    return seen.decode("utf-8", "replace")


Dump = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def _dump(db: Path) -> Dump:
    """Every table's columns and rows, timestamps left out, rows sorted: two equal dumps hold the
    same facts. Opened read-only, as `communique sql` opens it."""
    with duckdb.connect(str(db), read_only=True) as connection:

        def names(sql: str, *params: str) -> list[str]:
            return [row[0] for row in connection.execute(sql, list(params)).fetchall()]

        dump: Dump = {}
        for table in names(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name"
        ):
            columns = names(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ? "
                "ORDER BY ordinal_position",
                table,
            )
            kept = [c for c in columns if c not in TIMESTAMPS]
            rows = connection.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()
            dump[table] = (kept, sorted((tuple(row) for row in rows), key=repr))
    return dump


def _documents(dump: Dump) -> dict[str, str]:
    """Document id: content hash."""
    columns, rows = dump["documents"]
    id_at, hash_at = columns.index("id"), columns.index("content_hash")
    return {row[id_at]: row[hash_at] for row in rows}


def _of_documents(dump: Dump, ids: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows that belong to documents `ids`, in every table that has document rows."""
    kept = {}
    for table, (columns, rows) in dump.items():
        if table not in UNRELATED_TABLES:
            at = columns.index(DOCUMENT_TABLES.get(table, "document_id"))
            kept[table] = [row for row in rows if row[at] in ids]
    return kept


def test_a_killed_ingest_rerun_gives_the_database_of_one_clean_run(
    tmp_path: Path, files: list[str]
) -> None:
    clean_db = tmp_path / "clean.duckdb"
    _ingest(clean_db, files)
    clean = _dump(clean_db)
    clean_documents = _documents(clean)
    assert len(clean_documents) == len(files)

    killed_db = tmp_path / "killed.duckdb"
    terminal = _kill_half_way(killed_db, files)

    # The killed database opens (its write-ahead log replayed) and holds whole documents only:
    # each stored one with exactly the rows the clean run gave it, nothing of the one being
    # written when the kill came.
    half = _dump(killed_db)
    stored = _documents(half)
    assert KILL_AFTER <= len(stored) < len(files), terminal[-2000:]
    assert stored.items() <= clean_documents.items()
    assert _of_documents(half, set(stored)) == _of_documents(clean, set(stored))

    rerun = _ingest(killed_db, files)
    summary = re.search(
        r"(\d+) read, (\d+) stored \(\d+ joined an existing story\), (\d+) skipped as "
        r"duplicates, (\d+) failed",
        rerun.stdout,
    )
    assert summary, rerun.stdout
    assert [int(n) for n in summary.groups()] == [
        len(files), len(files) - len(stored), len(stored), 0,
    ]  # fmt: skip

    resumed = _dump(killed_db)
    assert _documents(resumed) == clean_documents
    assert {t: len(rows) for t, (_, rows) in resumed.items()} == {
        t: len(rows) for t, (_, rows) in clean.items()
    }
    for table in clean:
        assert resumed[table] == clean[table], table
