"""Managing tokens while `communique serve` holds the DuckDB file: the token commands are carried
out by the running server (web/control.py), so a leaked token is refused at once, without
stopping the dashboard."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import httpx2

from communique.store.target import Target
from communique.web.control import NO_SERVER, ask, socket_path

from .conftest import TOKEN_AUTHOR, copy_db, create_token, serving

SENATE = "senate-kz-mongolia.ru"
CONFIRM = {"fact": "event", "fact_id": "e0", "action": "confirm"}


def _communique(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: a process of its own, beside the server's."""
    return subprocess.run(
        [sys.executable, "-m", "communique.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )


def _review(url: str, token: str) -> int:
    answer = httpx2.post(
        f"{url}/api/documents/{SENATE}/reviews",
        json=CONFIRM,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30.0,
    )
    return answer.status_code


def test_a_token_is_revoked_and_created_while_the_dashboard_serves(
    web_db: Path, tmp_path: Path
) -> None:
    db = copy_db(web_db, tmp_path / "served.duckdb")
    leaked = create_token(db)
    with serving(str(db), token_control=True) as url:
        assert _review(url, leaked) == 201

        revoked = _communique("--db", str(db), "token", "revoke", TOKEN_AUTHOR)
        assert revoked.returncode == 0, revoked.stderr
        assert _review(url, leaked) == 401

        again = _communique("--db", str(db), "token", "revoke", TOKEN_AUTHOR)
        assert again.returncode == 2 and "no live token" in again.stderr

        created = _communique("--db", str(db), "token", "create", "second")
        assert created.returncode == 0, created.stderr
        assert _review(url, created.stdout.strip()) == 201

        listed = _communique("--db", str(db), "token", "list")
        assert listed.returncode == 0, listed.stderr
        assert TOKEN_AUTHOR in listed.stdout and "second" in listed.stdout

        path = socket_path(Target("duckdb", str(db)))
        assert path is not None
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    # The server is gone, and so is its socket: the commands open the file themselves.
    assert not path.exists()
    assert ask(Target("duckdb", str(db)), "list") is NO_SERVER
    listed = _communique("--db", str(db), "token", "list")
    assert listed.returncode == 0 and "second" in listed.stdout


def test_a_bad_name_is_refused_by_the_server_as_by_the_command(
    web_db: Path, tmp_path: Path
) -> None:
    db = copy_db(web_db, tmp_path / "names.duckdb")
    with serving(str(db), token_control=True):
        refused = _communique("--db", str(db), "token", "create", "no spaces")
    assert refused.returncode == 2
    assert "1 to 64 letters" in refused.stderr


def test_no_socket_for_a_server_database_or_one_in_memory() -> None:
    assert socket_path(Target("postgresql", "postgresql://localhost/x")) is None
    assert socket_path(Target("duckdb", ":memory:")) is None
    assert socket_path(Target("duckdb", "a.duckdb")) == socket_path(
        Target("duckdb", os.path.abspath("a.duckdb"))
    )
