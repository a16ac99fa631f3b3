"""The store: records in, whole or not at all; records and documents back out."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from communique.document import Document
from communique.errors import CommuniqueError, NoSpaceError
from communique.record import Record
from communique.store.actor_identity import apply_identities
from communique.store.backends import Backend, Row, StoreError, connect
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
from communique.store.versions import (
    VersionPrint,
    find_version,
    is_version,
    record_print,
    version_score,
)

if TYPE_CHECKING:
    # datasketch (with numpy and scipy) takes a quarter of a second to import: only the writing
    # path loads it, not every `communique` command.
    from datasketch import MinHash

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
# Values per `IN (...)` lookup (stored hashes, taken ids, stories).
_LOOKUP_CHUNK = 500
# A batch of add_many is one transaction: its rows are held in memory until written, so a batch
# is capped in documents and in characters of text (the ingest of a 1 MB document stays bounded).
BATCH_DOCUMENTS = 256
BATCH_CHARACTERS = 16_000_000


@dataclass(frozen=True)
class _Pending:
    """A record to store, with what is computed of it before its transaction begins."""

    record: Record
    format: str | None
    digest: str
    minhash: MinHash | None


@dataclass(frozen=True)
class _Placed:
    """A new document of a batch: where it is in the batch, its id, the document it matched."""

    position: int
    document_id: str
    match: str | None


@dataclass(frozen=True)
class AddResult:
    status: Literal["stored", "duplicate"]
    document_id: str  # the new document, or the one already holding this text
    story_id: str
    near_duplicate_of: str | None = None  # the story's first document, when linked to one
    version_of: str | None = None  # the story's first document, when a version in a language
    # it lacked joined it (the story may then be represented by this one: _richest_first). In a
    # batch (add_many), the first document as the batch began: _richest_first runs at its end.


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

        A text similar enough to a stored one (see near_duplicates) joins that one's story, and
        so does a version of a stored release in another language (see versions).
        """
        return self.add_many([record], formats=[document_format])[0]

    def add_many(
        self, records: Sequence[Record], *, formats: Sequence[str | None] | None = None
    ) -> list[AddResult]:
        """Store `records` as `add` stores each, in one transaction per batch of at most
        BATCH_DOCUMENTS documents (and BATCH_CHARACTERS of text): the result, one per record
        and in order, is the same as adding them one by one.

        A batch is written whole or not at all. If its transaction fails, the batch is written
        again a document at a time, so the documents before the one that fails are kept and the
        error raised names that document; a full disk stops at once (NoSpaceError)."""
        from communique.store.near_duplicates import signature

        document_formats = list(formats) if formats is not None else [None] * len(records)
        if len(document_formats) != len(records):
            raise ValueError(f"{len(records)} records but {len(document_formats)} formats")
        results: list[AddResult] = []
        for batch in _batches(records, document_formats):
            pending = [
                _Pending(record, form, content_hash(record.text), signature(record.text))
                for record, form in batch
            ]
            results += self._add_batch(pending)
        return results

    def _add_batch(self, pending: list[_Pending]) -> list[AddResult]:
        index = self._near_duplicates()
        indexed: list[str] = []  # documents of this batch added to the index, undone on failure
        try:
            with self.backend.transaction():
                return self._write(pending, index, indexed)
        except BaseException as error:
            for document_id in indexed:
                index.remove(document_id)
            if not isinstance(error, Exception):
                raise
            if no_space(error):  # the transaction was rolled back: nothing of it is kept
                raise NoSpaceError(
                    f"{self.target.describe()}: no space left on the disk; the documents "
                    "stored before this batch are kept"
                ) from None
            if len(pending) > 1:  # find the document that fails; store those before it
                return [result for one in pending for result in self._add_batch([one])]
            # Another writer (a second ingest on the same PostgreSQL) stored this text between
            # our check and our insert: the unique hash refused ours, which is then a duplicate.
            existing = self._documents_with_hashes([pending[0].digest])
            if existing:
                return [AddResult("duplicate", *existing[pending[0].digest])]
            error.add_note(f"while storing document {pending[0].record.id!r}")
            raise

    def _write(
        self, pending: list[_Pending], index: NearDuplicateIndex, indexed: list[str]
    ) -> list[AddResult]:
        """Inside the batch's transaction: decide each document's id and story as `add` would
        one after the other (a document sees those before it in the batch), then write each
        table's rows for the whole batch in one insert."""
        from communique.store.near_duplicates import to_bytes

        stored = self._documents_with_hashes([item.digest for item in pending])
        taken = self._taken_ids([item.record.id for item in pending])
        placed: dict[str, _Placed] = {}  # by content hash: the batch's new documents, in order
        for position, item in enumerate(pending):
            if item.digest in stored or item.digest in placed:
                continue
            # The record's own id, unless another text already has it (two `stdin` inputs, a
            # corrected release under its old id): then with a hash suffix, unique per text.
            record_id = item.record.id
            document_id = f"{record_id}#{item.digest[:12]}" if record_id in taken else record_id
            taken.add(document_id)
            match = index.match(item.minhash) if item.minhash is not None else None
            placed[item.digest] = _Placed(position, document_id, match)
            if item.minhash is not None:
                index.add(document_id, item.minhash)
                indexed.append(document_id)

        # A document that matched nothing begins its own story; one that matched joins the
        # story of the document it matched, stored before or earlier in this batch.
        new_ids = {new.document_id for new in placed.values()}
        matched = self._stories_of(
            new.match for new in placed.values() if new.match and new.match not in new_ids
        )
        # One that matched nothing may be a version of a release in another language, stored
        # before or earlier in this batch (versions.py): it joins that release's story.
        story = {document_id: story_id for document_id, (story_id, _) in matched.items()}
        first = dict(matched.values())  # a story's first document: the one near_duplicate_of names
        versions = _BatchVersions(self)
        version_of: dict[str, str] = {}  # document -> the first document of the story it joined
        for new in placed.values():  # in batch order: the story of an earlier match is known
            printed = record_print(pending[new.position].record)
            version = versions.story_of(printed) if new.match is None else None
            if new.match:
                story[new.document_id] = story[new.match]
            elif version is not None:
                story[new.document_id] = version
                if version not in first:
                    first[version] = versions.first_document(version)
                version_of[new.document_id] = first[version]
            else:
                story[new.document_id] = first[new.document_id] = new.document_id
            versions.add(
                story[new.document_id], printed, new_story=story[new.document_id] == new.document_id
            )

        stamp = now()
        tables: dict[str, list[Row]] = {"stories": [], "documents": [], "signatures": []}
        facts: dict[str, list[Row]] = {table: [] for table in FACT_TABLES}
        results: list[AddResult] = []
        for position, item in enumerate(pending):
            new = placed.get(item.digest)
            if new is None:  # a text stored before
                results.append(AddResult("duplicate", *stored[item.digest]))
                continue
            if new.position != position:  # a text twice in this batch: the first is stored
                results.append(AddResult("duplicate", new.document_id, story[new.document_id]))
                continue
            story_id = story[new.document_id]
            if story_id == new.document_id:
                tables["stories"].append((story_id, new.document_id, stamp))
            rows = to_rows(
                item.record,
                document_id=new.document_id,
                content_hash=item.digest,
                story_id=story_id,
                stored_at=stamp,
                processed_at=stamp,
                document_format=item.format,
            )
            tables["documents"].append(rows.document)
            for table, values in rows.facts.items():
                facts[table] += values
            if item.minhash is not None:
                tables["signatures"].append((new.document_id, to_bytes(item.minhash)))
            linked = first[story_id] if new.match else None
            results.append(
                AddResult(
                    "stored",
                    new.document_id,
                    story_id,
                    linked,
                    version_of=version_of.get(new.document_id),
                )
            )

        self.backend.insert("stories", ("id", "document_id", "created_at"), tables["stories"])
        self.backend.insert("documents", DOCUMENT_COLUMNS, tables["documents"])
        self._insert_facts(facts)
        self.backend.insert("signatures", ("document_id", "minhash"), tables["signatures"])
        for story_id in dict.fromkeys(story[document_id] for document_id in version_of):
            self._richest_first(story_id)
        return results

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
        # The machine's actor keys, with analysts' merges and splits applied (actor_identity.py).
        apply_identities(self.backend, (row[0] for row in facts["actors"]))

    # --- reading -------------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of `hashes` are stored: the inputs an interrupted ingest need not process again."""
        sql = "SELECT content_hash FROM documents"
        return {row[0] for row in self._where_in(sql, "content_hash", hashes)}

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

    def _where_in(self, select: str, column: str, values: Iterable[str]) -> list[Row]:
        """The rows of `select` (a SELECT ... FROM ...) whose `column` is one of `values`, in
        statements of at most _LOOKUP_CHUNK values."""
        wanted = list(dict.fromkeys(values))
        found: list[Row] = []
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[start : start + _LOOKUP_CHUNK]
            marks = ", ".join("?" * len(chunk))
            found += self.backend.rows(f"{select} WHERE {column} IN ({marks})", chunk)
        return found

    def _documents_with_hashes(self, digests: Iterable[str]) -> dict[str, tuple[str, str]]:
        """The stored document (id, story id) holding each text of `digests` that is stored."""
        sql = "SELECT content_hash, id, story_id FROM documents"
        return {
            digest: (id_, story)
            for digest, id_, story in self._where_in(sql, "content_hash", digests)
        }

    def _taken_ids(self, document_ids: Iterable[str]) -> set[str]:
        return {row[0] for row in self._where_in("SELECT id FROM documents", "id", document_ids)}

    def _stories_of(self, document_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """The story of each stored document of `document_ids`, and that story's first
        document."""
        sql = (
            "SELECT documents.id, documents.story_id, stories.document_id FROM documents "
            "JOIN stories ON stories.id = documents.story_id"
        )
        return {
            str(document): (str(story), str(first))
            for document, story, first in self._where_in(sql, "documents.id", document_ids)
        }

    def _richest_first(self, story_id: str) -> None:
        """Make the story's document with the most events, agreements and commitments the one
        that stands for it (the first stored, on a tie): the language versions of a release are
        read by different readers, and the story's facts are counted from that one document."""
        counts = self.backend.rows(
            "SELECT d.id, s.document_id, "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id) + "
            "(SELECT count(*) FROM agreements g WHERE g.document_id = d.id) + "
            "(SELECT count(*) FROM commitments c WHERE c.document_id = d.id) "
            "FROM documents d JOIN stories s ON s.id = d.story_id WHERE d.story_id = ? "
            "ORDER BY d.stored_at, d.id",
            [story_id],
        )
        facts = {document_id: int(count) for document_id, _, count in counts}
        first = counts[0][1]
        richest = max(facts, key=lambda document_id: facts[document_id])
        if facts[richest] > facts.get(first, 0):
            self.backend.execute(
                "UPDATE stories SET document_id = ? WHERE id = ?", [richest, story_id]
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


def _batches(
    records: Sequence[Record], formats: Sequence[str | None]
) -> Iterator[list[tuple[Record, str | None]]]:
    """`records` with their formats, in order, in batches within BATCH_DOCUMENTS and
    BATCH_CHARACTERS (a document longer than that alone makes a batch)."""
    batch: list[tuple[Record, str | None]] = []
    size = 0
    for record, document_format in zip(records, formats, strict=True):
        if batch and (len(batch) >= BATCH_DOCUMENTS or size + len(record.text) > BATCH_CHARACTERS):
            yield batch
            batch, size = [], 0
        batch.append((record, document_format))
        size += len(record.text)
    if batch:
        yield batch


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


class _BatchVersions:
    """Language versions for the documents of one batch, as `add` one by one would find them:
    among the stored documents (versions.find_version) and the batch's earlier ones, which are
    not written yet; a story takes one document per language."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.prints: list[tuple[str, VersionPrint]] = []  # (story, print) in batch order
        self.languages: dict[str, set[str | None]] = {}  # story -> its documents' languages

    def story_of(self, printed: VersionPrint) -> str | None:
        stored = find_version(self.store.backend, printed)
        if stored is not None and printed.language not in self._languages(stored):
            return stored
        candidates = [
            (version_score(printed, old), story)
            for story, old in self.prints
            if is_version(printed, old) and printed.language not in self._languages(story)
        ]
        return max(candidates)[1] if candidates else None

    def add(self, story: str, printed: VersionPrint, *, new_story: bool) -> None:
        """A document of the batch, in `story`: one it begins (`new_story`, nothing stored in it
        to look up) or one stored before or begun earlier in the batch."""
        if new_story:
            self.languages[story] = set()
        self._languages(story).add(printed.language)
        self.prints.append((story, printed))

    def first_document(self, story: str) -> str:
        """The document that stands for a story stored before the batch."""
        rows = self.store.backend.rows("SELECT document_id FROM stories WHERE id = ?", [story])
        return str(rows[0][0])

    def _languages(self, story: str) -> set[str | None]:
        if story not in self.languages:
            rows = self.store.backend.rows(
                "SELECT DISTINCT language FROM documents WHERE story_id = ?", [story]
            )
            self.languages[story] = {row[0] for row in rows}
        return self.languages[story]
