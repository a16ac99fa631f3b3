"""The filters of the documents a list's rows come from: --source, --language, and --undated
(what a date filter leaves out), counted the same way on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.store import Store, facets, queries
from communique.store.filters import FilterError, make_filters

MEETING = "Министр иностранных дел Казахстана провёл переговоры с министром иностранных дел {}."


@pytest.fixture
def three_releases(store: Store, pipeline: Pipeline) -> Store:
    dateline = "Переговоры\n14 февраля 2025 года\n"
    documents = [
        Document(id="feed", text=MEETING.format("Монголии"), language="ru",
                 published="2024-05-01", source="mfa.kz"),
        Document(id="dateline", text=dateline + MEETING.format("Японии"), language="ru",
                 source="akorda.kz"),
        Document(id="undated", text=MEETING.format("Индии"), language="ru", source="akorda.kz"),
    ]  # fmt: skip
    for record in pipeline.process_many(documents):
        store.add(record)
    return store


def test_a_date_filter_says_how_many_undated_rows_it_leaves_out(three_releases: Store) -> None:
    dated = make_filters(since="2025")
    assert facets.total(three_releases, "documents", dated) == 1
    assert facets.undated_left_out(three_releases, "documents", dated) == 1
    undated = replace(dated, since=None, until=None, undated=True)
    rows = queries.search(three_releases, "Индии", undated, None).dicts()
    assert [row["document_id"] for row in rows] == ["undated"]
    # Every event of the undated release, and only those, is what the event list leaves out.
    events_left_out = facets.undated_left_out(three_releases, "events", dated)
    all_undated = facets.total(three_releases, "events", make_filters(undated=True))
    assert events_left_out == all_undated > 0
    # No date filter, nothing left out.
    assert facets.undated_left_out(three_releases, "events", make_filters()) is None


def test_source_and_language_filter_every_list(three_releases: Store) -> None:
    assert facets.total(three_releases, "documents", make_filters(source="akorda.kz")) == 2
    assert facets.total(three_releases, "events", make_filters(source="mfa.kz")) > 0
    assert facets.total(three_releases, "events", make_filters(language="kk")) == 0
    by_language = facets.total(three_releases, "events", make_filters(language="RU"))
    assert by_language == facets.total(three_releases, "events", make_filters())


def test_undated_with_a_date_range_is_refused() -> None:
    with pytest.raises(FilterError, match="--undated"):
        make_filters(since="2024", undated=True)
    with pytest.raises(FilterError, match="--language"):
        make_filters(language="russian")
