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
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from communique.coding.cameo import CODE_PATTERN, cameo_table, plover_vocabulary
from communique.errors import CommuniqueError
from communique.extract.topics import topic_entries
from communique.knowledge.base import COUNTRIES_FILE
from communique.knowledge.files import data_file
from communique.record import ActorKind, AgreementStatus, EventStatus, MentionType
from communique.store.backends import Backend
from communique.store.dates import date_bounds
from communique.store.identity import actor_key
from communique.store.migrations import now
from communique.store.rows import ACTOR_COLUMNS, AGREEMENT_COLUMNS, EVENT_COLUMNS

if TYPE_CHECKING:
    from communique.store.store import Store

# The kinds of fact a review can name, and their tables.
FACTS: dict[str, str] = {
    "actor": "actors",
    "occupation": "occupations",
    "event": "events",
    "agreement": "agreements",
    "commitment": "commitments",
    "topic": "topics",
    "mention": "mentions",
}
ACTIONS = ("confirm", "correct", "reject", "add")
STATES = ("confirmed", "corrected", "rejected", "added")
# What a correction may change, per fact. `source`, `target` and `parties` are actor ids of the
# same document, comma-separated.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "actor": ("name", "country", "kind"),
    "occupation": ("position", "country"),
    "event": ("type", "cameo", "status", "date", "mode", "source", "target"),
    "agreement": ("title", "kind", "status", "date", "parties"),
    "commitment": ("what", "by"),
    "topic": ("label_en",),
    "mention": ("type", "normal"),
}
# Facts an analyst can add, with the fields an added one must have; any CORRECTABLE field may
# come too. `start`/`end` are the character offsets of its evidence in the text.
ADDABLE: dict[str, tuple[str, ...]] = {
    "event": ("type", "start", "end"),
    "agreement": ("title", "start", "end"),
    "actor": ("name", "kind"),
}
_SPAN_FIELDS = ("start", "end")
# The columns that find a fact again after a re-extraction: where it is in the text, which no
# correction changes (an actor's span is its first mention's; the name tells apart actors with
# none).
_ANCHOR: dict[str, tuple[str, ...]] = {
    "actor": ("span_start", "span_end", "name"),
    "occupation": ("title_start", "title_end", "span_start", "span_end"),
    "event": ("trigger_start", "trigger_end", "span_start", "span_end"),
    "agreement": ("span_start", "span_end", "title"),
    "commitment": ("what_start", "what_end", "span_start", "span_end"),
    "topic": ("id",),
    "mention": ("span_start", "span_end"),
}
# The column (or columns) a field's value is read from, for the trail's "before".
_READ: dict[str, dict[str, str]] = {
    "event": {"date": "date_value", "source": "source_actors", "target": "target_actors"},
    "agreement": {"date": "date_value"},
    "commitment": {"by": "by_value"},
}
MAX_TEXT = 500
MAX_REASON = 2000
ADDED_BY = "review"  # the `extractor` of an added fact
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_KIND = re.compile(r"[^\W\d_][\w ,'-]{0,39}")
_ACTOR_ID = re.compile(r"[\w.:#-]{1,64}")


class ReviewError(CommuniqueError):
    """A review that cannot be taken: `http_status` 404 (no such document or fact) or 422 (a
    value of the wrong shape). Exit code 2 on the command line, as a usage error."""

    exit_code = 2

    def __init__(self, message: str, http_status: int = 422) -> None:
        super().__init__(message)
        self.http_status = http_status


@dataclass(frozen=True)
class Review:
    id: int
    document_id: str
    fact: str
    fact_id: str  # the fact as named when reviewed (for an added fact: its new id)
    action: str
    changes: dict[str, str]
    reason: str | None
    author: str
    created_at: str
    anchor: dict[str, Any]
    before: dict[str, Any]  # the reviewed fields' values before this review
    attached_to: str | None  # the fact it applies to now; None once its fact is gone

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class ReviewState:
    fact: str
    fact_id: str
    status: str  # confirmed, corrected, rejected, added
    values: dict[str, str] = field(default_factory=dict)  # every field set so far
    reviews: list[Review] = field(default_factory=list)  # oldest first


# --- reading -----------------------------------------------------------------------------------

_REVIEW_COLUMNS = (
    "id", "document_id", "fact", "fact_id", "action", "changes", "reason", "author",
    "created_at", "anchor", "before", "attached_to",
)  # fmt: skip


def _review(row: tuple[Any, ...]) -> Review:
    values = dict(zip(_REVIEW_COLUMNS, row, strict=True))
    for name in ("changes", "anchor", "before"):
        values[name] = json.loads(values[name])
    values["id"] = int(values["id"])
    return Review(**values)


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
    conditions, params = [], []
    for column, value in (("document_id", document_id), ("fact", fact), ("author", author)):
        if value is not None:
            conditions.append(f"{column} = ?")
            params.append(value)
    if fact_id is not None:
        conditions.append("(fact_id = ? OR attached_to = ?)")
        params += [fact_id, fact_id]
    where = " AND ".join(conditions) or "TRUE"
    sql = (
        f"SELECT {', '.join(_REVIEW_COLUMNS)} FROM reviews WHERE {where} "
        "ORDER BY id DESC LIMIT ? OFFSET ?"
    )
    return [_review(row) for row in store.backend.rows(sql, [*params, limit, offset])]


def count_reviews(store: Store, *, document_id: str | None = None) -> int:
    if document_id is None:
        return int(store.backend.rows("SELECT count(*) FROM reviews")[0][0])
    sql = "SELECT count(*) FROM reviews WHERE document_id = ?"
    return int(store.backend.rows(sql, [document_id])[0][0])


def review_states(store: Store, document_id: str) -> dict[tuple[str, str], ReviewState]:
    """Every reviewed fact of the document, keyed by (fact, its current id)."""
    reviews = _document_reviews(store.backend, document_id)
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


def _document_reviews(backend: Backend, document_id: str) -> list[Review]:
    sql = f"SELECT {', '.join(_REVIEW_COLUMNS)} FROM reviews WHERE document_id = ? ORDER BY id"
    return [_review(row) for row in backend.rows(sql, [document_id])]


def _status(backend: Backend, document_id: str, fact: str, fact_id: str) -> str | None:
    rows = backend.rows(
        f"SELECT review FROM {FACTS[fact]} WHERE document_id = ? AND id = ?",
        [document_id, fact_id],
    )
    return rows[0][0] if rows else None


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
    if fact not in FACTS:
        raise ReviewError(f"fact {fact!r}: one of {', '.join(FACTS)}")
    if action not in ACTIONS:
        raise ReviewError(f"action {action!r}: one of {', '.join(ACTIONS)}")
    if not author or not author.strip():
        raise ReviewError("a review needs an author", 401)
    author = _text(author, "author", 100)
    given = _clean_changes(changes or {})
    reason = _text(reason, "reason", MAX_REASON) if reason else None
    backend = store.backend
    with backend.transaction():
        # One review at a time: the id is read here and written below.
        backend.serialize("reviews")
        document = _document(backend, document_id)
        review_id = int(backend.rows("SELECT coalesce(max(id), 0) + 1 FROM reviews")[0][0])
        if action == "add":
            _check_addable(fact, given)
            fact_id = f"r{review_id}"
            anchor: dict[str, Any] = {"added": review_id}
            before: dict[str, Any] = {}
            _add(backend, document, fact, fact_id, given)
        else:
            if not fact_id:
                raise ReviewError(f"{action} needs the id of the {fact}")
            row = _fact_row(backend, document_id, fact, fact_id)
            _check_changes(fact, action, given)
            anchor = _anchor_of(backend, document_id, fact, fact_id, row)
            before = {name: _before(fact, name, row) for name in given}
            _apply(backend, document, fact, fact_id, action, given)
        review = Review(
            id=review_id, document_id=document_id, fact=fact, fact_id=fact_id, action=action,
            changes=given, reason=reason, author=author, created_at=now(), anchor=anchor,
            before=before, attached_to=fact_id,
        )  # fmt: skip
        backend.insert(
            "reviews",
            _REVIEW_COLUMNS,
            [tuple(_stored(getattr(review, column)) for column in _REVIEW_COLUMNS)],
        )
    return review


def reapply(backend: Backend, document_id: str) -> None:
    """Replay the document's reviews on freshly extracted rows (inside the caller's
    transaction). A review that no longer fits is marked unattached, never an error: reprocess
    must not fail because the machine changed its mind."""
    reviews = _document_reviews(backend, document_id)
    if not reviews:
        return
    document = _document(backend, document_id)
    for review in reviews:
        attached: str | None = None
        try:
            if review.action == "add":
                attached = f"r{review.id}"
                _add(backend, document, review.fact, attached, review.changes)
            else:
                attached = _find(backend, document_id, review.fact, review.anchor)
                if attached is not None:
                    _apply(backend, document, review.fact, attached, review.action, review.changes)
        except ReviewError:
            attached = None
        backend.execute("UPDATE reviews SET attached_to = ? WHERE id = ?", [attached, review.id])


# --- checks ------------------------------------------------------------------------------------


def _stored(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value


def _clean_changes(changes: Mapping[str, object]) -> dict[str, str]:
    if not isinstance(changes, Mapping):
        raise ReviewError("changes: an object of field names to values")
    clean = {}
    for name, value in changes.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z_]{1,20}", name):
            raise ReviewError(f"changes: {str(name)[:40]!r} is no field name")
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ReviewError(f"changes.{name}: a string")
        clean[name] = str(value).strip()
    return clean


def _text(value: str, name: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split())
    if not value:
        raise ReviewError(f"{name}: empty")
    if len(value) > limit:
        raise ReviewError(f"{name}: at most {limit} characters")
    if any(unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") for c in value):
        raise ReviewError(f"{name}: control or unassigned characters")
    return value


def _check_changes(fact: str, action: str, given: dict[str, str]) -> None:
    if action in ("confirm", "reject") and given:
        raise ReviewError(f"{action} takes no changes: use correct")
    if action == "correct":
        if not given:
            raise ReviewError(f"correct needs changes: {', '.join(CORRECTABLE[fact])}")
        unknown = sorted(set(given) - set(CORRECTABLE[fact]))
        if unknown:
            raise ReviewError(
                f"{fact}: {', '.join(unknown)} cannot be corrected; "
                f"correctable: {', '.join(CORRECTABLE[fact])}"
            )


def _check_addable(fact: str, given: dict[str, str]) -> None:
    if fact not in ADDABLE:
        raise ReviewError(f"{fact}: cannot be added; addable: {', '.join(ADDABLE)}")
    missing = [name for name in ADDABLE[fact] if not given.get(name)]
    if missing:
        raise ReviewError(f"an added {fact} needs {', '.join(missing)}")
    allowed = set(CORRECTABLE[fact]) | set(ADDABLE[fact]) | set(_SPAN_FIELDS)
    unknown = sorted(set(given) - allowed)
    if unknown:
        raise ReviewError(f"an added {fact} has no {', '.join(unknown)}")


@cache
def _country_codes() -> frozenset[str]:
    data = data_file(COUNTRIES_FILE)
    return frozenset(c["alpha2"] for c in data["countries"])


def _plover_types() -> tuple[str, ...]:
    return cameo_table().categories()


def _country(value: str, name: str) -> str:
    code = value.upper()
    if code not in _country_codes():
        raise ReviewError(f"{name} {value[:20]!r}: an ISO 3166 alpha-2 code such as KZ")
    return code


def _choice(value: str, name: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ReviewError(f"{name} {value[:40]!r}: one of {', '.join(allowed)}")
    return value


def _date(value: str, name: str) -> tuple[str, str, str, str]:
    """(value, precision, first day, last day) of an ISO date prefix."""
    bounds = date_bounds(value) if _DATE.fullmatch(value) else None
    if bounds is None:
        raise ReviewError(f"{name} {value[:20]!r}: YYYY, YYYY-MM or YYYY-MM-DD")
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return value, precision, bounds[0], bounds[1]


def _cameo(value: str) -> Any:
    if not CODE_PATTERN.fullmatch(value) or value not in cameo_table():
        raise ReviewError(f"cameo {value[:10]!r}: a CAMEO code of the table, such as 040 or 0311")
    entry = cameo_table().code(value)
    if entry.plover is None:
        raise ReviewError(
            f"cameo {value}: the PLOVER manual drops CAMEO {entry.root} ({entry.name})"
        )
    return entry


def _mode(value: str, event_type: str) -> str:
    """A mode the PLOVER manual lists for the event's category."""
    allowed = plover_vocabulary().modes.get(event_type, ())
    if value not in allowed:
        listed = f"one of {', '.join(allowed)}" if allowed else "none (leave it empty)"
        raise ReviewError(f"mode {value[:30]!r}: PLOVER's modes of {event_type} are {listed}")
    return value


def _topic(value: str) -> Any:
    for entry in topic_entries():
        if value in (entry.id, entry.en):
            return entry
    known = ", ".join(e.id for e in topic_entries())
    raise ReviewError(f"label_en {value[:40]!r}: a topic of the vocabulary ({known})")


# --- applying ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Document:
    id: str
    text: str
    pipeline_version: str


def _document(backend: Backend, document_id: str) -> _Document:
    rows = backend.rows(
        "SELECT id, text, pipeline_version FROM documents WHERE id = ?", [document_id]
    )
    if not rows:
        raise ReviewError(f"no document {document_id!r}", 404)
    return _Document(*rows[0])


def _fact_row(backend: Backend, document_id: str, fact: str, fact_id: str) -> dict[str, Any]:
    columns, rows = backend.fetch(
        f"SELECT * FROM {FACTS[fact]} WHERE document_id = ? AND id = ?", [document_id, fact_id]
    )
    if not rows:
        raise ReviewError(f"no {fact} {fact_id!r} in document {document_id!r}", 404)
    return dict(zip(columns, rows[0], strict=True))


def _anchor_of(
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
    return {column: row[column] for column in _ANCHOR[fact]}


def _find(backend: Backend, document_id: str, fact: str, anchor: dict[str, Any]) -> str | None:
    if "added" in anchor:
        wanted = f"r{anchor['added']}"
        found = backend.rows(
            f"SELECT id FROM {FACTS[fact]} WHERE document_id = ? AND id = ?", [document_id, wanted]
        )
    else:
        columns = [c for c in _ANCHOR[fact] if c in anchor]
        if not columns:
            return None
        conditions = " AND ".join(f"{c} IS NOT DISTINCT FROM ?" for c in columns)
        found = backend.rows(
            f"SELECT id FROM {FACTS[fact]} WHERE document_id = ? AND {conditions} "
            "ORDER BY seq LIMIT 1",
            [document_id, *(anchor[c] for c in columns)],
        )
    return str(found[0][0]) if found else None


def _before(fact: str, name: str, row: dict[str, Any]) -> Any:
    return row.get(_READ.get(fact, {}).get(name, name))


def _apply(
    backend: Backend,
    document: _Document,
    fact: str,
    fact_id: str,
    action: str,
    changes: dict[str, str],
) -> None:
    table = FACTS[fact]
    current = _status(backend, document.id, fact, fact_id)
    if action == "reject":
        status = "rejected"
    elif current in ("corrected", "added"):
        status = current  # confirming a corrected or added fact keeps what it is
    else:
        status = "corrected" if action == "correct" else "confirmed"
    moved_from = None
    if fact == "actor" and "country" in changes:
        moved_from = _fact_row(backend, document.id, fact, fact_id)["country"]
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


def _add(
    backend: Backend, document: _Document, fact: str, fact_id: str, changes: dict[str, str]
) -> None:
    """Write a new fact from an analyst's fields; the optional ones go through `_apply`."""
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
        plover = _choice(changes["type"], "type", _plover_types())
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
            **base, "mention_id": fact_id, "title": _text(changes["title"], "title"),
            "kind": None, "unnamed": False, "parties": "[]", "countries": "[]",
            "status": AgreementStatus.MENTIONED.value, "date_value": None,
            "date_precision": None, "date_basis": None, "date_span_start": None,
            "date_span_end": None, "date_first": None, "date_last": None, "event_id": None,
            "span_start": start, "span_end": end, "extractor": ADDED_BY,
        }  # fmt: skip
        columns = AGREEMENT_COLUMNS
    else:
        row = {
            **base, "kind": _choice(changes["kind"], "kind", tuple(k.value for k in ActorKind)),
            "name": _text(changes["name"], "name"), "name_latin": None, "country": None,
            "country_basis": None, "kb_id": None, "positions": "[]", "mentions": "[]",
            "span_start": start, "span_end": end, "actor_key": None,
        }  # fmt: skip
        columns = ACTOR_COLUMNS
    backend.insert(FACTS[fact], (*columns, "review"), [(*(row[c] for c in columns), "added")])
    rest = {k: v for k, v in changes.items() if k in CORRECTABLE[fact]}
    _apply(backend, document, fact, fact_id, "correct", rest)


def _evidence(document: _Document, changes: dict[str, str]) -> tuple[int | None, int | None]:
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
    backend: Backend, document: _Document, fact: str, fact_id: str, changes: dict[str, str]
) -> dict[str, Any]:
    """The columns a correction writes (and the links it rewrites, as a side effect)."""
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("date", "by"):
            prefix = "date" if name == "date" else "by"
            iso, precision, first, last = _date(value, name)
            values |= {
                f"{prefix}_value": iso, f"{prefix}_precision": precision,
                f"{prefix}_basis": "reviewed", f"{prefix}_span_start": None,
                f"{prefix}_span_end": None,
            }  # fmt: skip
            if prefix == "date":
                values |= {"date_first": first, "date_last": last}
        elif name == "country":
            values["country"] = _country(value, "country")
        elif name in ("source", "target", "parties"):
            ids, countries = _actors(backend, document.id, value, name)
            column = {"source": "source_actors", "target": "target_actors"}.get(name, name)
            values[column] = json.dumps(ids)
            country_column = {"parties": "countries"}.get(name, f"{name}_countries")
            values[country_column] = json.dumps(countries)
            side = {"parties": "party"}.get(name, name)
            _relink_countries(backend, document.id, fact, fact_id, side, countries)
        elif fact == "event" and name == "type":
            values["type"] = _choice(value, "type", _plover_types())
            if "cameo" not in changes:
                row = _fact_row(backend, document.id, fact, fact_id)
                if cameo_table().code(row["cameo"]).plover != values["type"]:
                    code = cameo_table().default_for(values["type"]).code
                    values |= _cameo_columns(code, with_mode="mode" not in changes)
        elif fact == "event" and name == "cameo":
            values |= _cameo_columns(value, with_mode="mode" not in changes)
            if "type" not in changes:
                values["type"] = _cameo(value).plover
        elif name == "status":
            statuses = tuple(EventStatus) if fact == "event" else tuple(AgreementStatus)
            values["status"] = _choice(value, "status", tuple(s.value for s in statuses))
        elif name == "mode":  # only events have one
            values["mode"] = _mode(value, _event_type(backend, document.id, fact_id, changes))
        elif name == "kind" and fact == "actor":
            values["kind"] = _choice(value, "kind", tuple(k.value for k in ActorKind))
        elif name == "kind":
            if not _KIND.fullmatch(value):
                raise ReviewError(f"kind {value[:40]!r}: a word such as treaty or memorandum")
            values["kind"] = value.lower()
        elif name == "type":  # a mention's
            values["type"] = _choice(value, "type", tuple(t.value for t in MentionType))
        elif name == "label_en":
            entry = _topic(value)
            values |= {"label_en": entry.en, "label_ru": entry.ru, "label_kk": entry.kk}
        else:  # name, position, title, what, normal: text as written
            values[name] = _text(value, name)
    return values


def _event_type(backend: Backend, document_id: str, event_id: str, changes: dict[str, str]) -> str:
    """The event's PLOVER category once `changes` are applied."""
    if "type" in changes:
        return _choice(changes["type"], "type", _plover_types())
    if "cameo" in changes:
        return str(_cameo(changes["cameo"]).plover)
    return str(_fact_row(backend, document_id, "event", event_id)["type"])


def _cameo_columns(code: str, *, with_mode: bool) -> dict[str, Any]:
    """A new code's columns; `with_mode`: its mode too, as a mode belongs to its category (a
    CONSULT's `visit` is no AGREE's), unless the review sets the mode itself."""
    entry = _cameo(code)
    columns = {"cameo": entry.code, "cameo_name": entry.name, "goldstein": entry.goldstein}
    return columns | ({"mode": entry.mode} if with_mode else {})


def _actors(backend: Backend, document_id: str, value: str, name: str) -> tuple[list[str], list]:
    """Actor ids (comma-separated) of the document, and their countries in order."""
    ids = [i.strip() for i in value.split(",") if i.strip()]
    if any(not _ACTOR_ID.fullmatch(i) for i in ids) or len(ids) > 50:
        raise ReviewError(f"{name}: actor ids of this document, comma-separated (a1,a2)")
    rows = dict(backend.rows("SELECT id, country FROM actors WHERE document_id = ?", [document_id]))
    unknown = [i for i in ids if i not in rows]
    if unknown:
        raise ReviewError(f"{name}: no actor {', '.join(unknown)} in document {document_id!r}")
    countries = list(dict.fromkeys(rows[i] for i in ids if rows[i]))
    return ids, countries


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
    documents."""
    kind, name, latin, country, kb_id = backend.rows(
        "SELECT kind, name, name_latin, country, kb_id FROM actors "
        "WHERE document_id = ? AND id = ?",
        [document_id, actor_id],
    )[0]
    backend.execute(
        "UPDATE actors SET actor_key = ? WHERE document_id = ? AND id = ?",
        [
            actor_key(kind, name, name_latin=latin, country=country, kb_id=kb_id),
            document_id,
            actor_id,
        ],
    )
