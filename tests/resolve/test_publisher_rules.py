"""The publisher rules one by one (resolve/publisher.py): what a web address, a dateline and a
credit line say of the publisher's country. Texts written for the test."""

from __future__ import annotations

import pytest

from communique.knowledge import Knowledge
from communique.knowledge.sources import sources
from communique.resolve.publisher import dateline_country, domain_country, for_parsing

KNOWLEDGE = Knowledge.load()
BODY = "Министр провел встречу с послом Турции в Анкаре."


@pytest.mark.parametrize(
    ("url", "country"),
    [
        pytest.param("https://www.gov.kz/memleket", "KZ", id="country-code-domain"),
        pytest.param("gov.kz/memleket", "KZ", id="address-without-scheme"),
        pytest.param("https://WWW.GOV.KZ/", "KZ", id="upper-case-host"),
        pytest.param("https://www.gov.kz./news", "KZ", id="host-ending-in-a-dot"),
        pytest.param("https://tass.com/politics/1", "RU", id="known-outlet-under-com"),
        pytest.param("https://en.tass.com/politics/1", "RU", id="subdomain-of-a-known-outlet"),
        pytest.param("https://aa.com.tr/en/world", "TR", id="known-outlet-under-a-second-level"),
        pytest.param("https://www.bbc.co.uk/news", "GB", id="uk-is-gb"),
        pytest.param("https://europa.eu/news", None, id="eu-is-no-country"),
        pytest.param("https://startup.io/blog", None, id="io-used-as-generic"),
        pytest.param("https://example.org/a", None, id="generic-domain"),
        pytest.param("http://192.168.0.1/page", None, id="numeric-address"),
        pytest.param("https:///nothing", None, id="no-host"),
    ],
)
def test_domain_country(url: str, country: str | None) -> None:
    assert domain_country(url, sources()) == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        pytest.param(f"АСТАНА. КАЗИНФОРМ – {BODY}", "KZ", id="city-and-agency"),
        pytest.param(f"САНКТ-ПЕТЕРБУРГ. КАЗИНФОРМ — {BODY}", "KZ", id="hyphenated-city"),
        pytest.param(f"ANKARA (Kazinform) – {BODY}", "KZ", id="agency-in-brackets"),
        pytest.param(f"АНКАРА, 2 мая 2025 г. /УзА/. {BODY}", "UZ", id="agency-between-slashes"),
        pytest.param(f"АНКАРА. ИЗВЕСТИЯ – {BODY}", "TR", id="unknown-agency-capital-city"),
        pytest.param(f"АЛМАТЫ. ИЗВЕСТИЯ – {BODY}", None, id="unknown-agency-no-capital"),
        pytest.param(f"Анкара. Казинформ – {BODY}", None, id="dateline-is-in-capitals"),
        pytest.param(f"АНКАРА, 2 мая. {BODY}", "TR", id="capital-and-date"),
        pytest.param(
            f"Заголовок\n\nПодзаголовок\nАНКАРА, 2 мая. {BODY}", "TR", id="third-paragraph"
        ),
        pytest.param(
            f"Заголовок\n\nПодзаголовок\nЛид\nАНКАРА, 2 мая. {BODY}", None, id="fourth-paragraph"
        ),
        pytest.param(f"   АНКАРА, 2 мая. {BODY}", "TR", id="indented-dateline"),
        pytest.param(f"{'ГОРОД ' * 10}(Kazinform) – {BODY}", "KZ", id="long-dateline"),
        pytest.param(f"{'ГОРОД ' * 16}(Kazinform) – {BODY}", None, id="too-long-for-a-dateline"),
        pytest.param(
            f"АНКАРА. ИЗВЕСТИЯ – {BODY}\n\nФото: Сенат РК", "KZ", id="credit-over-dateline-city"
        ),
        pytest.param(
            f"АНКАРА. КАЗИНФОРМ – {BODY}\n\nФото: ТАСС", "KZ", id="dateline-agency-over-credit"
        ),
        pytest.param(f"{BODY}\n\nФОТО: Сенат РК.", "KZ", id="credit-word-any-case-dot-after"),
        pytest.param(f"{BODY}\n  Источник: Акорда", "KZ", id="indented-credit-line"),
        pytest.param(f"{BODY}\n\nФото: Kazinform.", "KZ", id="outlet-credited-with-a-stop"),
        pytest.param(
            f"{BODY}\n\n{'Фото: Kazinform':<90}", "KZ", id="credit-line-of-the-longest-length"
        ),
        pytest.param(f"{BODY}\n\nФото:\nСенат РК", None, id="credit-word-with-nothing-after"),
        pytest.param(f"{BODY}\n\nАвтор: Сенат РК", None, id="no-credit-word"),
        pytest.param(
            f"{BODY}\n\nФото: Сенат РК {'и другие участники встречи ' * 3}",
            None,
            id="credit-line-too-long",
        ),
        pytest.param(f"{BODY}\n\nФото: пресс-служба ТАСС", None, id="credit-names-no-known-body"),
    ],
)
def test_dateline_country(text: str, country: str | None) -> None:
    assert dateline_country(text, KNOWLEDGE, sources()) == country


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        pytest.param(
            f"АСТАНА. КАЗИНФОРМ – {BODY}", f"АСТАНА. КАЗИНФОРМ . {BODY}", id="dash-read-as-stop"
        ),
        pytest.param(
            f"Заголовок\n\nANKARA (Kazinform) — {BODY}",
            f"Заголовок\n\nANKARA (Kazinform) . {BODY}",
            id="dash-after-brackets",
        ),
        pytest.param(
            f"АНКАРА, 2 мая /УзА/. {BODY}", f"АНКАРА, 2 мая /УзА/. {BODY}", id="slashes-end-in-stop"
        ),
        pytest.param(f"АНКАРА, 2 мая. {BODY}", f"АНКАРА, 2 мая. {BODY}", id="no-agency-no-change"),
        pytest.param(BODY, BODY, id="no-dateline"),
    ],
)
def test_for_parsing(text: str, parsed: str) -> None:
    assert for_parsing(text) == parsed
    assert len(for_parsing(text)) == len(text)
