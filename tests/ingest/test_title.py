"""A headline is never a photo credit, in any of the three languages."""

from __future__ import annotations

import pytest

from communique.ingest.documents import html_document
from communique.ingest.title import headline, is_credit


@pytest.mark.parametrize(
    "line",
    [
        "Фото: Сенат РК",
        "Фото пресс-службы Акорды",
        "Фотография: МИД Казахстана",
        "Фото и видео: Мажилис",
        "Сурет: Ақорда баспасөз қызметі",
        "Photo: Ministry of Foreign Affairs",
        "Photo by John Smith",
        "© Kazinform",
    ],
)
def test_credits_are_recognised(line: str) -> None:
    assert is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Председатель Сената встретился с делегацией Монголии",
        "Фотовыставка о дружбе двух народов открылась в Астане",
        "Photography exhibition opens in Astana",
        "Видеоконференция министров иностранных дел прошла во вторник",
    ],
)
def test_headlines_are_not_credits(line: str) -> None:
    assert not is_credit(line)


def test_the_headline_skips_a_credit_above_the_text() -> None:
    text = "Фото: пресс-служба Мажилиса\n\nДепутаты обсудили соглашение с Турцией.\nДалее текст."
    assert headline(None, text) == "Депутаты обсудили соглашение с Турцией."
    assert headline("Фото: Сенат РК", text) == "Депутаты обсудили соглашение с Турцией."
    assert headline("Сенат принял закон", text) == "Сенат принял закон"


def test_a_page_offering_a_credit_as_its_title_gets_none() -> None:
    page = (
        "<html><head><title>Фото: Сенат РК</title></head><body><article>"
        "<p>Председатель Сената провёл встречу с послом Японии в Астане и обсудил "
        "двустороннее сотрудничество в сфере образования и науки.</p>"
        "</article></body></html>"
    )
    document = html_document(page, doc_id="x", path=None, encoding="utf-8")
    assert document.title is None
