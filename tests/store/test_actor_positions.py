"""Positions over time on an actor's profile: one row per title, organisation and country of a
document, however often the document restates it. On DuckDB and PostgreSQL."""

from __future__ import annotations

from communique.document import Document
from communique.pipeline import Pipeline
from communique.store import Store
from communique.store.questions import actor_profile

# Written for this test: the full title once, then the bare title twice.
CREDENTIALS = (
    "12 апреля 2025 года Чрезвычайный и Полномочный Посол Индии Раджеш Кумар вручил копии "
    "верительных грамот министру иностранных дел Казахстана. Посол Кумар передал приглашение "
    "посетить Нью-Дели. Посол Индии Раджеш Кумар отметил рост торговли."
)
LATER = "20 мая 2025 года посол Индии Раджеш Кумар встретился с акимом Алматы."


def test_a_title_restated_in_a_document_is_one_position(store: Store, pipeline: Pipeline) -> None:
    first = store.add(
        pipeline.process(
            Document(id="credentials", text=CREDENTIALS, language="ru", published="2025-04-12")
        )
    ).document_id
    (key,) = {
        str(r[0])
        for r in store.backend.rows("SELECT actor_key FROM actors WHERE name = 'Раджеш Кумар'")
    }
    positions = actor_profile(store, key).positions
    assert [(p.title, p.country, p.document_id) for p in positions] == [
        ("Чрезвычайный и Полномочный Посол", "IN", first)
    ]
    # Another document's title is another row: positions over time.
    later = store.add(
        pipeline.process(Document(id="later", text=LATER, language="ru", published="2025-05-20"))
    ).document_id
    positions = actor_profile(store, key).positions
    assert [(p.date, p.document_id) for p in positions] == [
        ("2025-04-12", first),
        ("2025-05-20", later),
    ]
