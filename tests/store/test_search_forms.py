"""Search in every word form (issue 15): a search word finds its inflected forms in Russian,
Kazakh and English documents, on both backends, ranked by how often the words occur, with the
matches marked in the snippet; migration 6 indexes the documents stored before it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli.main import app
from communique.record import Record
from communique.store import Store, Target, open_store, queries
from communique.store.backends import connect
from communique.store.facets import total
from communique.store.filters import FilterError, make_filters
from communique.store.migrations import LATEST, current_version, migrate
from communique.store.rows import DOCUMENT_COLUMNS, to_rows

# Sentences written for these tests.
RECORDS = [
    Record(
        id="ru-once",
        language="ru",
        published="2025-03-02",
        source="mfa.kz",
        title="Встреча в Астане",
        text="Глава МИД принял посла Монголии. Стороны обсудили торговлю.",
    ),
    Record(
        id="ru-often",
        language="ru",
        published="2024-01-10",
        title="Переговоры",
        text=(
            "Президент провёл переговоры с Монголией.\n\nОбсуждено развитие стратегического "
            "партнерства. Монголия и Казахстан подписали соглашение; с монгольской стороной "
            "договорились о визите в Монголию."
        ),
    ),
    Record(
        id="ru-partner",
        language="ru",
        published="2025-06-01",
        title="Партнерство",
        text="Министр назвал партнерство с Японией важным.",
    ),
    Record(
        id="kk",
        language="kk",
        published="2025-02-01",
        title="Кездесу",
        text="Сенат Төрағасы Моңғолиямен ынтымақтастықты талқылады.",
    ),
    Record(
        id="en",
        language="en",
        published="2025-04-01",
        title="Talks in Astana",
        text="The ministers signed an agreement on transit and discussed meetings to come.",
    ),
]


@pytest.fixture
def stored(store: Store) -> Store:
    for record in RECORDS:
        store.add(record)
    return store


def _found(store: Store, text: str, **filters: object) -> list[str]:
    rows = queries.search(store, text, make_filters(**filters), None).dicts()  # type: ignore[arg-type]
    return [row["document_id"] for row in rows]


def test_a_word_finds_its_inflected_forms_in_each_language(stored: Store) -> None:
    # «Монголия» is written «Монголии», «Монголией», «Монголию» in the releases.
    assert set(_found(stored, "Монголия")) == {"ru-once", "ru-often"}
    assert _found(stored, "Моңғолия") == ["kk"]  # «Моңғолиямен»
    assert _found(stored, "ынтымақтастық") == ["kk"]  # «ынтымақтастықты»
    assert _found(stored, "agreements") == ["en"]  # "agreement"
    assert _found(stored, "meeting") == ["en"]  # "meetings"
    assert _found(stored, "посол") == ["ru-once"]  # «посла»
    assert _found(stored, "визита") == ["ru-often"]  # «визите»
    assert _found(stored, "Японии") == ["ru-partner"]


def test_every_word_of_a_phrase_must_be_there(stored: Store) -> None:
    # «стратегического партнерства» in one release; «партнерство» alone in another.
    assert _found(stored, "стратегическое партнерство") == ["ru-often"]
    assert set(_found(stored, "партнерство")) == {"ru-often", "ru-partner"}
    assert _found(stored, "стратегическое сотрудничество") == []


def test_the_title_is_searched_in_every_form_too(stored: Store) -> None:
    assert _found(stored, "встреча") == ["ru-once"]  # the title says «Встреча»
    assert _found(stored, "встречи") == ["ru-once"]


def test_the_text_as_written_still_matches_part_of_a_word(stored: Store) -> None:
    assert set(_found(stored, "монгол")) == {"ru-once", "ru-often"}


def test_the_document_using_the_words_most_comes_first(stored: Store) -> None:
    # ru-often names Mongolia four times and is the older; ru-once names it once.
    assert _found(stored, "Монголия") == ["ru-often", "ru-once"]
    rows = queries.search(stored, "Монголия", make_filters(), None).dicts()
    assert rows[0]["relevance"] > rows[1]["relevance"] > 0
    # A sort the user asks for comes before relevance.
    by_date = queries.search(
        stored, "Монголия", make_filters(), None, sort=queries.make_sort("search", "-date")
    ).dicts()
    assert [row["document_id"] for row in by_date] == ["ru-once", "ru-often"]


def test_the_snippet_marks_the_inflected_words(stored: Store) -> None:
    (row,) = queries.search(stored, "Монголия посол", make_filters(), None).dicts()
    marked = [row["snippet"][start:end] for start, end in row["marks"]]
    assert marked == ["посла", "Монголии"]
    (often,) = queries.search(stored, "стратегическое партнерство", make_filters(), None).dicts()
    marked = [often["snippet"][start:end] for start, end in often["marks"]]
    assert marked == ["стратегического", "партнерства"]
    assert "\n" not in often["snippet"]  # line breaks are spaces in a snippet


def test_the_total_counts_what_the_list_finds(stored: Store) -> None:
    assert total(stored, "search", make_filters(), "Монголия") == 2
    assert total(stored, "search", make_filters(language="kk"), "Моңғолия") == 1
    assert total(stored, "search", make_filters(language="ru"), "Моңғолия") == 0


def test_a_search_of_too_many_words_is_refused(stored: Store) -> None:
    words = " ".join(f"слово{number}" for number in range(queries.MAX_SEARCH_WORDS + 1))
    with pytest.raises(FilterError, match="at most"):
        queries.search(stored, words, make_filters(), None)


def test_reprocess_rewrites_the_index_of_a_document(stored: Store) -> None:
    before = stored.backend.rows(
        "SELECT term, hits FROM document_terms WHERE document_id = 'kk' ORDER BY term"
    )
    stored.replace("kk", RECORDS[3])
    after = stored.backend.rows(
        "SELECT term, hits FROM document_terms WHERE document_id = 'kk' ORDER BY term"
    )
    assert after == before and ("моңғолия", 1) in after


def test_migration_6_indexes_the_documents_stored_before_it(db: Target) -> None:
    backend = connect(db)
    try:
        migrate(backend, upto=5)
        rows = to_rows(
            RECORDS[1],
            document_id="old",
            content_hash="h1",
            story_id="old",
            stored_at="2025-01-01T00:00:00+00:00",
            processed_at="2025-01-01T00:00:00+00:00",
        )
        backend.insert("documents", DOCUMENT_COLUMNS, [rows.document])
        backend.insert("stories", ("id", "document_id", "created_at"), [("old", "old", "x")])
        assert migrate(backend) == 5
        assert current_version(backend) == LATEST
    finally:
        backend.close()
    with open_store(db) as store:
        assert _found(store, "партнерство") == ["old"]


def test_the_command_line_searches_by_source_and_language(stored: Store) -> None:
    location = stored.target.location
    stored.close()  # DuckDB: one process, one writer; the command opens the file itself

    def query(*args: str) -> list[str]:
        result = CliRunner().invoke(app, ["--db", location, "query", *args, "-f", "json"])
        assert result.exit_code == 0, result.output
        return [row["document_id"] for row in json.loads(result.stdout)]

    assert query("search", "Монголия") == ["ru-often", "ru-once"]
    assert query("search", "Монголия", "--source", "mfa.kz") == ["ru-once"]
    assert query("search", "Моңғолия", "--language", "kk") == ["kk"]
    assert query("search", "Моңғолия", "--language", "en") == []
    refused = CliRunner().invoke(app, ["--db", location, "query", "actors", "--undated"])
    assert refused.exit_code == 2 and "--undated cannot filter actors" in refused.output
