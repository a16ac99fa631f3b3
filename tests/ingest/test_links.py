"""A document keeps a `url` only when it is an http(s) link: whatever JSON Lines, an HTML page or
a feed entry gives as its address, `javascript:`, `data:` and the like never reach the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.document import Document, web_link
from communique.ingest import read_bytes
from communique.store.sources import read_feed

from .samples import PARAGRAPH

HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",  # browsers drop the tab: still javascript:
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/page",  # no scheme: the page's own, whatever it is
    "/documents/x",
    "http:///no-host",
    "https://example.org/\u200bhidden",  # an invisible format character
    "http://[::1",  # not even parseable
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_no_other_scheme_is_a_link(url: str) -> None:
    assert web_link(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.gov.kz/memleket/entities/mfa/press/news/details/1",
        "HTTP://Example.org/a?b=c#d",
        "https://кремль.рф/события",
    ],
)
def test_http_links_are_kept(url: str) -> None:
    assert web_link(url) == url
    assert web_link(f" {url} ") == url  # trimmed, as a browser trims it


def test_a_document_never_holds_an_unsafe_url() -> None:
    assert Document(id="a", text="x", url="javascript:alert(1)").url is None
    assert Document(id="a", text="x", url="https://example.org/a").url == "https://example.org/a"


def test_a_json_lines_record_keeps_its_text_but_not_a_javascript_url() -> None:
    line = json.dumps({"id": "r1", "text": PARAGRAPH, "url": "javascript:alert(1)"})
    [document] = list(read_bytes(line.encode() + b"\n", name="feed.jsonl"))
    assert isinstance(document, Document)
    assert document.id == "r1" and document.text == PARAGRAPH
    assert document.url is None


def test_an_html_page_with_a_javascript_canonical_link_has_no_url() -> None:
    page = (
        '<html><head><title>Переговоры</title><link rel="canonical" '
        'href="javascript:alert(document.cookie)"></head><body><article><p>'
        f"{PARAGRAPH}</p></article></body></html>"
    )
    [document] = list(read_bytes(page.encode(), name="page.html"))
    assert isinstance(document, Document)
    assert "Лавров" in document.text
    assert document.url is None


def test_a_feed_entry_with_a_javascript_link_has_no_url(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Пресс-служба</title>
<item><title>Переговоры</title><link>javascript:alert(document.cookie)</link>
<guid>entry-1</guid><description>{PARAGRAPH}</description></item>
<item><title>Встреча</title><link>https://example.org/b</link>
<guid>entry-2</guid><description>{PARAGRAPH}</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    first, second = list(read_feed(feed, max_bytes=1 << 20))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == "entry-1" and first.url is None
    assert second.url == "https://example.org/b"
