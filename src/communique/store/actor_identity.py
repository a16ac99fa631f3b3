"""Who is who across documents: an analyst merges two actors that are one person, or splits one
that is two, as reviews like any other (who, when, why, in the `reviews` trail).

An actor's identity across documents is its `actor_key` (store/identity.py): every list, pair
page, profile and export groups actor rows by it. The machine computes a key from each document's
actor row; an identity review rewrites it:

- **merge** `A` into `B`: every actor row keyed `A` is keyed `B` (both names stay, as the names the
  actor is written as); facts name actors by their row, so every event side, position, agreement
  party and commitment of either actor is now the one actor's;
- **split** `K`: the rows keyed `K` in the given documents (and the other versions of their stories)
  are keyed `K#<review id>`, a new actor.

The stored key is always the machine's key with every identity review applied in order
(`identity_of`): when a document's facts are written again (ingest, `communique reprocess`), the
machine's keys are rewritten by `apply_identities` in the same transaction, so a merge or split
holds for documents stored later too. An identity review names no one document: its trail row's
`document_id` is ACROSS_DOCUMENTS. Undoing one is a later review: a split of the documents a merge
brought in, a merge of a split-off actor back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from communique.store.backends import Backend
from communique.store.migrations import now
from communique.store.review_rules import (
    MAX_REASON,
    REVIEW_COLUMNS,
    Review,
    ReviewError,
    clean_text,
    review_from_row,
)

if TYPE_CHECKING:
    from communique.store.store import Store

IDENTITY = "identity"  # the `fact` of an identity review in the trail
IDENTITY_ACTIONS = ("merge", "split")
ACROSS_DOCUMENTS = ""  # the `document_id` of a review that names no one document
MAX_SPLIT_DOCUMENTS = 1000
_CHUNK = 500


# --- the key every actor row gets ----------------------------------------------------------------


def identity_reviews(backend: Backend) -> list[Review]:
    """Every merge and split, oldest first (the order they compose in)."""
    sql = f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE fact = ? ORDER BY id"
    return [review_from_row(row) for row in backend.rows(sql, [IDENTITY])]


def split_documents(review: Review) -> frozenset[str]:
    return frozenset(json.loads(review.changes["documents"]))


@dataclass(frozen=True)
class _Step:
    """One identity review as `identity_of` applies it."""

    key: str  # the actor it rewrites
    result: str  # the key it gives
    documents: frozenset[str] | None  # a split's documents; None: a merge, every document


def _steps(reviews: Sequence[Review]) -> list[_Step]:
    return [
        _Step(r.fact_id, r.changes["into"], None)
        if r.action == "merge"
        else _Step(r.fact_id, r.changes["key"], split_documents(r))
        for r in reviews
    ]


def identity_of(reviews: Sequence[Review], document_id: str, machine_key: str) -> str:
    """The key an actor row of `document_id` whose machine key is `machine_key` has once the
    identity reviews (oldest first) are applied."""
    return _apply(_steps(reviews), document_id, machine_key)


def _apply(steps: Sequence[_Step], document_id: str, machine_key: str) -> str:
    key = machine_key
    for step in steps:
        if key == step.key and (step.documents is None or document_id in step.documents):
            key = step.result
    return key


def apply_identities(backend: Backend, document_ids: Iterable[str]) -> None:
    """Rewrite the machine's keys of the documents' actor rows, just written, with the identity
    reviews (inside the writer's transaction). One query when there are none."""
    reviews = identity_reviews(backend)
    if not reviews:
        return
    steps = _steps(reviews)
    wanted = list(dict.fromkeys(document_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = backend.rows(
            f"SELECT document_id, id, actor_key FROM actors WHERE document_id IN ({marks})", chunk
        )
        for document_id, actor_id, key in rows:
            if key is None:
                continue
            reviewed = _apply(steps, str(document_id), str(key))
            if reviewed != key:
                backend.execute(
                    "UPDATE actors SET actor_key = ? WHERE document_id = ? AND id = ?",
                    [reviewed, document_id, actor_id],
                )


# --- finding the actors a review names ------------------------------------------------------------


def actor_names(backend: Backend, key: str) -> list[str]:
    """The names the actor `key` is written as, most frequent first."""
    rows = backend.rows(
        "SELECT name, count(*) FROM actors WHERE actor_key = ? GROUP BY name "
        "ORDER BY count(*) DESC, name",
        [key],
    )
    return [str(name) for name, _ in rows]


def find_actor(backend: Backend, value: str, what: str) -> str:
    """The key of the actor `value` names: its key, or a name it is written as (letter case and
    spacing aside) when that name is one actor's only."""
    value = " ".join(str(value).split())
    if not value:
        raise ReviewError(f"{what}: name an actor")
    if len(value) > 1000:
        raise ReviewError(f"{what}: at most 1000 characters")
    if backend.rows("SELECT 1 FROM actors WHERE actor_key = ? LIMIT 1", [value]):
        return value
    rows = backend.rows(
        "SELECT DISTINCT actor_key, country FROM actors WHERE (name = ? OR lower(name) = ?) "
        "AND actor_key IS NOT NULL ORDER BY actor_key",
        [value, value.lower()],
    )
    if not rows:
        raise ReviewError(f"{what}: no actor {value!r}", 404)
    if len(rows) > 1:
        listed = "; ".join(str(key) for key, _ in rows[:10])
        raise ReviewError(
            f"{what}: {len(rows)} actors are written {value!r}: give one's key ({listed})"
        )
    return str(rows[0][0])


MAX_CHOICES = 300


def merge_choices(backend: Backend, key: str, kind: str) -> list[str]:
    """The names an analyst may pick to merge the actor `key` into: other actors' names of the
    same kind, the most often named first (a page's picker; any other name or key is taken too)."""
    rows = backend.rows(
        "SELECT name FROM actors WHERE kind = ? AND actor_key <> ? GROUP BY name "
        "ORDER BY count(DISTINCT document_id) DESC, name LIMIT ?",
        [kind, key, MAX_CHOICES],
    )
    return [str(row[0]) for row in rows]


def merged_into(backend: Backend, key: str) -> str | None:
    """The actor the merges made of `key`, if `key` was merged away and that actor has rows:
    where an old link to `key` leads."""
    reviews = [r for r in identity_reviews(backend) if r.action == "merge"]
    current = identity_of(reviews, ACROSS_DOCUMENTS, key)
    if current == key or not backend.rows(
        "SELECT 1 FROM actors WHERE actor_key = ? LIMIT 1", [current]
    ):
        return None
    return current


def _documents_of(backend: Backend, key: str) -> list[str]:
    rows = backend.rows(
        "SELECT DISTINCT document_id FROM actors WHERE actor_key = ? ORDER BY document_id", [key]
    )
    return [str(row[0]) for row in rows]


# --- recording a review --------------------------------------------------------------------------


def merge_actors(
    store: Store, *, actor_key: str, into: str, author: str, reason: str | None = None
) -> Review:
    """Record that the actor `actor_key` is the actor `into` (a key or a name): its rows take
    `into`'s key, across every document, now and when documents are written again."""
    backend = store.backend
    author = _author(author)
    reason = clean_text(reason, "reason", MAX_REASON) if reason else None
    with backend.transaction():
        backend.serialize("reviews")
        merged = find_actor(backend, actor_key, "actor")
        kept = find_actor(backend, into, "into")
        if merged == kept:
            raise ReviewError(f"into: {into!r} is this actor itself; merge it with another")
        before = {
            "names": actor_names(backend, merged),
            "into_names": actor_names(backend, kept),
            "documents": _documents_of(backend, merged),
        }
        backend.execute("UPDATE actors SET actor_key = ? WHERE actor_key = ?", [kept, merged])
        return _insert(
            backend, _next_id(backend), merged, "merge", {"into": kept}, before, kept,
            author=author, reason=reason,
        )  # fmt: skip


def split_actor(
    store: Store,
    *,
    actor_key: str,
    documents: Sequence[str],
    author: str,
    reason: str | None = None,
) -> Review:
    """Record that the actor `actor_key` is a second person in `documents` (and in the other
    versions of their stories): its rows there become a new actor, keyed `<key>#<review id>`."""
    backend = store.backend
    author = _author(author)
    reason = clean_text(reason, "reason", MAX_REASON) if reason else None
    given = list(dict.fromkeys(" ".join(str(d).split()) for d in documents if str(d).strip()))
    if not given:
        raise ReviewError("documents: name the documents that belong to the new actor")
    if len(given) > MAX_SPLIT_DOCUMENTS:
        raise ReviewError(f"documents: at most {MAX_SPLIT_DOCUMENTS}")
    with backend.transaction():
        backend.serialize("reviews")
        key = find_actor(backend, actor_key, "actor")
        own = _documents_of(backend, key)
        missing = [d for d in given if d not in own]
        if missing:
            raise ReviewError(
                f"documents: {', '.join(repr(d) for d in missing[:5])} "
                f"{'does' if len(missing) == 1 else 'do'} not name this actor"
            )
        moved = _with_story_versions(backend, given, set(own))
        if len(moved) == len(own):
            raise ReviewError(
                "documents: every document of this actor is named; a split leaves some behind"
            )
        review_id = _next_id(backend)
        new_key = f"{key}#{review_id}"
        marks = ", ".join("?" * len(moved))
        backend.execute(
            f"UPDATE actors SET actor_key = ? WHERE actor_key = ? AND document_id IN ({marks})",
            [new_key, key, *moved],
        )
        changes = {"documents": json.dumps(moved, ensure_ascii=False), "key": new_key}
        before = {"names": actor_names(backend, key), "documents": own}
        return _insert(
            backend, review_id, key, "split", changes, before, new_key,
            author=author, reason=reason,
        )  # fmt: skip


def _with_story_versions(backend: Backend, documents: list[str], own: set[str]) -> list[str]:
    """The documents, and the actor's other documents of their stories (a release's versions in
    other languages and its re-publications are about the same people)."""
    marks = ", ".join("?" * len(documents))
    rows = backend.rows(
        "SELECT d.id FROM documents d WHERE d.story_id IN "
        f"(SELECT story_id FROM documents WHERE id IN ({marks})) ORDER BY d.id",
        documents,
    )
    return sorted({*documents, *(str(r[0]) for r in rows if str(r[0]) in own)})


def _author(author: str) -> str:
    if not author or not author.strip():
        raise ReviewError("a review needs an author", 401)
    return clean_text(author, "author", 100)


def _next_id(backend: Backend) -> int:
    return int(backend.rows("SELECT coalesce(max(id), 0) + 1 FROM reviews")[0][0])


def _insert(
    backend: Backend,
    review_id: int,
    key: str,
    action: str,
    changes: dict[str, str],
    before: dict[str, Any],
    result: str,
    *,
    author: str,
    reason: str | None,
) -> Review:
    review = Review(
        id=review_id, document_id=ACROSS_DOCUMENTS, fact=IDENTITY, fact_id=key,
        action=action, changes=changes, reason=reason, author=author, created_at=now(),
        anchor={"actor_key": key}, before=before, attached_to=result,
    )  # fmt: skip
    stored = [
        json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value
        for value in (getattr(review, column) for column in REVIEW_COLUMNS)
    ]
    backend.insert("reviews", REVIEW_COLUMNS, [tuple(stored)])
    return review
