"""The store: records in, whole or not at all; records and documents back out."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from communique.document import Document
from communique.errors import CommuniqueError, NoSpaceError
from communique.record import Record
from communique.store.backends import Backend, StoreError, connect
from communique.store.hashing import content_hash
from communique.store.migrations import migrate, now
from communique.store.review_replay import reapply
from communique.store.rows import (
    DOCUMENT_COLUMNS,
    FACT_TABLES,
    to_record,
    to_rows,
)
from communique.store.target import Target, parse_target

if TYPE_CHECKING:
    # datasketch (with numpy and scipy) takes a quarter of a second to import: only the writing
    # path loads it, not every `communique` command.
    from communique.store.near_duplicates import NearDuplicateIndex

# Tables `to_record` reads back; the link tables are derived from them.
_RECORD_TABLES = (
    "mentions",
    "actors",
    "occupations",
    "events",
    "agreements",
    "commitments",
    "topics",
)
# The document columns `reprocess` rewrites: everything the pipeline decides, not what was read.
_PROCESSED_COLUMNS = (
    "home_country", "sentences", "record_schema", "pipeline_version", "pipeline", "processed_at",
    "status", "message", "extra", "published", "published_date", "published_basis",
)  # fmt: skip
# Hash lookups per statement when checking a batch of inputs.
_HASH_CHUNK = 500


@dataclass(frozen=True)
class AddResult:
    status: Literal["stored", "duplicate"]
    document_id: str  # the new document, or the one already holding this text
    story_id: str
    near_duplicate_of: str | None = None  # the story's first document, when linked to one


class Store:
    """One open database. Not thread-safe: one Store per thread or process."""

    def __init__(self, backend: Backend, target: Target) -> None:
        self.backend = backend
        self.target = target
        self._index: NearDuplicateIndex | None = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    # --- writing -------------------------------------------------------------------------------

    def add(self, record: Record, *, document_format: str | None = None) -> AddResult:
        """Store `record` and its facts in one transaction, unless its text is already stored.

        A text similar enough to a stored one (see near_duplicates) joins that one's story.
        """
        from communique.store.near_duplicates import signature, to_bytes

        digest = content_hash(record.text)
        minhash = signature(record.text)
        index = self._near_duplicates()
        try:
            with self.backend.transaction():
                existing = self._document_with_hash(digest)
                if existing:
                    return AddResult("duplicate", existing[0], existing[1])
                document_id = self._free_id(record.id, digest)
                match = index.match(minhash) if minhash is not None else None
                story_id = self._story_of(match) if match else document_id
                stamp = now()
                if match is None:
                    self.backend.insert(
                        "stories",
                        ("id", "document_id", "created_at"),
                        [(story_id, document_id, stamp)],
                    )
                rows = to_rows(
                    record,
                    document_id=document_id,
                    content_hash=digest,
                    story_id=story_id,
                    stored_at=stamp,
                    processed_at=stamp,
                    document_format=document_format,
                )
                self.backend.insert("documents", DOCUMENT_COLUMNS, [rows.document])
                self._insert_facts(rows.facts)
                if minhash is not None:
                    self.backend.insert(
                        "signatures", ("document_id", "minhash"), [(document_id, to_bytes(minhash))]
                    )
        except Exception as error:
            if no_space(error):  # the transaction was rolled back: nothing of it is kept
                raise NoSpaceError(
                    f"{self.target.describe()}: no space left on the disk; the documents "
                    "stored before this one are kept"
                ) from None
            # Another writer (a second ingest on the same PostgreSQL) stored this text between
            # our check and our insert: the unique hash refused ours, which is then a duplicate.
            existing = self._document_with_hash(digest)
            if existing:
                return AddResult("duplicate", existing[0], existing[1])
            raise
        if minhash is not None:
            index.add(document_id, minhash)
        first = self._first_of(story_id) if match else None
        return AddResult("stored", document_id, story_id, first)

    def replace(self, document_id: str, record: Record) -> None:
        """Swap a stored document's facts for a new extraction of the same text (reprocess).

        Analysts' reviews are replayed on the new facts in the same transaction (reviews.py)."""

        current = self.backend.rows(
            "SELECT content_hash, story_id, stored_at, format FROM documents WHERE id = ?",
            [document_id],
        )
        if not current:
            raise StoreError(f"no document {document_id!r} in the store")
        digest, story_id, stored_at, document_format = current[0]
        if content_hash(record.text) != digest:
            raise StoreError(f"{document_id}: reprocessing must not change the text")
        rows = to_rows(
            record,
            document_id=document_id,
            content_hash=digest,
            story_id=story_id,
            stored_at=stored_at,
            processed_at=now(),
            document_format=document_format,
        )
        values = dict(zip(DOCUMENT_COLUMNS, rows.document, strict=True))
        assignments = ", ".join(f"{column} = ?" for column in _PROCESSED_COLUMNS)
        with self.backend.transaction():
            for table in FACT_TABLES:
                self.backend.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
            self.backend.execute(
                f"UPDATE documents SET {assignments} WHERE id = ?",
                [*(values[c] for c in _PROCESSED_COLUMNS), document_id],
            )
            self._insert_facts(rows.facts)
            reapply(self.backend, document_id)

    def _insert_facts(self, facts: dict[str, list[Any]]) -> None:
        for table, columns in FACT_TABLES.items():
            if facts[table]:
                self.backend.insert(table, columns, facts[table])

    # --- reading -------------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of `hashes` are stored: the inputs an interrupted ingest need not process again."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        for start in range(0, len(wanted), _HASH_CHUNK):
            chunk = wanted[start : start + _HASH_CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})"
            found.update(row[0] for row in self.backend.rows(sql, chunk))
        return found

    def outdated(self, version: str, by_language: Mapping[str, str] | None = None) -> list[str]:
        """Ids of documents extracted by another pipeline version than the current one: the
        version of the document's language in `by_language`, `version` for any other."""
        current = dict(by_language or {})
        if not current:
            sql = "SELECT id FROM documents WHERE pipeline_version <> ? ORDER BY id"
            return [row[0] for row in self.backend.rows(sql, [version])]
        cases = " ".join("WHEN ? THEN ?" for _ in current)
        sql = (
            "SELECT id FROM documents WHERE pipeline_version <> "
            f"CASE language {cases} ELSE ? END ORDER BY id"
        )
        parameters = [value for pair in current.items() for value in pair]
        return [row[0] for row in self.backend.rows(sql, [*parameters, version])]

    def document(self, document_id: str) -> Document:
        """The Document as read at ingest, to run through the pipeline again."""
        values = self._document_row(document_id)
        return Document(
            id=values["record_id"],
            text=values["text"],
            title=values["title"],
            url=values["url"],
            # A date read from the text is read again (the dateline rules may have changed); one
            # given or set by an analyst is kept, and dates relative to it resolved against it.
            published=values["published"] if values["published_basis"] != "text" else None,
            published_basis=values["published_basis"]
            if values["published_basis"] != "text"
            else None,
            source=values["source"],
            path=values["path"],
            format=values["format"] or "text",
            encoding=values["encoding"],
            language=values["language"],
            language_confidence=values["language_confidence"],
        )

    def load(self, document_id: str) -> Record:
        """The stored record, equal to the one `add` was given."""
        facts = {}
        for table in _RECORD_TABLES:
            columns, rows = self.backend.fetch(
                f"SELECT * FROM {table} WHERE document_id = ? ORDER BY seq", [document_id]
            )
            facts[table] = [dict(zip(columns, row, strict=True)) for row in rows]
        return to_record(self._document_row(document_id), facts)

    def document_ids(self) -> Iterator[str]:
        yield from (row[0] for row in self.backend.rows("SELECT id FROM documents ORDER BY id"))

    def counts(self) -> dict[str, int]:
        """Rows per table: what an ingest changed, at a glance."""
        tables = ("documents", "stories", "signatures", *FACT_TABLES)
        return {t: int(self.backend.rows(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}

    # --- helpers -------------------------------------------------------------------------------

    def _document_row(self, document_id: str) -> dict[str, Any]:
        columns, rows = self.backend.fetch("SELECT * FROM documents WHERE id = ?", [document_id])
        if not rows:
            raise StoreError(f"no document {document_id!r} in the store")
        return dict(zip(columns, rows[0], strict=True))

    def _document_with_hash(self, digest: str) -> tuple[str, str] | None:
        rows = self.backend.rows(
            "SELECT id, story_id FROM documents WHERE content_hash = ?", [digest]
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def _free_id(self, record_id: str, digest: str) -> str:
        """The record's own id, unless another text already has it (two `stdin` inputs, a
        corrected release under its old id): then the id with a hash suffix, unique per text."""
        taken = self.backend.rows("SELECT 1 FROM documents WHERE id = ?", [record_id])
        return f"{record_id}#{digest[:12]}" if taken else record_id

    def _story_of(self, document_id: str) -> str:
        return str(
            self.backend.rows("SELECT story_id FROM documents WHERE id = ?", [document_id])[0][0]
        )

    def _first_of(self, story_id: str) -> str:
        return str(
            self.backend.rows("SELECT document_id FROM stories WHERE id = ?", [story_id])[0][0]
        )

    def _near_duplicates(self) -> NearDuplicateIndex:
        # Built once per Store from the stored signatures: 1 KB a document, so 10,000 documents
        # take 10 MB and well under a second.
        from communique.store.near_duplicates import NearDuplicateIndex, from_bytes

        if self._index is None:
            index = NearDuplicateIndex()
            for document_id, data in self.backend.rows(
                "SELECT document_id, minhash FROM signatures"
            ):
                index.add(document_id, from_bytes(data))
            self._index = index
        return self._index


def open_store(target: str | Target | None = None) -> Store:
    """Open (creating and migrating as needed) the database `target` names (see parse_target)."""
    resolved = target if isinstance(target, Target) else parse_target(target)
    backend = connect(resolved)
    try:
        migrate(backend)
    except BaseException:
        backend.close()
        raise
    return Store(backend, resolved)


def no_space(error: BaseException) -> bool:
    """Whether `error` says the disk (or the quota) is full, whichever layer raised it: the OS,
    PostgreSQL (SQLSTATE 53100, disk_full) or DuckDB (which only says so in its message)."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    if getattr(error, "sqlstate", None) == "53100":
        return True
    return "no space left on device" in str(error).lower()


def write_error_code(error: OSError) -> int:
    """The exit code for a file that could not be written: 11 for a full disk, else 1."""
    return NoSpaceError.exit_code if no_space(error) else CommuniqueError.exit_code
