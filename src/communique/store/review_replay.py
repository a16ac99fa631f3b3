"""Reviews written onto the facts they name: a correction's columns, a rejection's mark, an
added fact's row, the links and actor identities they move. `record_review` (store/reviews.py)
applies one review as it is taken; `reapply` replays a document's reviews on the rows of a new
extraction (`Store.replace`, in its transaction). Nothing here knows the Store: it works on the
backend it is given."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from communique.coding.cameo import cameo_table
from communique.record import ActorKind, AgreementStatus, EventStatus, MentionType
from communique.store.actor_identity import identity_of, identity_reviews
from communique.store.backends import Backend
from communique.store.identity import actor_key
from communique.store.review_rules import (
    ADDED_BY,
    ANCHOR,
    CORRECTABLE,
    DOCUMENT,
    FACTS,
    KIND_PATTERN,
    READ_FROM,
    REVIEW_COLUMNS,
    Review,
    ReviewError,
    checked_cameo,
    checked_choice,
    checked_country,
    checked_date,
    checked_mode,
    checked_topic,
    clean_text,
    plover_types,
    review_from_row,
)
from communique.store.rows import ACTOR_COLUMNS, AGREEMENT_COLUMNS, EVENT_COLUMNS

_ACTOR_KINDS = tuple(kind.value for kind in ActorKind)
MAX_ACTOR_NAME = 200


def document_reviews(backend: Backend, document_id: str) -> list[Review]:
    sql = f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE document_id = ? ORDER BY id"
    return [review_from_row(row) for row in backend.rows(sql, [document_id])]


def fact_status(backend: Backend, document_id: str, fact: str, fact_id: str) -> str | None:
    rows = backend.rows(
        f"SELECT review FROM {FACTS[fact]} WHERE document_id = ? AND id = ?",
        [document_id, fact_id],
    )
    return rows[0][0] if rows else None


def reapply(backend: Backend, document_id: str) -> None:
    """Replay the document's reviews on freshly extracted rows (inside the caller's
    transaction). A review that no longer fits is marked unattached, never an error: reprocess
    must not fail because the machine changed its mind."""
    reviews = document_reviews(backend, document_id)
    if not reviews:
        return
    document = reviewed_document(backend, document_id)
    for review in reviews:
        attached: str | None = None
        try:
            if review.fact == DOCUMENT:
                set_document_date(backend, document_id, review.changes["date"])
                attached = document_id
            elif review.action == "add":
                attached = f"r{review.id}"
                add_fact(backend, document, review.fact, attached, review.changes)
            else:
                attached = _find(backend, document_id, review.fact, review.anchor)
                if attached is not None:
                    apply_review(
                        backend, document, review.fact, attached, review.action, review.changes
                    )
        except ReviewError:
            attached = None
        backend.execute("UPDATE reviews SET attached_to = ? WHERE id = ?", [attached, review.id])


def set_document_date(backend: Backend, document_id: str, value: str) -> str | None:
    """Date the document `value` (an analyst's word: basis `reviewed`) and give it to its events
    that take the document's date (basis `published`, or a happened event still undated for want
    of one); returns the date it had. Dates the text states stay as they are; dates relative to
    the publication ("вчера") are resolved against it again by `communique reprocess`."""
    value, precision, first, last = checked_date(value, "date")
    before = backend.rows("SELECT published FROM documents WHERE id = ?", [document_id])
    backend.execute(
        "UPDATE documents SET published = ?, published_date = ?, published_basis = 'reviewed' "
        "WHERE id = ?",
        [value, first, document_id],
    )
    backend.execute(
        "UPDATE events SET date_value = ?, date_precision = ?, date_basis = 'published', "
        "date_first = ?, date_last = ?, date_span_start = NULL, date_span_end = NULL "
        "WHERE document_id = ? AND (date_basis = 'published' "
        "OR (date_value IS NULL AND status = 'happened'))",
        [value, precision, first, last, document_id],
    )
    return str(before[0][0]) if before and before[0][0] is not None else None


@dataclass(frozen=True)
class ReviewedDocument:
    id: str
    text: str
    pipeline_version: str


def reviewed_document(backend: Backend, document_id: str) -> ReviewedDocument:
    rows = backend.rows(
        "SELECT id, text, pipeline_version FROM documents WHERE id = ?", [document_id]
    )
    if not rows:
        raise ReviewError(f"no document {document_id!r}", 404)
    return ReviewedDocument(*rows[0])


def fact_row(backend: Backend, document_id: str, fact: str, fact_id: str) -> dict[str, Any]:
    columns, rows = backend.fetch(
        f"SELECT * FROM {FACTS[fact]} WHERE document_id = ? AND id = ?", [document_id, fact_id]
    )
    if not rows:
        raise ReviewError(f"no {fact} {fact_id!r} in document {document_id!r}", 404)
    return dict(zip(columns, rows[0], strict=True))


def anchor_of(
    backend: Backend, document_id: str, fact: str, fact_id: str, row: dict[str, Any]
) -> dict[str, Any]:
    """The anchor of the fact's first review (a corrected title or name must not move it), or
    one read from the row."""
    earlier = backend.rows(
        "SELECT anchor FROM reviews WHERE document_id = ? AND fact = ? AND attached_to = ? "
        "ORDER BY id LIMIT 1",
        [document_id, fact, fact_id],
    )
    if earlier:
        return dict(json.loads(earlier[0][0]))
    return {column: row[column] for column in ANCHOR[fact]}


def _find(backend: Backend, document_id: str, fact: str, anchor: dict[str, Any]) -> str | None:
    if "added" in anchor:
        wanted = f"r{anchor['added']}"
        found = backend.rows(
            f"SELECT id FROM {FACTS[fact]} WHERE document_id = ? AND id = ?", [document_id, wanted]
        )
    else:
        columns = [c for c in ANCHOR[fact] if c in anchor]
        if not columns:
            return None
        conditions = " AND ".join(f"{c} IS NOT DISTINCT FROM ?" for c in columns)
        found = backend.rows(
            f"SELECT id FROM {FACTS[fact]} WHERE document_id = ? AND {conditions} "
            "ORDER BY seq LIMIT 1",
            [document_id, *(anchor[c] for c in columns)],
        )
    return str(found[0][0]) if found else None


def value_before(fact: str, name: str, row: dict[str, Any]) -> Any:
    return row.get(READ_FROM.get(fact, {}).get(name, name))


def apply_review(
    backend: Backend,
    document: ReviewedDocument,
    fact: str,
    fact_id: str,
    action: str,
    changes: dict[str, str],
) -> None:
    table = FACTS[fact]
    current = fact_status(backend, document.id, fact, fact_id)
    if action == "reject":
        status = "rejected"
    elif current in ("corrected", "added"):
        status = current  # confirming a corrected or added fact keeps what it is
    else:
        status = "corrected" if action == "correct" else "confirmed"
    moved_from = None
    if fact == "actor" and "country" in changes:
        moved_from = fact_row(backend, document.id, fact, fact_id)["country"]
    updates = _column_values(backend, document, fact, fact_id, changes) if changes else {}
    updates["review"] = status
    assignments = ", ".join(f"{column} = ?" for column in updates)
    backend.execute(
        f"UPDATE {table} SET {assignments} WHERE document_id = ? AND id = ?",
        [*updates.values(), document.id, fact_id],
    )
    if fact == "actor" and changes:
        _rekey_actor(backend, document.id, fact_id)
    if fact == "actor" and "country" in changes and moved_from != updates["country"]:
        _move_country(backend, document.id, fact_id, moved_from, updates["country"])


def add_fact(
    backend: Backend, document: ReviewedDocument, fact: str, fact_id: str, changes: dict[str, str]
) -> None:
    """Write a new fact from an analyst's fields; the optional ones go through `apply_review`."""
    start, end = _evidence(document, changes)
    seq = int(
        backend.rows(
            f"SELECT coalesce(max(seq), -1) + 1 FROM {FACTS[fact]} WHERE document_id = ?",
            [document.id],
        )[0][0]
    )
    base: dict[str, Any] = {
        "document_id": document.id, "pipeline_version": document.pipeline_version,
        "id": fact_id, "seq": seq, "extra": None,
    }  # fmt: skip
    if fact == "event":
        plover = checked_choice(changes["type"], "type", plover_types())
        code = cameo_table().default_for(plover)
        assert start is not None and end is not None  # ADDABLE requires them
        row = {
            **base, "type": plover, "cameo": code.code, "cameo_name": code.name,
            "goldstein": code.goldstein, "mode": None, "trigger_start": start,
            "trigger_end": end, "trigger_text": document.text[start:end],
            "source_actors": "[]", "target_actors": "[]", "joint": False,
            "participants_inferred": False, "source_countries": "[]", "target_countries": "[]",
            "status": EventStatus.HAPPENED.value, "reported_by": None, "date_value": None,
            "date_precision": None, "date_basis": None, "date_span_start": None,
            "date_span_end": None, "date_first": None, "date_last": None, "location_id": None,
            "span_start": start, "span_end": end, "topics": "[]", "extractor": ADDED_BY,
        }  # fmt: skip
        columns = EVENT_COLUMNS
    elif fact == "agreement":
        row = {
            **base, "mention_id": fact_id, "title": clean_text(changes["title"], "title"),
            "kind": None, "unnamed": False, "parties": "[]", "countries": "[]",
            "status": AgreementStatus.MENTIONED.value, "date_value": None,
            "date_precision": None, "date_basis": None, "date_span_start": None,
            "date_span_end": None, "date_first": None, "date_last": None, "event_id": None,
            "span_start": start, "span_end": end, "extractor": ADDED_BY,
        }  # fmt: skip
        columns = AGREEMENT_COLUMNS
    else:
        row = {
            **base, "kind": checked_choice(changes["kind"], "kind", _ACTOR_KINDS),
            "name": clean_text(changes["name"], "name"), "name_latin": None, "country": None,
            "country_basis": None, "kb_id": None, "positions": "[]", "mentions": "[]",
            "span_start": start, "span_end": end, "actor_key": None,
        }  # fmt: skip
        columns = ACTOR_COLUMNS
    backend.insert(FACTS[fact], (*columns, "review"), [(*(row[c] for c in columns), "added")])
    rest = {k: v for k, v in changes.items() if k in CORRECTABLE[fact]}
    apply_review(backend, document, fact, fact_id, "correct", rest)


def _evidence(document: ReviewedDocument, changes: dict[str, str]) -> tuple[int | None, int | None]:
    if "start" not in changes and "end" not in changes:
        return None, None
    try:
        start, end = int(changes.get("start", "")), int(changes.get("end", ""))
    except ValueError:
        raise ReviewError("start and end: character offsets, both given") from None
    if not 0 <= start < end <= len(document.text):
        raise ReviewError(f"start, end: 0 <= start < end <= {len(document.text)}")
    return start, end


def _column_values(
    backend: Backend, document: ReviewedDocument, fact: str, fact_id: str, changes: dict[str, str]
) -> dict[str, Any]:
    """The columns a correction writes (and the links it rewrites, as a side effect)."""
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("date", "by"):
            prefix = "date" if name == "date" else "by"
            iso, precision, first, last = checked_date(value, name)
            values |= {
                f"{prefix}_value": iso, f"{prefix}_precision": precision,
                f"{prefix}_basis": "reviewed", f"{prefix}_span_start": None,
                f"{prefix}_span_end": None,
            }  # fmt: skip
            if prefix == "date":
                values |= {"date_first": first, "date_last": last}
        elif name == "country":
            values["country"] = checked_country(value, "country")
        elif name in ("source", "target", "parties"):
            ids, countries = _actors(backend, document.id, value, name)
            column = {"source": "source_actors", "target": "target_actors"}.get(name, name)
            values[column] = json.dumps(ids)
            country_column = {"parties": "countries"}.get(name, f"{name}_countries")
            values[country_column] = json.dumps(countries)
            side = {"parties": "party"}.get(name, name)
            _relink_countries(backend, document.id, fact, fact_id, side, countries)
        elif fact == "event" and name == "type":
            values["type"] = checked_choice(value, "type", plover_types())
            if "cameo" not in changes:
                row = fact_row(backend, document.id, fact, fact_id)
                if cameo_table().code(row["cameo"]).plover != values["type"]:
                    code = cameo_table().default_for(values["type"]).code
                    values |= _cameo_columns(code, with_mode="mode" not in changes)
        elif fact == "event" and name == "cameo":
            values |= _cameo_columns(value, with_mode="mode" not in changes)
            if "type" not in changes:
                values["type"] = checked_cameo(value).plover
        elif name == "status":
            statuses = tuple(EventStatus) if fact == "event" else tuple(AgreementStatus)
            values["status"] = checked_choice(value, "status", tuple(s.value for s in statuses))
        elif name == "mode":  # only events have one
            event_type = _event_type(backend, document.id, fact_id, changes)
            values["mode"] = checked_mode(value, event_type)
        elif name == "kind" and fact == "actor":
            values["kind"] = checked_choice(value, "kind", _ACTOR_KINDS)
        elif name == "kind":
            if not KIND_PATTERN.fullmatch(value):
                raise ReviewError(f"kind {value[:40]!r}: a word such as treaty or memorandum")
            values["kind"] = value.lower()
        elif name == "type":  # a mention's
            values["type"] = checked_choice(value, "type", tuple(t.value for t in MentionType))
        elif name == "label_en":
            entry = checked_topic(value)
            values |= {"label_en": entry.en, "label_ru": entry.ru, "label_kk": entry.kk}
        else:  # name, position, title, what, normal: text as written
            values[name] = clean_text(value, name)
    return values


def _event_type(backend: Backend, document_id: str, event_id: str, changes: dict[str, str]) -> str:
    """The event's PLOVER category once `changes` are applied."""
    if "type" in changes:
        return checked_choice(changes["type"], "type", plover_types())
    if "cameo" in changes:
        return str(checked_cameo(changes["cameo"]).plover)
    return str(fact_row(backend, document_id, "event", event_id)["type"])


def _cameo_columns(code: str, *, with_mode: bool) -> dict[str, Any]:
    """A new code's columns; `with_mode`: its mode too, as a mode belongs to its category (a
    CONSULT's `visit` is no AGREE's), unless the review sets the mode itself."""
    entry = checked_cameo(code)
    columns = {"cameo": entry.code, "cameo_name": entry.name, "goldstein": entry.goldstein}
    return columns | ({"mode": entry.mode} if with_mode else {})


def _actors(backend: Backend, document_id: str, value: str, name: str) -> tuple[list[str], list]:
    """The document's actors a review names, by name as the page shows them or by id,
    separated by commas or semicolons; and their countries in order. A name is looked up when
    the review is taken and again when it is replayed, so it follows its actor through a
    re-extraction that renumbers them."""
    given = [i.strip() for i in re.split(r"[,;]", value) if i.strip()]
    if len(given) > 50 or any(len(i) > MAX_ACTOR_NAME for i in given):
        raise ReviewError(f"{name}: at most 50 actors of this document, by name")
    rows = backend.rows("SELECT id, name, country FROM actors WHERE document_id = ?", [document_id])
    countries = {str(actor_id): country for actor_id, _, country in rows}
    by_name: dict[str, list[str]] = {}
    for actor_id, actor_name, _ in rows:
        by_name.setdefault(_folded(str(actor_name)), []).append(str(actor_id))
    ids = []
    for item in given:
        if item in countries:
            ids.append(item)
            continue
        named = by_name.get(_folded(item), [])
        if not named:
            raise ReviewError(f"{name}: no actor {item} in document {document_id!r}")
        if len(named) > 1:
            raise ReviewError(f"{name}: {len(named)} actors are named {item!r}: give one's id")
        ids.append(named[0])
    return ids, list(dict.fromkeys(countries[i] for i in ids if countries[i]))


def _folded(actor_name: str) -> str:
    return " ".join(actor_name.split()).casefold()


def _relink_countries(
    backend: Backend, document_id: str, fact: str, fact_id: str, side: str, countries: list
) -> None:
    backend.execute(
        "DELETE FROM fact_countries WHERE document_id = ? AND fact = ? AND fact_id = ? "
        "AND side = ?",
        [document_id, fact, fact_id, side],
    )
    if countries:
        backend.insert(
            "fact_countries",
            ("document_id", "fact", "fact_id", "side", "country"),
            [(document_id, fact, fact_id, side, c) for c in countries],
        )


# Facts whose sides list actors, with their countries beside them: (table, fact, side, actor ids
# column, countries column; None where the countries live in fact_countries only).
_SIDES = (
    ("events", "event", "source", "source_actors", "source_countries"),
    ("events", "event", "target", "target_actors", "target_countries"),
    ("agreements", "agreement", "party", "parties", "countries"),
    ("commitments", "commitment", "who", "who_actors", None),
    ("commitments", "commitment", "to", "to_actors", None),
)


def _move_country(
    backend: Backend, document_id: str, actor_id: str, old: str | None, new: str
) -> None:
    """An actor's corrected country moves the sides it stands on: the event it meets, the
    agreement it is party to now count for its new country, and for the old one only while
    another actor of that side still has it."""
    countries_of = dict(
        backend.rows("SELECT id, country FROM actors WHERE document_id = ?", [document_id])
    )
    for table, fact, side, actors_column, countries_column in _SIDES:
        listed = f", {countries_column}" if countries_column else ", NULL"
        rows = backend.rows(
            f"SELECT id, {actors_column}{listed} FROM {table} WHERE document_id = ?",
            [document_id],
        )
        for fact_id, actors_json, countries_json in rows:
            actor_ids = json.loads(actors_json)
            if actor_id not in actor_ids:
                continue
            if countries_json is None:
                countries = [
                    row[0]
                    for row in backend.rows(
                        "SELECT country FROM fact_countries WHERE document_id = ? AND fact = ? "
                        "AND fact_id = ? AND side = ? ORDER BY country",
                        [document_id, fact, fact_id, side],
                    )
                ]
            else:
                countries = json.loads(countries_json)
            others = {countries_of.get(i) for i in actor_ids if i != actor_id}
            if old in countries and old not in others:
                countries.remove(old)
            if new not in countries:
                countries.append(new)
            if countries_column:
                backend.execute(
                    f"UPDATE {table} SET {countries_column} = ? WHERE document_id = ? AND id = ?",
                    [json.dumps(countries), document_id, fact_id],
                )
            _relink_countries(backend, document_id, fact, fact_id, side, countries)


def _rekey_actor(backend: Backend, document_id: str, actor_id: str) -> None:
    """A corrected name, kind or country moves the actor to its new identity across
    documents (and the analysts' merges and splits of that identity still hold)."""
    kind, name, latin, country, kb_id = backend.rows(
        "SELECT kind, name, name_latin, country, kb_id FROM actors "
        "WHERE document_id = ? AND id = ?",
        [document_id, actor_id],
    )[0]
    machine_key = actor_key(kind, name, name_latin=latin, country=country, kb_id=kb_id)
    backend.execute(
        "UPDATE actors SET actor_key = ? WHERE document_id = ? AND id = ?",
        [identity_of(identity_reviews(backend), document_id, machine_key), document_id, actor_id],
    )
