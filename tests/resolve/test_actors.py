"""Actors and occupations: mentions merged, countries known, nothing invented."""

from __future__ import annotations

import pytest

from communique.record import ActorKind, Record


def _actor(record: Record, latin_surname: str):
    return next(a for a in record.actors if a.name_latin and latin_surname in a.name_latin)


def test_surname_alone_joins_the_full_name(extract) -> None:
    record = extract(
        "Министр иностранных дел России Сергей Лавров прибыл в Анкару. "
        "Лавров провел переговоры с турецким коллегой."
    )
    lavrov = _actor(record, "Lavrov")
    assert lavrov.kind is ActorKind.PERSON
    texts = {m.id: m.text for m in record.mentions}
    named = [texts[m] for m in lavrov.mentions]
    assert named == ["Министр иностранных дел России", "Сергей Лавров", "Лавров"]  # title too
    assert lavrov.name == "Сергей Лавров"


def test_occupation_from_apposition(extract) -> None:
    record = extract("Министр иностранных дел России Сергей Лавров прибыл в Анкару.")
    lavrov = _actor(record, "Lavrov")
    occupation = next(o for o in record.occupations if o.person == lavrov.id)
    assert occupation.position.lower().startswith("министр")
    assert occupation.country == "RU"
    assert lavrov.country == "RU"
    evidence = record.text[occupation.evidence.start : occupation.evidence.end]
    assert "Лавров" in evidence


def test_occupation_after_a_comma(extract) -> None:
    record = extract(
        "Как заявил Ерлан Карин, государственный советник Республики Казахстан, "
        "встреча прошла успешно."
    )
    karin = _actor(record, "Karin")
    (occupation,) = [o for o in record.occupations if o.person == karin.id]
    assert (occupation.position, occupation.country) == ("государственный советник", "KZ")


def test_no_position_is_invented(extract) -> None:
    record = extract("Дашзэгвийн Амарбаясгалан высоко оценил реформы в Казахстане.")
    person = _actor(record, "Amarbayasgalan")
    assert not [o for o in record.occupations if o.person == person.id]


def test_country_actor_merges_inflections(extract) -> None:
    record = extract("Казахстан и Монголия развивают связи. Монголию посетил министр Казахстана.")
    countries = {a.country: a for a in record.actors if a.kind is ActorKind.COUNTRY}
    assert set(countries) == {"KZ", "MN"}
    assert len(countries["KZ"].mentions) == 2
    assert len(countries["MN"].mentions) == 2


def test_an_inflected_foreign_name_is_one_actor_with_its_title(extract) -> None:
    record = extract(
        "Министр принял верительные грамоты у Посла Японии в Казахстане Хироси Ямады. "
        "Хироси Ямада передал послание премьер-министра."
    )
    persons = [a for a in record.actors if a.kind is ActorKind.PERSON]
    assert [a.name for a in persons] == ["Хироси Ямада"]
    assert persons[0].country == "JP"
    assert persons[0].positions == ["Посол"]


def test_second_of_two_coordinated_titles_keeps_its_complement(extract) -> None:
    # "турецкую — заместитель ...": the parse hangs the second title's complement on the
    # first one; the dictionary title and its country still hold
    record = extract(
        "Российскую делегацию возглавил заместитель министра иностранных дел Российской "
        "Федерации Иван Петров, турецкую — заместитель министра иностранных дел Турецкой "
        "Республики Мехмет Озтюрк."
    )
    person = _actor(record, "Ozt")
    assert person.country == "TR"
    assert person.positions == ["заместитель министра иностранных дел"]
    occupation = next(o for o in record.occupations if o.person == person.id)
    assert occupation.country == "TR"


# One person, one actor: the same person written in other forms later in the text.
SAME_PERSON_TWICE = [
    pytest.param(
        "Председатель Сената Нурлан Абенов принял делегацию. "
        "Позднее Нурлан Абенов провел брифинг для журналистов.",
        "Abenov",
        "Нурлан Абенов",
        id="hyphenless-repeat",
    ),
    pytest.param(
        "Президент Казахстана Касым-Жомарт Токаев провел совещание. "
        "Касым-Жомарт Токаев поручил правительству ускорить работу.",
        "Tokayev",
        "Касым-Жомарт Токаев",
        id="hyphenated-given-name-repeated",
    ),
    pytest.param(
        "Депутат Мажилиса Айгуль Жумабекова выступила на форуме. "
        "По словам А. Жумабековой, законопроект будет принят весной.",
        "Zhumabekova",
        "Айгуль Жумабекова",
        id="initial-and-surname",
    ),
    pytest.param(
        "Министр Тимур Ахметов прибыл в Париж. "
        "Делегацию возглавил министр Тимур Ахметов, а французскую сторону представлял посол. "
        "Французская сторона вручила Тимуру Ахметову приглашение.",
        "Akhmetov",
        "Тимур Ахметов",
        id="given-name-in-an-oblique-case",
    ),
]


@pytest.mark.parametrize(("text", "latin", "name"), SAME_PERSON_TWICE)
def test_one_person_is_one_actor_in_its_nominative_form(
    extract, text: str, latin: str, name: str
) -> None:
    record = extract(text)
    persons = [a for a in record.actors if a.kind is ActorKind.PERSON and latin in a.name_latin]
    assert len(persons) == 1, [a.name for a in persons]
    assert persons[0].name == name


# Words a tagger reads as a person that name a body or a title: no person actor from them.
NOT_A_PERSON = [
    pytest.param(
        "Мажилис",
        "Проект поддержали депутаты. Мажилис одобрил закон в первом чтении.",
        id="parliament",
    ),
    pytest.param(
        "Акорда", "Встреча прошла в Акорде. Акорда сообщила о новых назначениях.", id="residence"
    ),
    pytest.param(
        "Кардинал", "Кардинал выступил на конгрессе религиозных лидеров в Астане.", id="lone-title"
    ),
    pytest.param(
        "Олий Мажлис",
        "Заместитель Председателя Сената Олий Мажлиса провел встречу с делегацией.",
        id="two-word-parliament",
    ),
]


@pytest.mark.parametrize(("word", "text"), NOT_A_PERSON)
def test_a_body_or_a_lone_title_is_no_person(extract, word: str, text: str) -> None:
    record = extract(text)
    assert not [a.name for a in record.actors if a.kind is ActorKind.PERSON]


def test_a_body_before_a_name_is_not_part_of_it(extract) -> None:
    record = extract(
        "В состав делегации вошли депутаты Мажилиса Асель Нурпеисова и Руслан Ахметжанов."
    )
    names = {a.name for a in record.actors if a.kind is ActorKind.PERSON}
    assert "Асель Нурпеисова" in names


# A country in the genitive right before a name is the complement of that person's title, also
# when the title is said once for a whole enumeration.
COUNTRY_BEFORE_NAME = [
    pytest.param(
        "Министр встретился с главами МИД Латвии Андрисом Озолсом, Эстонии Мартом Таммом "
        "и Литвы Йонасом Казлаускасом.",
        {"Ozols": "LV", "Tamm": "EE", "Kazlauskas": "LT"},
        id="enumeration-of-title-complements",
    ),
]


@pytest.mark.parametrize(("text", "countries"), COUNTRY_BEFORE_NAME)
def test_country_before_a_name(extract, text: str, countries: dict[str, str]) -> None:
    record = extract(text)
    for latin, country in countries.items():
        assert _actor(record, latin).country == country, latin


# Particles inside foreign names (Arabic articles and «бин») do not decline.
NAME_PARTICLES = [
    pytest.param(
        "Министр провел переговоры с Салимом бин Насером Аль Харуси.",
        "Kharusi",
        "Салим бин Насер Аль Харуси",
        id="arabic-article-as-a-word",
    ),
    pytest.param(
        "Посол передал приглашение шейху Халиду Аль-Мансури.",
        "Mansuri",
        "Халид Аль-Мансури",
        id="arabic-article-hyphenated",
    ),
]


@pytest.mark.parametrize(("text", "latin", "name"), NAME_PARTICLES)
def test_name_particles_do_not_decline(extract, text: str, latin: str, name: str) -> None:
    assert _actor(extract(text), latin).name == name


# «с казахстанской стороны», «российскую (сторону)»: the people named after a side serve it.
SIDES = [
    pytest.param(
        "Министр принял делегацию Бундестага во главе с Кристофом Ланге. С казахстанской стороны "
        "во встрече приняли участие сенаторы Ержан Туленов и Динара Абилова.",
        {"Tulenov": "KZ", "Abilova": "KZ"},
        id="from-the-kazakh-side",
    ),
    pytest.param(
        "Казахстанскую сторону возглавил вице-министр Серик Жолдасбеков, российскую – первый "
        "заместитель директора Андрей Воронцов.",
        {"Zholdasbekov": "KZ", "Vorontsov": "RU"},
        id="an-elided-second-side",
    ),
]


@pytest.mark.parametrize(("text", "countries"), SIDES)
def test_people_named_after_a_side_serve_its_country(
    extract, text: str, countries: dict[str, str]
) -> None:
    record = extract(text)
    for latin, country in countries.items():
        assert _actor(record, latin).country == country, latin
