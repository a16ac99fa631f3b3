"""An agreement's status from how the sentence speaks of it (sentences written for the test)."""

from __future__ import annotations

import pytest

from communique.record import AgreementStatus

STATUSES = [
    pytest.param(
        "Министры подписали Меморандум о сотрудничестве в области культуры.",
        "Меморандум",
        AgreementStatus.SIGNED,
        id="signed-now",
    ),
    pytest.param(
        "Посол напомнил, что подписанный в мае прошлого года меморандум о туризме уже работает.",
        "меморандум",
        AgreementStatus.SIGNED,
        id="past-passive-participle-before-the-title",
    ),
    pytest.param(
        "Стороны обсудили Программу сотрудничества в сфере спорта, подписанную в 2022 году.",
        "Программ",
        AgreementStatus.SIGNED,
        id="participle-after-the-title",
    ),
    pytest.param(
        "Депутат подчеркнул важность скорейшей ратификации Соглашения о воздушном сообщении.",
        "Соглашени",
        AgreementStatus.PLANNED,
        id="importance-of-ratification-is-not-ratified",
    ),
    pytest.param(
        "Министр отметил, что Конвенция о правовой помощи до сих пор не подписана.",
        "Конвенция",
        AgreementStatus.PLANNED,
        id="negated-signing-is-not-yet-signed",
    ),
    pytest.param(
        "Сторона ускорит процедуры, необходимые для подписания Соглашения о транзите грузов.",
        "Соглашени",
        AgreementStatus.PLANNED,
        id="procedures-needed-for-signing",
    ),
    pytest.param(
        "Министры подписали Протокол о научном обмене и Меморандум о сотрудничестве в туризме.",
        "Меморандум",
        AgreementStatus.SIGNED,
        id="a-coordinated-document-shares-the-signing",
    ),
    pytest.param(
        "Стороны продолжили переговоры по Соглашению о торговле услугами.",
        "Соглашени",
        AgreementStatus.UNDER_NEGOTIATION,
        id="talks-on-an-agreement-are-no-signing",
    ),
]


@pytest.mark.parametrize(("text", "title_start", "status"), STATUSES)
def test_agreement_status(extract, text: str, title_start: str, status: AgreementStatus) -> None:
    record = extract(text)
    agreement = next(a for a in record.agreements if a.title.startswith(title_start))
    assert agreement.status == status
