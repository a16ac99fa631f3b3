"""Mentions on short Russian sentences of the kind diplomatic releases are made of."""

from __future__ import annotations

from communique.record import MentionType, Record


def _found(record: Record, kind: MentionType) -> dict[str, str]:
    return {m.text: m.normal for m in record.mentions if m.type is kind}


def test_offsets_give_back_the_mention(extract) -> None:
    record = extract("Президент Казахстана Касым-Жомарт Токаев принял посла Японии.")
    for mention in record.mentions:
        assert record.text[mention.start : mention.end] == mention.text


def test_person_names_go_to_the_nominative(extract) -> None:
    record = extract("В ходе визита Президента страны Касым-Жомарта Кемелевича Токаева в Монголию.")
    assert _found(record, MentionType.PERSON) == {
        "Касым-Жомарта Кемелевича Токаева": "Касым-Жомарт Кемелевич Токаев"
    }


def test_organisation_with_its_country_in_the_nominative(extract) -> None:
    record = extract(
        "Мы заинтересованы в сотрудничестве с Великим Государственным Хуралом Монголии."
    )
    organizations = _found(record, MentionType.ORGANIZATION)
    assert organizations["Великим Государственным Хуралом Монголии"] == (
        "Великий Государственный Хурал Монголии"
    )
    assert _found(record, MentionType.COUNTRY) == {"Монголии": "Монголия"}


def test_countries_resolve_to_iso_codes(extract) -> None:
    record = extract("Делегация Республики Казахстан прибыла в КНР, а затем в Турцию.")
    codes = {m.text: m.country for m in record.mentions if m.type is MentionType.COUNTRY}
    assert codes["КНР"] == "CN"
    assert codes["Турцию"] == "TR"
    assert "KZ" in {m.country for m in record.mentions}


def test_positions_with_and_without_their_organisation(extract) -> None:
    record = extract(
        "Министр иностранных дел России Сергей Лавров встретился с Чрезвычайным и Полномочным "
        "Послом Монголии."
    )
    positions = _found(record, MentionType.POSITION)
    assert any(text.startswith("Министр иностранных дел") for text in positions)
    assert any("Послом" in text for text in positions)


def test_agreements_keep_their_full_names(extract) -> None:
    record = extract(
        "Стороны подписали Совместную декларацию об установлении стратегического партнерства, "
        "а также межправительственные и межведомственные соглашения."
    )
    agreements = _found(record, MentionType.AGREEMENT)
    assert "Совместную декларацию об установлении стратегического партнерства" in agreements
    assert agreements["Совместную декларацию об установлении стратегического партнерства"] == (
        "Совместная декларация об установлении стратегического партнерства"
    )
    assert "межправительственные и межведомственные соглашения" in agreements


def test_named_events_and_dates(extract) -> None:
    record = extract(
        "В 2024 году спикер принял участие в Съезде лидеров мировых и традиционных религий, "
        "а 12 июня 2025 года выступил на Астанинском международном форуме."
    )
    events = _found(record, MentionType.EVENT)
    assert any(text.startswith("Съезде лидеров мировых") for text in events)
    assert any("форуме" in text for text in events)
    dates = _found(record, MentionType.DATE)
    assert "В 2024 году" in dates
    assert any("12 июня 2025 года" in text for text in dates)


def test_a_common_word_is_no_place(extract) -> None:
    record = extract("Мир стал сложнее, сказал министр.")
    assert not [m for m in record.mentions if m.type is MentionType.COUNTRY]


def test_foreign_names_in_oblique_cases_go_to_the_nominative(extract) -> None:
    record = extract(
        "Спикер встретился с послом Иштваном Ковачем и министром Акмалем Рахимовым, "
        "а также с Анной Петровой. Артем Сидоров и Салем Али выступили."
    )
    names = _found(record, MentionType.PERSON)
    assert names["Иштваном Ковачем"] == "Иштван Ковач"
    assert names["Акмалем Рахимовым"] == "Акмаль Рахимов"
    assert names["Анной Петровой"] == "Анна Петрова"
    assert names["Салем Али"] == "Салем Али"  # a subject keeps its ending


def test_a_name_takes_the_case_the_dictionary_reads_in_its_other_word(extract) -> None:
    # the tagger misreads the case of "Фаррухом"; "Шариповым" can only be an instrumental
    record = extract(
        "Министр провел переговоры с Послом Республики Таджикистан Фаррухом Шариповым."
    )
    assert _found(record, MentionType.PERSON) == {"Фаррухом Шариповым": "Фаррух Шарипов"}


def test_an_unknown_name_in_the_genitive_in_y_goes_back_to_a(extract) -> None:
    record = extract("Министр принял верительные грамоты у Посла Японии в Казахстане Хироси Ямады.")
    assert _found(record, MentionType.PERSON) == {"Хироси Ямады": "Хироси Ямада"}


def test_a_surname_is_no_plural_of_a_first_name(extract) -> None:
    record = extract(
        "Делегацию возглавил заместитель министра иностранных дел Республики Узбекистан "
        "Бахтиёр Саидов."
    )
    assert _found(record, MentionType.PERSON) == {"Бахтиёр Саидов": "Бахтиёр Саидов"}


def test_hyphenated_titles_decline_only_their_last_part(extract) -> None:
    record = extract("Об этом сообщила пресс-служба Мажилиса и вице-премьер Казахстана.")
    normals = {m.normal for m in record.mentions}
    assert not any("Пресса" in n or "пресса" in n for n in normals)
