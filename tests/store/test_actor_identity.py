"""Actors across documents: `actor_key`, its migration, and `query actors` grouped by it."""

from __future__ import annotations

import pytest

from communique.record import Actor, Occupation, Record, Span
from communique.store import Store, Target, open_store
from communique.store.backends import connect
from communique.store.filters import make_filters
from communique.store.identity import actor_key, person_key
from communique.store.migrations import LATEST, current_version, migrate
from communique.store.queries import run


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Сергей Лавров", "лавров с"),
        ("С. Лавров", "лавров с"),
        ("Сергей Викторович Лавров", "лавров с"),
        ("Лавров С.В.", "лавров с"),
        ("Лавров", "лавров"),
        ("Пётр Семёнов", "семенов п"),
        ("  ЖАНАР  Ахметова ", "ахметова ж"),
        ("Анна Мария-Луиза", "мария-луиза а"),
    ],
)
def test_person_key(name: str, key: str) -> None:
    assert person_key(name) == key


def test_actor_key_by_kind() -> None:
    assert actor_key("country", "Казахстан", country="kz") == "country:KZ"
    assert actor_key("organization", "Сенат", kb_id="kz-senate", country="KZ") == (
        "organization:kz-senate"
    )
    assert actor_key("organization", "Сенат  Парламента", country="KZ") == (
        "organization:сенат парламента@KZ"
    )
    assert actor_key("city", "Улан-Батор") == "city:улан-батор"
    assert actor_key("person", "Сергей Лавров", country="RU", kb_id="q1") == "person:лавров с"
    # No Cyrillic: the Latin name decides, so transliterations meet only through it.
    assert actor_key("person", "Sergey Lavrov", name_latin="Sergei Lavrov") == "person:lavrov s"
    assert actor_key("person", "John Smith") == "person:smith j"


def _record(record_id: str, text: str, published: str, actors: list[Actor]) -> Record:
    occupations = [
        Occupation(
            id=f"o{i}",
            person=a.id,
            position="министр иностранных дел",
            title=Span(start=0, end=1),
            evidence=Span(start=0, end=len(text)),
            extractor="test@1",
        )
        for i, a in enumerate(actors)
        if a.kind == "person" and a.name.endswith("Лавров")
    ]
    return Record(
        id=record_id, text=text, published=published, actors=actors, occupations=occupations
    )


def _person(actor_id: str, name: str, **fields: object) -> Actor:
    return Actor(id=actor_id, kind="person", name=name, **fields)  # type: ignore[arg-type]


RECORDS = [
    _record(
        "one",
        "Сергей Лавров встретился с послом Монголии в Москве.",
        "2024-03-01",
        [
            _person("a1", "Сергей Лавров", country="RU", positions=["министр"]),
            Actor(id="a2", kind="country", name="Монголия", country="MN"),
        ],
    ),
    _record(
        "two",
        "С. Лавров провёл переговоры. Лавров отметил рост торговли с Монголией.",
        "2025-01-15",
        [
            _person("b1", "С. Лавров", country="RU"),
            _person("b2", "Алексей Лавров"),
            Actor(id="b3", kind="country", name="Монголия", country="MN"),
        ],
    ),
]


@pytest.fixture
def two_documents(store: Store) -> Store:
    for record in RECORDS:
        assert store.add(record).status == "stored"
    return store


def test_one_person_across_documents(two_documents: Store) -> None:
    keys = two_documents.backend.rows(
        "SELECT document_id, id, actor_key FROM actors ORDER BY document_id, id"
    )
    assert [k for *_, k in keys] == [
        "person:лавров с", "country:MN", "person:лавров с", "person:лавров а", "country:MN",
    ]  # fmt: skip
    rows = {
        r["actor_key"]: r for r in run(two_documents, "actors", make_filters(), limit=None).dicts()
    }
    assert set(rows) == {"person:лавров с", "person:лавров а", "country:MN"}
    lavrov = rows["person:лавров с"]
    assert lavrov["documents"] == 2
    assert lavrov["name"] == "Сергей Лавров"
    assert lavrov["names"] == ["С. Лавров", "Сергей Лавров"]
    assert lavrov["country"] == "RU"
    assert (lavrov["first_seen"], lavrov["last_seen"]) == ("2024-03-01", "2025-01-15")
    assert lavrov["positions"] == [
        "2024-03-01 министр",
        "2024-03-01 министр иностранных дел",
        "2025-01-15 министр иностранных дел",
    ]
    assert rows["person:лавров а"]["documents"] == 1
    assert rows["country:MN"]["documents"] == 2
    assert rows["country:MN"]["names"] == ["Монголия"]
    # Filters still apply to the rows each actor is counted from.
    since = run(two_documents, "actors", make_filters(since="2025"), limit=None).dicts()
    assert {r["actor_key"]: r["documents"] for r in since}["person:лавров с"] == 1
    assert [r["actor_key"] for r in run(two_documents, "actors", make_filters(), limit=1).dicts()]


def test_a_stored_record_loads_back_without_its_key(two_documents: Store) -> None:
    for record in RECORDS:
        assert two_documents.load(record.id) == record


def test_migration_2_backfills_rows_written_at_version_1(db: Target) -> None:
    backend = connect(db)
    try:
        migrate(backend, upto=1)
        assert current_version(backend) == 1
        columns = (
            "document_id", "pipeline_version", "id", "seq", "kind", "name", "name_latin",
            "country", "kb_id", "positions", "mentions",
        )  # fmt: skip
        backend.insert(
            "actors",
            columns,
            [
                ("d1", "p", "a1", 0, "person", "Сергей Лавров", None, "RU", None, "[]", "[]"),
                ("d2", "p", "a1", 0, "person", "С. Лавров", None, None, None, "[]", "[]"),
                ("d2", "p", "a2", 1, "country", "Монголия", None, "MN", None, "[]", "[]"),
                ("d3", "p", "a1", 0, "organization", "Сенат", None, None, "kz-senate", "[]", "[]"),
            ],
        )
        assert migrate(backend) == 1
        assert current_version(backend) == LATEST
        keys = backend.rows("SELECT document_id, id, actor_key FROM actors ORDER BY 1, 2")
    finally:
        backend.close()
    assert keys == [
        ("d1", "a1", "person:лавров с"),
        ("d2", "a1", "person:лавров с"),
        ("d2", "a2", "country:MN"),
        ("d3", "a1", "organization:kz-senate"),
    ]
    with open_store(db) as store:  # the migrated database opens as any other
        assert store.backend.rows("SELECT count(*) FROM actors WHERE actor_key IS NULL") == [(0,)]
