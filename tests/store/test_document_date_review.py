"""An analyst sets a document's date: a review like the others, kept through reprocess; the
events that state no date of their own take it."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.record import DateBasis, EventStatus, PublishedBasis
from communique.store import Store
from communique.store.reviews import ReviewError, history, record_review

TEXT = (
    "Министр иностранных дел Казахстана провёл переговоры с министром иностранных дел "
    "Монголии. Стороны обсудили торговлю."
)


@pytest.fixture
def undated(store: Store, pipeline: Pipeline) -> str:
    record = pipeline.process(Document(id="undated", text=TEXT, language="ru"))
    assert record.published is None
    assert any(e.status is EventStatus.HAPPENED and e.date is None for e in record.events)
    return store.add(record).document_id


def _inherited(store: Store, document_id: str) -> list[str]:
    record = store.load(document_id)
    return [
        e.date.value
        for e in record.events
        if e.status is EventStatus.HAPPENED and e.date and e.date.basis is DateBasis.PUBLISHED
    ]


def test_a_reviewed_date_dates_the_document_and_its_events(store: Store, undated: str) -> None:
    record_review(
        store, document_id=undated, fact="document", fact_id=undated, action="correct",
        changes={"date": "2024-11-20"}, author="analyst", reason="the page says so",
    )  # fmt: skip
    record = store.load(undated)
    assert (record.published, record.published_basis) == ("2024-11-20", PublishedBasis.REVIEWED)
    assert _inherited(store, undated) and set(_inherited(store, undated)) == {"2024-11-20"}
    (review,) = history(store, document_id=undated)
    assert (review.fact, review.before) == ("document", {"date": None})


def test_a_reviewed_date_is_kept_through_reprocess(
    store: Store, undated: str, pipeline: Pipeline
) -> None:
    record_review(
        store, document_id=undated, fact="document", fact_id=undated, action="correct",
        changes={"date": "2024-11"}, author="analyst",
    )  # fmt: skip
    store.replace(undated, pipeline.process(store.document(undated)))
    record = store.load(undated)
    assert (record.published, record.published_basis) == ("2024-11", PublishedBasis.REVIEWED)
    assert _inherited(store, undated) and set(_inherited(store, undated)) == {"2024-11"}
    dated = store.backend.rows("SELECT published_date FROM documents WHERE id = ?", [undated])
    assert dated == [("2024-11-01",)]


@pytest.mark.parametrize(
    ("action", "changes", "message"),
    [
        ("confirm", {}, "set with correct"),
        ("correct", {"date": "20.11.2024"}, "YYYY-MM-DD"),
        ("correct", {"title": "x"}, "date"),
    ],
)
def test_a_wrong_date_review_is_refused_and_changes_nothing(
    store: Store, undated: str, action: str, changes: dict[str, str], message: str
) -> None:
    with pytest.raises(ReviewError, match=message):
        record_review(
            store, document_id=undated, fact="document", fact_id=undated, action=action,
            changes=changes, author="analyst",
        )  # fmt: skip
    assert store.load(undated).published is None
    assert history(store, document_id=undated) == []
