"""API tokens: who may write reviews. A token is shown once; the store keeps only its SHA-256.

A token's name is the author written into the audit trail of every review it signs. Revoking a
token keeps its row (the name stays an author of past reviews); creating a token under a revoked
name gives that name a new token.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from communique.errors import CommuniqueError
from communique.store.migrations import now
from communique.store.store import Store

_NAME = re.compile(r"[\w.@+-]{1,64}")
# Far longer than the tokens we issue (43 characters); anything longer is not worth hashing.
_MAX_TOKEN = 256


class TokenError(CommuniqueError):
    """A token name of the wrong shape, or one already holding a live token: exit code 2."""

    exit_code = 2


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise TokenError(
            f"token name {name!r}: 1 to 64 letters, digits or . _ @ + - (it signs reviews)"
        )
    return name


def create_token(store: Store, name: str) -> str:
    """A new token for `name`, returned in plain text this once."""
    check_name(name)
    token = secrets.token_urlsafe(32)
    with store.backend.transaction():
        found = store.backend.rows("SELECT revoked_at FROM api_tokens WHERE name = ?", [name])
        if found and found[0][0] is None:
            raise TokenError(f"{name!r} already has a token: revoke it first")
        if found:
            store.backend.execute(
                "UPDATE api_tokens SET token_hash = ?, created_at = ?, revoked_at = NULL "
                "WHERE name = ?",
                [_hash(token), now(), name],
            )
        else:
            store.backend.insert(
                "api_tokens",
                ("name", "token_hash", "created_at", "revoked_at"),
                [(name, _hash(token), now(), None)],
            )
    return token


def authenticate(store: Store, token: str | None) -> str | None:
    """The name of a live token, or None for a missing, unknown or revoked one."""
    if not token or len(token) > _MAX_TOKEN:
        return None
    rows = store.backend.rows(
        "SELECT name FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", [_hash(token)]
    )
    return str(rows[0][0]) if rows else None


def token_hash(token: str) -> str:
    """What the store keeps of `token`: a signed-in page session keeps no more than this."""
    return _hash(token)


def author_of_hash(store: Store, stored_hash: str) -> str | None:
    """The name of the live token whose hash is `stored_hash`, or None once it is revoked or
    replaced: a session made with a token is checked with this on every request."""
    rows = store.backend.rows(
        "SELECT name FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", [stored_hash]
    )
    return str(rows[0][0]) if rows else None


def revoke_token(store: Store, name: str) -> bool:
    """Revoke `name`'s token; False when it has no live token."""
    with store.backend.transaction():
        found = store.backend.rows(
            "SELECT 1 FROM api_tokens WHERE name = ? AND revoked_at IS NULL", [name]
        )
        if found:
            store.backend.execute(
                "UPDATE api_tokens SET revoked_at = ? WHERE name = ?", [now(), name]
            )
    return bool(found)


def token_names(store: Store) -> list[tuple[str, str, str | None]]:
    """(name, created_at, revoked_at) of every token, by name."""
    rows = store.backend.rows("SELECT name, created_at, revoked_at FROM api_tokens ORDER BY name")
    return [(str(n), str(c), r) for n, c, r in rows]
