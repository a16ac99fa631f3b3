"""A review names actors as the page shows them, by name; the name is looked up again when the
review is replayed."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.store import Store
from communique.store.reviews import ReviewError, record_review

TEXT = (
    "Министр иностранных дел Казахстана Мурат Нуртлеу провёл переговоры с министром "
    "иностранных дел Монголии Батмунхийном Баттсэцэгом в Астане."
)


@pytest.fixture
def meeting(store: Store, pipeline: Pipeline) -> tuple[str, str]:
    record = pipeline.process(
        Document(id="meeting", text=TEXT, language="ru", published="2024-05-02")
    )
    assert record.events, "the meeting is an event"
    return store.add(record).document_id, record.events[0].id


def _actor_names(store: Store, document_id: str) -> dict[str, str]:
    return {a.id: a.name for a in store.load(document_id).actors}


def test_sides_are_set_by_name(store: Store, meeting: tuple[str, str], pipeline: Pipeline) -> None:
    document_id, event_id = meeting
    names = _actor_names(store, document_id)
    chosen = sorted(set(names.values()))[:2]
    record_review(
        store, document_id=document_id, fact="event", fact_id=event_id, action="correct",
        changes={"target": f" {chosen[0].upper()} ; {chosen[1]}"}, author="analyst",
    )  # fmt: skip
    event = next(e for e in store.load(document_id).events if e.id == event_id)
    assert [names[i] for i in event.target] == chosen
    # Replayed after a re-extraction, the names find their actors again.
    store.replace(document_id, pipeline.process(store.document(document_id)))
    names = _actor_names(store, document_id)
    event = next(e for e in store.load(document_id).events if e.id == event_id)
    assert [names[i] for i in event.target] == chosen


def test_a_name_of_no_actor_is_refused(store: Store, meeting: tuple[str, str]) -> None:
    document_id, event_id = meeting
    with pytest.raises(ReviewError, match="no actor Джон Смит"):
        record_review(
            store, document_id=document_id, fact="event", fact_id=event_id, action="correct",
            changes={"source": "Джон Смит"}, author="analyst",
        )  # fmt: skip
