"""Analysts' reviews of extracted facts: confirm, correct or reject one, or add one the machine
missed.

A review lives in two places. The `reviews` table is the audit trail: who, when, why, what the
fact said before; `communique reprocess` never rewrites it. The fact row itself carries the
reviewed state: its `review` column (NULL for the machine's word) and its corrected columns, so
every query, page and export sees the reviewed data with no second code path.

`Store.replace` (reprocess) writes the machine's new rows, then `reapply` replays the document's
reviews in order. Each review re-finds its fact by its anchor (the fact's spans in the text, which
a re-extraction that renumbers ids keeps), not by its id; a review whose fact is gone stays in the
trail with `attached_to` NULL. Added facts are written again under their own ids (`r<review id>`).

This module is the reviews' face: the trail (reading it, recording a review). What a review may
say is in review_rules.py, how it is written onto the facts in review_replay.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from communique.store.migrations import now
from communique.store.review_replay import (
    add_fact,
    anchor_of,
    apply_review,
    document_reviews,
    fact_row,
    reviewed_document,
    set_document_date,
    value_before,
)
from communique.store.review_rules import (
    ACTIONS,
    ADDABLE,
    CORRECTABLE,
    DOCUMENT,
    FACTS,
    MAX_REASON,
    MAX_TEXT,
    REVIEW_COLUMNS,
    STATES,
    Review,
    ReviewError,
    ReviewState,
    check_addable,
    check_changes,
    check_document_review,
    clean_changes,
    clean_text,
    review_from_row,
)
from communique.store.store import Store

__all__ = [
    "ACTIONS",
    "ADDABLE",
    "CORRECTABLE",
    "FACTS",
    "MAX_REASON",
    "MAX_TEXT",
    "STATES",
    "Review",
    "ReviewError",
    "ReviewState",
    "count_reviews",
    "history",
    "record_review",
    "review_states",
    "review_statuses",
]

# --- reading -----------------------------------------------------------------------------------


def history(
    store: Store,
    *,
    document_id: str | None = None,
    fact: str | None = None,
    fact_id: str | None = None,
    author: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Review]:
    """The audit trail, newest first. `fact_id` matches the id reviewed or the one it is
    attached to now."""
    where, params = _history_where(document_id, fact, fact_id, author)
    sql = (
        f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE {where} "
        "ORDER BY id DESC LIMIT ? OFFSET ?"
    )
    return [review_from_row(row) for row in store.backend.rows(sql, [*params, limit, offset])]


def history_total(
    store: Store,
    *,
    document_id: str | None = None,
    fact: str | None = None,
    fact_id: str | None = None,
    author: str | None = None,
) -> int:
    """How many reviews `history` lists with these filters, every page together."""
    where, params = _history_where(document_id, fact, fact_id, author)
    return int(store.backend.rows(f"SELECT count(*) FROM reviews WHERE {where}", params)[0][0])


def _history_where(
    document_id: str | None, fact: str | None, fact_id: str | None, author: str | None
) -> tuple[str, list[str]]:
    conditions, params = [], []
    for column, value in (("document_id", document_id), ("fact", fact), ("author", author)):
        if value is not None:
            conditions.append(f"{column} = ?")
            params.append(value)
    if fact_id is not None:
        conditions.append("(fact_id = ? OR attached_to = ?)")
        params += [fact_id, fact_id]
    return " AND ".join(conditions) or "TRUE", params


def count_reviews(store: Store, *, document_id: str | None = None) -> int:
    if document_id is None:
        return int(store.backend.rows("SELECT count(*) FROM reviews")[0][0])
    sql = "SELECT count(*) FROM reviews WHERE document_id = ?"
    return int(store.backend.rows(sql, [document_id])[0][0])


def review_states(store: Store, document_id: str) -> dict[tuple[str, str], ReviewState]:
    """Every reviewed fact of the document, keyed by (fact, its current id)."""
    reviews = document_reviews(store.backend, document_id)
    grouped: dict[tuple[str, str], list[Review]] = {}
    for review in reviews:
        if review.attached_to is not None:
            grouped.setdefault((review.fact, review.attached_to), []).append(review)
    statuses = review_statuses(store, document_id)
    states = {}
    for (fact, fact_id), items in grouped.items():
        status = statuses.get((fact, fact_id))
        if status is None:
            continue
        values: dict[str, str] = {}
        for item in items:
            values.update(item.changes)
        states[(fact, fact_id)] = ReviewState(fact, fact_id, status, values, items)
    return states


def review_statuses(store: Store, document_id: str) -> dict[tuple[str, str], str]:
    """(fact, fact id) -> confirmed|corrected|rejected|added, for the document's reviewed facts
    (the `review` column of each fact row; a fact not in the map is the machine's word)."""
    statuses: dict[tuple[str, str], str] = {}
    for fact, table in FACTS.items():
        sql = f"SELECT id, review FROM {table} WHERE document_id = ? AND review IS NOT NULL"
        for fact_id, review in store.backend.rows(sql, [document_id]):
            statuses[(fact, str(fact_id))] = str(review)
    return statuses


# --- writing -----------------------------------------------------------------------------------


def record_review(
    store: Store,
    *,
    document_id: str,
    fact: str,
    fact_id: str | None,
    action: str,
    author: str,
    changes: Mapping[str, object] | None = None,
    reason: str | None = None,
) -> Review:
    """Check a review, apply it to its fact and write it to the trail, in one transaction."""
    if fact not in FACTS and fact != DOCUMENT:
        raise ReviewError(f"fact {fact!r}: one of {', '.join([*FACTS, DOCUMENT])}")
    if action not in ACTIONS:
        raise ReviewError(f"action {action!r}: one of {', '.join(ACTIONS)}")
    if not author or not author.strip():
        raise ReviewError("a review needs an author", 401)
    author = clean_text(author, "author", 100)
    given = clean_changes(changes or {})
    reason = clean_text(reason, "reason", MAX_REASON) if reason else None
    backend = store.backend
    with backend.transaction():
        # One review at a time: the id is read here and written below.
        backend.serialize("reviews")
        document = reviewed_document(backend, document_id)
        review_id = int(backend.rows("SELECT coalesce(max(id), 0) + 1 FROM reviews")[0][0])
        if fact == DOCUMENT:
            date = check_document_review(action, given)
            fact_id = document_id
            anchor: dict[str, Any] = {DOCUMENT: document_id}
            before: dict[str, Any] = {"date": set_document_date(backend, document_id, date)}
        elif action == "add":
            check_addable(fact, given)
            fact_id = f"r{review_id}"
            anchor = {"added": review_id}
            before = {}
            add_fact(backend, document, fact, fact_id, given)
        else:
            if not fact_id:
                raise ReviewError(f"{action} needs the id of the {fact}")
            row = fact_row(backend, document_id, fact, fact_id)
            check_changes(fact, action, given)
            anchor = anchor_of(backend, document_id, fact, fact_id, row)
            before = {name: value_before(fact, name, row) for name in given}
            apply_review(backend, document, fact, fact_id, action, given)
        review = Review(
            id=review_id, document_id=document_id, fact=fact, fact_id=fact_id, action=action,
            changes=given, reason=reason, author=author, created_at=now(), anchor=anchor,
            before=before, attached_to=fact_id,
        )  # fmt: skip
        backend.insert(
            "reviews",
            REVIEW_COLUMNS,
            [tuple(_stored(getattr(review, column)) for column in REVIEW_COLUMNS)],
        )
    return review


def _stored(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value
