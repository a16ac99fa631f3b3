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
        ("Сергей Лавров", "lavrov s"),
        ("С. Лавров", "lavrov s"),
        ("Сергей Викторович Лавров", "lavrov s"),
        ("Лавров С.В.", "lavrov s"),
        ("Sergei Lavrov", "lavrov s"),
        ("Лавров", "lavrov"),
        ("Пётр Семёнов", "semonov p"),
        ("Pyotr Semyonov", "semonov p"),
        ("  ЖАНАР  Ахметова ", "ahmetova j"),
        ("Zhanar Akhmetova", "ahmetova j"),
        ("Анна Мария-Луиза", "marialuiza a"),
        ("Ж. Әбдірахманова", "abdirahmanova j"),
    ],
)
def test_person_key(name: str, key: str) -> None:
    assert person_key(name) == key


# One person, as the Russian, the Kazakh and the English version of a release name them.
@pytest.mark.parametrize(
    ("russian", "kazakh", "english", "country"),
    [
        ("Касым-Жомарт Токаев", "Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev", "KZ"),
        ("Маулен Ашимбаев", "Мәулен Әшімбаев", "Maulen Ashimbayev", "KZ"),
        ("Ерлан Кошанов", "Ерлан Қошанов", "Yerlan Koshanov", "KZ"),
        ("Шавкат Мирзиёев", "Шавкат Мирзиёев", "Shavkat Mirziyoyev", "UZ"),
        ("Мехмет Озтюрк", "Мехмет Өзтүрк", "Mehmet Ozturk", "TR"),
        ("Гусейн Гаджиев", "Гусейн Гаджиев", "Huseyn Hajiyev", "AZ"),
        ("Салим аль-Харти", "Сәлім әл-Харти", "Salim Al-Harthi", "OM"),
        ("Ким Сон Мин", "Ким Сон Мин", "Kim Sung-min", "KR"),
        ("Си Цзиньпин", "Си Цзиньпин", "Xi Jinping", "CN"),  # the knowledge base's alias
        ("Мурат Нуртлеу", "Мұрат Нұртілеу", "Murat Nurtleu", "KZ"),  # the same
    ],
)
def test_one_key_across_scripts(russian: str, kazakh: str, english: str, country: str) -> None:
    keys = {actor_key("person", name, country=country) for name in (russian, kazakh, english)}
    assert len(keys) == 1, keys
    assert keys.pop().endswith(f"@{country}")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # One surname and initial, two countries: two people, whatever the spelling.
        (("Алексей Иванов", "RU"), ("Andriy Ivanov", "UA")),
        # Different surnames the folds must keep apart.
        (("Мирзоев", "TJ"), ("Mirziyoyev", "TJ")),
        (("Ахмедов", "AZ"), ("Akhmetov", "AZ")),
        (("Токаев", "KZ"), ("Тукаев", "KZ")),
        # A known official's name with another country in the text is someone else.
        (("Xi Jinping", "CN"), ("Xi Jinping", "SG")),
    ],
)
def test_different_people_keep_different_keys(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert actor_key("person", first[0], country=first[1]) != actor_key(
        "person", second[0], country=second[1]
    )


def test_actor_key_by_kind() -> None:
    assert actor_key("country", "Казахстан", country="kz") == "country:KZ"
    assert actor_key("organization", "Сенат", kb_id="kz-senate", country="KZ") == (
        "organization:kz-senate"
    )
    assert actor_key("organization", "Сенат  Парламента", country="KZ") == (
        "organization:сенат парламента@KZ"
    )
    assert actor_key("city", "Улан-Батор") == "city:улан-батор"
    assert actor_key("person", "Сергей Лавров", country="ru", kb_id="q1") == "person:lavrov s@RU"
    assert actor_key("person", "Sergey Lavrov", name_latin="Sergei Lavrov") == "person:lavrov s"
    assert actor_key("person", "John Smith") == "person:smit j"
    # A name in neither script is keyed by its Latin form.
    assert actor_key("person", "習近平", name_latin="Xi Jinping", country="CN") == "person:ksi j@CN"


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
        "person:lavrov s@RU", "country:MN", "person:lavrov s@RU", "person:lavrov a", "country:MN",
    ]  # fmt: skip
    rows = {
        r["actor_key"]: r for r in run(two_documents, "actors", make_filters(), limit=None).dicts()
    }
    assert set(rows) == {"person:lavrov s@RU", "person:lavrov a", "country:MN"}
    lavrov = rows["person:lavrov s@RU"]
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
    assert rows["person:lavrov a"]["documents"] == 1
    assert rows["country:MN"]["documents"] == 2
    assert rows["country:MN"]["names"] == ["Монголия"]
    # Filters still apply to the rows each actor is counted from.
    since = run(two_documents, "actors", make_filters(since="2025"), limit=None).dicts()
    assert {r["actor_key"]: r["documents"] for r in since}["person:lavrov s@RU"] == 1
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
                ("d2", "p", "a1", 0, "person", "С. Лавров", None, "RU", None, "[]", "[]"),
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
        ("d1", "a1", "person:lavrov s@RU"),
        ("d2", "a1", "person:lavrov s@RU"),
        ("d2", "a2", "country:MN"),
        ("d3", "a1", "organization:kz-senate"),
    ]
    with open_store(db) as store:  # the migrated database opens as any other
        assert store.backend.rows("SELECT count(*) FROM actors WHERE actor_key IS NULL") == [(0,)]


def test_migration_4_rekeys_the_keys_of_version_3(db: Target) -> None:
    """A database written before keys crossed scripts gets today's keys, facts untouched."""
    backend = connect(db)
    try:
        migrate(backend, upto=3)
        columns = (
            "document_id", "pipeline_version", "id", "seq", "kind", "name", "name_latin",
            "country", "kb_id", "positions", "mentions", "actor_key",
        )  # fmt: skip
        backend.insert(
            "actors",
            columns,
            [
                ("ru", "p", "a1", 0, "person", "Маулен Ашимбаев", "Maulen Ashimbayev", "KZ",
                 None, "[]", "[]", "person:ашимбаев м"),
                ("kk", "p", "a1", 0, "person", "Мәулен Әшімбаев", None, "KZ", None, "[]", "[]",
                 "person:әшімбаев м"),
                ("en", "p", "a1", 0, "person", "Maulen Ashimbayev", "Maulen Ashimbayev", "KZ",
                 None, "[]", "[]", "person:ashimbayev m"),
            ],
        )  # fmt: skip
        migrate(backend)
        keys = backend.rows("SELECT DISTINCT actor_key FROM actors")
        names = backend.rows("SELECT name FROM actors ORDER BY document_id")
    finally:
        backend.close()
    assert keys == [("person:ashimbaev m@KZ",)]
    assert names == [("Maulen Ashimbayev",), ("Мәулен Әшімбаев",), ("Маулен Ашимбаев",)]
