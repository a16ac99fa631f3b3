"""Language detection: ru, kk (Cyrillic, not mistaken for ru), en, de, and None when unclear."""

from __future__ import annotations

import pytest

from communique.ingest import detect_language

from .samples import ENGLISH, GERMAN, KAZAKH, KAZAKH_SHORT, PARAGRAPH, SENTENCE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SENTENCE, "ru"),
        (PARAGRAPH, "ru"),
        (KAZAKH, "kk"),
        (KAZAKH_SHORT, "kk"),
        (ENGLISH, "en"),
        (GERMAN, "de"),
    ],
)
def test_detects_language(text: str, expected: str) -> None:
    language, confidence = detect_language(text)
    assert language == expected
    assert 0.5 <= confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Привет, мир",  # 9 letters
        "OK 2024-03-15 12:00 +7 (7172) 75-12-34",  # almost no letters
        "asdf jkl qwer uiop zxcv bnm asdf",  # keyboard mash spreads over several languages
    ],
)
def test_too_short_or_unclear_is_none(text: str) -> None:
    assert detect_language(text) == (None, 0.0)


def test_only_the_start_of_a_long_text_is_used() -> None:
    # The Russian head decides; a long English tail is never looked at.
    language, _ = detect_language(PARAGRAPH * 30 + ENGLISH * 1000)
    assert language == "ru"
