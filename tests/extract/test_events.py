"""Events from short hand-written sentences: every type, status, date, location and mode."""

from __future__ import annotations

from communique.record import Event, Record

PUBLISHED = "2025-03-10"


def _run(extract, text: str, published: str | None = PUBLISHED) -> Record:
    fields = {"published": published} if published else {}
    return extract(text, **fields)


def _names(record: Record, ids: list[str]) -> list[str]:
    return [a.name for i in ids if (a := record.actor_by_id(i))]


def _only(record: Record, kind: str) -> Event:
    events = [e for e in record.events if e.type == kind]
    assert len(events) == 1, record.events
    return events[0]


def test_meeting_with_location(extract) -> None:
    record = _run(
        extract,
        "Министр иностранных дел России Сергей Лавров встретился в Москве с министром "
        "иностранных дел Китая Ван И.",
    )
    event = _only(record, "CONSULT")
    assert event.cameo == "040"
    assert event.goldstein == 1.0
    assert _names(record, event.source) == ["Сергей Лавров"]
    assert _names(record, event.target) == ["Ван И"]
    assert _names(record, [event.location or ""]) == ["Москва"]
    assert event.status == "happened"
    assert event.date is not None and (event.date.value, event.date.basis) == (
        PUBLISHED,
        "published",
    )
    assert record.text[event.evidence.start : event.evidence.end].startswith("Министр")


def test_phone_call(extract) -> None:
    record = _run(
        extract,
        "Президент Казахстана Касым-Жомарт Токаев в понедельник провел телефонный разговор с "
        "Президентом "
        "России Владимиром Путиным.",
    )
    event = _only(record, "CONSULT")
    assert (event.cameo, event.mode) == ("041", "phone")
    assert _names(record, event.target) == ["Владимир Путин"]


def test_visit(extract) -> None:
    record = _run(extract, "Президент Франции Эмманюэль Макрон посетил Германию.")
    event = _only(record, "CONSULT")
    assert (event.cameo, event.mode) == ("042", "visit")
    assert event.target_countries == ["DE"]


def test_a_reception_is_the_guests_visit(extract) -> None:
    # PLOVER's CONSULT visit: "actor is visiting, recipient is hosting"; CAMEO 042 says the same.
    record = _run(
        extract,
        "Министр обороны Сергей Шойгу принял министра обороны Индии Раджнатха Сингха.",
    )
    event = _only(record, "CONSULT")
    assert (event.cameo, event.mode) == ("042", "visit")
    assert _names(record, event.source) == ["Раджнатх Сингх"]
    assert _names(record, event.target) == ["Сергей Шойгу"]
    assert event.source_countries == ["IN"]


def test_a_reception_and_the_talks_at_it_are_one_visit(extract) -> None:
    record = _run(
        extract,
        "Премьер-министр Андрей Соколов принял посла Норвегии Ларса Хансена. В ходе встречи "
        "стороны обсудили рыболовство и судоходство в Арктике.",
    )
    event = _only(record, "CONSULT")
    assert (event.cameo, event.mode) == ("042", "visit")
    assert _names(record, event.source) == ["Ларс Хансен"]
    assert _names(record, event.target) == ["Андрей Соколов"]
    assert len(event.more_evidence) == 1
    # what was discussed «в Арктике» is where a thing is, not a side of the meeting
    assert "Арктика" not in _names(record, event.source + event.target)


def test_a_reception_whose_guest_the_parse_hangs_on_the_hosts_title(extract) -> None:
    # An animate accusative has the genitive's form: «Председатель Сената ... принял Посла»
    # may be parsed as «Сената Посла», leaving the verb with no object.
    record = _run(
        extract,
        "Председатель Сената Парламента Республики Казахстан Ерлан Жумабеков принял "
        "Чрезвычайного и Полномочного Посла Чили в Республике Казахстан Диего Мартинеса, "
        "завершающего дипломатическую миссию в нашей стране.",
    )
    event = _only(record, "CONSULT")
    assert event.cameo == "042"
    assert _names(record, event.source) == ["Диего Мартинес"]
    assert _names(record, event.target) == ["Ерлан Жумабеков"]


def test_negated_signing_is_no_support(extract) -> None:
    record = _run(extract, "Министры России и Китая не подписали соглашение о торговле.")
    event = _only(record, "SUPPORT")
    assert event.cameo == "057"
    assert event.status == "negated"
    assert event.date is None
    (agreement,) = record.agreements
    assert agreement.status == "planned"  # not signed: still to be signed, never "signed"


def test_future_tense_is_planned(extract) -> None:
    record = _run(
        extract, "Владимир Путин и Си Цзиньпин подпишут договор о сотрудничестве в следующем году."
    )
    event = _only(record, "SUPPORT")
    assert event.status == "planned"
    assert event.joint
    assert event.date is not None and (event.date.value, event.date.precision) == ("2026", "year")
    assert record.agreements[0].status == "planned"
    assert record.commitments and record.commitments[0].by is not None


def test_two_events_in_one_sentence(extract) -> None:
    record = _run(
        extract, "Вчера Сергей Лавров осудил действия США и обвинил Вашингтон в агрессии."
    )
    codes = [(e.type, e.cameo) for e in record.events]
    assert codes == [("ACCUSE", "111"), ("ACCUSE", "112")]
    for event in record.events:
        assert _names(record, event.source) == ["Сергей Лавров"]
        assert event.date is not None and event.date.value == "2025-03-09"  # вчера
    assert _names(record, record.events[1].target) == ["Вашингтон"]


def test_no_publication_date_leaves_date_null(extract) -> None:
    record = _run(extract, "Вчера Сергей Лавров осудил действия США.", published=None)
    assert record.events and all(e.date is None for e in record.events)


def test_reported_speech_in_quotes(extract) -> None:
    record = _run(extract, "«Мы поддержали инициативу Казахстана», – сказал Сергей Лавров.")
    event = _only(record, "SUPPORT")
    assert event.status == "reported"
    assert _names(record, [event.reported_by or ""]) == ["Сергей Лавров"]
    assert _names(record, event.source) == ["Сергей Лавров"]  # "мы": the speaker
    assert event.date is None  # a speaker's account is not dated by the release


def test_congratulate_and_thank_with_pronoun(extract) -> None:
    record = _run(
        extract,
        "Премьер-министр Японии Фумио Кисида поздравил Эммануэля Макрона и поблагодарил его "
        "за поддержку.",
    )
    assert [e.cameo for e in record.events] == ["051", "051"]
    for event in record.events:
        assert _names(record, event.target) == ["Эммануэль Макрон"]


def test_reject_request_threaten_sanction_aid(extract) -> None:
    cases = {
        "Президент Ирана Масуд Пезешкиан отверг предложение Евросоюза.": (
            "REJECT", "120", ["Европейский союз"],
        ),
        "Генсек ООН Антониу Гутерриш призвал Россию и Украину к переговорам.": (
            "REQUEST", "020", ["Россия", "Украина"],
        ),
        "Евросоюз ввел санкции против России.": ("SANCTION", "163", ["Россия"]),
        "Япония оказала гуманитарную помощь Турции.": ("AID", "070", ["Турция"]),
    }  # fmt: skip
    for text, (kind, code, recipients) in cases.items():
        record = _run(extract, text)
        assert (record.events[0].type, record.events[0].cameo) == (kind, code), text
        assert _names(record, record.events[0].target) == recipients, text


def test_agree_to_meet_is_036_and_the_meeting_is_planned(extract) -> None:
    record = _run(extract, "Стороны договорились провести встречу в Астане в следующем году.")
    agree = _only(record, "AGREE")
    consult = _only(record, "CONSULT")
    assert agree.cameo == "036"
    assert agree.status == "happened"
    assert consult.status == "planned"
    assert consult.date is not None and consult.date.value == "2026"
    (commitment,) = record.commitments
    assert commitment.kind == "agreed_step"
    assert commitment.what == "провести встречу в Астане в следующем году"
    assert commitment.by is not None and commitment.by.value == "2026"


def test_events_carry_topics(extract) -> None:
    record = _run(
        extract,
        "Стороны обсудили вопросы торгово-экономического и инвестиционного сотрудничества.",
    )
    event = _only(record, "CONSULT")
    assert {"trade", "economy", "investment"} <= set(event.topics)
    assert {t.id for t in record.topics} >= {"trade", "investment"}


def test_accuse_cooperate_concede_threaten(extract) -> None:
    cases = {
        "МИД Китая обвинил США во вмешательстве во внутренние дела.": (
            "ACCUSE", "happened", ["CN"],
        ),
        "Россия и Казахстан будут сотрудничать в сфере энергетики.": (
            "COOPERATE", "planned", ["RU", "KZ"],
        ),
        "Правительство Армении пошло на уступки оппозиции.": ("CONCEDE", "happened", ["AM"]),
        "Президент Турции пригрозил Швеции ответными мерами.": ("THREATEN", "happened", ["TR"]),
    }  # fmt: skip
    for text, (kind, status, countries) in cases.items():
        record = _run(extract, text)
        event = _only(record, kind)
        assert event.status == status, text
        assert event.source_countries == countries, text


def test_confirmed_intention_is_an_agree_commitment(extract) -> None:
    record = _run(extract, "Стороны подтвердили намерение углублять сотрудничество.")
    agree = _only(record, "AGREE")
    assert agree.cameo == "030"  # intent to cooperate, not specified further
    assert [c.kind for c in record.commitments] == ["intent"]


def test_a_generic_head_title_is_the_minister_not_the_ministry(extract) -> None:
    # «Глава МИД» is the minister's title said generically: its holder is the person named
    # with «министр иностранных дел» of that country, not the ministry.
    record = _run(
        extract,
        "Министр иностранных дел Казахстана Арман Исетов провел переговоры с министром "
        "иностранных дел Египта Бадром Абдель Аты. Глава МИД Казахстана поблагодарил "
        "египетского коллегу за теплый прием.",
    )
    thanks = _only(record, "SUPPORT")
    assert _names(record, thanks.source) == ["Арман Исетов"]


def test_the_sides_are_those_of_the_meeting_just_reported(extract) -> None:
    # «Стороны» is an anaphor: the two sides of the last meeting reported, not the text's two
    # most named persons (here Исетов and Росси).
    record = _run(
        extract,
        "Министр иностранных дел Казахстана Арман Исетов встретился с министром иностранных "
        "дел Италии Марко Росси. Марко Росси поблагодарил за теплый прием. Марко Росси "
        "пригласил коллегу в Рим. Затем Арман Исетов принял посла Японии Кэндзи Ямада. "
        "Стороны обсудили подготовку выставки.",
    )
    meetings = [e for e in record.events if e.type == "CONSULT"]
    italy = next(e for e in meetings if "Марко Росси" in _names(record, e.target))
    japan = next(e for e in meetings if e.cameo == "042")
    assert "Стороны" in record.text[japan.more_evidence[0].start : japan.more_evidence[0].end]
    assert italy.more_evidence == []
    assert len(meetings) == 2


def test_what_talks_are_about_is_no_side(extract) -> None:
    record = _run(
        extract,
        "Вице-премьер Польши Анджей Новак и министр экономики Казахстана Серик Жумангарин "
        "обсудили подготовку к визиту Президента Франции Эмманюэля Макрона.",
    )
    talks = next(e for e in record.events if e.cameo == "040")
    assert "Эмманюэль Макрон" not in _names(record, talks.source + talks.target)
    assert {"Анджей Новак", "Серик Жумангарин"} <= set(_names(record, talks.source))


def test_the_organisation_of_a_summit_is_no_side(extract) -> None:
    record = _run(
        extract,
        "Президенты Казахстана и Монголии условились провести встречу в кулуарах "
        "ближайшего саммита Шанхайской организации сотрудничества.",
    )
    summit = next(e for e in record.events if e.mode == "multilateral")
    assert all(
        a.kind != "organization"
        for a in (record.actor_by_id(i) for i in summit.source + summit.target)
        if a is not None
    )


def test_a_headline_restates_the_meeting_it_announces(extract) -> None:
    # The headline names the sides by titles only; it is the call the text then reports.
    record = _run(
        extract,
        "Главы МИД Казахстана и Египта обсудили по телефону транспортный коридор\n\n"
        "Глава внешнеполитического ведомства Казахстана Арман Исетов провел телефонный "
        "разговор с египетским коллегой Бадром Абдель Аты.",
    )
    call = _only(record, "CONSULT")
    assert call.mode == "phone"
    assert _names(record, call.source) == ["Арман Исетов"]
    assert [s.start for s in call.more_evidence] == [0] or call.evidence.start == 0
