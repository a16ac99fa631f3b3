"""Personal names made whole over the tagger's pieces (lang/kk/names.py), on hand-built spans."""

from __future__ import annotations

from communique.lang.kk.names import (
    clean_persons,
    complete_list_names,
    document_persons,
    join_arabic_names,
)
from communique.lang.kk.tagger import Entity


def _words(sentence: str) -> list[str]:
    return sentence.split()


def _entity(words: list[str], label: str, start: int, end: int) -> Entity:
    text = " ".join(words[start:end])
    return Entity(label, start, end, text, text)


def _spans(entities: list[Entity]) -> list[tuple[str, str]]:
    return [(entity.label, entity.text) for entity in entities]


def test_a_lineage_word_joins_the_name_before_it_and_the_article_after() -> None:
    words = _words("Министр Халид бин Салман әл-Фарси Астанаға келді")
    found = join_arabic_names(words, [_entity(words, "PERSON", 3, 5)], ())
    assert _spans(found) == [("PERSON", "Халид бин Салман әл-Фарси")]


def test_two_capitalised_names_joined_by_bin_are_a_name_the_tagger_missed() -> None:
    words = _words("Кеше Омар бин Юсуф әл-Амри мен Асқар Серікұлы кездесті")
    found = join_arabic_names(words, [_entity(words, "PERSON", 6, 8)], ())
    assert _spans(found) == [("PERSON", "Омар бин Юсуф әл-Амри"), ("PERSON", "Асқар Серікұлы")]


def test_a_capitalised_article_of_its_own_belongs_to_the_name() -> None:
    words = _words("Әмір Халифа бин Ахмед Әл Сабах хат жолдады")
    found = join_arabic_names(words, [_entity(words, "PERSON", 1, 2)], ())
    assert _spans(found) == [("PERSON", "Халифа бин Ахмед Әл Сабах")]


def test_the_conjunctions_ben_and_al_join_no_name() -> None:
    # «бен» is 'and' after a voiced sound; a lower-case «ал» is 'and, but'.
    words = _words("Ержан Асанов бен Бақыт Ахмедов келді , ал Серік Әлиев қалды")
    entities = [
        _entity(words, "PERSON", 0, 2),
        _entity(words, "PERSON", 3, 5),
        _entity(words, "PERSON", 8, 10),
    ]
    assert join_arabic_names(words, entities, ()) == entities


def test_a_name_read_once_is_a_person_where_the_tagger_ran_it_into_a_neighbour() -> None:
    first = _words("Премьер-министр Алмаз Бекұлы Сейітовпен кездесті")
    second = _words("Алмаз Бекұлы Сейітовке Ресей Федерациясы алғыс айтты")
    found = document_persons(
        [first, second],
        [
            [_entity(first, "POSITION", 0, 1), _entity(first, "PERSON", 1, 4)],
            [_entity(second, "PERSON", 0, 2), _entity(second, "GPE", 2, 5)],
        ],
        (),
    )
    assert _spans(found[1]) == [("PERSON", "Алмаз Бекұлы Сейітовке"), ("GPE", "Ресей Федерациясы")]


def test_a_title_around_a_known_name_splits_at_it_without_the_conjunction() -> None:
    first = _words("Игорь Савинмен кездесу өтті")
    second = _words("Мәлидің елшісі Игорь Савинмен және Чадтың елшісі Омар Диамен")
    found = document_persons(
        [first, second],
        [[_entity(first, "PERSON", 0, 2)], [_entity(second, "POSITION", 0, 7)]],
        (),
    )
    assert _spans(found[1]) == [
        ("POSITION", "Мәлидің елшісі"),
        ("PERSON", "Игорь Савинмен"),
        ("POSITION", "Чадтың елшісі"),
    ]


def test_a_one_word_name_is_not_spread_over_the_text() -> None:
    first = _words("Савин келді")
    second = _words("Савин көшесі")
    found = document_persons(
        [first, second],
        [[_entity(first, "PERSON", 0, 1)], [_entity(second, "LOCATION", 0, 2)]],
        (),
    )
    assert _spans(found[1]) == [("LOCATION", "Савин көшесі")]


def test_each_item_of_a_list_of_inflected_names_is_a_name() -> None:
    words = _words("Ол Ержан Асановпен , Пьер Анри Дюбуамен және Тран Ван Хиеумен кездесті")
    entities = [
        _entity(words, "PERSON", 1, 3),
        _entity(words, "GPE", 4, 5),
        _entity(words, "PERSON", 5, 7),
        _entity(words, "EVENT", 8, 11),
    ]
    found = complete_list_names(words, entities, ())
    assert _spans(found) == [
        ("PERSON", "Ержан Асановпен"),
        ("PERSON", "Пьер Анри Дюбуамен"),
        ("PERSON", "Тран Ван Хиеумен"),
    ]


def test_a_title_before_a_listed_name_stays_a_title() -> None:
    words = _words("Ержан Асановпен және Сенат Төрағасы Пьер Дюбуамен кездесті")
    entities = [
        _entity(words, "PERSON", 0, 2),
        _entity(words, "POSITION", 3, 5),
        _entity(words, "PERSON", 5, 7),
    ]
    assert complete_list_names(words, entities, ()) == entities


def test_names_in_another_case_make_no_list() -> None:
    # «Асановпен» is instrumental, «Астанада» locative: the second is no item of the first.
    words = _words("Ержан Асановпен , Астанада Пьер Дюбуа болды")
    entities = [_entity(words, "PERSON", 0, 2), _entity(words, "PERSON", 4, 6)]
    assert complete_list_names(words, entities, ()) == entities


def _clean(words: list[str], entities: list[Entity]) -> list[tuple[str, str]]:
    places = {"Канберра", "Чили"}
    return _spans(
        clean_persons(
            words,
            entities,
            (),
            lambda name: name in places,
            lambda word: word.lower().startswith(("төраға", "папа")),
            lambda word: word.lower().startswith("палата"),
        )
    )


def test_a_name_loses_a_dash_an_abbreviation_and_what_follows_a_place() -> None:
    words = _words("– Игорь Савин ТМД Аға , Мирон Ласка Чили делегациясы")
    entities = [_entity(words, "PERSON", 0, 5), _entity(words, "PERSON", 6, 9)]
    assert _clean(words, entities) == [("PERSON", "Игорь Савин"), ("PERSON", "Мирон Ласка")]


def test_a_span_ending_in_an_office_noun_is_a_title_and_a_known_place_a_place() -> None:
    words = _words("Сенат Төрағасы Канберра")
    entities = [_entity(words, "PERSON", 0, 2), _entity(words, "PERSON", 2, 3)]
    assert _clean(words, entities) == [("POSITION", "Сенат Төрағасы"), ("GPE", "Канберра")]


def test_a_name_ends_where_a_body_s_name_begins_before_its_head_noun() -> None:
    words = _words("Игорь Савин Лордтар палатасының мүшесі")
    assert _clean(words, [_entity(words, "PERSON", 0, 3)]) == [("PERSON", "Игорь Савин")]


def test_a_span_over_two_names_read_elsewhere_splits_between_them() -> None:
    first = _words("Игорь Савин Мирон Ласкамен сөйлесті")
    second = _words("Игорь Савин пен Мирон Ласка келісті")
    found = document_persons(
        [first, second],
        [
            [_entity(first, "PERSON", 0, 4)],
            [_entity(second, "PERSON", 0, 2), _entity(second, "PERSON", 3, 5)],
        ],
        (),
    )
    assert _spans(found[0]) == [("PERSON", "Игорь Савин"), ("PERSON", "Мирон Ласкамен")]
