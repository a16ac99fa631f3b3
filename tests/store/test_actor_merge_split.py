"""Merging two actors that are one person and splitting one that is two: reviews across
documents, applied to every fact of either actor and kept through reprocess and later ingests
(store/actor_identity.py). On DuckDB and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.store import Store
from communique.store.actor_identity import IDENTITY, merge_actors, split_actor
from communique.store.filters import make_filters
from communique.store.queries import actors
from communique.store.questions import NotFound, actor_profile
from communique.store.review_trail import trail
from communique.store.reviews import ReviewError, history, record_review

# Written for these tests: a person with first name and surname in one release, the surname
# alone in two others (the machine cannot tell these are one person).
TEXTS = {
    "full": (
        "Государственный советник Казахстана Ерлан Карин 3 марта 2025 года встретился в Астане "
        "с послом Японии Ютакой Кикутой. Стороны обсудили сотрудничество в сфере образования."
    ),
    "surname": (
        "4 марта 2025 года советник Карин провёл переговоры с министром иностранных дел Монголии "
        "Батмунхийном Баттсэцэгом. Стороны подписали меморандум о сотрудничестве."
    ),
    "other": "5 марта 2025 года председатель комитета Карин принял делегацию Турции в Астане.",
}
FULL = "person:karin e@KZ"
SURNAME = "person:karin"


def _add(store: Store, pipeline: Pipeline, name: str, day: int) -> str:
    document = Document(id=name, text=TEXTS[name], language="ru", published=f"2025-03-0{day}")
    return store.add(pipeline.process(document)).document_id


@pytest.fixture
def stored(store: Store, pipeline: Pipeline) -> dict[str, str]:
    ids = {name: _add(store, pipeline, name, day) for day, name in enumerate(TEXTS, start=3)}
    assert {r[0] for r in store.backend.rows("SELECT actor_key FROM actors")} >= {FULL, SURNAME}
    return ids


def _keys(store: Store, document_id: str) -> set[str]:
    rows = store.backend.rows("SELECT actor_key FROM actors WHERE document_id = ?", [document_id])
    return {str(row[0]) for row in rows}


def _person_rows(store: Store) -> list[str]:
    table = actors(store, make_filters(), None)
    key = table.columns.index("actor_key")
    return [str(row[key]) for row in table.rows if str(row[key]).startswith("person:karin")]


def test_a_merge_makes_one_actor_of_two(store: Store, stored: dict[str, str]) -> None:
    assert sorted(_person_rows(store)) == [SURNAME, FULL]
    review = merge_actors(
        store, actor_key="Карин", into="Ерлан Карин", author="analyst", reason="same person"
    )
    assert (review.fact, review.action, review.fact_id) == (IDENTITY, "merge", SURNAME)
    assert review.before["names"] == ["Карин"] and review.before["into_names"] == ["Ерлан Карин"]
    profile = actor_profile(store, FULL)
    assert profile.names == ["Ерлан Карин", "Карин"]  # both names kept
    assert sorted(profile.documents) == sorted(stored.values())
    # The surname-only releases' events are the merged actor's now.
    document = profile.meetings.columns.index("document_id")
    assert {row[document] for row in profile.meetings.rows} == set(stored.values())
    assert _person_rows(store) == [FULL]  # listed once
    with pytest.raises(NotFound):
        actor_profile(store, SURNAME)
    trail = history(store, fact=IDENTITY)
    assert [(r.author, r.reason, r.attached_to) for r in trail] == [
        ("analyst", "same person", FULL)
    ]


def test_a_merge_holds_through_reprocess_and_for_later_documents(
    store: Store, stored: dict[str, str], pipeline: Pipeline
) -> None:
    merge_actors(store, actor_key=SURNAME, into=FULL, author="analyst")
    document_id = stored["surname"]
    store.replace(document_id, pipeline.process(store.document(document_id)))
    assert FULL in _keys(store, document_id) and SURNAME not in _keys(store, document_id)
    later = Document(
        id="later",
        text="6 марта 2025 года Карин встретился с послом Японии в Астане.",
        language="ru",
        published="2025-03-06",
    )
    later_id = store.add(pipeline.process(later)).document_id
    assert FULL in _keys(store, later_id)


def test_a_split_makes_a_new_actor_of_some_documents(
    store: Store, stored: dict[str, str], pipeline: Pipeline
) -> None:
    review = split_actor(
        store, actor_key=SURNAME, documents=[stored["other"]], author="analyst",
        reason="the committee's chairman is another Karin",
    )  # fmt: skip
    new_key = review.attached_to
    assert new_key == f"{SURNAME}#{review.id}"
    assert actor_profile(store, SURNAME).documents == [stored["surname"]]
    assert actor_profile(store, new_key).documents == [stored["other"]]
    # Reprocessing the split-off document keeps it apart.
    store.replace(stored["other"], pipeline.process(store.document(stored["other"])))
    assert new_key in _keys(store, stored["other"]) and SURNAME not in _keys(store, stored["other"])
    # Undone by a later review: merged back.
    merge_actors(store, actor_key=new_key, into=SURNAME, author="analyst")
    assert sorted(actor_profile(store, SURNAME).documents) == sorted(
        [stored["surname"], stored["other"]]
    )
    store.replace(stored["other"], pipeline.process(store.document(stored["other"])))
    assert SURNAME in _keys(store, stored["other"])


def test_merge_then_split_composes_in_order(
    store: Store, stored: dict[str, str], pipeline: Pipeline
) -> None:
    merge_actors(store, actor_key=SURNAME, into=FULL, author="analyst")
    review = split_actor(store, actor_key=FULL, documents=[stored["other"]], author="analyst")
    for document_id in stored.values():
        store.replace(document_id, pipeline.process(store.document(document_id)))
    assert sorted(actor_profile(store, FULL).documents) == sorted(
        [stored["full"], stored["surname"]]
    )
    assert actor_profile(store, str(review.attached_to)).documents == [stored["other"]]


def test_a_corrected_actor_keeps_its_merge(store: Store, stored: dict[str, str]) -> None:
    merge_actors(store, actor_key=SURNAME, into=FULL, author="analyst")
    actor_id = next(
        str(r[0])
        for r in store.backend.rows(
            "SELECT id FROM actors WHERE document_id = ? AND name = 'Карин'", [stored["other"]]
        )
    )
    # Correcting the kind recomputes the machine's key: the merge still applies to it.
    record_review(
        store, document_id=stored["other"], fact="actor", fact_id=actor_id, action="correct",
        changes={"kind": "person"}, author="analyst",
    )  # fmt: skip
    assert FULL in _keys(store, stored["other"])


@pytest.mark.parametrize(
    ("actor", "into", "message"),
    [
        (FULL, "Ерлан Карин", "is this actor itself"),
        ("person:nobody", FULL, "actor: no actor 'person:nobody'"),
        (FULL, "Иван Неизвестный", "into: no actor 'Иван Неизвестный'"),
        (FULL, "  ", "into: name an actor"),
    ],
)
def test_a_merge_that_cannot_be_is_refused(
    store: Store, stored: dict[str, str], actor: str, into: str, message: str
) -> None:
    with pytest.raises(ReviewError, match=message):
        merge_actors(store, actor_key=actor, into=into, author="analyst")
    assert history(store, fact=IDENTITY) == []
    assert {FULL, SURNAME} <= {r[0] for r in store.backend.rows("SELECT actor_key FROM actors")}


def test_a_split_that_cannot_be_is_refused(store: Store, stored: dict[str, str]) -> None:
    cases = [
        ([], "name the documents"),
        ([stored["full"]], "does not name this actor"),
        ([stored["surname"], stored["other"]], "every document of this actor"),
    ]
    for documents, message in cases:
        with pytest.raises(ReviewError, match=message):
            split_actor(store, actor_key=SURNAME, documents=documents, author="analyst")
    assert history(store, fact=IDENTITY) == []
    assert _keys(store, stored["other"]) >= {SURNAME}


def test_a_name_of_two_actors_asks_for_a_key(store: Store, stored: dict[str, str]) -> None:
    merge_actors(store, actor_key=SURNAME, into=FULL, author="analyst")
    split_actor(store, actor_key=FULL, documents=[stored["other"]], author="analyst")
    with pytest.raises(ReviewError, match="2 actors are written 'Карин'"):
        merge_actors(store, actor_key="Карин", into="person:kikutoi i@JP", author="analyst")


# --- the trail in words --------------------------------------------------------------------------


def test_the_trail_names_facts_and_actors(store: Store, stored: dict[str, str]) -> None:
    document_id = stored["surname"]
    record = store.load(document_id)
    names = {a.id: a.name for a in record.actors}
    event = next(e for e in record.events if e.source and e.target)
    source, target = names[event.source[0]], names[event.target[0]]
    record_review(
        store, document_id=document_id, fact="event", fact_id=event.id, action="correct",
        changes={"source": target, "target": source}, author="analyst", reason="sides swapped",
    )  # fmt: skip
    merge_actors(store, actor_key=SURNAME, into=FULL, author="analyst")
    merged, corrected = trail(store, history(store))
    assert merged.fact == "Карин → Ерлан Карин" and merged.document is None
    assert merged.actor_keys == [("Карин", SURNAME), ("Ерлан Карин", FULL)]
    assert corrected.fact == f"{event.type}: {target} → {source}"
    assert corrected.changes == [("source", target), ("target", source)]
    assert corrected.before == [("source", source), ("target", target)]  # names, not ids
    assert corrected.document is not None and corrected.document.startswith("4 марта 2025")


def test_the_trail_filters_by_day_and_kind(store: Store, stored: dict[str, str]) -> None:
    merge_actors(store, actor_key=SURNAME, into=FULL, author="analyst")
    today = datetime.now(UTC).date()  # reviews are stamped in UTC
    day = timedelta(days=1)
    assert len(history(store, since=today.isoformat(), until=today.isoformat())) == 1
    assert history(store, since=(today + day).isoformat()) == []
    assert history(store, until=(today - day).isoformat()) == []
    assert history(store, fact="event") == []
    for wrong in ("2025-13-01", "yesterday"):
        with pytest.raises(ReviewError, match="since"):
            history(store, since=wrong)
