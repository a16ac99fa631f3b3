"""The Kazakh case-ending stripper on names, places and titles in each case."""

from __future__ import annotations

import json

import pytest

from communique.lang.kk.suffixes import (
    SUFFIXES_FILE,
    SuffixTable,
    base_form,
    case_analysis,
    strip_case,
    strip_possessive,
    suffix_table,
)

# (inflected form, base form, case): every case, both vowel classes of the ending and each allomorph
# of its first consonant (after a vowel, a nasal, a sonorant, a voiced and a voiceless sound).
INFLECTED = [
    ("Әшімбаевпен", "Әшімбаев", "instrumental"),
    ("Тоқаевтың", "Тоқаев", "genitive"),
    ("Тоқаевқа", "Тоқаев", "dative"),
    ("Әшімбаевты", "Әшімбаев", "accusative"),
    ("Путинмен", "Путин", "instrumental"),
    ("Путиннің", "Путин", "genitive"),
    ("Путинге", "Путин", "dative"),
    ("Путинді", "Путин", "accusative"),
    ("Путиннен", "Путин", "ablative"),
    ("Ресейдің", "Ресей", "genitive"),
    ("Ресейге", "Ресей", "dative"),
    ("Қытаймен", "Қытай", "instrumental"),
    ("Жапонияның", "Жапония", "genitive"),
    ("Жапонияға", "Жапония", "dative"),
    ("Алматыны", "Алматы", "accusative"),
    ("Алматыда", "Алматы", "locative"),
    ("Германиядан", "Германия", "ablative"),
    ("Мәскеуде", "Мәскеу", "locative"),
    ("Парижде", "Париж", "locative"),
    ("Сенатта", "Сенат", "locative"),
    ("Мәжілісте", "Мәжіліс", "locative"),
    ("Бішкектен", "Бішкек", "ablative"),
    ("Ташкенттен", "Ташкент", "ablative"),
    ("Қазақстаннан", "Қазақстан", "ablative"),
    ("Қазақстанның", "Қазақстан", "genitive"),
    ("Лавровқа", "Лавров", "dative"),
    ("Эрдоғанмен", "Эрдоған", "instrumental"),
    ("Макронды", "Макрон", "accusative"),
    ("Шольцпен", "Шольц", "instrumental"),
    ("Мирзиёевпен", "Мирзиёев", "instrumental"),
    ("Жапаровқа", "Жапаров", "dative"),
    ("Ақордаға", "Ақорда", "dative"),
    ("Қазақстандағы", "Қазақстан", "locative_attributive"),
    ("Бішкектегі", "Бішкек", "locative_attributive"),
    ("Морельмен", "Морель", "instrumental"),  # the soft sign is silent: -мен follows the л
    ("Игорьдің", "Игорь", "genitive"),
]

# After the third-person possessive the ending is -на, -нда, -нан, -н and the possessive stays.
AFTER_POSSESSIVE = [
    ("министріне", "министрі", "dative"),
    ("министрінің", "министрі", "genitive"),
    ("министрін", "министрі", "accusative"),
    ("министрімен", "министрі", "instrumental"),
    ("Мәжілісінде", "Мәжілісі", "locative"),
    ("төрағасынан", "төрағасы", "ablative"),
    ("Президентіне", "Президенті", "dative"),
    ("Республикасындағы", "Республикасы", "locative_attributive"),
]

# Words that end like a case ending but whose sounds rule that ending out: kept whole.
BASE_FORMS = ["Алматы", "Тоқаев", "Ақын", "Астана", "Украина", "Ресей", "Президенті", "Орда"]


@pytest.mark.parametrize(("word", "base", "case"), INFLECTED + AFTER_POSSESSIVE)
def test_case_ending_comes_off(word: str, base: str, case: str) -> None:
    assert case_analysis(word) == (base, case)
    assert strip_case(word) == base


@pytest.mark.parametrize("word", BASE_FORMS)
def test_base_form_is_kept(word: str) -> None:
    assert case_analysis(word) is None
    assert strip_case(word) == word


def test_known_base_form_that_looks_inflected_is_kept() -> None:
    assert strip_case("Канада") == "Кана"  # the rules alone cannot tell
    assert strip_case("Канада", known={"канада"}) == "Канада"
    assert strip_case("Канадада", known={"канада"}) == "Канада"


@pytest.mark.parametrize(
    ("phrase", "base"),
    [
        ("Қасым-Жомарт Тоқаевпен", "Қасым-Жомарт Тоқаев"),
        ("Мұрат Нұртілеуге", "Мұрат Нұртілеу"),
        ("Сыртқы істер министрімен", "Сыртқы істер министрі"),
        ("Сенат Төрағасының", "Сенат Төрағасы"),
        ("Қасым-Жомартқа", "Қасым-Жомарт"),
    ],
)
def test_phrase_inflects_on_its_last_word(phrase: str, base: str) -> None:
    assert base_form(phrase) == base


@pytest.mark.parametrize(
    ("word", "noun"), [("министрі", "министр"), ("төрағасы", "төраға"), ("елшісі", "елші")]
)
def test_possessive_comes_off_on_request(word: str, noun: str) -> None:
    assert strip_possessive(word) == noun


def test_short_stems_are_not_stripped() -> None:
    assert strip_case("Орда") == "Орда"  # Ор + да would leave two letters
    assert suffix_table().min_stem == 3


def test_unknown_sound_class_in_the_data_is_named(tmp_path) -> None:
    data = json.loads(SUFFIXES_FILE.read_text(encoding="utf-8"))
    data["cases"][0]["after"] = ["vowels"]
    path = tmp_path / "suffixes.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown sound class"):
        suffix_table(path)


def test_table_is_ordered_longest_ending_first() -> None:
    table: SuffixTable = suffix_table()
    lengths = [len(entry.ending) for entry in table.cases]
    assert lengths == sorted(lengths, reverse=True)
