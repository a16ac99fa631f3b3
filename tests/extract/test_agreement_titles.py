"""An agreement's title: its whole subject, however the parser hung it (sentences written for
the test)."""

from __future__ import annotations

import pytest

TITLES = [
    pytest.param(
        "Депутаты обсудили ратификацию Соглашения о поощрении и взаимной защите инвестиций.",
        "Соглашение о поощрении и взаимной защите инвестиций",
        id="two-subjects-joined-by-and",
    ),
    pytest.param(
        "Стороны обсудили реализацию Соглашения о стратегическом партнерстве и сотрудничестве "
        "между Казахстаном и Японией, а также подготовку к заседанию комиссии.",
        "Соглашение о стратегическом партнерстве и сотрудничестве между Казахстаном и Японией",
        id="subject-parsed-under-another-noun",
    ),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_agreement_title(extract, text: str, title: str) -> None:
    titles = [a.title for a in extract(text).agreements]
    assert title in titles, titles


def test_a_second_document_joined_by_and_is_its_own(extract) -> None:
    record = extract(
        "Министры подписали Соглашение о строительстве моста в районе Хоргоса и Меморандум о "
        "сотрудничестве в сфере туризма."
    )
    titles = sorted(a.title for a in record.agreements)
    assert titles == [
        "Меморандум о сотрудничестве в сфере туризма",
        "Соглашение о строительстве моста в районе Хоргоса",
    ]
