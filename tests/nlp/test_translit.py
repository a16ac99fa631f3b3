"""Transliteration and the spelling skeleton that lets one name meet across scripts."""

from __future__ import annotations

import pytest

from communique.nlp.translit import kazakh_latin, name_skeleton, to_latin, transliterate


@pytest.mark.parametrize(
    ("kazakh", "latin"),
    [
        ("Әшімбаев", "Äşımbaev"),
        ("Қасым-Жомарт Тоқаев", "Qasym-Jomart Toqaev"),
        ("Өскемен", "Öskemen"),
        ("Ұлытау", "Ūlytau"),
        ("Шымкент", "Şymkent"),
        ("Мұхтар Тілеуберді", "Mūhtar Tıleuberdı"),
        ("ҚАЗАҚСТАН", "QAZAQSTAN"),
    ],
)
def test_kazakh_latin_of_2021(kazakh: str, latin: str) -> None:
    assert kazakh_latin(kazakh) == latin


def test_to_latin_reads_each_script_by_its_own_rules() -> None:
    assert to_latin("Тоқаев") == "Toqaev"  # Kazakh letters: the Kazakh Latin alphabet
    assert to_latin("Токаев") == transliterate("Токаев") == "Tokayev"  # Russian: as English does
    assert to_latin("Tokayev") == "Tokayev"


# Spellings of one name in Russian, Kazakh Cyrillic, Kazakh Latin and English texts.
@pytest.mark.parametrize(
    "spellings",
    [
        ("Токаев", "Тоқаев", "Toqaev", "Tokayev", "Tokaev"),
        ("Ашимбаев", "Әшімбаев", "Äşımbaev", "Ashimbayev", "Ashimbaev"),
        ("Жомарт", "Jomart", "Zhomart"),
        ("Ерлан", "Erlan", "Yerlan"),
        ("Касым", "Қасым", "Kassym", "Kasym"),
        ("Дмитрий", "Dmitry", "Dmitriy", "Dmitrii", "Dmitri"),
        ("Джумабеков", "Jumabekov", "Dzhumabekov"),
        ("Озтюрк", "Өзтүрк", "Öztürk", "Ozturk"),
        ("Кылыч", "Kılıç", "Kilic"),
        ("Гасанов", "Hasanov", "Khasanov"),
        ("аль-Харти", "әл-Харти", "Al-Harthi"),
        ("ас-Сиси", "el-Sisi", "Sisi"),
        ("Мансур", "Mansour"),
        ("Фаваз", "Fawaz"),
        ("Чжоу", "Zhou"),
        ("Кристоф", "Christoph"),
    ],
)
def test_spellings_of_one_name_share_a_skeleton(spellings: tuple[str, ...]) -> None:
    skeletons = {name_skeleton(name) for name in spellings}
    assert len(skeletons) == 1, dict(zip(spellings, map(name_skeleton, spellings), strict=True))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Мирзоев", "Mirziyoyev"),
        ("Ахмедов", "Akhmetov"),
        ("Токаев", "Тукаев"),
        ("Иванов", "Иваненко"),
        ("Сейтов", "Seitkali"),
        ("Абдуллаев", "Абдулаева"),
    ],
)
def test_different_names_keep_different_skeletons(first: str, second: str) -> None:
    assert name_skeleton(first) != name_skeleton(second)


def test_words_stay_apart_and_nothing_is_left_of_punctuation() -> None:
    assert name_skeleton("  Касым-Жомарт   Токаев ") == "kasimjomart tokaev"
    assert name_skeleton("—") == ""
