"""The founding release: what a careful analyst reads out of it (shared/examples/*.expected.md).

Every assertion here comes from rules that also work elsewhere (see tests/extract and
tests/resolve for the same rules on other sentences).
"""

from __future__ import annotations

from communique.record import ActorKind, Record


def _by_latin(record: Record, part: str):
    return next(a for a in record.actors if a.name_latin and part in a.name_latin)


def _mention_texts(record: Record, actor) -> list[str]:
    mentions = {m.id: m for m in record.mentions}
    return [mentions[i].text for i in actor.mentions]


def test_ashimbayev_is_the_kazakh_senate_speaker(senate_release: Record) -> None:
    ashimbayev = _by_latin(senate_release, "Ashimbayev")
    assert ashimbayev.name == "Маулен Ашимбаев"
    assert ashimbayev.country == "KZ"
    texts = _mention_texts(senate_release, ashimbayev)
    assert texts.count("Маулен Ашимбаев") == 2
    assert "Председатель Сената" in texts
    assert "Спикер Сената" in texts
    senate = next(a for a in senate_release.actors if a.kb_id == "kz-senate")
    titles = {
        o.position
        for o in senate_release.occupations
        if o.person == ashimbayev.id and o.organization == senate.id
    }
    assert {"Председатель", "Спикер"} <= titles


def test_tokayev_is_president_of_kazakhstan(senate_release: Record) -> None:
    tokayev = _by_latin(senate_release, "Tokayev")
    assert tokayev.name == "Касым-Жомарт Кемелевич Токаев"
    assert tokayev.country == "KZ"
    occupation = next(o for o in senate_release.occupations if o.person == tokayev.id)
    assert occupation.position == "Президент"
    assert occupation.country == "KZ"


def test_amarbayasgalan_has_no_invented_position(senate_release: Record) -> None:
    amarbayasgalan = _by_latin(senate_release, "Amarbayasgalan")
    assert amarbayasgalan.name == "Дашзэгвийн Амарбаясгалан"
    assert not [o for o in senate_release.occupations if o.person == amarbayasgalan.id]
    assert "собеседника" in _mention_texts(senate_release, amarbayasgalan)
    assert amarbayasgalan.country == "MN"
    assert amarbayasgalan.country_basis == "inferred"


def test_organisations_and_countries(senate_release: Record) -> None:
    khural = next(a for a in senate_release.actors if a.kb_id and a.kb_id.startswith("mn-"))
    assert khural.country == "MN"
    assert khural.kind is ActorKind.ORGANIZATION
    assert len(khural.mentions) >= 2
    countries = {a.country: a for a in senate_release.actors if a.kind is ActorKind.COUNTRY}
    assert {"KZ", "MN"} <= set(countries)
    assert {"Монголия", "Монголией", "Монголию", "Монголии"} <= set(
        _mention_texts(senate_release, countries["MN"])
    )
    assert senate_release.home_country == "KZ"


def test_every_offset_is_exact(senate_release: Record) -> None:
    for mention in senate_release.mentions:
        assert senate_release.text[mention.start : mention.end] == mention.text
    for occupation in senate_release.occupations:
        assert occupation.evidence.end > occupation.evidence.start
