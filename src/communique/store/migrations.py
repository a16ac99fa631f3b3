"""The schema, as numbered migrations recorded in `schema_version`.

A migration is applied once, in one transaction with its row in `schema_version`, so a database is
always at a whole version. Never edit a released migration: add the next one.

Types are the ones both backends share (TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN, BYTEA). Lists
(actor ids, positions, evidence) are JSON text; the lists that queries filter on (countries of an
event, topics of an event) also have a link table, so filters stay plain, portable SQL. Spans are
`span_start`/`span_end` (END is an SQL keyword); `span_*` is always the evidence: the sentence
that states the fact, or for a mention the mention itself. `extra` holds, as JSON, any record field
added after the schema (see rows._MAPPED), until a migration gives it a column. There are no
foreign keys: DuckDB's
are too restrictive for updates, and every child row is written and deleted with its document in
one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from communique.store.backends import Backend, StoreError
from communique.store.identity import actor_key

# A step is an SQL statement, or a function that changes rows with the store's own Python (a
# backfill); both run in the migration's one transaction.
Step = str | Callable[[Backend], None]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[Step, ...]


# Columns every fact table carries: where it comes from, which pipeline produced it, and its id and
# place in the record's list (ids such as m10 do not sort in text order).
_TRACE = (
    "document_id TEXT NOT NULL, pipeline_version TEXT NOT NULL, "
    "id TEXT NOT NULL, seq INTEGER NOT NULL"
)

_INITIAL = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        record_id TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        story_id TEXT NOT NULL,
        source TEXT, url TEXT, title TEXT,
        published TEXT,
        published_date TEXT,
        language TEXT, language_confidence DOUBLE PRECISION,
        status TEXT NOT NULL, message TEXT,
        home_country TEXT,
        path TEXT, format TEXT, encoding TEXT,
        text TEXT NOT NULL,
        sentences TEXT NOT NULL,
        record_schema TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        processed_at TEXT NOT NULL,
        extra TEXT
    )""",
    "CREATE INDEX documents_story ON documents (story_id)",
    "CREATE INDEX documents_published ON documents (published_date)",
    # A story: one release and its re-publications (near-duplicates); `document_id` is the first
    # stored, whose facts stand for the story in queries.
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    # MinHash signature of each document's text, reloaded into the LSH index on open.
    """CREATE TABLE signatures (
        document_id TEXT PRIMARY KEY,
        minhash BYTEA NOT NULL
    )""",
    f"""CREATE TABLE mentions (
        {_TRACE},
        type TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        text TEXT NOT NULL, normal TEXT NOT NULL, latin TEXT, label TEXT, kb_id TEXT,
        form TEXT NOT NULL, country TEXT, countries TEXT NOT NULL, actor_id TEXT,
        sentence INTEGER, extractor TEXT NOT NULL,
        extra TEXT,
        PRIMARY KEY (document_id, id)
    )""",
    f"""CREATE TABLE actors (
        {_TRACE},
        kind TEXT NOT NULL, name TEXT NOT NULL, name_latin TEXT,
        country TEXT, country_basis TEXT, kb_id TEXT,
        positions TEXT NOT NULL, mentions TEXT NOT NULL,
        span_start INTEGER, span_end INTEGER,
        extra TEXT,
        PRIMARY KEY (document_id, id)
    )""",
    "CREATE INDEX actors_name ON actors (name)",
    f"""CREATE TABLE occupations (
        {_TRACE},
        person_id TEXT NOT NULL, person_mention_id TEXT, position TEXT NOT NULL, position_en TEXT,
        title_start INTEGER NOT NULL, title_end INTEGER NOT NULL,
        organization_id TEXT, place_id TEXT, country TEXT, country_basis TEXT,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, extractor TEXT NOT NULL,
        extra TEXT,
        PRIMARY KEY (document_id, id)
    )""",
    f"""CREATE TABLE events (
        {_TRACE},
        type TEXT NOT NULL, cameo TEXT NOT NULL, cameo_name TEXT,
        goldstein DOUBLE PRECISION, mode TEXT,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
        source_actors TEXT NOT NULL, target_actors TEXT NOT NULL,
        joint BOOLEAN NOT NULL, participants_inferred BOOLEAN NOT NULL,
        source_countries TEXT NOT NULL, target_countries TEXT NOT NULL,
        status TEXT NOT NULL, reported_by TEXT,
        date_value TEXT, date_precision TEXT, date_basis TEXT,
        date_span_start INTEGER, date_span_end INTEGER,
        date_first TEXT, date_last TEXT,
        location_id TEXT,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        topics TEXT NOT NULL, extractor TEXT NOT NULL,
        extra TEXT,
        PRIMARY KEY (document_id, id)
    )""",
    "CREATE INDEX events_type ON events (type)",
    f"""CREATE TABLE agreements (
        {_TRACE},
        mention_id TEXT NOT NULL, title TEXT NOT NULL, kind TEXT, unnamed BOOLEAN NOT NULL,
        parties TEXT NOT NULL, countries TEXT NOT NULL, status TEXT NOT NULL,
        date_value TEXT, date_precision TEXT, date_basis TEXT,
        date_span_start INTEGER, date_span_end INTEGER,
        date_first TEXT, date_last TEXT,
        event_id TEXT,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, extractor TEXT NOT NULL,
        extra TEXT,
        PRIMARY KEY (document_id, id)
    )""",
    f"""CREATE TABLE commitments (
        {_TRACE},
        kind TEXT NOT NULL, who_actors TEXT NOT NULL, to_actors TEXT NOT NULL,
        what TEXT NOT NULL, what_start INTEGER NOT NULL, what_end INTEGER NOT NULL,
        by_value TEXT, by_precision TEXT, by_basis TEXT,
        by_span_start INTEGER, by_span_end INTEGER,
        event_id TEXT NOT NULL,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, extractor TEXT NOT NULL,
        extra TEXT,
        PRIMARY KEY (document_id, id)
    )""",
    f"""CREATE TABLE topics (
        {_TRACE},
        label_en TEXT NOT NULL, label_ru TEXT NOT NULL, label_kk TEXT NOT NULL,
        evidence TEXT NOT NULL, events TEXT NOT NULL,
        span_start INTEGER, span_end INTEGER,
        extra TEXT,
        PRIMARY KEY (document_id, id)
    )""",
    # Countries of an event (side source/target), an agreement (party) or a commitment (who/to):
    # what the --country filters read.
    """CREATE TABLE fact_countries (
        document_id TEXT NOT NULL, fact TEXT NOT NULL, fact_id TEXT NOT NULL,
        side TEXT NOT NULL, country TEXT NOT NULL
    )""",
    "CREATE INDEX fact_countries_country ON fact_countries (country)",
    "CREATE INDEX fact_countries_fact ON fact_countries (document_id, fact_id)",
    """CREATE TABLE event_topics (
        document_id TEXT NOT NULL, event_id TEXT NOT NULL, topic_id TEXT NOT NULL
    )""",
    "CREATE INDEX event_topics_event ON event_topics (document_id, event_id)",
)


def backfill_actor_keys(backend: Backend) -> None:
    """Give every actor row without one its `actor_key`: one UPDATE per distinct actor."""
    _key_actors(backend, only_missing=True)


def rekey_actors(backend: Backend) -> None:
    """Compute every actor row's `actor_key` again, with today's `actor_key`."""
    _key_actors(backend, only_missing=False)


def _key_actors(backend: Backend, *, only_missing: bool) -> None:
    missing = " WHERE actor_key IS NULL" if only_missing else ""
    distinct = backend.rows(
        f"SELECT DISTINCT kind, name, name_latin, country, kb_id FROM actors{missing}"
    )
    for kind, name, name_latin, country, kb_id in distinct:
        key = actor_key(kind, name, name_latin=name_latin, country=country, kb_id=kb_id)
        backend.execute(
            "UPDATE actors SET actor_key = ? WHERE kind = ? AND name = ? "
            "AND name_latin IS NOT DISTINCT FROM ? AND country IS NOT DISTINCT FROM ? "
            f"AND kb_id IS NOT DISTINCT FROM ?{' AND actor_key IS NULL' if only_missing else ''}",
            [key, kind, name, name_latin, country, kb_id],
        )


# Version 2: a stable identity of each actor across documents (store/identity.py). DuckDB cannot
# create an index after updates in the same transaction, so the index comes before the backfill.
_ACTOR_KEYS: tuple[Step, ...] = (
    "ALTER TABLE actors ADD COLUMN actor_key TEXT",
    "CREATE INDEX actors_key ON actors (actor_key)",
    backfill_actor_keys,
)

# Version 3: analysts' reviews (store/reviews.py) and the API tokens that sign them
# (store/tokens.py). A fact row's `review` is NULL for the machine's word, else the reviewed state
# (confirmed, corrected, rejected, added); `reviews` is the audit trail, never rewritten by
# reprocess, and `attached_to` the fact each review applies to now (NULL: its fact is gone).
_REVIEWED_TABLES = (
    "mentions", "actors", "occupations", "events", "agreements", "commitments", "topics",
)  # fmt: skip
_REVIEWS: tuple[Step, ...] = (
    *(f"ALTER TABLE {table} ADD COLUMN review TEXT" for table in _REVIEWED_TABLES),
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL,
        fact TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        action TEXT NOT NULL,
        changes TEXT NOT NULL,
        reason TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        anchor TEXT NOT NULL,
        before TEXT NOT NULL,
        attached_to TEXT
    )""",
    "CREATE INDEX reviews_document ON reviews (document_id)",
    """CREATE TABLE api_tokens (
        name TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
)

# Version 4: one person across scripts and languages (issue 11): a person's key is the spelling
# skeleton of the name, in Latin letters, with the person's country (store/identity.py), so every
# stored key is computed again. A document's facts are not touched: no reprocessing is needed.
_CROSS_SCRIPT_KEYS: tuple[Step, ...] = (rekey_actors,)

# Version 5: where a document's date comes from (record.PublishedBasis: metadata, the text's
# dateline, an analyst's review). Rows stored before it hold dates given as metadata only.
_PUBLISHED_BASIS: tuple[Step, ...] = (
    "ALTER TABLE documents ADD COLUMN published_basis TEXT",
    "UPDATE documents SET published_basis = 'metadata' WHERE published IS NOT NULL",
)


def index_terms(backend: Backend) -> None:
    """Give every stored document its rows of the search index (rows.term_rows), a few hundred
    documents at a time so the texts read stay bounded."""
    from communique.store.rows import DOCUMENT_TERM_COLUMNS, term_rows

    ids = [row[0] for row in backend.rows("SELECT id FROM documents ORDER BY id")]
    for start in range(0, len(ids), 200):
        chunk = ids[start : start + 200]
        marks = ", ".join("?" * len(chunk))
        documents = backend.rows(
            f"SELECT id, text, title, language FROM documents WHERE id IN ({marks})", chunk
        )
        rows = [row for values in documents for row in term_rows(*values)]
        if rows:
            backend.insert("document_terms", DOCUMENT_TERM_COLUMNS, rows)


# Version 6: search in every word form (issue 15). Each document's words as terms: their lower-case
# spelling and their base forms in the document's language (lang/terms.py), filled here for the
# documents already stored and rewritten with a document's facts on ingest and reprocess. The
# indexes come before the backfill (DuckDB, as for version 2).
_DOCUMENT_TERMS: tuple[Step, ...] = (
    """CREATE TABLE document_terms (
        document_id TEXT NOT NULL, term TEXT NOT NULL, hits INTEGER NOT NULL,
        first_start INTEGER,
        PRIMARY KEY (document_id, term)
    )""",
    "CREATE INDEX document_terms_term ON document_terms (term)",
    index_terms,
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _INITIAL),
    Migration(2, "actor_key: actors across documents", _ACTOR_KEYS),
    Migration(3, "reviews and API tokens", _REVIEWS),
    Migration(4, "actor_key across scripts and languages", _CROSS_SCRIPT_KEYS),
    Migration(5, "published_basis: where a document's date comes from", _PUBLISHED_BASIS),
    Migration(6, "document_terms: search in every word form", _DOCUMENT_TERMS),
)
LATEST = MIGRATIONS[-1].version


def migrate(backend: Backend, *, upto: int = LATEST) -> int:
    """Bring the database to `upto` (LATEST; tests stop earlier); returns the version it was at.
    Refuses a database newer than LATEST."""
    backend.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    found = current_version(backend)
    if found > LATEST:
        raise StoreError(
            f"the database is at schema version {found}, newer than this Communique's {LATEST}: "
            "upgrade Communique"
        )
    for migration in MIGRATIONS:
        if migration.version <= found or migration.version > upto:
            continue
        with backend.transaction():
            backend.lock_for_migration()
            # Another process may have applied it while this one waited for the lock.
            if current_version(backend) >= migration.version:
                continue
            for step in migration.statements:
                if isinstance(step, str):
                    backend.execute(step)
                else:
                    step(backend)
            backend.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                [migration.version, migration.description, now()],
            )
    return found


def current_version(backend: Backend) -> int:
    value = backend.rows("SELECT max(version) FROM schema_version")[0][0]
    return int(value or 0)


def now() -> str:
    """UTC, ISO 8601 to the second: stored as text so both backends return the same value."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
