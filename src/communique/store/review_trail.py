"""The audit trail as a person reads it: each review with the fact it names described in words
(an event's type and sides by name, an actor's name, an agreement's title...), its values and
the values before it with actors' names for their ids, and its document by headline. The
`reviews` rows keep ids (they are what a replay needs); this module only reads."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from communique.ingest.title import headline
from communique.store.actor_identity import IDENTITY, split_documents
from communique.store.review_rules import DOCUMENT, FACTS, Review

if TYPE_CHECKING:
    from communique.store.store import Store

# A fact's words: the columns that say what it is, per kind.
_DESCRIBED: dict[str, str] = {
    "actor": "name",
    "occupation": "position",
    "event": "type, source_actors, target_actors",
    "agreement": "title",
    "commitment": "what",
    "topic": "label_en",
    "mention": "text",
}
# Values that are lists of a document's actor ids (a side's), shown as their names.
_ACTOR_LISTS = ("source", "target", "parties")
_CHUNK = 500


@dataclass(frozen=True)
class TrailEntry:
    review: Review
    fact: str  # the fact in words, e.g. «CONSULT: Токаев → Хурэлсух», «Ерлан Карин»
    changes: list[tuple[str, str]]  # (field, value) as set by the review
    before: list[tuple[str, str]]  # (field, value) before it, "—" where there was none
    document: str | None  # the document's headline; None for a review across documents
    actor_keys: list[tuple[str, str]]  # an identity review's actors: (name, actor_key)


def trail(store: Store, reviews: Sequence[Review]) -> list[TrailEntry]:
    """The reviews (as `reviews.history` returns them) described in words."""
    by_document: dict[str, list[Review]] = defaultdict(list)
    for review in reviews:
        if review.fact != IDENTITY:
            by_document[review.document_id].append(review)
    headlines = _headlines(store, list(by_document))
    names = _actor_names(store, list(by_document))
    facts = _facts(store, by_document)
    entries = []
    for review in reviews:
        if review.fact == IDENTITY:
            entries.append(_identity_entry(review))
            continue
        document_names = names.get(review.document_id, {})
        key = (review.document_id, review.fact, review.attached_to or "")
        entries.append(
            TrailEntry(
                review=review,
                fact=facts.get(key) or _fallback(review, headlines),
                changes=[(k, str(v)) for k, v in review.changes.items()],
                before=[(k, _value(k, v, document_names)) for k, v in review.before.items()],
                document=headlines.get(review.document_id),
                actor_keys=[],
            )
        )
    return entries


def _identity_entry(review: Review) -> TrailEntry:
    names = ", ".join(review.before.get("names", [])) or review.fact_id
    if review.action == "merge":
        into = ", ".join(review.before.get("into_names", [])) or str(review.attached_to)
        fact = f"{names} → {into}"
        changes = [("into", into)]
        keys = [(names, review.fact_id), (into, str(review.attached_to))]
    else:
        moved = sorted(split_documents(review))
        fact = f"{names}: a second person in {len(moved)} document{'s' * (len(moved) != 1)}"
        changes = [("documents", ", ".join(moved))]
        keys = [(names, review.fact_id), ("the new actor", str(review.attached_to))]
    documents = review.before.get("documents", [])
    before = [("documents", str(len(documents)))] if documents else []
    return TrailEntry(review, fact, changes, before, None, keys)


def _fallback(review: Review, headlines: dict[str, str]) -> str:
    if review.fact == DOCUMENT:
        return headlines.get(review.document_id, review.document_id)
    if review.attached_to is None:
        return f"{review.fact} {review.fact_id} (gone since a reprocess)"
    return f"{review.fact} {review.attached_to}"


def _value(name: str, value: Any, actor_names: dict[str, str]) -> str:
    if value is None or value == "":
        return "—"
    if name in _ACTOR_LISTS and isinstance(value, str) and value.startswith("["):
        try:
            ids = json.loads(value)
        except ValueError:
            return value
        return ", ".join(actor_names.get(str(i), str(i)) for i in ids) or "—"
    return str(value)


def _chunks(values: list[str]) -> list[list[str]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _headlines(store: Store, document_ids: list[str]) -> dict[str, str]:
    found = {}
    for chunk in _chunks(document_ids):
        marks = ", ".join("?" * len(chunk))
        rows = store.backend.rows(
            f"SELECT id, title, substr(text, 1, 300) FROM documents WHERE id IN ({marks})", chunk
        )
        found |= {str(i): headline(title, opening) for i, title, opening in rows}
    return found


def _actor_names(store: Store, document_ids: list[str]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for chunk in _chunks(document_ids):
        marks = ", ".join("?" * len(chunk))
        rows = store.backend.rows(
            f"SELECT document_id, id, name FROM actors WHERE document_id IN ({marks})", chunk
        )
        for document_id, actor_id, name in rows:
            found[str(document_id)][str(actor_id)] = str(name)
    return found


def _facts(store: Store, by_document: dict[str, list[Review]]) -> dict[tuple[str, str, str], str]:
    """(document, fact, id) -> the fact in words, for the facts the reviews are attached to."""
    wanted: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for document_id, items in by_document.items():
        for review in items:
            if review.fact in FACTS and review.attached_to:
                wanted[review.fact].add((document_id, review.attached_to))
    names = _actor_names(store, list(by_document))
    found = {}
    for fact, pairs in wanted.items():
        documents = sorted({d for d, _ in pairs})
        for chunk in _chunks(documents):
            marks = ", ".join("?" * len(chunk))
            rows = store.backend.rows(
                f"SELECT document_id, id, {_DESCRIBED[fact]} FROM {FACTS[fact]} "
                f"WHERE document_id IN ({marks})",
                chunk,
            )
            for document_id, fact_id, *values in rows:
                if (str(document_id), str(fact_id)) not in pairs:
                    continue
                found[(str(document_id), fact, str(fact_id))] = _words(
                    fact, values, names.get(str(document_id), {})
                )
    return found


def _words(fact: str, values: list[Any], actor_names: dict[str, str]) -> str:
    if fact == "event":
        kind, source, target = values
        sides = [_value("source", side, actor_names) for side in (source, target)]
        return f"{kind}: {sides[0]} → {sides[1]}"
    return str(values[0]) if values[0] is not None else "—"
