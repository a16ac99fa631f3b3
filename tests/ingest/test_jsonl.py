"""JSON Lines: good records become Documents, each bad line a ReadFailure naming its line."""

from __future__ import annotations

import json

from communique.document import Document
from communique.errors import (
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
)
from communique.ingest import ReadFailure, ReadResult, read_bytes

from .samples import ENGLISH, NEWS_PAGE, PARAGRAPH, SENTENCE


def jsonl(*lines: object) -> bytes:
    return b"".join(
        (line if isinstance(line, bytes) else json.dumps(line, ensure_ascii=False).encode()) + b"\n"
        for line in lines
    )


def read(data: bytes, **options: int) -> list[ReadResult]:
    return list(read_bytes(data, name="feed.jsonl", **options))


def test_records_become_documents() -> None:
    data = jsonl(
        {
            "id": "a1",
            "text": SENTENCE,
            "url": "https://example.ru/a1",
            "title": "Заголовок",
            "published": "2024-03-15T10:30:00+03:00",
            "source": "Пример",
        },
        {"text": ENGLISH},
        {"id": 42, "text": PARAGRAPH, "extra": "ignored"},
    )
    first, second, third = read(data)
    assert first == Document(
        id="a1",
        text=SENTENCE,
        url="https://example.ru/a1",
        title="Заголовок",
        published="2024-03-15T10:30:00+03:00",
        source="Пример",
        format="jsonl",
        encoding="utf-8",
        language="ru",
        language_confidence=first.language_confidence,
    )
    assert isinstance(second, Document)
    assert (second.id, second.language) == ("feed:2", "en")
    assert isinstance(third, Document)
    assert third.id == "42"


def test_html_field_is_extracted_and_record_metadata_wins() -> None:
    page = NEWS_PAGE.format(charset="utf-8")
    (document,) = read(jsonl({"id": "p", "html": page, "title": "Свой заголовок"}))
    assert isinstance(document, Document)
    assert document.format == "html"
    assert document.title == "Свой заголовок"
    assert document.published == "2024-03-15"
    assert document.text.startswith("Лавров провёл переговоры с Токаевым")
    assert "Главная" not in document.text


def test_bad_lines_are_reported_by_number_and_good_lines_still_read() -> None:
    data = jsonl(
        {"id": "ok1", "text": SENTENCE},
        b"",
        b'{"id": "x" "text": "missing comma"}',
        b"[1, 2]",
        {"id": "no-text"},
        {"id": "wrong-type", "text": 5},
        {"id": "bad-title", "text": SENTENCE, "title": ["a"]},
        {"id": True, "text": SENTENCE},
        {"id": "empty", "text": "   "},
        b"   ",
        {"id": "ok1", "text": SENTENCE},
        b'{"id": "latin1", "text": "caf\xe9"}',
        {"id": "ok2", "text": SENTENCE},
    )
    results = read(data)
    documents = [r.id for r in results if isinstance(r, Document)]
    failures = {r.line: r for r in results if isinstance(r, ReadFailure)}
    assert documents == ["ok1", "ok2"]
    assert sorted(failures) == [3, 4, 5, 6, 7, 8, 9, 11, 12]
    expected = {
        3: (MalformedInputError, "line 3: invalid JSON: Expecting ',' delimiter at column 12"),
        4: (MalformedInputError, "line 4: expected a JSON object, got an array"),
        5: (MalformedInputError, "line 5: record has neither 'text' nor 'html'"),
        6: (MalformedInputError, "line 6: 'text' must be a string, got a number"),
        7: (MalformedInputError, "line 7: 'title' must be a string, got an array"),
        8: (MalformedInputError, "line 8: 'id' must be a non-empty string or an integer, got True"),
        9: (EmptyInputError, "line 9: 'text' is empty or only whitespace"),
        11: (MalformedInputError, "line 11: duplicate id 'ok1' (first on line 1)"),
        12: (EncodingError, "line 12: not valid UTF-8 (byte 0xe9)"),
    }
    for line, (error_class, message) in expected.items():
        failure = failures[line]
        assert isinstance(failure.error, error_class)
        assert failure.source == "feed.jsonl"
        assert failure.describe() == f"feed.jsonl: {message}"


def test_utf8_bom_on_the_first_line_is_accepted() -> None:
    (document,) = read(b"\xef\xbb\xbf" + jsonl({"text": SENTENCE}))
    assert isinstance(document, Document)
    assert document.id == "feed:1"


def test_over_long_record_is_skipped_and_reading_goes_on() -> None:
    data = jsonl({"text": "а " * 5000}, {"text": SENTENCE})
    too_long, document = read(data, max_bytes=2000)
    assert isinstance(too_long, ReadFailure)
    assert isinstance(too_long.error, InputTooLargeError)
    assert too_long.line == 1
    assert isinstance(document, Document)
    assert document.id == "feed:2"


def test_last_line_without_newline_is_read() -> None:
    (document,) = read(json.dumps({"text": SENTENCE}).encode())
    assert isinstance(document, Document)
    assert document.text == SENTENCE


def test_a_stated_source_country_is_kept_upper_cased() -> None:
    (document,) = read(jsonl({"id": "k", "text": SENTENCE, "source_country": "kz"}))
    assert isinstance(document, Document)
    assert document.source_country == "KZ"


def test_a_source_country_that_is_no_code_fails_that_record_alone() -> None:
    results = read(
        jsonl(
            {"id": "bad", "text": SENTENCE, "source_country": "Kazakhstan"},
            {"id": "good", "text": SENTENCE},
        )
    )
    assert isinstance(results[0], ReadFailure)
    assert isinstance(results[0].error, MalformedInputError)
    assert "source_country" in str(results[0].error)
    assert isinstance(results[1], Document)
