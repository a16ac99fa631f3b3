"""A release re-published with a new headline and a paragraph dropped is one story, two sources."""

from __future__ import annotations

import pytest
from datasketch import MinHash

from communique.document import Document
from communique.pipeline import Pipeline
from communique.record import Record
from communique.store import Store
from communique.store.filters import make_filters
from communique.store.near_duplicates import (
    NUM_PERM,
    SCHEME,
    SEED,
    from_bytes,
    shingles,
    signature,
    to_bytes,
)
from communique.store.queries import run

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def republished(pipeline: Pipeline) -> tuple[Record, Record]:
    text = (SAMPLES / "senate-kz-mongolia.ru.txt").read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    assert len(paragraphs) >= 5
    # Another outlet's copy: its own headline line, the fifth paragraph left out.
    edited = "\n\n".join(
        [
            "Спикер Сената встретился с делегацией Великого Государственного Хурала Монголии",
            *paragraphs[1:4],
            *paragraphs[5:],
        ]
    )
    original = Document(id="senate", text=text, title="Маулен Ашимбаев встретился с Председателем")
    copy = Document(id="agency", text=edited, title="Казахстан и Монголия: парламентский диалог")
    first, second = pipeline.process_many([original, copy])
    return first, second


def test_becomes_one_story_with_two_sources(
    store: Store, republished: tuple[Record, Record]
) -> None:
    original, copy = republished
    first = store.add(original)
    second = store.add(copy)
    assert first.near_duplicate_of is None
    assert second.status == "stored"
    assert second.near_duplicate_of == "senate"
    assert second.story_id == first.story_id
    (sources,) = store.backend.rows(
        "SELECT count(*) FROM documents WHERE story_id = ?", [first.story_id]
    )[0]
    assert sources == 2


def test_its_events_are_counted_once(store: Store, republished: tuple[Record, Record]) -> None:
    original, copy = republished
    store.add(original)
    store.add(copy)
    assert original.events and copy.events
    once = run(store, "events", make_filters(include_inferred=True), limit=None)
    assert len(once.rows) == len(original.events)
    assert {row["document_id"] for row in once.dicts()} == {"senate"}
    assert {row["sources"] for row in once.dicts()} == {2}
    every = run(store, "events", make_filters(all_sources=True, include_inferred=True), limit=None)
    assert len(every.rows) == len(original.events) + len(copy.events)
    actors = run(store, "actors", make_filters(actor="Ашимбаев"), limit=None).dicts()
    assert [a["documents"] for a in actors] == [1]


def test_different_releases_stay_apart(store: Store, sample_records: list[Record]) -> None:
    results = [store.add(record) for record in sample_records]
    assert all(r.near_duplicate_of is None for r in results)
    assert len({r.story_id for r in results}) == len(sample_records)


def test_short_texts_are_never_linked() -> None:
    assert signature("Стороны обсудили вопросы сотрудничества.") is None


def test_signatures_equal_datasketchs_own_so_stored_ones_stay_comparable() -> None:
    text = (
        "Министр иностранных дел Казахстана провёл переговоры с государственным секретарём "
        "Ватикана. Стороны обсудили вопросы двустороннего сотрудничества, подготовку визита "
        "и положение на Ближнем Востоке, а также подписали меморандум о взаимопонимании."
    )
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)  # sha1_hash32, its default
    reference.update_batch(list(shingles(text)))
    ours = signature(text)
    assert ours is not None
    assert ours.hashvalues.tolist() == reference.hashvalues.tolist()
    assert from_bytes(to_bytes(ours)).jaccard(reference) == 1.0
