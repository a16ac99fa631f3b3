"""A visit one is invited to: planned, the invited side is the visitor and the inviter the host;
a visit abroad with no host named is hosted by that state; a passive reception has its sides."""

from __future__ import annotations

from communique.record import EventStatus, Record


def _visits(record: Record) -> list[tuple[list[str], list[str], EventStatus]]:
    names = {a.id: a.name_latin or a.name for a in record.actors}
    return [
        ([names[s] for s in e.source], [names[t] for t in e.target], e.status)
        for e in record.events
        if e.type == "CONSULT" and e.mode in ("visit", "multilateral")
    ]


def test_the_invited_is_the_visitor_and_the_inviter_the_host(extract) -> None:
    record = extract(
        "Президент Литвы Йонас Казлаускас пригласил Министра финансов Казахстана Ерлана "
        "Сарсенова посетить Вильнюс."
    )
    ((source, target, status),) = _visits(record)
    assert any("Sarsenov" in s for s in source), source
    assert any("Kazlauskas" in t for t in target), target
    assert status is EventStatus.PLANNED


def test_the_place_to_visit_is_where_not_a_side_when_the_inviter_hosts(extract) -> None:
    record = extract(
        "Министр иностранных дел Латвии Андрис Калниньш пригласил министра иностранных дел "
        "Казахстана Арнура Сейткалиева посетить Ригу."
    )
    visit = next(e for e in record.events if e.mode == "visit")
    names = {a.id: a.name for a in record.actors}
    assert [names[t] for t in visit.target] == ["Андрис Калниньш"]
    assert visit.location is not None and names[visit.location] == "Рига"
    assert visit.target_countries == ["LV"]


def test_an_invitation_handed_over_names_its_visitor_in_the_dative(extract) -> None:
    record = extract(
        "Посол Эстонии Март Тамм передал Ерлану Сарсенову приглашение Премьер-министра "
        "Эстонии посетить Таллин."
    )
    ((source, _, status),) = _visits(record)
    assert any("Sarsenov" in s for s in source), source
    assert not any("Tamm" in s for s in source), source
    assert status is EventStatus.PLANNED
    visit = next(e for e in record.events if e.mode == "visit")
    assert "EE" in visit.target_countries  # the capital stands for its state


def test_an_accepted_invitation_is_a_planned_visit_not_a_reception(extract) -> None:
    record = extract("Посол Латвии Андрис Озолс принял приглашение посетить Караганду.")
    assert not any(e.cameo == "043" for e in record.events)
    ((source, _, status),) = _visits(record)
    assert any("Ozols" in s for s in source)
    assert status is EventStatus.PLANNED


def test_a_visit_abroad_is_hosted_by_that_state(extract) -> None:
    record = extract(
        "Министр финансов Казахстана Ерлан Сарсенов, находящийся с рабочим визитом в Эстонии, "
        "провел переговоры с министром финансов Эстонии Мартом Таммом."
    )
    visit = next(e for e in record.events if e.mode == "visit")
    assert visit.target_countries == ["EE"]
    assert visit.status is not EventStatus.PLANNED


def test_a_passive_reception_has_the_host_and_the_guest(extract) -> None:
    record = extract(
        "Министр финансов Казахстана Ерлан Сарсенов был принят Президентом Литвы Йонасом "
        "Казлаускасом."
    )
    names = {a.id: a.name_latin or a.name for a in record.actors}
    (meeting,) = [e for e in record.events if e.type == "CONSULT"]
    assert meeting.cameo == "042"  # the guest's visit: the guest is the source
    assert any("Sarsenov" in names[s] for s in meeting.source)
    assert any("Kazlauskas" in names[t] for t in meeting.target)


def test_a_title_stands_for_the_one_person_who_holds_it(extract) -> None:
    record = extract(
        "Глава государства Касым-Жомарт Токаев вечером провел телефонный разговор с Президентом "
        "Латвии Андрисом Озолсом. Андрис Озолс пригласил Главу государства посетить Ригу."
    )
    ((source, target, _),) = _visits(record)
    assert any("Tokayev" in s or "Tokaev" in s for s in source), source
    assert any("Ozols" in t for t in target), target


def test_a_session_abroad_stays_multilateral(extract) -> None:
    record = extract(
        "Министр финансов Казахстана Ерлан Сарсенов принял участие в заседании Совета "
        "министров финансов в Вильнюсе."
    )
    (meeting,) = [e for e in record.events if e.type == "CONSULT"]
    assert meeting.mode == "multilateral"


def test_a_visit_a_future_clause_speaks_of_is_planned(extract) -> None:
    record = extract("Сроки визита Президента Литвы в Казахстан будут согласованы позднее.")
    (visit,) = [e for e in record.events if e.type == "CONSULT"]
    assert visit.status is EventStatus.PLANNED


def test_those_who_also_took_part_join_the_meeting(extract) -> None:
    record = extract(
        "Министр финансов Казахстана Ерлан Сарсенов встретился с министром финансов Эстонии "
        "Мартом Таммом. С казахстанской стороны во встрече также приняли участие депутаты "
        "Мажилиса Айдар Жумабеков и Гульнара Тулегенова."
    )
    names = {a.id: a.name_latin or a.name for a in record.actors}
    (meeting,) = [e for e in record.events if e.type == "CONSULT"]
    source = [names[s] for s in meeting.source]
    assert any("Sarsenov" in s for s in source) and any("Zhumabekov" in s for s in source)
    assert [names[t] for t in meeting.target] == ["Mart Tamm"]
    assert len(meeting.more_evidence) == 1
