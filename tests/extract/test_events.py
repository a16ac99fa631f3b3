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


def test_host(extract) -> None:
    record = _run(
        extract,
        "Министр обороны Сергей Шойгу принял министра обороны Индии Раджнатха Сингха.",
    )
    event = _only(record, "CONSULT")
    assert (event.cameo, event.mode) == ("043", "visit")  # PLOVER has no "host" mode
    assert _names(record, event.source) == ["Сергей Шойгу"]
    assert _names(record, event.target) == ["Раджнатх Сингх"]
    assert event.target_countries == ["IN"]


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
