"""Token management while `communique serve` holds a DuckDB file.

DuckDB lets one process open a database file for writing, and the dashboard keeps its file open
for as long as it serves. So that a leaked token can be revoked at once, without stopping the
dashboard, the server listens on a Unix socket of its own and `communique token create|revoke|
list` hand their work to it when it runs: the change is made by the server, on its connection,
and the next request already sees it. (PostgreSQL takes any number of clients: there the
commands write to the database directly and no socket is opened.)

Who may ask: the socket lives in a folder only its user can enter (mode 0700) and the server
checks the caller's user id (SO_PEERCRED), so only the user who runs the server, who can write the
database file anyway, can manage its tokens. The protocol is one JSON object each way:
{"command": "create"|"revoke"|"list", "name": ...} -> {"ok": true, "result": ...} or
{"ok": false, "error": "...", "exit_code": N}.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import socket
import socketserver
import struct
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import CommuniqueError
from communique.store.target import Target
from communique.store.tokens import TokenError, create_token, revoke_token, token_names

if TYPE_CHECKING:
    from communique.web.database import Database

log = logging.getLogger(__name__)

COMMANDS = ("create", "revoke", "list")
# A request is one short JSON line; anything longer is not ours.
_MAX_REQUEST = 4096
_TIMEOUT_SECONDS = 10.0


class ControlError(CommuniqueError):
    """The running server refused or failed a token command: its message and exit code."""

    def __init__(self, message: str, exit_code: int = 10) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def socket_path(target: Target) -> Path | None:
    """Where the server of the DuckDB file `target` listens; None for PostgreSQL and in-memory
    databases, which need no socket. Named after the file's real path, so every way of writing
    that path finds the same server; kept short, as Unix socket paths must be (108 bytes)."""
    if target.kind != "duckdb" or target.location.startswith(":memory:"):
        return None
    real = os.path.realpath(target.location)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    base = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
    return base / f"communique-{os.getuid()}" / f"{digest}.sock"


def ask(target: Target, command: str, name: str | None = None) -> Any:
    """Have the server that holds `target` run a token command, and return its result; a
    `_NoServer` when none listens (the caller then opens the database itself)."""
    path = socket_path(target)
    if path is None or not path.exists():
        return NO_SERVER
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(_TIMEOUT_SECONDS)
        try:
            client.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            return NO_SERVER  # a socket left behind by a server that is gone
        client.sendall(json.dumps({"command": command, "name": name}).encode() + b"\n")
        with client.makefile("rb") as replies:
            line = replies.readline()
    if not line:
        raise ControlError("the running server closed the connection without answering")
    reply = json.loads(line)
    if not reply.get("ok"):
        raise ControlError(str(reply.get("error")), int(reply.get("exit_code", 10)))
    return reply.get("result")


class _NoServer:
    def __repr__(self) -> str:
        return "NO_SERVER"


NO_SERVER = _NoServer()


def run_command(database: Database, command: str, name: str | None) -> Any:
    """What the server does for one request (also the reference for what the commands mean)."""
    if command not in COMMANDS:
        raise ControlError(f"unknown command {command!r}", 2)
    if command != "list" and not isinstance(name, str):
        raise ControlError(f"{command} needs a token name", 2)
    with database.connection() as store:
        if command == "create":
            return create_token(store, str(name))
        if command == "revoke":
            if not revoke_token(store, str(name)):
                raise ControlError(f"{name!r} has no live token", 2)
            return True
        return [list(row) for row in token_names(store)]


class ControlServer:
    """The socket server of one app: started and stopped by the app's lifespan."""

    def __init__(self, database: Database, path: Path) -> None:
        self.database = database
        self.path = path
        self._server: socketserver.ThreadingUnixStreamServer | None = None
        self._thread: threading.Thread | None = None
        self._inode: int | None = None

    def start(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder = self.path.parent.stat()
        if folder.st_uid != os.getuid() or folder.st_mode & 0o077:
            raise ControlError(f"{self.path.parent} must belong to this user alone (mode 0700)")
        with contextlib.suppress(FileNotFoundError):
            # Left by a server that stopped without cleaning up: the database file's own lock
            # already keeps two live servers of one file apart.
            self.path.unlink()
        database = self.database

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self.connection.settimeout(_TIMEOUT_SECONDS)
                reply: dict[str, Any]
                try:
                    _check_peer(self.connection)
                    request = json.loads(self.rfile.readline(_MAX_REQUEST))
                    result = run_command(database, request.get("command"), request.get("name"))
                    reply = {"ok": True, "result": result}
                except (ControlError, TokenError) as error:
                    reply = {"ok": False, "error": str(error), "exit_code": error.exit_code}
                except Exception as error:
                    log.exception("token command failed")
                    reply = {"ok": False, "error": f"the server failed: {error}", "exit_code": 10}
                self.wfile.write(json.dumps(reply).encode() + b"\n")

        old_mask = os.umask(0o177)  # the socket file is created 0600
        try:
            self._server = socketserver.ThreadingUnixStreamServer(str(self.path), Handler)
        finally:
            os.umask(old_mask)
        self._server.daemon_threads = True
        self._inode = self.path.stat().st_ino
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="communique-control", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        # Only our own socket: a later server of the same file may have replaced it.
        with contextlib.suppress(FileNotFoundError):
            if self.path.stat().st_ino == self._inode:
                self.path.unlink()
        self._server = None


def _check_peer(connection: socket.socket) -> None:
    """Refuse a caller running as another user than the server's."""
    credentials = connection.getsockopt(
        socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")
    )
    _pid, uid, _gid = struct.unpack("3i", credentials)
    if uid != os.getuid():
        raise ControlError("only the user running the server manages its tokens", 2)
