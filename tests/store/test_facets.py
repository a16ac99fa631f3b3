"""A list's total, facets, sort order and pages agree with the list itself."""

from __future__ import annotations

import pytest

from communique.record import Record
from communique.store.facets import facets, total
from communique.store.filters import FilterError, make_filters
from communique.store.queries import make_sort, run
from communique.store.store import Store


@pytest.fixture
def filled(store: Store, sample_records: list[Record]) -> Store:
    for record in sample_records:
        store.add(record)
    return store


@pytest.mark.parametrize("kind", ["events", "agreements", "commitments", "actors"])
def test_the_total_is_the_number_of_rows(filled: Store, kind: str) -> None:
    everything = make_filters()
    assert total(filled, kind, everything) == len(run(filled, kind, everything, limit=None).rows)
    kazakhstan = make_filters(countries=["Казахстан"])
    rows = run(filled, kind, kazakhstan, limit=None).rows
    assert 0 < len(rows) <= total(filled, kind, everything)
    assert total(filled, kind, kazakhstan) == len(rows)


def test_a_facet_count_is_what_its_filter_lists(filled: Store) -> None:
    total_events, found_facets = facets(filled, "events", make_filters())
    assert total_events == total(filled, "events", make_filters())
    found = {facet.name: facet for facet in found_facets}
    assert set(found) == {"country", "type", "topic", "status", "year", "source", "language"}
    for value in found["type"].values:
        listed = run(filled, "events", make_filters(event_type=value.value), limit=None).rows
        assert len(listed) == value.count
    for value in found["country"].values[:3]:
        listed = run(filled, "events", make_filters(countries=[value.value]), limit=None).rows
        assert len(listed) == value.count
    kinds = {f.name: f for f in facets(filled, "actors", make_filters())[1]}["kind"].values
    for value in kinds:
        listed = run(filled, "actors", make_filters(kind=value.value), limit=None).dicts()
        assert len(listed) == value.count
        assert {row["kind"] for row in listed} == {value.value}


def test_sort_by_a_column_either_way(filled: Store) -> None:
    rising = run(filled, "events", make_filters(), limit=None, sort=make_sort("events", "type"))
    types = [row["type"] for row in rising.dicts()]
    assert types == sorted(types) and len(set(types)) > 1
    falling = run(filled, "events", make_filters(), limit=None, sort=make_sort("events", "-type"))
    assert [row["type"] for row in falling.dicts()] == sorted(types, reverse=True)
    with pytest.raises(FilterError, match="events sort by date"):
        make_sort("events", "evidence; DROP TABLE events")


def test_pages_with_offset_cover_every_row_once(filled: Store) -> None:
    everything = run(filled, "events", make_filters(), limit=None).rows
    pages = [
        run(filled, "events", make_filters(), limit=3, offset=start).rows
        for start in range(0, len(everything), 3)
    ]
    assert [row for page in pages for row in page] == everything
