"""HTML: main text without navigation and footer, title, date, URL, charset from the meta tag."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.errors import MalformedInputError
from communique.ingest import ReadFailure, read_bytes
from communique.ingest.html import declared_charset, looks_like_html

from .samples import NEWS_PAGE


def read_one(data: bytes, name: str = "page.html") -> Document | ReadFailure:
    (result,) = read_bytes(data, name=name)
    return result


@pytest.mark.parametrize("charset", ["utf-8", "windows-1251", "koi8-r"])
def test_news_page_main_text_and_metadata(charset: str) -> None:
    document = read_one(NEWS_PAGE.format(charset=charset).encode(charset))
    assert isinstance(document, Document)
    assert document.format == "html"
    assert document.encoding == {"utf-8": "utf-8", "windows-1251": "cp1251"}.get(charset, charset)
    assert document.title == "Лавров провёл переговоры с Токаевым"
    assert document.published == "2024-03-15"
    assert document.url == "https://example.ru/news/lavrov-tokaev"
    assert "Министр иностранных дел России Сергей Лавров 15 марта" in document.text
    assert "в сфере образования." in document.text
    for junk in ("Главная", "Спорт", "©", "права защищены", "О редакции"):
        assert junk not in document.text
    assert document.text == document.text.strip()
    assert document.language == "ru"


def test_html_record_offsets_index_the_extracted_text() -> None:
    document = read_one(NEWS_PAGE.format(charset="utf-8").encode())
    assert isinstance(document, Document)
    start = document.text.index("Токаевым.")
    assert document.text[start : start + len("Токаевым")] == "Токаевым"


def test_page_without_main_text_falls_back_to_baseline_text() -> None:
    # trafilatura drops comment sections (we ask it to); its baseline extraction keeps them.
    page = (
        "<html><head><title>Обсуждение</title></head><body><div class='comments'>"
        "<p>Читатель пишет, что переговоры в Москве прошли успешно.</p></div></body></html>"
    )
    document = read_one(page.encode())
    assert isinstance(document, Document)
    assert document.text == "Читатель пишет, что переговоры в Москве прошли успешно."
    assert document.title == "Обсуждение"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Только заголовок</title></head><body></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_page_without_any_text_is_malformed(page: str) -> None:
    failure = read_one(page.encode())
    assert isinstance(failure, ReadFailure)
    assert isinstance(failure.error, MalformedInputError)
    assert failure.describe() == "page.html: HTML page has no extractable text"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1251">', "cp1251"),
        (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=KOI8-R'>", "koi8-r"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><html>', "iso8859-1"),
        (b'<meta charset="utf-16">', None),  # as browsers do: ASCII markup is not UTF-16
        (b'<meta charset="no-such-charset">', None),
        (b"<html><body>no declaration</body></html>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"  <!DOCTYPE html><html>", True),
        (b"<html lang='ru'>", True),
        (b"<?xml version='1.0'?>\n<!-- saved page -->\n<html>", True),
        (b"<p>A fragment</p>", True),
        (b"<user@example.com> wrote:", False),
        (b"<<< not markup", False),
        (b"plain text <b>with</b> a tag", False),
    ],
)
def test_looks_like_html(head: bytes, expected: bool) -> None:
    assert looks_like_html(head) is expected
