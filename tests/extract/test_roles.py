"""Who holds which title: the links that become NEREL WORKS_AS pairs (person name -> title).

Every sentence is written for its test; none is taken from NEREL or FactRuEval, whose texts only
measure (`communique eval`)."""

from __future__ import annotations

from communique.evaluate.mapping import predicted_relations
from communique.record import Record


def _works_as(record: Record) -> set[tuple[str, str]]:
    text = record.text
    return {
        (text[r.arg1[0] : r.arg1[1]], text[r.arg2[0] : r.arg2[1]])
        for r in predicted_relations(record)
        if r.type == "WORKS_AS"
    }


def test_predicate_title_and_the_title_coordinated_with_it(extract) -> None:
    record = extract("Иван Петров был министром энергетики, а затем министром иностранных дел.")
    pairs = _works_as(record)
    assert ("Иван Петров", "министром энергетики") in pairs
    assert ("Иван Петров", "министром иностранных дел") in pairs


def test_title_after_a_dash_is_said_of_the_subject(extract) -> None:
    record = extract("Габдулла Тукай — выдающийся татарский поэт и переводчик.")
    pairs = _works_as(record)
    assert ("Габдулла Тукай", "поэт") in pairs
    assert ("Габдулла Тукай", "переводчик") in pairs


def test_subject_of_the_first_of_two_coordinated_verbs(extract) -> None:
    record = extract(
        "Андрей Смирнов окончил университет в Казани и два года работал консультантом в посольстве."
    )
    assert ("Андрей Смирнов", "консультантом") in _works_as(record)


def test_ex_is_no_part_of_the_title(extract) -> None:
    record = extract("Экс-президент США Билл Клинтон приехал в Москву.")
    assert ("Билл Клинтон", "президент США") in _works_as(record)


def test_plural_title_before_a_list_of_names_with_an_aside(extract) -> None:
    record = extract(
        "На форуме выступили известные экономисты Олег Тимофеев (Высшая школа экономики), "
        "Марина Кузнецова и Денис Орлов."
    )
    pairs = _works_as(record)
    for name in ("Олег Тимофеев", "Марина Кузнецова", "Денис Орлов"):
        assert (name, "экономисты") in pairs


def test_subjects_joined_by_and_share_the_title(extract) -> None:
    record = extract("Открыл вечер Олег Панов. Ведущими выступили Ирина Соколова и Павел Дроздов.")
    pairs = _works_as(record)
    assert ("Ирина Соколова", "Ведущими") in pairs
    assert ("Павел Дроздов", "Ведущими") in pairs


def test_the_name_after_a_relatives_title_is_the_relatives(extract) -> None:
    record = extract("В понедельник жена генерала Мария Ветрова дала интервью газете.")
    assert not any(title == "генерала" for _, title in _works_as(record))


def test_a_genitive_name_after_a_relatives_title_holds_it(extract) -> None:
    record = extract("Газета рассказала о жене губернатора области Игоря Васильева.")
    assert ("Игоря Васильева", "губернатора области") in _works_as(record)


def test_a_lone_title_stands_for_the_person_the_text_is_about(extract) -> None:
    record = extract(
        "Василий Шукшин родился в 1929 году. Шукшин снимал фильмы. Шукшин писал рассказы. "
        "Программа приурочена к юбилею писателя. Своему адвокату он звонил."
    )
    pairs = _works_as(record)
    assert ("Шукшин", "писателя") in pairs
    assert not any(title == "адвокату" for _, title in pairs)


def test_a_plural_title_distributed_over_states_gives_each_his_own(extract) -> None:
    record = extract(
        "Министр энергетики Казахстана Нурлан Ахметов провел встречи с министрами энергетики "
        "Латвии Андрисом Озолсом, Эстонии Мартом Таммом и Литвы Йонасом Казлаускасом."
    )
    names = {a.id: a.name_latin for a in record.actors}
    held = {
        names[o.person]: (o.position, o.country)
        for o in record.occupations
        if "Akhmetov" not in names[o.person]
    }
    assert held.get("Mart Tamm") == ("министр энергетики", "EE"), held
    assert held.get("Yonas Kazlauskas") == ("министр энергетики", "LT"), held
