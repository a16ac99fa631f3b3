"""Hostile runs against the store: one SQL statement with a time limit, ingest storing as it
goes, and a full disk during ingest or export."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from communique.cli.main import app
from communique.document import Document
from communique.ingest import ReadResult
from communique.record import Record
from communique.store import Target, open_store
from communique.store.readonly import QueryError, run_sql

runner = CliRunner()
# the module, not the command of the same name that communique.cli.store registers
ingest_command = importlib.import_module("communique.cli.ingest")


def cli(*args: str) -> Result:
    return runner.invoke(app, list(args))


def _fill(db: Target, records: list[Record]) -> Target:
    with open_store(db) as store:
        for record in records:
            store.add(record)
    return db


@pytest.mark.parametrize("statements", ["SELECT 1; SELECT 2", "SELECT id FROM documents; SELECT 1"])
def test_sql_takes_one_statement(db: Target, statements: str) -> None:
    with open_store(db):
        pass  # created and migrated
    with pytest.raises(QueryError):
        run_sql(db, statements)
    assert run_sql(db, "SELECT 1 AS one;").rows == [[1]]


def test_sql_stops_at_the_time_limit(db: Target, sample_records: list[Record]) -> None:
    filled = _fill(db, sample_records)
    # a cross join far too large to finish: only the limit ends it
    endless = "SELECT count(*) AS n FROM documents a, documents b, documents c, " + ", ".join(
        f"(SELECT * FROM generate_series(1, 100000)) g{i}" for i in range(3)
    )
    with pytest.raises(QueryError, match=r"ran longer than the limit of 0\.5 s"):
        run_sql(filled, endless, timeout_s=0.5)
    assert run_sql(filled, "SELECT count(*) FROM documents", timeout_s=0.5).rows[0][0] == 7


def test_sql_command_names_the_timeout(db: Target, sample_records: list[Record]) -> None:
    filled = _fill(db, sample_records)
    endless = "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b"
    result = cli("--db", filled.location, "sql", "--timeout", "0.5", endless)
    assert result.exit_code == 2, result.output
    assert "--timeout" in result.output


SENTENCES = [
    "Министр иностранных дел Казахстана встретился с послом Японии в Астане.",
    "Председатель Сената провёл переговоры с делегацией парламента Монголии.",
    "Премьер-министр Узбекистана посетил Алматы с официальным визитом.",
    "Посол Турции вручил верительные грамоты Президенту Казахстана.",
    "Министр торговли обсудил с коллегой из Китая транзит грузов.",
]


def test_ingest_stores_as_it_goes_and_a_late_failure_keeps_what_came_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def inputs(paths: list[str], **_: object) -> Iterator[ReadResult]:
        for number, sentence in enumerate(SENTENCES):
            yield Document(id=f"d{number}", text=sentence, language="ru")
        raise RuntimeError("the disk holding the input failed")  # late in the run

    monkeypatch.setattr(ingest_command, "read_sources", inputs)
    monkeypatch.setattr(ingest_command, "_PART_DOCUMENTS", 2)
    db = Target("duckdb", str(tmp_path / "s.duckdb"))
    result = cli("--db", db.location, "ingest", "unused")
    assert isinstance(result.exception, RuntimeError)
    with open_store(db) as store:
        # two whole parts were stored before the fifth document was even read
        assert store.counts()["documents"] == 4


@contextlib.contextmanager
def tiny_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder`: only root may mount one, elsewhere this skips."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Write zeros into `folder` until the disk is full."""
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
        while True:
            filler.write(bytes(1 << 20))
            filler.flush()
            os.fsync(filler.fileno())


def test_a_full_disk_during_ingest_is_a_clear_error(tmp_path: Path) -> None:
    inputs = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"d{n}", "text": s}) for n, s in enumerate(SENTENCES)]
    inputs.write_text(lines[0] + "\n", encoding="utf-8")
    with tiny_disk(tmp_path / "disk", "12M") as disk:
        db = str(disk / "s.duckdb")
        assert cli("--db", db, "ingest", str(inputs)).exit_code == 0
        fill(disk)
        inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = cli("--db", db, "ingest", str(inputs))
        assert result.exit_code == 11, result.output
        assert "no space left on the disk" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        (disk / "filler").unlink()
        with open_store(Target("duckdb", db)) as store:
            assert store.counts()["documents"] >= 1  # what came before is kept


def test_a_full_disk_during_export_is_a_clear_error(
    tmp_path: Path, sample_records: list[Record]
) -> None:
    db = _fill(Target("duckdb", str(tmp_path / "s.duckdb")), sample_records)
    with tiny_disk(tmp_path / "disk", "64k") as disk:
        fill(disk)
        out = disk / "events.jsonl"
        result = cli("--db", db.location, "export", "-f", "jsonl", "-o", str(out))
        assert result.exit_code == 11, result.output
        assert "No space left on device" in result.output
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # no half-written file


def test_ingest_of_a_hostile_folder_stores_only_its_own_regular_files(tmp_path: Path) -> None:
    """`ln -s /etc/shadow t/x.txt; communique ingest t`, with a FIFO beside it and a record that
    holds a lone surrogate: the run ends, stores the good document, and says why for each."""
    secret = tmp_path / "shadow"
    secret.write_text("Пароль администратора сервера: совершенно секретно.", encoding="utf-8")
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "x.txt").symlink_to(secret)
    os.mkfifo(folder / "pipe.txt")
    (folder / "news.jsonl").write_text(
        json.dumps({"id": "ok", "text": SENTENCES[0]}) + "\n"
        '{"id": "bad", "text": "Посол \\ud800 прибыл."}\n',
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    command = [sys.executable, "-m", "communique.cli.main", "--db", str(db), "ingest", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 6, done.stdout + done.stderr  # the first failure: news.jsonl line 2
    assert "1 read, 1 stored" in done.stdout and "3 failed" in done.stdout
    assert "line 2: 'text' holds the lone surrogate" in done.stdout
    assert "pipe.txt: a named pipe (FIFO), skipped unread" in done.stdout
    assert "x.txt: a symbolic link, not followed" in done.stdout
    assert "Traceback" not in done.stderr
    with open_store(Target("duckdb", str(db))) as store:
        texts = [row[0] for row in store.backend.rows("SELECT text FROM documents")]
    assert texts == [SENTENCES[0]]


def test_the_database_inside_the_ingested_folder_is_never_read_as_input(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(SENTENCES[1], encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    first = cli("--db", db, "ingest", str(tmp_path))
    again = cli("--db", db, "ingest", str(tmp_path))
    assert first.exit_code == 0 and again.exit_code == 0, first.output + again.output
    assert "1 read, 1 stored" in first.stdout and "0 failed" in first.stdout
    assert "1 read, 0 stored" in again.stdout and "0 failed" in again.stdout
